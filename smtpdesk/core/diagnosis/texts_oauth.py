"""What the OAuth2 diagnoses say (sign-in, token refresh, a refused token) and the diagnosis of a
Microsoft 365 password that no longer works, with their one-click fixes. Registered into
``texts.TEXTS``/``VARIANTS`` and ``fixes.FIXES`` when the diagnosis package is imported."""

from __future__ import annotations

from smtpdesk.core.diagnosis.fixes import FIXES
from smtpdesk.core.diagnosis.model import DiagnosisContext, Fix, FixKind
from smtpdesk.core.diagnosis.texts import TEXTS, VARIANTS, Text, Variant, step
from smtpdesk.core.i18n import Msg
from smtpdesk.core.model import AuthMethod
from smtpdesk.core.smtp.result import Facts

_SETTINGS_PLACE_PL = "Narzędzia → Logowanie Microsoft i Google"
_SETTINGS_PLACE_EN = "Tools → Microsoft and Google sign-in"

OAUTH_TEXTS: dict[str, Text] = {
    "oauth_not_configured": Text(
        Msg(
            pl="Logowanie przez {oauth_provider} nie jest skonfigurowane",
            en="Signing in with {oauth_provider} is not set up",
        ),
        Msg(
            pl="To konto loguje się przez {oauth_provider}, ale w smtpdesk nie wpisano jeszcze "
            "identyfikatora "
            "aplikacji biura, więc nie można pobrać tokenu do wysyłania poczty.",
            en="This account signs in with {oauth_provider}, but the office's app ID has not been entered in "
            "smtpdesk yet, so no token for sending mail can be obtained.",
        ),
        (
            step(
                f"Administrator: {_SETTINGS_PLACE_PL} — wpisz identyfikator aplikacji (Client ID) z "
                f"rejestracji "
                "w Microsoft Entra lub Google Cloud.",
                f"Administrator: {_SETTINGS_PLACE_EN} — enter the application (client) ID from the "
                f"registration "
                "in Microsoft Entra or Google Cloud.",
            ),
            step(
                "Jak zarejestrować aplikację biura, opisuje plik README programu.",
                "The program's README describes how to register the office's app.",
            ),
        ),
    ),
    "oauth_consent_required": Text(
        Msg(pl="Nie udzielono zgody na wysyłanie poczty", en="Consent to send mail was not given"),
        Msg(
            pl="Logowanie przez {oauth_provider} zostało przerwane: na ekranie zgody nie zezwolono aplikacji "
            "biura wysyłać poczty jako {username} albo organizacja wymaga zgody administratora. Odpowiedź "
            "{oauth_provider}: „{oauth_detail}”.",
            en="Signing in with {oauth_provider} was stopped: the office's app was not allowed to send mail "
            "as "
            "{username} on the consent screen, or the organisation requires an administrator's consent. "
            "{oauth_provider} said: “{oauth_detail}”.",
        ),
        (
            step(
                "Kliknij „Zaloguj ponownie przez {oauth_provider}” i na ekranie zgody wybierz „Akceptuj” "
                "(„Zezwól”).",
                "Click “Sign in with {oauth_provider} again” and choose “Accept” (“Allow”) on the consent "
                "screen.",
            ),
            step(
                "Jeśli {oauth_provider} pisze, że potrzebna jest zgoda administratora, poproś administratora "
                "Microsoft 365 o zgodę dla całej organizacji: Microsoft Entra → Aplikacje dla "
                "przedsiębiorstw "
                "→ aplikacja biura → Uprawnienia → „Udziel zgody administratora”.",
                "If {oauth_provider} says an administrator must approve, ask your Microsoft 365 "
                "administrator to "
                "consent for the whole organisation: Microsoft Entra → Enterprise applications → the "
                "office's "
                "app → Permissions → “Grant admin consent”.",
            ),
        ),
    ),
    "oauth_app_not_registered": Text(
        Msg(
            pl="{oauth_provider} nie zna aplikacji biura",
            en="{oauth_provider} does not know the office's app",
        ),
        Msg(
            pl="{oauth_provider} odrzucił identyfikator aplikacji zapisany w smtpdesk: takiej rejestracji "
            "nie "
            "ma w tej organizacji, została usunięta albo ma inne ustawienia. Odpowiedź {oauth_provider}: "
            "„{oauth_detail}”.",
            en="{oauth_provider} refused the app ID saved in smtpdesk: there is no such registration in this "
            "organisation, it was deleted, or it is set up differently. {oauth_provider} said: "
            "“{oauth_detail}”.",
        ),
        (
            step(
                f"Sprawdź w {_SETTINGS_PLACE_PL}, czy identyfikator aplikacji (Client ID) jest przepisany "
                "dokładnie z rejestracji.",
                f"Check in {_SETTINGS_PLACE_EN} that the application (client) ID is copied exactly from the "
                "registration.",
            ),
            step(
                "Upewnij się, że rejestracja nadal istnieje (Microsoft Entra → Rejestracje aplikacji; "
                "Google Cloud → Interfejsy API i usługi → Dane logowania).",
                "Make sure the registration still exists (Microsoft Entra → App registrations; Google Cloud "
                "→ "
                "APIs & Services → Credentials).",
            ),
            step(
                "Rejestracja Microsoft musi należeć do organizacji konta {username} albo przyjmować konta "
                "z dowolnej organizacji.",
                "A Microsoft registration must belong to the organisation of {username} or accept accounts "
                "from "
                "any organisation.",
            ),
        ),
    ),
    "oauth_redirect_mismatch": Text(
        Msg(
            pl="Adres powrotu nie zgadza się z rejestracją aplikacji",
            en="The redirect address does not match the app registration",
        ),
        Msg(
            pl="{oauth_provider} nie odesłał logowania do smtpdesk, bo rejestracja aplikacji nie ma adresu "
            "powrotu, którego używa program (http://localhost dla Microsoft, http://127.0.0.1 dla Google)."
            " Odpowiedź {oauth_provider}: „{oauth_detail}”.",
            en="{oauth_provider} did not send the sign-in back to smtpdesk because the app registration "
            "lacks "
            "the redirect address the program uses (http://localhost for Microsoft, http://127.0.0.1 for "
            "Google). {oauth_provider} said: “{oauth_detail}”.",
        ),
        (
            step(
                "Microsoft Entra → Rejestracje aplikacji → aplikacja biura → Uwierzytelnianie → Dodaj "
                "platformę "
                "→ „Aplikacje mobilne i klasyczne” → adres http://localhost.",
                "Microsoft Entra → App registrations → the office's app → Authentication → Add a platform → "
                "“Mobile and desktop applications” → address http://localhost.",
            ),
            step(
                "Google Cloud: użyj identyfikatora klienta typu „Aplikacja komputerowa” — ten typ przyjmuje "
                "powrót na adres tego komputera bez dodatkowych ustawień.",
                "Google Cloud: use a client ID of type “Desktop app” — it accepts a return to this "
                "computer's "
                "address without further settings.",
            ),
        ),
    ),
    "oauth_wrong_tenant": Text(
        Msg(
            pl="Konto {username} należy do innej organizacji Microsoft 365",
            en="The account {username} belongs to another Microsoft 365 organisation",
        ),
        Msg(
            pl="Logowanie trafiło do niewłaściwej organizacji (dzierżawy) Microsoft 365: konta {username} "
            "nie "
            "ma w tej, którą wpisano w smtpdesk, albo wpisanej dzierżawy nie ma. Odpowiedź {oauth_provider}: "
            "„{oauth_detail}”.",
            en="The sign-in went to the wrong Microsoft 365 organisation (tenant): {username} is not in the "
            "one "
            "entered in smtpdesk, or the tenant entered does not exist. {oauth_provider} said: "
            "“{oauth_detail}”.",
        ),
        (
            step(
                f"W {_SETTINGS_PLACE_PL} w polu „Dzierżawa” wpisz domenę organizacji (np. "
                "firma.onmicrosoft.com), jej identyfikator albo „organizations”.",
                f"In {_SETTINGS_PLACE_EN} enter the organisation's domain (e.g. company.onmicrosoft.com), "
                f"its ID, "
                "or “organizations” as the tenant.",
            ),
            step(
                "Zaloguj się kontem tej organizacji, z której ma wychodzić poczta.",
                "Sign in with an account of the organisation mail should be sent from.",
            ),
        ),
    ),
    "oauth_sign_in_expired": Text(
        Msg(
            pl="Trzeba zalogować się ponownie przez {oauth_provider}",
            en="Sign in with {oauth_provider} again",
        ),
        Msg(
            pl="Zapisane logowanie konta {username} wygasło albo zostało cofnięte (np. po zmianie hasła, "
            "wylogowaniu ze wszystkich urządzeń albo przez administratora), więc {oauth_provider} nie wydał "
            "nowego tokenu. Odpowiedź {oauth_provider}: „{oauth_detail}”.",
            en="The saved sign-in of {username} has expired or was revoked (e.g. after a password change, "
            "signing out everywhere, or by an administrator), so {oauth_provider} issued no new token. "
            "{oauth_provider} said: “{oauth_detail}”.",
        ),
        (
            step(
                "Kliknij „Zaloguj ponownie przez {oauth_provider}” i zaloguj się kontem {username}.",
                "Click “Sign in with {oauth_provider} again” and sign in as {username}.",
            ),
            step(
                "Zapisz ustawienia — nowe logowanie trafi do pęku kluczy systemu.",
                "Save the settings — the new sign-in goes to the system keychain.",
            ),
        ),
    ),
    "oauth_server_unreachable": Text(
        Msg(
            pl="Brak połączenia z serwerem logowania {oauth_provider}",
            en="No connection to the {oauth_provider} sign-in server",
        ),
        Msg(
            pl="Nie udało się pobrać tokenu, bo serwer logowania {oauth_provider} nie odpowiedział albo "
            "odpowiedział niepoprawnie. Odpowiedź {oauth_provider}: „{oauth_detail}”.",
            en="No token could be obtained because the {oauth_provider} sign-in server did not answer or "
            "answered incorrectly. {oauth_provider} said: “{oauth_detail}”.",
        ),
        (
            step(
                "Sprawdź połączenie z internetem i spróbuj ponownie za chwilę.",
                "Check the internet connection and try again in a moment.",
            ),
            step(
                "Jeśli w firmie działa serwer pośredniczący albo antywirus sprawdzający połączenia "
                "szyfrowane, "
                "poproś administratora o dopuszczenie login.microsoftonline.com i oauth2.googleapis.com.",
                "If a proxy or an antivirus inspecting encrypted connections is in use, ask the "
                "administrator "
                "to allow login.microsoftonline.com and oauth2.googleapis.com.",
            ),
        ),
    ),
    "oauth_smtp_disabled": Text(
        Msg(
            pl="Wysyłanie przez SMTP jest wyłączone dla skrzynki {username}",
            en="Sending over SMTP is turned off for the mailbox {username}",
        ),
        Msg(
            pl="Logowanie przez {oauth_provider} się udało, ale serwer {host} odpowiedział, że dla tej "
            "skrzynki "
            "albo całej organizacji wyłączono uwierzytelniony SMTP (SMTP AUTH). Token jest w porządku — to "
            "ustawienie po stronie Microsoft 365.",
            en="Signing in with {oauth_provider} worked, but {host} replied that authenticated SMTP (SMTP "
            "AUTH) "
            "is turned off for this mailbox or the whole organisation. The token is fine — this is a "
            "Microsoft "
            "365 setting.",
        ),
        (
            step(
                "Poproś administratora Microsoft 365 o włączenie „Uwierzytelniony SMTP” (Authenticated SMTP) "
                "dla "
                "skrzynki {username}: Centrum administracyjne → Użytkownicy → Aktywni użytkownicy → Poczta → "
                "Zarządzaj aplikacjami poczty e-mail.",
                "Ask your Microsoft 365 administrator to turn on “Authenticated SMTP” for {username}: admin "
                "center → Users → Active users → Mail → Manage email apps.",
            ),
            step(
                "Przy włączonych „Domyślnych ustawieniach zabezpieczeń” (Security defaults) SMTP AUTH jest "
                "zablokowany dla wszystkich — administrator musi je zastąpić zasadami dostępu warunkowego.",
                "With Security defaults on, SMTP AUTH is blocked for everyone — the administrator must "
                "replace "
                "them with Conditional Access policies.",
            ),
            step(
                "Administrator sprawdzi to w PowerShell: Get-CASMailbox {username} | Format-List "
                "SmtpClientAuthenticationDisabled (ma być False).",
                "The administrator can check in PowerShell: Get-CASMailbox {username} | Format-List "
                "SmtpClientAuthenticationDisabled (must be False).",
            ),
        ),
    ),
    "oauth_token_rejected": Text(
        Msg(
            pl="Serwer {host} nie przyjął logowania przez {oauth_provider}",
            en="{host} did not accept the {oauth_provider} sign-in",
        ),
        Msg(
            pl="Serwer odrzucił token z logowania {oauth_provider}. Najczęściej konto zalogowane "
            "w przeglądarce nie jest skrzynką {username}, token nie ma uprawnienia do wysyłania poczty albo "
            "dla skrzynki wyłączono uwierzytelniony SMTP.",
            en="The server refused the token from the {oauth_provider} sign-in. Most often the account "
            "signed "
            "in in the browser is not the mailbox {username}, the token lacks the permission to send mail, "
            "or "
            "authenticated SMTP is off for the mailbox.",
        ),
        (
            step(
                "Sprawdź, czy w polu „Nazwa użytkownika” jest dokładnie adres konta zalogowanego w "
                "przeglądarce.",
                "Check that “User name” is exactly the address of the account signed in in the browser.",
            ),
            step(
                "Zaloguj się ponownie przez {oauth_provider} i na ekranie zgody zezwól na wysyłanie poczty.",
                "Sign in with {oauth_provider} again and allow sending mail on the consent screen.",
            ),
            step(
                "Poproś administratora o sprawdzenie, czy rejestracja aplikacji ma uprawnienie SMTP.Send "
                "(Microsoft) lub https://mail.google.com/ (Google) i czy skrzynka ma włączony "
                "uwierzytelniony "
                "SMTP.",
                "Ask the administrator to check that the app registration has the SMTP.Send (Microsoft) "
                "or https://mail.google.com/ (Google) permission and that the mailbox has authenticated "
                "SMTP on.",
            ),
        ),
    ),
    "oauth_not_offered": Text(
        Msg(
            pl="Serwer {host} nie obsługuje logowania przez {oauth_provider}",
            en="{host} does not take a {oauth_provider} sign-in",
        ),
        Msg(
            pl="To konto loguje się tokenem {oauth_provider}, a serwer {host} oferuje tylko inne sposoby "
            "logowania ({mechanisms}).",
            en="This account signs in with a {oauth_provider} token, but {host} offers only other ways to "
            "log "
            "in ({mechanisms}).",
        ),
        (
            step(
                "Sprawdź „Serwer poczty wychodzącej”: dla Microsoft 365 to smtp.office365.com (port 587, "
                "STARTTLS), dla Gmail smtp.gmail.com (port 465 lub 587).",
                "Check “Outgoing mail server”: for Microsoft 365 it is smtp.office365.com (port 587, "
                "STARTTLS), "
                "for Gmail smtp.gmail.com (port 465 or 587).",
            ),
            step(
                "Jeśli to serwer innego dostawcy, przełącz konto na logowanie hasłem.",
                "If the server belongs to another provider, switch the account to password login.",
            ),
        ),
    ),
    "basic_auth_retired": Text(
        Msg(
            pl="Microsoft 365 nie przyjmuje już hasła — zaloguj przez Microsoft",
            en="Microsoft 365 no longer takes the password — sign in with Microsoft",
        ),
        Msg(
            pl="Serwer {host} odpowiedział, że logowanie hasłem (podstawowe uwierzytelnianie) do wysyłania "
            "poczty z programów jest wyłączone. Microsoft wyłącza je domyślnie w istniejących organizacjach "
            "od końca grudnia 2026 r., a całkiem usuwa w 2027 r. Zmiana hasła tu nie pomoże.",
            en="{host} replied that password login (basic authentication) for sending mail from programs is "
            "turned off. Microsoft turns it off by default for existing organisations from the end of "
            "December "
            "2026 and removes it for good in 2027. Changing the password will not help.",
        ),
        (
            step(
                "Kliknij „Zaloguj przez Microsoft” i zaloguj się kontem {username} — smtpdesk będzie wysyłać "
                "z tokenem OAuth2 zamiast hasła.",
                "Click “Sign in with Microsoft” and sign in as {username} — smtpdesk will send with an "
                "OAuth2 "
                "token instead of the password.",
            ),
            step(
                "Jeśli program poprosi o identyfikator aplikacji, administrator musi raz zarejestrować "
                "aplikację "
                "biura w Microsoft Entra (instrukcja w README).",
                "If the program asks for an app ID, an administrator must register the office's app in "
                "Microsoft "
                "Entra once (see the README).",
            ),
            step(
                "Skrzynka {username} musi mieć włączony uwierzytelniony SMTP (Authenticated SMTP).",
                "The mailbox {username} must have Authenticated SMTP turned on.",
            ),
        ),
    ),
}

