"""Diagnosis texts: logging in (AUTH) and the account behind it."""

from __future__ import annotations

from smtpdesk.core.diagnosis.texts.common import (
    CHECK_WEBMAIL_PASSWORD,
    SENDING_SERVER,
    Text,
    Variant,
    has_username,
    login_suggested,
    login_without_at_no_suggestion,
    no_username,
    not_encrypted,
    starttls_not_offered,
    starttls_offered,
    step,
)
from smtpdesk.core.i18n import Msg

TEXTS: dict[str, Text] = {
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
                login_suggested,
            ),
            step(
                "W polu „Nazwa użytkownika” wpisz pełny adres e-mail (z @ i domeną) — większość dostawców "
                "wymaga całego adresu jako loginu.",
                "Enter the full e-mail address (with @ and the domain) in “User name” — most providers "
                "require the whole address as the login.",
                login_without_at_no_suggestion,
            ),
            CHECK_WEBMAIL_PASSWORD,
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
                starttls_offered,
            ),
            step(
                "Sprawdź, czy „Serwer poczty wychodzącej” to serwer do wysyłania Twojego dostawcy (zwykle "
                "port 587 lub 465), a nie serwer odbierający pocztę na porcie 25.",
                "Check that “Outgoing mail server” is your provider's sending server (usually port 587 or "
                "465), not a server receiving mail on port 25.",
                starttls_not_offered,
            ),
            step(
                "Jeśli informatyk potwierdzi, że to wewnętrzny serwer biura przyjmujący pocztę bez "
                "logowania, wyczyść pola „Nazwa użytkownika” i „Hasło”.",
                "If your IT person confirms it is an internal office server that takes mail without a "
                "login, clear “User name” and “Password”.",
                starttls_not_offered,
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
                not_encrypted,
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
                no_username,
            ),
            step(
                "Sprawdź, czy w polu „Hasło” jest zapisane hasło dla {username}.",
                "Check that a password for {username} is saved in “Password”.",
                has_username,
            ),
            SENDING_SERVER,
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
}

VARIANTS: dict[tuple[str, str], Variant] = {
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
}
