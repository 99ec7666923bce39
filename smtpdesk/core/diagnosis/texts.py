"""What each diagnosis says: title, explanation and ordered steps, in Polish and English.

Written for an office manager, not an administrator: what happened, why, and which field to change
to what. Polish texts quote the window's labels verbatim („Serwer poczty wychodzącej”, „Pracownicy”…).
``{placeholders}`` are the user's own values (see ``values.text_values``). A step with a condition is
shown only when it applies; a variant (chosen by the rule that matched) replaces parts of a text.
"""

from __future__ import annotations

from dataclasses import dataclass

from smtpdesk.core.diagnosis.fixes import best_certificate_name, suggested_login
from smtpdesk.core.diagnosis.matchers import Predicate, host_of
from smtpdesk.core.diagnosis.model import DiagnosisContext
from smtpdesk.core.i18n import Msg
from smtpdesk.core.model import IMPLICIT_TLS_PORT, ContactMode, Security
from smtpdesk.core.smtp.result import Facts


@dataclass(frozen=True)
class Step:
    msg: Msg
    when: Predicate | None = None


@dataclass(frozen=True)
class Text:
    title: Msg
    explanation: Msg
    steps: tuple[Step, ...] = ()


@dataclass(frozen=True)
class Variant:
    """Replaces the parts it sets; ``extra_steps`` come after the code's own steps."""

    title: Msg | None = None
    explanation: Msg | None = None
    steps: tuple[Step, ...] | None = None
    extra_steps: tuple[Step, ...] = ()


def step(pl: str, en: str, when: Predicate | None = None) -> Step:
    return Step(Msg(pl=pl, en=en), when)


# --- conditions of individual steps ----------------------------------------------------------


def _login_suggested(f: Facts, c: DiagnosisContext) -> bool:
    return suggested_login(c.username, c.sender) is not None


def _login_without_at_no_suggestion(f: Facts, c: DiagnosisContext) -> bool:
    return bool(c.username) and "@" not in c.username and not _login_suggested(f, c)


def _no_username(f: Facts, c: DiagnosisContext) -> bool:
    return not c.username.strip()


def _has_username(f: Facts, c: DiagnosisContext) -> bool:
    return bool(c.username.strip())


def _login_is_address(f: Facts, c: DiagnosisContext) -> bool:
    login = c.username.strip().lower()
    return "@" in login and login != c.sender.strip().lower()


def _starttls_offered(f: Facts, c: DiagnosisContext) -> bool:
    return bool(f.starttls_offered) and not f.tls_active


def _starttls_not_offered(f: Facts, c: DiagnosisContext) -> bool:
    return not _starttls_offered(f, c)


def _not_encrypted(f: Facts, c: DiagnosisContext) -> bool:
    return not f.tls_active


def _port(f: Facts, c: DiagnosisContext) -> int:
    return c.port or f.port


def _port_25(f: Facts, c: DiagnosisContext) -> bool:
    return _port(f, c) == 25


def _port_not_465(f: Facts, c: DiagnosisContext) -> bool:
    return _port(f, c) != IMPLICIT_TLS_PORT


def _port_465_without_ssl(f: Facts, c: DiagnosisContext) -> bool:
    return _port(f, c) == IMPLICIT_TLS_PORT and c.security in (Security.STARTTLS, Security.NONE)


def _has_best_name(f: Facts, c: DiagnosisContext) -> bool:
    return f.cert is not None and best_certificate_name(f.cert.names, host_of(f, c)) is not None


def _no_best_name(f: Facts, c: DiagnosisContext) -> bool:
    return not _has_best_name(f, c)


def _has_fingerprint(f: Facts, c: DiagnosisContext) -> bool:
    return f.cert is not None and bool(f.cert.sha256)


def _has_sender(f: Facts, c: DiagnosisContext) -> bool:
    return "@" in c.sender


def _has_recipient_and_sender_differs(f: Facts, c: DiagnosisContext) -> bool:
    return "@" in c.sender and c.sender.strip().lower() != c.recipient.strip().lower()


def _agent_mode_shared_account(f: Facts, c: DiagnosisContext) -> bool:
    # Unknown source or mode: the advice still applies, and the step names the condition itself.
    return c.contact_mode in (ContactMode.AGENT, None) and c.account_source in ("company", "default", "")


def _company_mode(f: Facts, c: DiagnosisContext) -> bool:
    return c.contact_mode is ContactMode.COMPANY or c.account_source in ("company", "default")


def _employee_account(f: Facts, c: DiagnosisContext) -> bool:
    return c.account_source == "employee"


def _implicit_tls_found(f: Facts, c: DiagnosisContext) -> bool:
    return f.implicit_tls_detected and c.security is not Security.SSL


# --- texts -----------------------------------------------------------------------------------