OAUTH_VARIANTS: dict[tuple[str, str], Variant] = {
    ("oauth_app_not_registered", "public_client"): Variant(
        explanation=Msg(
            pl="Rejestracja aplikacji nie jest ustawiona jako aplikacja publiczna, więc {oauth_provider} "
            "żąda "
            "tajnego klucza, którego program na komputerze nie może bezpiecznie przechowywać (albo — dla "
            "Google — wpisany klucz klienta jest inny niż w rejestracji). Odpowiedź {oauth_provider}: "
            "„{oauth_detail}”.",
            en="The app registration is not set up as a public client, so {oauth_provider} asks for a secret "
            "a "
            "desktop program cannot keep safely (or — for Google — the client secret entered differs from "
            "the "
            "registration). {oauth_provider} said: “{oauth_detail}”.",
        ),
        steps=(
            step(
                "Microsoft Entra → Rejestracje aplikacji → aplikacja biura → Uwierzytelnianie: włącz "
                "„Zezwalaj "
                "na przepływy klientów publicznych” i dodaj platformę „Aplikacje mobilne i klasyczne” z "
                "adresem "
                "http://localhost.",
                "Microsoft Entra → App registrations → the office's app → Authentication: turn on “Allow "
                "public "
                "client flows” and add the “Mobile and desktop applications” platform with http://localhost.",
            ),
            step(
                f"Google: w {_SETTINGS_PLACE_PL} wpisz klucz klienta (Client secret) z danych logowania typu "
                "„Aplikacja komputerowa”.",
                f"Google: in {_SETTINGS_PLACE_EN} enter the client secret of the “Desktop app” credentials.",
            ),
        ),
    ),
    ("oauth_sign_in_expired", "not_signed_in"): Variant(
        title=Msg(pl="Konto {username} nie jest zalogowane", en="The account {username} is not signed in"),
        explanation=Msg(
            pl="To konto ma wysyłać po zalogowaniu przez {oauth_provider}, ale w pęku kluczy systemu nie ma "
            "zapisanego logowania (np. ustawienia przeniesiono na inny komputer).",
            en="This account sends after signing in with {oauth_provider}, but no sign-in is saved in the "
            "system keychain (e.g. the settings were moved to another computer).",
        ),
    ),
    ("oauth_sign_in_expired", "other"): Variant(
        explanation=Msg(
            pl="Serwer logowania {oauth_provider} nie wydał tokenu dla konta {username}. Odpowiedź "
            "{oauth_provider}: „{oauth_detail}”.",
            en="The {oauth_provider} sign-in server issued no token for {username}. {oauth_provider} said: "
            "“{oauth_detail}”.",
        ),
    ),
}

