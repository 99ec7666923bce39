"""Diagnosis texts: the sender, the recipients and the message."""

from __future__ import annotations

from smtpdesk.core.diagnosis.texts.common import (
    OWN_ACCOUNTS,
    SENDING_SERVER,
    TELL_PROVIDER,
    Text,
    Variant,
    agent_mode_shared_account,
    company_mode,
    employee_account,
    has_sender,
    login_is_address,
    step,
)
from smtpdesk.core.i18n import Msg

TEXTS: dict[str, Text] = {
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
                agent_mode_shared_account,
            ),
            step(
                "Upewnij się, że adres e-mail tego pracownika w zakładce „Pracownicy” jest taki sam jak "
                "jego „Nazwa użytkownika” ({username}).",
                "Make sure this employee's e-mail address in “Employees” is the same as their “User name” "
                "({username}).",
                employee_account,
            ),
            step(
                "Ustaw nadawcę {username} — z tego adresu to konto może wysyłać.",
                "Make {username} the sender — the account may send from that address.",
                login_is_address,
            ),
            step(
                "Jedno konto dla wielu nadawców („Kontakt do firmy / biura”) musi pozwalać na wysyłkę z "
                "różnych adresów: poproś administratora poczty o zgodę na wysyłanie jako {sender} (alias "
                "lub uprawnienie „wyślij jako”).",
                "One account for many senders (“Contact of the company / office”) must be allowed to send "
                "from different addresses: ask your mail administrator to let it send as {sender} (an alias "
                "or a “send as” permission).",
                company_mode,
            ),
            step(
                "Albo poproś administratora poczty, by konto {username} mogło wysyłać jako {sender} (alias "
                "lub uprawnienie „wyślij jako”).",
                "Or ask your mail administrator to let {username} send as {sender} (an alias or a “send as” "
                "permission).",
                lambda f, c: not company_mode(f, c),
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
            SENDING_SERVER,
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
                has_sender,
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
            SENDING_SERVER,
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
            TELL_PROVIDER,
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
            OWN_ACCOUNTS,
        ),
    ),
}

VARIANTS: dict[tuple[str, str], Variant] = {
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
    ("message_too_large", "announced"): Variant(
        explanation=Msg(
            pl="Serwer {host} podaje (w odpowiedzi na EHLO), że przyjmuje wiadomości do {size_limit} "
            "bajtów, a wiadomość testowa ma {message_size} bajtów — dlatego smtpdesk jej nie wysłał.",
            en="{host} announces (in its EHLO reply) that it takes messages of up to {size_limit} bytes, and "
            "the test message has {message_size} bytes — so smtpdesk did not send it.",
        ),
    ),
    ("smtputf8_required", "not_offered"): Variant(
        explanation=Msg(
            pl="Adres {smtputf8_address} ma litery spoza alfabetu angielskiego przed znakiem @. Taki adres "
            "można przesłać tylko przez serwer z rozszerzeniem SMTPUTF8, a serwer {host} go nie oferuje — "
            "dlatego smtpdesk nic nie wysłał.",
            en="The address {smtputf8_address} has letters outside the English alphabet before the @. "
            "Such an address travels only through a server with the SMTPUTF8 extension, and {host} does "
            "not offer it — so smtpdesk sent nothing.",
        ),
        extra_steps=(
            step(
                "Albo zapytaj dostawcę poczty, czy może włączyć SMTPUTF8 na serwerze {host}.",
                "Or ask your mail provider whether SMTPUTF8 can be switched on at {host}.",
            ),
        ),
    ),
}
