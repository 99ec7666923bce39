"""Diagnosis texts: the settings before any traffic, success and the run itself."""

from __future__ import annotations

from smtpdesk.core.diagnosis.texts.common import (
    Text,
    Variant,
    has_recipient_and_sender_differs,
    implicit_tls_found,
    step,
)
from smtpdesk.core.i18n import Msg

TEXTS: dict[str, Text] = {
    "ok": Text(
        Msg(pl="Serwer przyjął wiadomość testową", en="The server accepted the test message"),
        Msg(
            pl="Serwer {host} (port {port}) przyjął wiadomość od {sender} do {recipient} do dalszej "
            "wysyłki. To jeszcze nie dowód doręczenia — czy wiadomość dotarła do odbiorcy, może sprawdzić "
            "tylko administrator serwera poczty.",
            en="The server {host} (port {port}) accepted the message from {sender} to {recipient} for "
            "delivery. That is not yet proof of delivery — only the mail server's administrator can check "
            "whether it reached the recipient.",
        ),
        (
            step(
                "Sprawdź skrzynkę {recipient}, także folder „Spam” (wiadomości-śmieci).",
                "Check the mailbox of {recipient}, including the Spam (junk) folder.",
            ),
            step(
                "Jeśli wiadomości nie ma po kilku minutach, poszukaj w skrzynce {sender} powiadomienia o "
                "niedoręczeniu.",
                "If it has not arrived after a few minutes, look in the mailbox of {sender} for a “delivery "
                "failed” notice.",
                has_recipient_and_sender_differs,
            ),
            step(
                "Port {port} serwera {host} używa SSL/TLS od początku połączenia — warto zapisać "
                "zabezpieczenie SSL/TLS.",
                "Port {port} of {host} uses SSL/TLS from the start of the connection — it is worth saving "
                "SSL/TLS as the security.",
                implicit_tls_found,
            ),
        ),
    ),
    "no_server_configured": Text(
        Msg(pl="Nie ustawiono serwera poczty wychodzącej", en="No outgoing mail server is set"),
        Msg(
            pl="Nie ma przez co wysłać poczty: to konto nie ma własnego serwera SMTP, a nie ustawiono też "
            "konta firmowego ani serwera domyślnego.",
            en="There is nothing to send mail through: this account has no SMTP server of its own, and "
            "neither a company account nor a default server is set.",
        ),
        (
            step(
                "Aby każdy pracownik wysyłał ze swojej skrzynki: w zakładce „Pracownicy” edytuj pracownika "
                "i w sekcji „Ustawienia wysyłania poczty (SMTP)” wypełnij „Serwer poczty wychodzącej”, "
                "„Port serwera poczty wychodzącej”, „Nazwa użytkownika” i „Hasło”.",
                "For each employee to send from their own mailbox: in “Employees” edit the employee and "
                "fill in “Outgoing mail server”, “Outgoing mail server port”, “User name” and “Password” in "
                "“Outgoing mail settings (SMTP)”.",
            ),
            step(
                "Aby całe biuro wysyłało z jednego konta: wypełnij „Ustawienia wysyłania poczty (SMTP)” w "
                "zakładce „Pozostałe ustawienia”.",
                "For the whole office to send through one account: fill in “Outgoing mail settings (SMTP)” "
                "on the “Other settings” tab.",
            ),
            step(
                "Dane serwera otrzymasz od swojego informatyka lub firmy, która dostarcza pocztę.",
                "Your IT person or your mail provider can give you the server details.",
            ),
        ),
    ),
    "invalid_settings": Text(
        Msg(pl="Ustawienia są niepełne lub błędne", en="The settings are incomplete or wrong"),
        Msg(
            pl="Test nie został uruchomiony, bo w ustawieniach jest błąd.{detail}",
            en="The test did not start because the settings contain an error.{detail}",
        ),
        (
            step("Popraw pole wskazane w komunikacie.", "Correct the field named in the message."),
            step(
                "„Serwer poczty wychodzącej” to sama nazwa serwera, np. smtp.twojafirma.pl — bez „http://”, "
                "„smtp://” i bez spacji.",
                "“Outgoing mail server” is just the server name, e.g. smtp.yourcompany.pl — no “http://”, "
                "no “smtp://” and no spaces.",
            ),
            step(
                "„Port serwera poczty wychodzącej” to liczba, zwykle 587 (STARTTLS) lub 465 (SSL/TLS).",
                "“Outgoing mail server port” is a number, usually 587 (STARTTLS) or 465 (SSL/TLS).",
            ),
            step(
                "Adres nadawcy i odbiorcy to pełne adresy e-mail, np. anna@twojafirma.pl.",
                "The sender and recipient are full e-mail addresses, e.g. anna@yourcompany.pl.",
            ),
        ),
    ),
    "unknown_failure": Text(
        Msg(pl="Wysyłka nie powiodła się", en="Sending failed"),
        Msg(
            pl="Nie udało się ustalić dokładnej przyczyny. Test zatrzymał się na etapie: {stage} (serwer "
            "{host}, port {port}).",
            en="The exact cause could not be determined. The test stopped at: {stage} (server {host}, port "
            "{port}).",
        ),
        (
            step(
                "Sprawdź „Serwer poczty wychodzącej”, „Port serwera poczty wychodzącej”, zabezpieczenie, "
                "„Nazwa użytkownika” i „Hasło” z instrukcją dostawcy.",
                "Check “Outgoing mail server”, “Outgoing mail server port”, the security, “User name” and "
                "“Password” against your provider's instructions.",
            ),
            step(
                "Przekaż informatykowi lub dostawcy poczty przebieg testu.",
                "Give the test log to your IT person or mail provider.",
            ),
        ),
    ),
    "cancelled": Text(
        Msg(pl="Test przerwany", en="Test cancelled"),
        Msg(
            pl="Test został zatrzymany przed zakończeniem (etap: {stage}).",
            en="The test was stopped before it finished (step: {stage}).",
        ),
        (step("Uruchom test ponownie, gdy zechcesz.", "Run the test again whenever you like."),),
    ),
}