_SIGN_IN_AGAIN = Msg(pl="Zaloguj ponownie przez {provider}", en="Sign in with {provider} again")
_SIGN_IN = Msg(pl="Zaloguj przez {provider}", en="Sign in with {provider}")
_SETTINGS = Msg(pl="Ustawienia logowania {provider}", en="{provider} sign-in settings")


def _method(ctx: DiagnosisContext) -> AuthMethod:
    return ctx.auth_method if ctx.auth_method.oauth else AuthMethod.OAUTH_MICROSOFT


def _name(method: AuthMethod) -> str:
    return "Google" if method is AuthMethod.OAUTH_GOOGLE else "Microsoft"


def _fix(kind: FixKind, label: Msg, ctx: DiagnosisContext) -> list[Fix]:
    method = _method(ctx)
    return [
        Fix(kind=kind, params={"method": method.value}, label=label.text(ctx.lang, provider=_name(method)))
    ]


def _sign_in_again(facts: Facts, ctx: DiagnosisContext) -> list[Fix]:
    return _fix(FixKind.SIGN_IN, _SIGN_IN_AGAIN, ctx)


def _switch_to_microsoft(facts: Facts, ctx: DiagnosisContext) -> list[Fix]:
    return _fix(FixKind.SIGN_IN, _SIGN_IN, ctx)


def _settings(facts: Facts, ctx: DiagnosisContext) -> list[Fix]:
    return _fix(FixKind.OAUTH_SETTINGS, _SETTINGS, ctx)


OAUTH_FIXES = {
    "oauth_not_configured": _settings,
    "oauth_app_not_registered": _settings,
    "oauth_redirect_mismatch": _settings,
    "oauth_wrong_tenant": _settings,
    "oauth_consent_required": _sign_in_again,
    "oauth_sign_in_expired": _sign_in_again,
    "oauth_token_rejected": _sign_in_again,
    "basic_auth_retired": _switch_to_microsoft,
}

TEXTS.update(OAUTH_TEXTS)
VARIANTS.update(OAUTH_VARIANTS)
FIXES.update(OAUTH_FIXES)