_CHECK_WEBMAIL_PASSWORD = step(
    "Sprawdź hasło: zaloguj się nim do poczty w przeglądarce. Jeśli hasło było niedawno zmieniane, wpisz "
    "nowe w polu „Hasło”.",
    "Check the password by logging in to webmail with it. If it was changed recently, enter the new one in "
    "“Password”.",
)
_SECURITY_FOR_PORT = step(
    "Sprawdź, czy zabezpieczenie pasuje do portu: 587 — STARTTLS, 465 — SSL/TLS.",
    "Check that the security matches the port: 587 — STARTTLS, 465 — SSL/TLS.",
)
_SENDING_SERVER = step(
    "Upewnij się, że „Serwer poczty wychodzącej” to serwer do wysyłania od Twojego dostawcy poczty (z "
    "logowaniem, zwykle port 587 lub 465), a nie serwer, który tylko odbiera pocztę (port 25).",
    "Make sure “Outgoing mail server” is your provider's sending server (with a login, usually port 587 or "
    "465), not a server that only receives mail (port 25).",
)
_RETRY_LATER = step(
    "Spróbuj ponownie za kilka minut.",
    "Try again in a few minutes.",
)
_TELL_PROVIDER = step(
    "Jeśli problem się powtarza, przekaż dostawcy poczty odpowiedź serwera i przebieg testu.",
    "If it keeps happening, send the server's reply and the test log to your mail provider.",
)
_OWN_ACCOUNTS = step(
    "Jeśli wiele osób wysyła przez jedno wspólne konto, rozważ ustawienie każdemu pracownikowi własnego "
    "konta: zakładka „Pracownicy” → edycja pracownika → „Ustawienia wysyłania poczty (SMTP)”.",
    "If many people send through one shared account, consider giving each employee their own account: "
    "“Employees” → edit the employee → “Outgoing mail settings (SMTP)”.",
)

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
                _has_recipient_and_sender_differs,
            ),
            step(
                "Port {port} serwera {host} używa SSL/TLS od początku połączenia — warto zapisać "
                "zabezpieczenie SSL/TLS.",
                "Port {port} of {host} uses SSL/TLS from the start of the connection — it is worth saving "
                "SSL/TLS as the security.",
                _implicit_tls_found,
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
    "host_not_found": Text(
        Msg(pl="Nie ma serwera o nazwie {host}", en="There is no server called {host}"),
        Msg(
            pl="Nazwa {host} nie istnieje w internecie, więc nie da się z nim połączyć. Najczęściej to "
            "literówka albo nazwa, której Twój dostawca poczty nie używa.",
            en="The name {host} does not exist on the internet, so it cannot be reached. Usually it is a "
            "typo or a name your mail provider does not use.",
        ),
        (
            step(
                "Porównaj „Serwer poczty wychodzącej” z instrukcją dostawcy poczty (np. smtp.gmail.com, "
                "smtp.office365.com albo nazwa serwera z panelu hostingu).",
                "Compare “Outgoing mail server” with your provider's instructions (e.g. smtp.gmail.com, "
                "smtp.office365.com or the server name in your hosting panel).",
            ),
            step(
                "Uważaj na częste pomyłki: „smpt” zamiast „smtp”, „.com” zamiast „.pl”.",
                "Watch for common mistakes: “smpt” instead of “smtp”, “.com” instead of “.pl”.",
            ),
            step(
                "Jeśli poczta została niedawno przeniesiona do innej firmy, poproś nowego dostawcę o nazwę "
                "serwera poczty wychodzącej.",
                "If your mail moved to another company recently, ask the new provider for the outgoing "
                "server name.",
            ),
        ),
    ),
    "dns_unavailable": Text(
        Msg(pl="Brak połączenia z internetem", en="No internet connection"),
        Msg(
            pl="Ten komputer nie może teraz odnaleźć w internecie żadnego serwera, także {host}. Ustawienia "
            "mogą być dobre — problem dotyczy połączenia z internetem.",
            en="This computer cannot look up any server on the internet right now, including {host}. The "
            "settings may well be right — the problem is the internet connection.",
        ),
        (
            step(
                "Sprawdź, czy działa internet: otwórz dowolną stronę w przeglądarce.",
                "Check that the internet works: open any web page in the browser.",
            ),
            step(
                "W sieci Wi-Fi hotelu lub kawiarni najpierw zaloguj się na jej stronie powitalnej.",
                "On hotel or café Wi-Fi, sign in on its welcome page first.",
            ),
            step(
                "Jeśli pracujesz przez VPN, połącz się z nim ponownie, a potem powtórz test.",
                "If you work through a VPN, reconnect it, then run the test again.",
            ),
        ),
    ),
    "connection_refused": Text(
        Msg(
            pl="Serwer {host} nie przyjmuje połączeń na porcie {port}",
            en="{host} does not accept connections on port {port}",
        ),
        Msg(
            pl="Komputer {host} odpowiada, ale na porcie {port} nic nie przyjmuje poczty. Albo port jest "
            "niewłaściwy, albo wpisany serwer nie jest tym, który obsługuje Twoją pocztę.",
            en="The computer {host} answers, but nothing accepts mail on port {port}. Either the port is "
            "wrong, or the server entered is not the one that handles your mail.",
        ),
        (
            step(
                "Sprawdź „Port serwera poczty wychodzącej”: zwykle 587 (zabezpieczenie STARTTLS) albo 465 "
                "(SSL/TLS); dla smtp.gmail.com — 465.",
                "Check “Outgoing mail server port”: usually 587 (STARTTLS security) or 465 (SSL/TLS); for "
                "smtp.gmail.com, 465.",
            ),
            step(
                "Sprawdź, czy „Serwer poczty wychodzącej” ({host}) to serwer z instrukcji dostawcy poczty, "
                "a nie np. adres strony internetowej firmy.",
                "Check that “Outgoing mail server” ({host}) is the server from your provider's "
                "instructions, not e.g. the company's website address.",
            ),
            step(
                "Jeśli port i serwer są dobre, usługa poczty może mieć awarię — spróbuj za kilka minut lub "
                "sprawdź komunikaty dostawcy.",
                "If port and server are right, the mail service may be down — try again in a few minutes or "
                "check your provider's status notices.",
            ),
        ),
    ),
    "connect_timeout": Text(
        Msg(pl="Brak odpowiedzi od {host} na porcie {port}", en="No answer from {host} on port {port}"),
        Msg(
            pl="Nie udało się połączyć z serwerem {host} (port {port}) w wyznaczonym czasie. Coś po drodze "
            "blokuje połączenie — zwykle dostawca internetu albo zapora sieciowa w biurze blokuje ten port "
            "(szczególnie port 25).",
            en="Could not connect to {host}:{port} in time. Something on the way is blocking the connection "
            "— usually the internet provider or the office firewall blocks this port (port 25 especially).",
        ),
        (
            step(
                "Zmień „Port serwera poczty wychodzącej” z 25 na 587 (STARTTLS) albo 465 (SSL/TLS).",
                "Change “Outgoing mail server port” from 25 to 587 (STARTTLS) or 465 (SSL/TLS).",
                _port_25,
            ),
            step(
                "Spróbuj drugiego portu, jeśli dostawca go obsługuje: 587 (STARTTLS) albo 465 (SSL/TLS).",
                "Try the other port if your provider offers it: 587 (STARTTLS) or 465 (SSL/TLS).",
            ),
            step(
                "Sprawdź, czy program antywirusowy lub zapora nie blokuje programu smtpdesk.",
                "Check that antivirus or firewall software is not blocking smtpdesk.",
            ),
            step(
                "Jeśli nic nie pomaga, poproś informatyka o odblokowanie połączeń wychodzących do {host} na "
                "porcie {port}.",
                "If nothing helps, ask your IT person to allow outgoing connections to {host} on port "
                "{port}.",
            ),
        ),
    ),
    "network_unreachable": Text(
        Msg(pl="Brak drogi do serwera {host}", en="No route to the server {host}"),
        Msg(
            pl="Ten komputer nie ma połączenia sieciowego z serwerem {host} (port {port}). Tak bywa, gdy "
            "serwer stoi w sieci biura, a pracujesz z domu, albo gdy nie działa internet.",
            en="This computer has no network path to {host} (port {port}). This happens when the server is "
            "inside the office network and you work from home, or when the internet is down.",
        ),
        (
            step(
                "Jeśli serwer poczty jest w sieci biura, najpierw połącz się z firmowym VPN.",
                "If the mail server is inside the office network, connect to the office VPN first.",
            ),
            step("Sprawdź połączenie z internetem.", "Check the internet connection."),
            step(
                "Jeśli problem trwa, przekaż informatykowi, że komputer nie ma drogi do {host}.",
                "If it persists, tell your IT person that this computer has no route to {host}.",
            ),
        ),
    ),
    "connection_reset": Text(
        Msg(pl="Serwer {host} od razu zerwał połączenie", en="{host} dropped the connection at once"),
        Msg(
            pl="Serwer {host} (port {port}) przerwał połączenie, zanim się przywitał. Tak bywa, gdy serwer "
            "czasowo zablokował adres internetowy biura (np. po kilku nieudanych logowaniach) albo gdy "
            "program antywirusowy przechwytuje pocztę.",
            en="{host} (port {port}) closed the connection before greeting. This happens when the server "
            "has temporarily blocked the office's internet address (e.g. after several failed logins) or "
            "when antivirus software intercepts mail.",
        ),
        (
            _SECURITY_FOR_PORT,
            step(
                "Jeśli niedawno było kilka nieudanych prób logowania, odczekaj 30–60 minut i spróbuj "
                "ponownie.",
                "If there were several failed logins recently, wait 30–60 minutes and try again.",
            ),
            step(
                "Sprawdź, czy ochrona poczty w programie antywirusowym nie blokuje programu smtpdesk.",
                "Check that the antivirus mail protection is not blocking smtpdesk.",
            ),
            step(
                "Jeśli nic nie pomaga, zapytaj dostawcę poczty, czy nie blokuje adresu internetowego biura.",
                "If nothing helps, ask your mail provider whether they block the office's internet address.",
            ),
        ),
    ),
    "greeting_timeout": Text(
        Msg(pl="Serwer {host} nie przywitał się", en="{host} did not send its greeting"),
        Msg(
            pl="Połączenie z serwerem {host} (port {port}) zostało nawiązane, ale serwer nie przywitał się "
            "w wyznaczonym czasie. Serwer jest bardzo wolny lub przeciążony albo zabezpieczenie nie pasuje "
            "do portu.",
            en="The connection to {host}:{port} was made, but the server did not greet in time. The server "
            "is very slow or overloaded, or the security does not match the port.",
        ),
        (
            step(
                "Port 465 wymaga zabezpieczenia SSL/TLS — ustaw je.",
                "Port 465 needs SSL/TLS security — set it.",
                _port_465_without_ssl,
            ),
            _SECURITY_FOR_PORT,
            _RETRY_LATER,
            step(
                "Jeśli to się powtarza, zgłoś dostawcy poczty, że serwer {host} nie wysyła powitania.",
                "If it keeps happening, tell your provider that {host} does not send a greeting.",
            ),
        ),
    ),
    "server_busy": Text(
        Msg(pl="Serwer {host} jest teraz zajęty", en="{host} is busy right now"),
        Msg(
            pl="Serwer {host} odmówił obsługi, bo jest przeciążony albo z tego biura jest do niego "
            "otwartych zbyt wiele połączeń naraz. To stan chwilowy.",
            en="{host} refused service because it is overloaded or too many connections from this office "
            "are open at once. This is temporary.",
        ),
        (_RETRY_LATER, _OWN_ACCOUNTS),
    ),
    "client_blocked": Text(
        Msg(
            pl="Serwer {host} blokuje adres internetowy biura",
            en="{host} blocks the office's internet address",
        ),
        Msg(
            pl="Serwer {host} nie przyjmuje połączeń z adresu internetowego (IP), z którego łączy się ten "
            "komputer — zwykle dlatego, że adres trafił na listę antyspamową.",
            en="{host} does not accept connections from the internet (IP) address this computer uses — "
            "usually because the address is on a spam blocklist.",
        ),
        (
            _SENDING_SERVER,
            step(
                "Poproś dostawcę internetu lub informatyka o usunięcie adresu biura z listy antyspamowej; "
                "przekaż im odpowiedź serwera.",
                "Ask your internet provider or IT person to get the office's address off the blocklist; "
                "give them the server's reply.",
            ),
        ),
    ),
    "not_smtp_service": Text(
        Msg(pl="Port {port} nie służy do wysyłania poczty", en="Port {port} is not for sending mail"),
        Msg(
            pl="Na porcie {port} serwera {host} działa inna usługa (np. odbieranie poczty albo strona "
            "internetowa), a nie serwer poczty wychodzącej.",
            en="Port {port} of {host} runs a different service (e.g. incoming mail or a website), not an "
            "outgoing mail server.",
        ),
        (
            step(
                "Zmień „Port serwera poczty wychodzącej” na 587 (STARTTLS) albo 465 (SSL/TLS).",
                "Change “Outgoing mail server port” to 587 (STARTTLS) or 465 (SSL/TLS).",
            ),
            step(
                "Porty 110, 143, 993 i 995 służą do odbierania poczty — nie nadają się do wysyłania.",
                "Ports 110, 143, 993 and 995 are for receiving mail — they cannot send.",
            ),
            step(
                "Sprawdź też, czy „Serwer poczty wychodzącej” to serwer SMTP, a nie serwer poczty "
                "przychodzącej (IMAP/POP3).",
                "Also check that “Outgoing mail server” is the SMTP server, not the incoming (IMAP/POP3) "
                "one.",
            ),
        ),
    ),
    "helo_rejected": Text(
        Msg(
            pl="Serwer {host} nie przyjął przedstawienia się komputera",
            en="{host} rejected this computer's greeting",
        ),
        Msg(
            pl="Na początku rozmowy program przedstawia się serwerowi nazwą komputera. Serwer {host} tej "
            "nazwy nie zaakceptował.",
            en="At the start of the conversation the program introduces itself with the computer's name. "
            "{host} did not accept that name.",
        ),
        (
            step(
                "Spróbuj ponownie — smtpdesk przedstawia się nazwą w standardowej postaci.",
                "Try again — smtpdesk introduces itself with a standard-form name.",
            ),
            _SENDING_SERVER,
            _TELL_PROVIDER,
        ),
    ),
    "tls_on_plain_port": Text(
        Msg(pl="Zabezpieczenie nie pasuje do portu {port}", en="The security does not match port {port}"),
        Msg(
            pl="Wybrano SSL/TLS, ale serwer {host} na porcie {port} zaczyna rozmowę bez szyfrowania i "
            "włącza je dopiero poleceniem STARTTLS.",
            en="SSL/TLS was chosen, but {host} on port {port} starts without encryption and turns it on "
            "only with the STARTTLS command.",
        ),
        (
            step(
                "Ustaw zabezpieczenie STARTTLS i zostaw port {port}.",
                "Set the security to STARTTLS and keep port {port}.",
            ),
            step(
                "Albo zostaw SSL/TLS i zmień „Port serwera poczty wychodzącej” na 465, jeśli dostawca go "
                "obsługuje.",
                "Or keep SSL/TLS and change “Outgoing mail server port” to 465 if your provider offers it.",
                _port_not_465,
            ),
        ),
    ),
    "plain_on_tls_port": Text(
        Msg(pl="Port {port} wymaga zabezpieczenia SSL/TLS", en="Port {port} needs SSL/TLS security"),
        Msg(
            pl="Serwer {host} na porcie {port} oczekuje szyfrowania SSL/TLS od pierwszej chwili, a wybrano "
            "zabezpieczenie: {security}. Serwer czekał więc w milczeniu i połączenie się nie udało.",
            en="{host} on port {port} expects SSL/TLS encryption from the very first moment, but the "
            "security chosen was: {security}. So the server waited silently and the connection failed.",
        ),
        (
            step(
                "Ustaw zabezpieczenie SSL/TLS i zostaw port {port}.",
                "Set the security to SSL/TLS and keep port {port}.",
            ),
            step(
                "Albo ustaw port 587 z zabezpieczeniem STARTTLS.",
                "Or use port 587 with STARTTLS security.",
            ),
        ),
    ),
    "encryption_required": Text(
        Msg(pl="Serwer {host} wymaga szyfrowanego połączenia", en="{host} requires an encrypted connection"),
        Msg(
            pl="Serwer {host} nie przyjmie loginu, hasła ani wiadomości przez połączenie nieszyfrowane, a "
            "połączenie na porcie {port} nie było szyfrowane.",
            en="{host} does not accept a login, password or message over an unencrypted connection, and the "
            "connection on port {port} was not encrypted.",
        ),
        (
            step(
                "Ustaw zabezpieczenie STARTTLS (port 587).",
                "Set the security to STARTTLS (port 587).",
            ),
            step(
                "Albo ustaw SSL/TLS z portem 465, jeśli dostawca go obsługuje.",
                "Or use SSL/TLS with port 465 if your provider offers it.",
            ),
        ),
    ),
    "starttls_unavailable": Text(
        Msg(
            pl="Serwer {host} nie oferuje szyfrowania na porcie {port}",
            en="{host} offers no encryption on port {port}",
        ),
        Msg(
            pl="Serwer {host} na porcie {port} nie udostępnia szyfrowania STARTTLS, więc hasło musiałoby "
            "pójść otwartym tekstem — smtpdesk go tak nie wysyła.",
            en="{host} on port {port} does not offer STARTTLS encryption, so the password would travel in "
            "clear text — smtpdesk does not send it that way.",
        ),
        (
            step(
                "Zmień „Port serwera poczty wychodzącej” na 465 i zabezpieczenie na SSL/TLS.",
                "Change “Outgoing mail server port” to 465 and the security to SSL/TLS.",
                _port_not_465,
            ),
            step(
                "Jeśli dostawca twierdzi, że serwer obsługuje szyfrowanie, zapora lub antywirus w biurze "
                "może je usuwać z połączenia — skontaktuj się z informatykiem.",
                "If your provider says the server supports encryption, a firewall or antivirus in the "
                "office may be stripping it — contact your IT person.",
            ),
            step(
                "Wysyłanie hasła bez szyfrowania nie jest zalecane; zezwalaj na nie tylko dla serwera "
                "wewnątrz sieci biura (ustawienie zaawansowane konta).",
                "Sending the password unencrypted is not recommended; allow it only for a server inside the "
                "office network (an advanced account setting).",
            ),
        ),
    ),
    "starttls_refused": Text(
        Msg(pl="Serwer {host} nie mógł włączyć szyfrowania", en="{host} could not start encryption"),
        Msg(
            pl="Serwer {host} odmówił włączenia szyfrowania STARTTLS z powodu problemu po swojej stronie.",
            en="{host} refused to start STARTTLS encryption because of a problem on its side.",
        ),
        (
            step(
                "Spróbuj portu 465 z zabezpieczeniem SSL/TLS.",
                "Try port 465 with SSL/TLS security.",
                _port_not_465,
            ),
            _RETRY_LATER,
            _TELL_PROVIDER,
        ),
    ),
    "tls_incompatible": Text(
        Msg(pl="Serwer {host} używa przestarzałego szyfrowania", en="{host} uses outdated encryption"),
        Msg(
            pl="Serwer {host} (port {port}) obsługuje tylko stare wersje szyfrowania, których obecne "
            "standardy bezpieczeństwa już nie dopuszczają.",
            en="{host} (port {port}) supports only old encryption versions that current security standards "
            "no longer allow.",
        ),
        (
            step(
                "Spróbuj drugiego portu: 465 z SSL/TLS albo 587 ze STARTTLS.",
                "Try the other port: 465 with SSL/TLS or 587 with STARTTLS.",
            ),
            step(
                "Poproś dostawcę poczty o aktualizację serwera (TLS 1.2 lub nowszy).",
                "Ask your mail provider to update the server (TLS 1.2 or newer).",
            ),
            step(
                "Do tego czasu użyj innego serwera poczty wychodzącej.",
                "Until then, use a different outgoing mail server.",
            ),
        ),
    ),
    "tls_handshake_failed": Text(
        Msg(
            pl="Nie udało się nawiązać bezpiecznego połączenia z serwerem {host}",
            en="Could not set up a secure connection to {host}",
        ),
        Msg(
            pl="Szyfrowane połączenie z serwerem {host} (port {port}) zostało przerwane w trakcie "
            "zestawiania.",
            en="The encrypted connection to {host}:{port} was cut off while it was being set up.",
        ),
        (
            _SECURITY_FOR_PORT,
            step(
                "Jeśli pasuje, program antywirusowy lub zapora w biurze może ingerować w połączenie — "
                "wyłącz w antywirusie skanowanie poczty dla smtpdesk albo dodaj wyjątek.",
                "If it does, antivirus or the office firewall may be interfering — turn off mail scanning "
                "for smtpdesk in the antivirus or add an exception.",
            ),
            _RETRY_LATER,
        ),
    ),
    "certificate_untrusted": Text(
        Msg(pl="Certyfikat serwera {host} nie jest zaufany", en="The certificate of {host} is not trusted"),
        Msg(
            pl="Serwer przedstawił certyfikat wystawiony przez „{cert_issuer}”, którego ten komputer nie "
            "może potwierdzić. Połączenie przerwano, żeby hasło nie trafiło do niewłaściwego serwera.",
            en="The server presented a certificate issued by “{cert_issuer}” that this computer cannot "
            "verify. The connection was stopped so the password cannot reach the wrong server.",
        ),
        (
            step(
                "Upewnij się, że „Serwer poczty wychodzącej” ({host}) pochodzi z instrukcji dostawcy poczty.",
                "Make sure “Outgoing mail server” ({host}) comes from your provider's instructions.",
            ),
            step(
                "Poproś dostawcę poczty o zainstalowanie pełnego certyfikatu (z certyfikatami pośrednimi).",
                "Ask your provider to install a complete certificate (with the intermediate certificates).",
            ),
            step(
                "Odcisk certyfikatu (SHA-256) do porównania z dostawcą: {fingerprint}.",
                "Certificate fingerprint (SHA-256) to compare with your provider: {fingerprint}.",
                _has_fingerprint,
            ),
        ),
    ),
    "certificate_name_mismatch": Text(
        Msg(
            pl="Certyfikat nie pasuje do nazwy serwera {host}",
            en="The certificate does not match the server name {host}",
        ),
        Msg(
            pl="Certyfikat serwera jest wystawiony na: {cert_names}, a nie na {host}. Na hostingu "
            "współdzielonym to częste — trzeba wtedy używać nazwy serwera firmy hostingowej.",
            en="The server's certificate is issued for: {cert_names}, not for {host}. This is common on "
            "shared hosting — you then have to use the hosting company's server name.",
        ),
        (
            step(
                "Wpisz w polu „Serwer poczty wychodzącej” nazwę {best_name} zamiast {host}.",
                "Enter {best_name} instead of {host} in “Outgoing mail server”.",
                _has_best_name,
            ),
            step(
                "Sprawdź właściwą nazwę serwera w panelu hostingu lub w instrukcji dostawcy poczty.",
                "Look up the right server name in your hosting panel or your provider's instructions.",
                _no_best_name,
            ),
            step(
                "Nie łącz się przez adres IP — certyfikat jest wystawiony na nazwę.",
                "Do not connect by IP address — the certificate is issued for a name.",
            ),
        ),
    ),
    "certificate_expired": Text(
        Msg(pl="Certyfikat serwera {host} wygasł", en="The certificate of {host} has expired"),
        Msg(
            pl="Certyfikat serwera był ważny do {cert_not_after}. Po tej dacie komputer nie może uznać "
            "połączenia za bezpieczne.",
            en="The server's certificate was valid until {cert_not_after}. After that date this computer "
            "cannot treat the connection as secure.",
        ),
        (
            step(
                "Sprawdź, czy data i godzina na tym komputerze są prawidłowe.",
                "Check that this computer's date and time are correct.",
            ),
            step(
                "Jeśli są prawidłowe, zgłoś dostawcy poczty, że certyfikat serwera {host} wygasł "
                "{cert_not_after}.",
                "If they are, tell your provider that the certificate of {host} expired on {cert_not_after}.",
            ),
        ),
    ),
    "auth_failed": Text(
        Msg(pl="Serwer nie przyjął loginu lub hasła", en="The server did not accept the login or password"),
        Msg(
            pl="Serwer {host} odrzucił logowanie użytkownika {username}. Serwer, login i hasło muszą do "
            "siebie pasować: albo serwer jest dobry, a login lub hasło błędne, albo login i hasło są dobre, "
            "ale wpisano serwer innego dostawcy.",
            en="{host} rejected the login of {username}. Server, login and password must belong together: "
            "either the server is right and the login or password is wrong, or login and password are right "
            "but the server belongs to another provider.",
        ),
        (
            step(
                "W polu „Nazwa użytkownika” wpisz pełny adres e-mail: {login_suggestion} — większość "
                "dostawców wymaga całego adresu jako loginu.",
                "Enter the full e-mail address in “User name”: {login_suggestion} — most providers require "
                "the whole address as the login.",
                _login_suggested,
            ),
            step(
                "W polu „Nazwa użytkownika” wpisz pełny adres e-mail (z @ i domeną) — większość dostawców "
                "wymaga całego adresu jako loginu.",
                "Enter the full e-mail address (with @ and the domain) in “User name” — most providers "
                "require the whole address as the login.",
                _login_without_at_no_suggestion,
            ),
            _CHECK_WEBMAIL_PASSWORD,
            step(
                "Sprawdź, czy „Serwer poczty wychodzącej” ({host}) należy do tego samego dostawcy co "
                "skrzynka {username}.",
                "Check that “Outgoing mail server” ({host}) belongs to the same provider as the mailbox "
                "{username}.",
            ),
            step(
                "Zwróć uwagę na Caps Lock i spacje na początku lub końcu hasła.",
                "Mind Caps Lock and spaces at the start or end of the password.",
            ),
            step(
                "Nie powtarzaj testu wiele razy z rzędu — po kilku nieudanych próbach serwer może czasowo "
                "zablokować logowanie.",
                "Do not repeat the test many times in a row — after several failures the server may block "
                "logins for a while.",
            ),
        ),
    ),
    "auth_app_password_required": Text(
        Msg(pl="Gmail wymaga hasła do aplikacji", en="Gmail requires an app password"),
        Msg(
            pl="Serwer Google {host} nie przyjmuje z programów pocztowych zwykłego hasła do konta "
            "{username}. Do wysyłania z programu potrzebne jest 16-znakowe hasło do aplikacji.",
            en="Google's server {host} does not accept the normal password of the account {username} from "
            "mail programs. Sending from a program needs a 16-character app password.",
        ),
        (
            step(
                "Zaloguj się na konto Google {username} i włącz weryfikację dwuetapową "
                "(myaccount.google.com → Bezpieczeństwo).",
                "Sign in to the Google account {username} and turn on 2-Step Verification "
                "(myaccount.google.com → Security).",
            ),
            step(
                "Utwórz hasło do aplikacji na stronie myaccount.google.com/apppasswords.",
                "Create an app password at myaccount.google.com/apppasswords.",
            ),
            step(
                "Wklej otrzymany 16-znakowy kod w polu „Hasło” zamiast zwykłego hasła.",
                "Paste the 16-character code into “Password” instead of the normal password.",
            ),
            step(
                "W polu „Nazwa użytkownika” musi być pełny adres Gmail.",
                "“User name” must be the full Gmail address.",
            ),
            step(
                "W kontach firmowych Google Workspace hasła do aplikacji może wyłączyć administrator — "
                "wtedy poproś go o zgodę.",
                "In Google Workspace business accounts the administrator may have turned app passwords off "
                "— then ask them to allow it.",
            ),
        ),
    ),
    "auth_disabled_by_provider": Text(
        Msg(
            pl="Microsoft 365 nie pozwala tej skrzynce logować się hasłem z programów",
            en="Microsoft 365 does not let this mailbox log in with a password from programs",
        ),
        Msg(
            pl="Serwer {host} odpowiedział, że logowanie hasłem do wysyłania z programów (SMTP AUTH) jest "
            "wyłączone dla organizacji lub skrzynki {username}. Poprawianie hasła tu nie pomoże.",
            en="{host} replied that password login for sending from programs (SMTP AUTH) is turned off for "
            "the organisation or the mailbox {username}. Correcting the password will not help.",
        ),
        (
            step(
                "Poproś administratora Microsoft 365 o włączenie „Authenticated SMTP” (uwierzytelniony "
                "SMTP) dla skrzynki {username} — w centrum administracyjnym: Users → Active users → Mail → "
                "Manage email apps.",
                "Ask your Microsoft 365 administrator to enable “Authenticated SMTP” for the mailbox "
                "{username} — in the admin center: Users → Active users → Mail → Manage email apps.",
            ),
            step(
                "Administrator musi też sprawdzić, czy domyślne ustawienia zabezpieczeń (Security Defaults) "
                "nie blokują tego logowania.",
                "The administrator must also check that Security Defaults do not block this login.",
            ),
            step(
                "Jeśli organizacja nie może tego włączyć, użyj innego serwera do wysyłania poczty.",
                "If the organisation cannot enable it, use a different server to send mail.",
            ),
        ),
    ),
    "auth_not_offered": Text(
        Msg(
            pl="Serwer {host} nie przyjmuje logowania na porcie {port}",
            en="{host} does not take a login on port {port}",
        ),
        Msg(
            pl="Serwer {host} nie udostępnił logowania (AUTH) na tym połączeniu, więc login {username} i "
            "hasło nie mogły zostać użyte.",
            en="{host} did not offer a login (AUTH) on this connection, so the login {username} and "
            "password could not be used.",
        ),
        (
            step(
                "Ten serwer pozwala się zalogować dopiero po włączeniu szyfrowania — ustaw zabezpieczenie "
                "STARTTLS.",
                "This server allows logging in only after encryption is on — set the security to STARTTLS.",
                _starttls_offered,
            ),
            step(
                "Sprawdź, czy „Serwer poczty wychodzącej” to serwer do wysyłania Twojego dostawcy (zwykle "
                "port 587 lub 465), a nie serwer odbierający pocztę na porcie 25.",
                "Check that “Outgoing mail server” is your provider's sending server (usually port 587 or "
                "465), not a server receiving mail on port 25.",
                _starttls_not_offered,
            ),
            step(
                "Jeśli informatyk potwierdzi, że to wewnętrzny serwer biura przyjmujący pocztę bez "
                "logowania, wyczyść pola „Nazwa użytkownika” i „Hasło”.",
                "If your IT person confirms it is an internal office server that takes mail without a "
                "login, clear “User name” and “Password”.",
                _starttls_not_offered,
            ),
        ),
    ),
    "auth_mechanism_unsupported": Text(
        Msg(pl="Serwer {host} wymaga innej metody logowania", en="{host} requires a different login method"),
        Msg(
            pl="Serwer {host} oferuje tylko metody logowania, których smtpdesk nie może tu użyć (oferowane: "
            "{mechanisms}).",
            en="{host} offers only login methods smtpdesk cannot use here (offered: {mechanisms}).",
        ),
        (
            step(
                "Włącz szyfrowanie (STARTTLS lub SSL/TLS) — wiele serwerów pokazuje zwykłe logowanie "
                "dopiero po zaszyfrowaniu połączenia.",
                "Turn on encryption (STARTTLS or SSL/TLS) — many servers show the normal login only once "
                "the connection is encrypted.",
                _not_encrypted,
            ),
            step(
                "Poproś informatyka o włączenie zwykłego logowania (PLAIN lub LOGIN) dla SMTP na {host}.",
                "Ask your IT person to enable normal login (PLAIN or LOGIN) for SMTP on {host}.",
            ),
            step(
                "Albo użyj innego serwera poczty wychodzącej.",
                "Or use a different outgoing mail server.",
            ),
        ),
    ),
    "auth_rate_limited": Text(
        Msg(pl="Zbyt wiele prób logowania", en="Too many login attempts"),
        Msg(
            pl="Serwer {host} tymczasowo wstrzymał logowanie na konto {username} po zbyt wielu próbach.",
            en="{host} has paused logins for {username} after too many attempts.",
        ),
        (
            step("Odczekaj 15–60 minut przed kolejnym testem.", "Wait 15–60 minutes before the next test."),
            step(
                "Sprawdź, czy inny komputer, telefon lub program nie próbuje logować się starym hasłem.",
                "Check that no other computer, phone or program keeps logging in with an old password.",
            ),
            step(
                "Przed następną próbą upewnij się, że hasło jest poprawne (zaloguj się nim do poczty w "
                "przeglądarce).",
                "Before the next try, make sure the password is right (log in to webmail with it).",
            ),
        ),
    ),
    "auth_required": Text(
        Msg(pl="Serwer {host} wymaga zalogowania", en="{host} requires a login"),
        Msg(
            pl="Serwer {host} przyjmuje pocztę do wysłania tylko od zalogowanych użytkowników, a to "
            "połączenie nie było zalogowane.",
            en="{host} accepts mail for sending only from logged-in users, and this connection was not "
            "logged in.",
        ),
        (
            step(
                "Wpisz login skrzynki w polu „Nazwa użytkownika” i jej hasło w polu „Hasło”.",
                "Enter the mailbox login in “User name” and its password in “Password”.",
                _no_username,
            ),
            step(
                "Sprawdź, czy w polu „Hasło” jest zapisane hasło dla {username}.",
                "Check that a password for {username} is saved in “Password”.",
                _has_username,
            ),
            _SENDING_SERVER,
        ),
    ),
    "sender_not_allowed": Text(
        Msg(
            pl="Serwer nie pozwala wysyłać jako {sender}", en="The server does not allow sending as {sender}"
        ),
        Msg(
            pl="Konto {username} może wysyłać pocztę tylko ze swojego adresu (loginu), a wiadomość miała "
            "nadawcę {sender}. Dlatego serwer {host} odrzucił adres nadawcy.",
            en="The account {username} may send mail only from its own address (its login), but the message "
            "was from {sender}. So {host} rejected the sender address.",
        ),
        (
            step(
                "Jeśli w zakładce „Pozostałe ustawienia” przy „W mailach (stopka i adres mailowy):” wybrano "
                "„Kontakt do aktualnie zalogowanego agenta”, zostaw w tej zakładce sekcję „Ustawienia "
                "wysyłania poczty (SMTP)” pustą, a w zakładce „Pracownicy” uzupełnij każdemu pracownikowi "
                "jego własny serwer, login i hasło w sekcji „Ustawienia wysyłania poczty (SMTP)”.",
                "If “Contact of the currently signed-in agent” is chosen under “In e-mails” in “Other "
                "settings”, leave “Outgoing mail settings (SMTP)” in “Other settings” empty and, in "
                "“Employees”, fill in each employee's own server, login and password in “Outgoing mail "
                "settings (SMTP)”.",
                _agent_mode_shared_account,
            ),
            step(
                "Upewnij się, że adres e-mail tego pracownika w zakładce „Pracownicy” jest taki sam jak "
                "jego „Nazwa użytkownika” ({username}).",
                "Make sure this employee's e-mail address in “Employees” is the same as their “User name” "
                "({username}).",
                _employee_account,
            ),
            step(
                "Ustaw nadawcę {username} — z tego adresu to konto może wysyłać.",
                "Make {username} the sender — the account may send from that address.",
                _login_is_address,
            ),
            step(
                "Jedno konto dla wielu nadawców („Kontakt do firmy / biura”) musi pozwalać na wysyłkę z "
                "różnych adresów: poproś administratora poczty o zgodę na wysyłanie jako {sender} (alias "
                "lub uprawnienie „wyślij jako”).",
                "One account for many senders (“Contact of the company / office”) must be allowed to send "
                "from different addresses: ask your mail administrator to let it send as {sender} (an alias "
                "or a “send as” permission).",
                _company_mode,
            ),
            step(
                "Albo poproś administratora poczty, by konto {username} mogło wysyłać jako {sender} (alias "
                "lub uprawnienie „wyślij jako”).",
                "Or ask your mail administrator to let {username} send as {sender} (an alias or a “send as” "
                "permission).",
                lambda f, c: not _company_mode(f, c),
            ),
        ),
    ),
    "sender_invalid": Text(
        Msg(pl="Adres nadawcy {sender} jest błędny", en="The sender address {sender} is wrong"),
        Msg(
            pl="Serwer {host} uznał adres nadawcy {sender} za nieprawidłowy — jest w nim literówka albo "
            "jego domena nie istnieje.",
            en="{host} considers the sender address {sender} invalid — it has a typo or its domain does not "
            "exist.",
        ),
        (
            step(
                "Popraw adres e-mail pracownika w zakładce „Pracownicy” (albo adres firmy w zakładce „Dane "
                "firmy”, jeśli poczta wychodzi z adresu firmy).",
                "Correct the employee's e-mail address in “Employees” (or the company address in “Company "
                "data” if mail goes out from the company address).",
            ),
            step(
                "Sprawdź część po znaku @ — musi to być istniejąca domena, np. twojafirma.pl.",
                "Check the part after @ — it must be an existing domain, e.g. yourcompany.pl.",
            ),
        ),
    ),
    "sender_policy_rejected": Text(
        Msg(pl="Serwer {host} nie przyjął nadawcy {sender}", en="{host} refused the sender {sender}"),
        Msg(
            pl="Serwer {host} nie przyjął wiadomości z adresu {sender} ze względu na swoje zasady.",
            en="{host} did not accept mail from {sender} because of its policy.",
        ),
        (
            step(
                "Najprościej: wysyłaj z adresu u tego samego dostawcy co konto {username}.",
                "Simplest: send from an address at the same provider as the account {username}.",
            ),
            step(
                "Przekaż dostawcy poczty odpowiedź serwera i zapytaj, jakie adresy nadawcy są dozwolone.",
                "Send the server's reply to your provider and ask which sender addresses are allowed.",
            ),
        ),
    ),
    "relay_denied": Text(
        Msg(
            pl="Serwer {host} nie przekazuje poczty do {recipient}",
            en="{host} does not relay mail to {recipient}",
        ),
        Msg(
            pl="Serwer {host} odmówił przekazania wiadomości na adres spoza swojej domeny. Tak jest, gdy "
            "nie zalogowano się albo wpisano serwer odbierający pocztę zamiast serwera do wysyłania.",
            en="{host} refused to pass the message on to an address outside its domain. That happens when "
            "there was no login or when a receiving server was entered instead of a sending server.",
        ),
        (
            step(
                "Upewnij się, że „Nazwa użytkownika” i „Hasło” są wpisane i poprawne.",
                "Make sure “User name” and “Password” are filled in and correct.",
            ),
            _SENDING_SERVER,
        ),
    ),
    "recipient_unknown": Text(
        Msg(
            pl="Adres odbiorcy {recipient} nie istnieje",
            en="The recipient address {recipient} does not exist",
        ),
        Msg(
            pl="Serwer {host} odpowiedział, że skrzynki {recipient} nie ma.",
            en="{host} replied that the mailbox {recipient} does not exist.",
        ),
        (
            step("Sprawdź pisownię adresu odbiorcy.", "Check the spelling of the recipient address."),
            step(
                "Wyślij test na własny adres ({sender}).",
                "Send the test to your own address ({sender}).",
                _has_sender,
            ),
        ),
    ),
    "recipient_deferred": Text(
        Msg(pl="Serwer poprosił o ponowienie później", en="The server asked to try again later"),
        Msg(
            pl="Serwer {host} tymczasowo wstrzymał przyjęcie wiadomości do {recipient} — to zwykłe "
            "opóźnienie antyspamowe albo chwilowy problem.",
            en="{host} temporarily held back the message to {recipient} — a normal anti-spam delay or a "
            "passing problem.",
        ),
        (
            step("Spróbuj ponownie za 5–15 minut.", "Try again in 5–15 minutes."),
            _SENDING_SERVER,
        ),
    ),
    "too_many_recipients": Text(
        Msg(pl="Za dużo odbiorców", en="Too many recipients"),
        Msg(
            pl="Serwer {host} ogranicza liczbę odbiorców jednej wiadomości albo liczbę odbiorców w ciągu "
            "dnia.",
            en="{host} limits how many recipients one message, or one day, may have.",
        ),
        (
            step("Wyślij do mniejszej liczby odbiorców naraz.", "Send to fewer recipients at once."),
            step(
                "Jeśli to limit dzienny, poczekaj do następnego dnia.",
                "If it is a daily limit, wait until tomorrow.",
            ),
        ),
    ),
    "message_too_large": Text(
        Msg(pl="Wiadomość jest za duża dla serwera", en="The message is too large for the server"),
        Msg(
            pl="Serwer {host} nie przyjmuje wiadomości tej wielkości.",
            en="{host} does not accept messages of this size.",
        ),
        (
            step(
                "Zmniejsz lub usuń załączniki i duże obrazy.",
                "Shrink or remove attachments and large images.",
            ),
            step(
                "Jeśli to wiadomość testowa, zmniejsz plik w zakładce „Logo Firmy” — logo jest w stopce.",
                "If it is the test message, use a smaller file on the “Company logo” tab — the logo is in "
                "the footer.",
            ),
        ),
    ),
    "content_rejected": Text(
        Msg(pl="Serwer {host} odrzucił treść wiadomości", en="{host} rejected the message content"),
        Msg(
            pl="Serwer {host} przyjął połączenie, ale nie tę wiadomość — jego filtr (np. antyspamowy lub "
            "zasady organizacji) uznał treść za niedozwoloną.",
            en="{host} accepted the connection but not this message — its filter (e.g. anti-spam or an "
            "organisation rule) considered the content not allowed.",
        ),
        (
            step("Wyślij prosty test bez załączników.", "Send a plain test without attachments."),
            step(
                "Jeśli nadal jest odrzucana, zapytaj dostawcę poczty o przyczynę, przekazując odpowiedź "
                "serwera.",
                "If it is still rejected, ask your provider why, giving them the server's reply.",
            ),
        ),
    ),
    "data_rejected": Text(
        Msg(pl="Serwer {host} nie przyjął wiadomości", en="{host} did not accept the message"),
        Msg(
            pl="Po przesłaniu treści serwer {host} odmówił przyjęcia wiadomości od {sender}.",
            en="After receiving the content, {host} refused to accept the message from {sender}.",
        ),
        (
            step(
                "Przeczytaj odpowiedź serwera — zwykle podaje przyczynę.",
                "Read the server's reply — it usually gives the reason.",
            ),
            step("Wyślij prosty test bez załączników.", "Send a plain test without attachments."),
            _TELL_PROVIDER,
        ),
    ),
    "smtputf8_required": Text(
        Msg(
            pl="Serwer {host} nie obsługuje adresu z polskimi znakami",
            en="{host} does not support an address with non-English letters",
        ),
        Msg(
            pl="Serwer {host} nie obsługuje adresów e-mail z polskimi literami przed znakiem @ (np. "
            "łukasz@…), a taki adres był nadawcą lub odbiorcą.",
            en="{host} does not support e-mail addresses with Polish or other non-English letters before "
            "the @ (e.g. łukasz@…), and the sender or recipient had one.",
        ),
        (
            step(
                "Użyj adresu bez polskich liter przed @ (np. lukasz@…) jako nadawcy i odbiorcy.",
                "Use an address without such letters before the @ (e.g. lukasz@…) as sender and recipient.",
            ),
        ),
    ),
    "quota_exceeded": Text(
        Msg(pl="Osiągnięto limit wysyłania", en="The sending limit has been reached"),
        Msg(
            pl="Konto {username} wysłało już tyle wiadomości, ile dostawca ({host}) pozwala w danym okresie.",
            en="The account {username} has already sent as many messages as the provider ({host}) allows "
            "for the period.",
        ),
        (
            step(
                "Poczekaj — limit zwykle odnawia się w ciągu 24 godzin.",
                "Wait — the limit usually resets within 24 hours.",
            ),
            _OWN_ACCOUNTS,
        ),
    ),
    "account_blocked": Text(
        Msg(
            pl="Dostawca zablokował wysyłanie z konta {username}",
            en="The provider has blocked sending from {username}",
        ),
        Msg(
            pl="Serwer {host} odpowiedział, że konto jest zablokowane lub zawieszone — np. po wykryciu "
            "spamu, przejęcia konta albo z powodu nieopłaconej usługi.",
            en="{host} replied that the account is blocked or suspended — e.g. after spam or a takeover was "
            "detected, or because the service was not paid.",
        ),
        (
            step(
                "Zaloguj się do poczty w przeglądarce i przeczytaj komunikaty od dostawcy.",
                "Log in to webmail and read the provider's notices.",
            ),
            step(
                "Zmień hasło — konto mogło zostać przejęte — i wpisz nowe w polu „Hasło”.",
                "Change the password — the account may have been misused — and enter the new one in "
                "“Password”.",
            ),
            step(
                "Skontaktuj się z dostawcą poczty (lub administratorem Microsoft 365), aby odblokować "
                "wysyłanie.",
                "Contact your mail provider (or Microsoft 365 administrator) to unblock sending.",
            ),
        ),
    ),
    "connection_dropped": Text(
        Msg(pl="Serwer {host} przerwał połączenie", en="{host} dropped the connection"),
        Msg(
            pl="Serwer {host} rozłączył się w trakcie wysyłania (etap: {stage}).",
            en="{host} hung up in the middle of sending (step: {stage}).",
        ),
        (
            step("Spróbuj ponownie.", "Try again."),
            step(
                "Jeśli to się powtarza, sprawdź, czy antywirus nie skanuje poczty wychodzącej, i przekaż "
                "przebieg testu dostawcy poczty.",
                "If it keeps happening, check that antivirus is not scanning outgoing mail, and send the "
                "test log to your provider.",
            ),
        ),
    ),
    "temporary_failure": Text(
        Msg(pl="Chwilowy problem serwera {host}", en="Temporary problem at {host}"),
        Msg(
            pl="Serwer {host} zgłosił tymczasowy błąd (etap: {stage}). Ustawienia mogą być poprawne.",
            en="{host} reported a temporary error (step: {stage}). The settings may well be right.",
        ),
        (_RETRY_LATER, _TELL_PROVIDER),
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
    ("certificate_untrusted", "self_signed"): Variant(
        title=Msg(
            pl="Serwer {host} ma certyfikat wystawiony przez siebie",
            en="{host} has a self-signed certificate",
        ),
        explanation=Msg(
            pl="Certyfikat serwera wystawił sam jego właściciel, a nie zaufany urząd certyfikacji, więc ten "
            "komputer nie może go sprawdzić. Niektórzy mniejsi dostawcy tak robią i proszą o zaakceptowanie "
            "wyjątku.",
            en="The server's certificate was issued by its own owner, not by a trusted certificate "
            "authority, so this computer cannot check it. Some smaller providers do this and ask you to "
            "accept an exception.",
        ),
        steps=(
            step(
                "Zadzwoń do dostawcy poczty i porównaj odcisk certyfikatu (SHA-256): {fingerprint}.",
                "Call your mail provider and compare the certificate fingerprint (SHA-256): {fingerprint}.",
            ),
            step(
                "Tylko jeśli odcisk się zgadza, zaufaj temu certyfikatowi — smtpdesk zapamięta go wyłącznie "
                "dla serwera {host}.",
                "Only if the fingerprint matches, trust this certificate — smtpdesk will remember it for "
                "{host} only.",
            ),
            step(
                "Jeśli certyfikat się kiedyś zmieni, smtpdesk znów o to zapyta.",
                "If the certificate ever changes, smtpdesk will ask again.",
            ),
        ),
    ),
    ("certificate_untrusted", "antivirus"): Variant(
        title=Msg(
            pl="Antywirus przechwytuje szyfrowaną pocztę", en="Antivirus is intercepting encrypted mail"
        ),
        explanation=Msg(
            pl="Certyfikat połączenia z serwerem {host} wystawił „{cert_issuer}” — to program antywirusowy "
            "na tym komputerze, który podmienia certyfikat serwera, aby skanować pocztę.",
            en="The certificate for {host} was issued by “{cert_issuer}” — antivirus software on this "
            "computer that replaces the server's certificate to scan mail.",
        ),
        steps=(
            step(
                "W ustawieniach antywirusa wyłącz skanowanie poczty wychodzącej (lub połączeń szyfrowanych) "
                "albo dodaj smtpdesk do wyjątków.",
                "In the antivirus settings, turn off scanning of outgoing mail (or of encrypted "
                "connections), or add smtpdesk as an exception.",
            ),
            step("Potem wykonaj test ponownie.", "Then run the test again."),
        ),
    ),
    ("certificate_expired", "not_yet_valid"): Variant(
        title=Msg(
            pl="Certyfikat serwera {host} nie jest jeszcze ważny",
            en="The certificate of {host} is not valid yet",
        ),
        explanation=Msg(
            pl="Certyfikat serwera jest ważny dopiero od {cert_not_before}. Najczęściej oznacza to złą datę "
            "na tym komputerze.",
            en="The server's certificate is valid only from {cert_not_before}. Usually this means this "
            "computer's date is wrong.",
        ),
        steps=(
            step(
                "Ustaw prawidłową datę i godzinę na tym komputerze i powtórz test.",
                "Set this computer's date and time correctly and run the test again.",
            ),
            step(
                "Jeśli są prawidłowe, zgłoś dostawcy poczty, że certyfikat serwera {host} nie jest jeszcze "
                "ważny.",
                "If they are, tell your provider that the certificate of {host} is not valid yet.",
            ),
        ),
    ),
    ("auth_failed", "microsoft"): Variant(
        extra_steps=(
            step(
                "Jeśli hasło jest na pewno dobre, administrator Microsoft 365 musi włączyć dla skrzynki "
                "{username} „Authenticated SMTP” (uwierzytelniony SMTP).",
                "If the password is certainly right, the Microsoft 365 administrator must enable "
                "“Authenticated SMTP” for the mailbox {username}.",
            ),
        ),
    ),
    ("auth_failed", "portal"): Variant(
        extra_steps=(
            step(
                "W skrzynkach portali (o2, Interia, WP, Onet) może być potrzebne włączenie dostępu dla "
                "programów pocztowych: zaloguj się do poczty w przeglądarce i w ustawieniach włącz dostęp "
                "przez programy pocztowe (IMAP/POP3/SMTP).",
                "Portal mailboxes (o2, Interia, WP, Onet) may need access for mail programs switched on: "
                "log in to webmail and enable access for mail programs (IMAP/POP3/SMTP) in the settings.",
            ),
        ),
    ),
    ("auth_app_password_required", "web_login"): Variant(
        title=Msg(
            pl="Google zablokował logowanie jako nietypowe", en="Google blocked the sign-in as unusual"
        ),
        explanation=Msg(
            pl="Google uznał to logowanie na konto {username} za podejrzane (np. z nowego miejsca) i wymaga "
            "potwierdzenia w przeglądarce.",
            en="Google considered this sign-in to {username} suspicious (e.g. from a new place) and wants "
            "it confirmed in a browser.",
        ),
        steps=(
            step(
                "Zaloguj się do Gmaila w przeglądarce na tym komputerze i potwierdź, że to Ty.",
                "Sign in to Gmail in a browser on this computer and confirm it was you.",
            ),
            step("Potem wykonaj test ponownie.", "Then run the test again."),
            step(
                "Jeśli nadal się nie udaje, użyj hasła do aplikacji (myaccount.google.com/apppasswords) w "
                "polu „Hasło”.",
                "If it still fails, put an app password (myaccount.google.com/apppasswords) in “Password”.",
            ),
        ),
    ),
    ("auth_app_password_required", "provider"): Variant(
        title=Msg(pl="{provider} wymaga hasła do aplikacji", en="{provider} requires an app password"),
        explanation=Msg(
            pl="{provider} nie przyjmuje z programów pocztowych zwykłego hasła do konta {username} — "
            "potrzebne jest osobne hasło do aplikacji.",
            en="{provider} does not accept the normal password of {username} from mail programs — a "
            "separate app password is needed.",
        ),
        steps=(
            step(
                "Zaloguj się na konto {provider} w przeglądarce i w ustawieniach bezpieczeństwa utwórz "
                "hasło do aplikacji.",
                "Sign in to your {provider} account in a browser and create an app password in the security "
                "settings.",
            ),
            step("Wklej je w polu „Hasło”.", "Paste it into “Password”."),
            step(
                "W polu „Nazwa użytkownika” wpisz pełny adres e-mail.",
                "Enter the full e-mail address in “User name”.",
            ),
        ),
    ),
    ("auth_disabled_by_provider", "outlook_com"): Variant(
        title=Msg(
            pl="Outlook.com nie pozwala logować się hasłem z programów",
            en="Outlook.com does not allow password logins from programs",
        ),
        explanation=Msg(
            pl="Microsoft wyłączył logowanie zwykłym hasłem z programów dla kont Outlook.com, Hotmail i "
            "Live (od września 2024). Takie konto ({username}) nie wyśle poczty z programu przez login i "
            "hasło.",
            en="Microsoft switched off normal password logins from programs for Outlook.com, Hotmail and "
            "Live accounts (since September 2024). Such an account ({username}) cannot send from a program "
            "with a login and password.",
        ),
        steps=(
            step(
                "Użyj do wysyłania innej skrzynki, np. firmowej u dostawcy hostingu.",
                "Use another mailbox for sending, e.g. a company one at your hosting provider.",
            ),
        ),
    ),
    ("sender_policy_rejected", "spf"): Variant(
        explanation=Msg(
            pl="Serwer {host} nie przyjął wiadomości z adresu {sender}, bo domena {sender_domain} nie "
            "pozwala temu serwerowi wysyłać w swoim imieniu (SPF/DMARC).",
            en="{host} did not accept mail from {sender} because the domain {sender_domain} does not allow "
            "this server to send on its behalf (SPF/DMARC).",
        ),
        extra_steps=(
            step(
                "Albo poproś osobę zarządzającą domeną {sender_domain} o dodanie tego serwera do rekordu "
                "SPF (i ustawienie DKIM).",
                "Or ask whoever manages {sender_domain} to add this server to the domain's SPF record (and "
                "set up DKIM).",
            ),
        ),
    ),
    ("recipient_unknown", "refused"): Variant(
        title=Msg(
            pl="Serwer {host} odrzucił odbiorcę {recipient}", en="{host} refused the recipient {recipient}"
        ),
        explanation=Msg(
            pl="Serwer {host} nie przyjął adresu odbiorcy {recipient}.",
            en="{host} did not accept the recipient address {recipient}.",
        ),
    ),
    ("recipient_unknown", "mailbox_full"): Variant(
        title=Msg(pl="Skrzynka {recipient} jest pełna", en="The mailbox {recipient} is full"),
        explanation=Msg(
            pl="Serwer {host} odpowiedział, że skrzynka odbiorcy {recipient} jest przepełniona.",
            en="{host} replied that the recipient's mailbox {recipient} is full.",
        ),
        steps=(
            step(
                "Wyślij test na inny adres, np. własny ({sender}).",
                "Send the test to another address, e.g. your own ({sender}).",
            ),
        ),
    ),
    ("recipient_deferred", "mailbox_full"): Variant(
        explanation=Msg(
            pl="Skrzynka odbiorcy {recipient} jest chwilowo pełna, więc serwer {host} wstrzymał wiadomość.",
            en="The mailbox {recipient} is full for now, so {host} held back the message.",
        ),
    ),
    ("connection_dropped", "after_auth"): Variant(
        explanation=Msg(
            pl="Serwer {host} rozłączył się zaraz po próbie logowania {username}. Niektórzy dostawcy tak "
            "reagują na złe hasło albo na zwykłe hasło tam, gdzie wymagają hasła do aplikacji.",
            en="{host} hung up right after the login attempt of {username}. Some providers do that for a "
            "wrong password, or for a normal password where they require an app password.",
        ),
        steps=(
            _CHECK_WEBMAIL_PASSWORD,
            step(
                "Jeśli dostawca wymaga hasła do aplikacji lub włączenia dostępu dla programów pocztowych, "
                "zrób to w ustawieniach poczty w przeglądarce.",
                "If your provider requires an app password or access for mail programs to be switched on, "
                "do it in the webmail settings.",
            ),
        ),
    ),
    ("connection_dropped", "timeout"): Variant(
        title=Msg(pl="Serwer {host} przestał odpowiadać", en="{host} stopped answering"),
        explanation=Msg(
            pl="Serwer {host} nie odpowiedział w wyznaczonym czasie (etap: {stage}).",
            en="{host} did not answer in time (step: {stage}).",
        ),
    ),
}

REPLY_SUFFIX = Msg(pl=" Odpowiedź serwera: „{reply}”.", en=" The server replied: “{reply}”.")