VARIANTS: dict[tuple[str, str], Variant] = {
    ("invalid_settings", "keychain_unavailable"): Variant(
        title=Msg(
            pl="Brak pęku kluczy — hasło nie jest dostępne", en="No keychain — the password is not available"
        ),
        explanation=Msg(
            pl="Test nie został uruchomiony: na tym komputerze nie działa pęk kluczy systemu, więc hasło "
            "konta {username} nie mogło zostać zapisane i po ponownym uruchomieniu programu go nie ma. "
            "To nie jest błąd w ustawieniach konta.",
            en="The test did not start: this computer has no working system keychain, so the password "
            "of {username} could not be saved and is gone after the program restarted. This is not a "
            "mistake in the account's settings.",
        ),
        steps=(
            step("{keychain_advice}", "{keychain_advice}"),
            step(
                "Do tego czasu wpisz hasło w polu „Hasło” — program zapamięta je do zamknięcia.",
                "Until then, enter the password in “Password” — the program keeps it until it closes.",
            ),
        ),
    ),
    ("invalid_settings", "keychain_locked"): Variant(
        title=Msg(pl="Pęk kluczy jest zablokowany", en="The keychain is locked"),
        explanation=Msg(
            pl="Test nie został uruchomiony: hasło konta {username} jest w pęku kluczy systemu, ale pęk "
            "jest zablokowany i program nie może go odczytać.",
            en="The test did not start: the password of {username} is in the system keychain, but the "
            "keychain is locked and the program cannot read it.",
        ),
        steps=(
            step("{keychain_lock_advice}", "{keychain_lock_advice}"),
            step("Potem uruchom test ponownie.", "Then run the test again."),
        ),
    ),
    ("invalid_settings", "missing_password"): Variant(
        explanation=Msg(
            pl="Test nie został uruchomiony: podano „Nazwa użytkownika” ({username}), ale nie zapisano "
            "hasła.",
            en="The test did not start: “User name” ({username}) is set, but no password is saved.",
        ),
        steps=(
            step(
                "Wpisz hasło skrzynki w polu „Hasło” i zapisz.",
                "Enter the mailbox password in “Password” and save.",
            ),
            step(
                "Jeśli serwer nie wymaga logowania, wyczyść pole „Nazwa użytkownika”.",
                "If the server needs no login, clear “User name”.",
            ),
        ),
    ),
    ("invalid_settings", "port"): Variant(
        explanation=Msg(
            pl="Test nie został uruchomiony: port {port} jest poza zakresem 1–65535.",
            en="The test did not start: port {port} is outside 1–65535.",
        ),
        steps=(
            step(
                "Wpisz w polu „Port serwera poczty wychodzącej” 587 (STARTTLS) albo 465 (SSL/TLS).",
                "Enter 587 (STARTTLS) or 465 (SSL/TLS) in “Outgoing mail server port”.",
            ),
        ),
    ),
    ("invalid_settings", "line_break"): Variant(
        explanation=Msg(
            pl="Test nie został uruchomiony: nazwa serwera, login lub adres zawiera znak nowej linii "
            "(zwykle po wklejeniu tekstu).",
            en="The test did not start: the server name, login or an address contains a line break (usually "
            "from pasted text).",
        ),
        steps=(
            step(
                "Wpisz ponownie „Serwer poczty wychodzącej”, „Nazwa użytkownika” oraz adresy nadawcy i "
                "odbiorcy, bez wklejania.",
                "Type “Outgoing mail server”, “User name” and the sender and recipient addresses again "
                "instead of pasting them.",
            ),
        ),
    ),
    ("invalid_settings", "addresses"): Variant(
        explanation=Msg(
            pl="Test nie został uruchomiony: do wysłania wiadomości potrzebny jest poprawny adres nadawcy "
            "({sender}) i odbiorcy ({recipient}).",
            en="The test did not start: sending a message needs a valid sender ({sender}) and recipient "
            "({recipient}) address.",
        ),
        steps=(
            step(
                "Uzupełnij adres e-mail pracownika w zakładce „Pracownicy” (albo adres firmy w zakładce "
                "„Dane firmy”) — pełny adres, np. anna@twojafirma.pl.",
                "Fill in the employee's e-mail address in “Employees” (or the company address in “Company "
                "data”) — a full address, e.g. anna@yourcompany.pl.",
            ),
            step(
                "Jako odbiorcę testu podaj pełny adres e-mail, najlepiej własny.",
                "Give a full e-mail address as the test recipient, preferably your own.",
            ),
        ),
    ),
    ("invalid_settings", "ca_file"): Variant(
        explanation=Msg(
            pl="Test nie został uruchomiony: nie można użyć wskazanego pliku z certyfikatem urzędu "
            "certyfikacji (CA).{detail}",
            en="The test did not start: the chosen certificate authority (CA) file cannot be used.{detail}",
        ),
        steps=(
            step(
                "Wskaż istniejący plik PEM z certyfikatem od dostawcy poczty albo usuń ten plik z ustawień "
                "konta.",
                "Choose an existing PEM file with the certificate from your mail provider, or remove the "
                "file from the account settings.",
            ),
        ),
    ),
    ("ok", "login_only"): Variant(
        title=Msg(pl="Logowanie działa", en="The login works"),
        explanation=Msg(
            pl="Serwer {host} (port {port}) przyjął login {username} i hasło (połączenie: {security_used}). "
            "Żadna wiadomość nie została wysłana.",
            en="{host} (port {port}) accepted the login {username} and the password (connection: "
            "{security_used}). No message was sent.",
        ),
        steps=(
            step(
                "Wyślij wiadomość testową, aby sprawdzić także adres nadawcy.",
                "Send a test message to check the sender address too.",
            ),
        ),
    ),
    ("ok", "sender_checked"): Variant(
        title=Msg(pl="Logowanie i adres nadawcy działają", en="The login and the sender address work"),
        explanation=Msg(
            pl="Serwer {host} (port {port}) przyjął login {username} i zgodził się przyjąć pocztę od nadawcy "
            "{sender} (połączenie: {security_used}). Żadna wiadomość nie została wysłana.",
            en="{host} (port {port}) accepted the login {username} and agreed to take mail from the sender "
            "{sender} (connection: {security_used}). No message was sent.",
        ),
        steps=(
            step(
                "Niektóre serwery (np. Exchange i Microsoft 365 — uprawnienie „wyślij jako”) sprawdzają "
                "nadawcę dopiero po treści wiadomości. Pewność da tylko prawdziwa wiadomość testowa.",
                "Some servers (e.g. Exchange and Microsoft 365 — the “send as” permission) check the sender "
                "only after the message content. Only a real test message gives certainty.",
            ),
        ),
    ),
    ("invalid_settings", "not_text"): Variant(
        explanation=Msg(
            pl="Test nie został uruchomiony: login, hasło, nazwa serwera lub adres zawiera bajty, które nie "
            "są tekstem UTF-8 (zwykle z terminala lub pliku w innym kodowaniu, np. Windows-1250).",
            en="The test did not start: the login, password, server name or an address holds bytes that are "
            "not UTF-8 text (usually from a terminal or file in another encoding, e.g. Windows-1250).",
        ),
        steps=(
            step(
                "Wpisz te wartości ponownie albo przełącz terminal na kodowanie UTF-8.",
                "Type the values again, or switch the terminal to UTF-8.",
            ),
        ),
    ),
}
