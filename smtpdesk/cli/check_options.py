"""The ``smtpdesk check`` command line: its options, help text and validation.

Turns ``argv`` into ``CheckOptions`` or raises ``UsageError`` with a message that names the option
and says what to type instead. A password is never taken from the command line itself (it would
stay in the shell history and be visible in the process list), and no message repeats one.
"""

from __future__ import annotations

import argparse
import getpass
import math
import os
import re
import sys
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from smtpdesk.cli.parsing import CliParser, UsageError, parse_language, quote_unrecognized
from smtpdesk.core import validation
from smtpdesk.core.i18n import Lang, Msg
from smtpdesk.core.model import Security, SmtpAccount
from smtpdesk.core.smtp.engine import MailTestRequest, Timeouts
from smtpdesk.core.smtp.result import RunResult

PROG = "smtpdesk check"
MAX_TIMEOUT_S = 600.0

USAGE = {
    "pl": "użycie:",
    "en": "usage:",
}
USAGE_LINES = (
    "smtpdesk check --host HOST --port PORT [--security auto|starttls|ssl|none]",
    "               [--user USER] [--password-env VAR | --password-stdin]",
    "               [--from ADDR] [--to ADDR] [--login-only | --check-sender] [--ca-file PEM]",
    "               [--timeout SECONDS] [--allow-plaintext-auth] [--lang pl|en] [--json]",
    "smtpdesk check (--employee EMAIL | --company) [--oauth] [--to ADDR] [--login-only] [--json]",
    "               [--data-dir DIR | --database URL] [--timeout SECONDS] [--lang pl|en]",
)


def usage_block(lang: Lang) -> str:
    return USAGE[lang] + "\n" + "\n".join("  " + line for line in USAGE_LINES)


@dataclass(frozen=True)
class DirectTarget:
    """An account typed on the command line."""

    account: SmtpAccount
    password: str | None = field(repr=False)
    sender: str  # "" only for a login-only run without a login that is an address


@dataclass(frozen=True)
class StoredTarget:
    """An account taken from the saved settings, as a mail client would use it."""

    employee: str | None  # normalised e-mail of the employee; None: the company account
    data_dir: str | None
    database: str | None = None  # an office database's URL instead of the local file
    # --oauth: the account must sign in with its saved OAuth2 sign-in (refresh token in the keychain).
    oauth: bool = False


@dataclass(frozen=True)
class CheckOptions:
    target: DirectTarget | StoredTarget
    recipient: str  # "" = the sender
    login_only: bool
    timeouts: Timeouts
    lang: Lang
    json: bool
    check_sender: bool = False  # log in, then ask about the sender (MAIL, RCPT, RSET): no message


@dataclass(frozen=True)
class PreparedCheck:
    """A run ready to start, and how to name its account to a person."""

    request: MailTestRequest
    label: str = ""  # e.g. "konto SMTP pracownika Jan Kowalski"; empty for a server given by hand
    warnings: tuple[str, ...] = ()  # what the routing rules want the user to know
    # Stores the finished run in the settings' history (saved accounts only), so the window shows
    # a check made from a terminal as the account's last result.
    record: Callable[[RunResult], None] | None = None


_T = {
    "description": Msg(
        pl="Wysyła wiadomość testową (albo tylko loguje się) przez serwer SMTP i mówi, co poszło nie tak.\n"
        "Pierwsza postać sprawdza podany serwer; druga – zapisane ustawienia pracownika albo firmy,\n"
        "tak jak użyje ich program pocztowy (konto, nadawca i stopka).",
        en="Sends a test message (or only logs in) through an SMTP server and says what went wrong.\n"
        "The first form checks the server given; the second one the saved settings of an employee or\n"
        "of the company, exactly as a mail client uses them (account, sender and footer).",
    ),
    "epilog": Msg(
        pl="Hasła nie podaje się w wierszu poleceń: zostałoby w historii powłoki i na liście procesów.\n"
        "Użyj --password-env ZMIENNA (nazwa zmiennej środowiskowej z hasłem) albo --password-stdin, np.\n"
        "  SMTP_HASLO='…' smtpdesk check --host smtp.firma.pl --port 587 --user jan@firma.pl"
        " --password-env SMTP_HASLO\n"
        "  printf '%s\\n' \"$HASLO\" | smtpdesk check ... --password-stdin\n\n"
        "Kod wyjścia: 0 – serwer przyjął wiadomość (lub logowanie), 1 – błąd z diagnozą\n"
        '(także przerwanie Ctrl+C, kod "cancelled"), 2 – błędne użycie polecenia.',
        en="A password is never given on the command line: it would stay in the shell history and show\n"
        "in the process list. Use --password-env VAR (the name of an environment variable holding it)\n"
        "or --password-stdin, e.g.\n"
        "  SMTP_PW='…' smtpdesk check --host smtp.example.com --port 587 --user jan@example.com"
        " --password-env SMTP_PW\n"
        "  printf '%s\\n' \"$PW\" | smtpdesk check ... --password-stdin\n\n"
        "Exit status: 0 – the server accepted the message (or the login), 1 – a diagnosed failure\n"
        '(also Ctrl+C, code "cancelled"), 2 – bad usage.',
    ),
    "group_server": Msg(pl="serwer podany ręcznie", en="a server given by hand"),
    "group_stored": Msg(pl="zapisane ustawienia", en="saved settings"),
    "group_common": Msg(pl="wspólne", en="common"),
    "host": Msg(
        pl="nazwa serwera SMTP (może być z portem: smtp.firma.pl:587)",
        en="SMTP server name (may include the port: smtp.example.com:587)",
    ),
    "port": Msg(pl="port: 587 (STARTTLS), 465 (SSL/TLS), 25", en="port: 587 (STARTTLS), 465 (SSL/TLS), 25"),
    "security": Msg(
        pl="szyfrowanie; auto: 465 → SSL/TLS, inne porty → STARTTLS (domyślnie auto)",
        en="encryption; auto: 465 → SSL/TLS, other ports → STARTTLS (default auto)",
    ),
    "user": Msg(pl="login (zwykle pełny adres e-mail)", en="login (usually the full e-mail address)"),
    "password_env": Msg(
        pl="nazwa zmiennej środowiskowej z hasłem", en="name of the environment variable holding the password"
    ),
    "password_stdin": Msg(
        pl="czytaj hasło z wejścia (jedna linia)", en="read the password from stdin (one line)"
    ),
    "from": Msg(
        pl="nadawca (domyślnie login, gdy jest adresem)", en="sender (default: the login if an address)"
    ),
    "to": Msg(
        pl="odbiorca wiadomości testowej (domyślnie nadawca)", en="test message recipient (default: sender)"
    ),
    "login_only": Msg(pl="tylko zaloguj się, nie wysyłaj wiadomości", en="only log in, send no message"),
    "check_sender": Msg(
        pl="zaloguj się i sprawdź, czy serwer przyjmie nadawcę (MAIL/RCPT/RSET), bez wysyłania",
        en="log in and check whether the server takes the sender (MAIL/RCPT/RSET), sending nothing",
    ),
    "ca_file": Msg(
        pl="dodatkowy zaufany urząd certyfikacji (plik PEM)",
        en="extra trusted certificate authority (PEM file)",
    ),
    "timeout": Msg(
        pl="ile sekund czekać na każdy krok (domyślnie 10 na połączenie, 30–60 na odpowiedzi)",
        en="seconds to wait for each step (default 10 to connect, 30–60 for replies)",
    ),
    "allow_plaintext": Msg(
        pl="pozwól wysłać login i hasło bez szyfrowania (tylko z --security none)",
        en="allow sending the login and password unencrypted (only with --security none)",
    ),
    "lang": Msg(
        pl="język komunikatów: pl albo en (domyślnie wybrany w oknie albo język systemu)",
        en="language: pl or en (default: the one chosen in the window, or the system's)",
    ),
    "json": Msg(pl="wypisz wynik jako jeden obiekt JSON", en="print the result as one JSON object"),
    "employee": Msg(
        pl="sprawdź konto, z którego wysyła pracownik o tym adresie",
        en="check the account the employee with this address sends from",
    ),
    "company": Msg(
        pl="sprawdź konto firmowe (nadawca: adres firmy)", en="check the company account (sender: company)"
    ),
    "data_dir": Msg(pl="folder z ustawieniami programu", en="folder holding the program's settings"),
    "database": Msg(
        pl="baza biura zamiast pliku lokalnego, np. postgresql://smtpdesk@serwer/biuro",
        en="an office database instead of the local file, e.g. postgresql://smtpdesk@server/office",
    ),
    "oauth": Msg(
        pl="zaloguj zapisanym logowaniem Microsoft/Google (OAuth2) zamiast hasłem",
        en="log in with the saved Microsoft/Google sign-in (OAuth2) instead of a password",
    ),
    "help": Msg(pl="pokaż tę pomoc", en="show this help"),
}

_E = {
    "password_on_command_line": Msg(
        pl="hasła nie podaje się w wierszu poleceń (zostałoby w historii powłoki i na liście procesów); "
        "użyj --password-env ZMIENNA albo --password-stdin",
        en="a password is not given on the command line (it would stay in the shell history and the "
        "process list); use --password-env VAR or --password-stdin",
    ),
    "missing_host": Msg(
        pl="brak --host: podaj serwer SMTP (np. --host smtp.twojadomena.pl) albo sprawdź zapisane "
        "ustawienia: --employee ADRES lub --company",
        en="missing --host: give the SMTP server (e.g. --host smtp.example.com) or check the saved "
        "settings: --employee ADDRESS or --company",
    ),
    "missing_port": Msg(
        pl="brak --port: podaj port serwera (zwykle 587 ze STARTTLS albo 465 z SSL/TLS)",
        en="missing --port: give the server port (usually 587 with STARTTLS or 465 with SSL/TLS)",
    ),
    "bad_security": Msg(
        pl="--security: nieznany tryb {value!r}; dozwolone: auto, starttls, ssl, none",
        en="--security: unknown mode {value!r}; allowed: auto, starttls, ssl, none",
    ),
    "bad_lang": Msg(pl="--lang: dozwolone pl albo en", en="--lang: allowed pl or en"),
    "both_passwords": Msg(
        pl="podaj hasło jednym sposobem: --password-env albo --password-stdin, nie oba",
        en="give the password one way: --password-env or --password-stdin, not both",
    ),
    "env_name_invalid": Msg(
        pl="--password-env oczekuje nazwy zmiennej środowiskowej (np. SMTP_HASLO), a nie samego hasła",
        en="--password-env expects the name of an environment variable (e.g. SMTP_PW), not the password",
    ),
    "env_unset": Msg(
        pl="--password-env: zmienna środowiskowa {name} nie jest ustawiona",
        en="--password-env: the environment variable {name} is not set",
    ),
    "env_unset_unnamed": Msg(
        pl="--password-env: podana zmienna środowiskowa nie jest ustawiona; podaj samą nazwę zmiennej "
        "(np. SMTP_HASLO), a nie jej wartość ($SMTP_HASLO)",
        en="--password-env: the environment variable given is not set; give just the variable's name "
        "(e.g. SMTP_PW), not its value ($SMTP_PW)",
    ),
    "env_empty": Msg(
        pl="--password-env: zmienna środowiskowa {name} jest pusta",
        en="--password-env: the environment variable {name} is empty",
    ),
    "stdin_empty": Msg(
        pl="--password-stdin: na wejściu nie było hasła", en="--password-stdin: no password on standard input"
    ),
    "user_without_password": Msg(
        pl="podano --user bez hasła: podaj hasło przez --password-env ZMIENNA lub --password-stdin",
        en="--user given without a password: give it with --password-env VAR or --password-stdin",
    ),
    "password_without_user": Msg(
        pl="podano hasło bez --user: podaj login (zwykle pełny adres e-mail)",
        en="a password was given without --user: give the login (usually the full e-mail address)",
    ),
    "sender_needed_login": Msg(
        pl="podaj --from ADRES: login {user!r} nie jest adresem e-mail, a wiadomość testowa potrzebuje "
        "nadawcy (albo użyj --login-only)",
        en="give --from ADDRESS: the login {user!r} is not an e-mail address and the test message needs a "
        "sender (or use --login-only)",
    ),
    "sender_needed": Msg(
        pl="podaj --from ADRES (nadawca wiadomości testowej) albo użyj --login-only",
        en="give --from ADDRESS (the test message sender) or use --login-only",
    ),
    "bad_timeout": Msg(
        pl="--timeout: podaj liczbę sekund większą od 0 i nie większą niż 600 (np. 10)",
        en="--timeout: give a number of seconds above 0 and at most 600 (e.g. 10)",
    ),
    "ca_missing": Msg(pl="--ca-file: nie ma pliku {path}", en="--ca-file: no such file {path}"),
    "ca_unreadable": Msg(pl="--ca-file: nie można odczytać {path}", en="--ca-file: cannot read {path}"),
    "ca_not_pem": Msg(
        pl="--ca-file: plik {path} nie zawiera certyfikatu PEM (-----BEGIN CERTIFICATE-----)",
        en="--ca-file: {path} holds no PEM certificate (-----BEGIN CERTIFICATE-----)",
    ),
    "stored_and_direct": Msg(
        pl="opcji {options} nie łączy się z --employee ani --company: serwer, login, hasło i nadawca "
        "pochodzą wtedy z zapisanych ustawień",
        en="{options} cannot be combined with --employee or --company: the server, login, password and "
        "sender then come from the saved settings",
    ),
    "oauth_needs_stored": Msg(
        pl="--oauth używa zapisanego logowania konta: podaj --employee ADRES albo --company",
        en="--oauth uses an account's saved sign-in: give --employee ADDRESS or --company",
    ),
    "employee_and_company": Msg(
        pl="podaj --employee ADRES albo --company, nie oba",
        en="give --employee ADDRESS or --company, not both",
    ),
    "data_dir_direct": Msg(
        pl="--data-dir i --database dotyczą tylko zapisanych ustawień (--employee ADRES lub --company)",
        en="--data-dir and --database apply only to the saved settings (--employee ADDRESS or --company)",
    ),
    "field": Msg(pl="{option}: {message}", en="{option}: {message}"),
    "not_utf8": Msg(
        pl="{source}: wartość zawiera bajty, które nie są tekstem UTF-8 (terminal lub plik w innym "
        "kodowaniu, np. ISO-8859-2); przełącz terminal na UTF-8 albo podaj ją jeszcze raz",
        en="{source}: the value holds bytes that are not UTF-8 text (a terminal or file in another "
        "encoding, e.g. ISO-8859-2); switch the terminal to UTF-8 or give it again",
    ),
    "unrecognized": Msg(pl="nieznane argumenty: {args}", en="unrecognized arguments: {args}"),
}

_ENV_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
# A name of an unset variable is repeated only when it looks like one (SMTP_PW): "--password-env
# $SMTP_PW" passes the password itself, which must not end up in a terminal or a CI log.
_CONVENTIONAL_ENV_NAME = re.compile(r"^[A-Z][A-Z0-9]*(_[A-Z0-9]+)+$")
# Anything that looks like an attempt to pass a password as an option value.
_PASSWORD_OPTION = re.compile(r"^--?(pass|pw|pwd|secret)", re.IGNORECASE)
_ALLOWED_PASSWORD_OPTIONS = ("--password-env", "--password-stdin")
_DIRECT_ONLY = (
    ("host", "--host"),
    ("port", "--port"),
    ("security", "--security"),
    ("user", "--user"),
    ("password_env", "--password-env"),
    ("password_stdin", "--password-stdin"),
    ("sender", "--from"),
    ("ca_file", "--ca-file"),
    ("allow_plaintext_auth", "--allow-plaintext-auth"),
)
_FIELD_OPTIONS = {"host": "--host", "port": "--port", "username": "--user", "user": "--user"}


def build_parser(lang: Lang) -> CliParser:
    def t(key: str) -> str:
        return _T[key].text(lang)

    parser = CliParser(
        prog=PROG, usage_block=usage_block(lang), lang=lang, description=t("description"), epilog=t("epilog")
    )
    server = parser.add_argument_group(t("group_server"))
    server.add_argument("--host", metavar="HOST", help=t("host"))
    server.add_argument("--port", metavar="PORT", help=t("port"))
    server.add_argument("--security", metavar="auto|starttls|ssl|none", help=t("security"))
    server.add_argument("--user", metavar="USER", help=t("user"))
    server.add_argument("--password-env", metavar="VAR", help=t("password_env"))
    server.add_argument("--password-stdin", action="store_true", default=None, help=t("password_stdin"))
    server.add_argument("--from", dest="sender", metavar="ADDR", help=t("from"))
    server.add_argument("--ca-file", metavar="PEM", help=t("ca_file"))
    server.add_argument(
        "--allow-plaintext-auth", action="store_true", default=None, help=t("allow_plaintext")
    )
    stored = parser.add_argument_group(t("group_stored"))
    stored.add_argument("--employee", metavar="EMAIL", help=t("employee"))
    stored.add_argument("--company", action="store_true", help=t("company"))
    stored.add_argument("--data-dir", metavar="DIR", help=t("data_dir"))
    stored.add_argument("--database", metavar="URL", help=t("database"))
    stored.add_argument("--oauth", action="store_true", help=t("oauth"))
    common = parser.add_argument_group(t("group_common"))
    common.add_argument("--to", dest="recipient", metavar="ADDR", help=t("to"))
    common.add_argument("--login-only", action="store_true", help=t("login_only"))
    common.add_argument("--check-sender", action="store_true", help=t("check_sender"))
    common.add_argument("--timeout", metavar="SECONDS", help=t("timeout"))
    common.add_argument("--lang", metavar="pl|en", help=t("lang"))
    common.add_argument("--json", action="store_true", help=t("json"))
    common.add_argument("-h", "--help", action="help", help=t("help"))
    return parser


def parse_check_options(
    argv: Sequence[str], lang: Lang, environ: Mapping[str, str] | None = None
) -> CheckOptions:
    """Parse and validate; reads the password (environment or stdin) only once the rest is valid."""
    _refuse_password_arguments(argv, lang)
    _refuse_undecodable_arguments(argv, lang)
    parser = build_parser(lang)
    namespace, extra = parser.parse(argv)
    if extra:
        raise UsageError(_E["unrecognized"].text(lang, args=quote_unrecognized(extra)))
    lang = _language(namespace.lang, lang)
    stored = namespace.company or namespace.employee is not None
    recipient = _email(namespace.recipient, "--to", lang, required=False)
    timeouts = _timeouts(namespace.timeout, lang)
    target: DirectTarget | StoredTarget
    if stored:
        target = _stored_target(namespace.employee, namespace.company, namespace, lang)
    elif namespace.oauth:
        raise UsageError(_E["oauth_needs_stored"].text(lang))
    else:
        target = _direct_target(namespace, lang, environ if environ is not None else os.environ)
    return CheckOptions(
        target=target,
        recipient=recipient,
        login_only=bool(namespace.login_only),
        timeouts=timeouts,
        lang=lang,
        json=bool(namespace.json),
        check_sender=bool(namespace.check_sender),
    )


def _refuse_password_arguments(argv: Sequence[str], lang: Lang) -> None:
    for arg in argv:
        name = arg.partition("=")[0]
        if name in _ALLOWED_PASSWORD_OPTIONS:
            continue
        if _PASSWORD_OPTION.match(name):
            raise UsageError(_E["password_on_command_line"].text(lang))


def _refuse_undecodable_arguments(argv: Sequence[str], lang: Lang) -> None:
    """Bytes that were not UTF-8 reach Python as lone surrogates; name the option, never the value."""
    option = "argv"
    for arg in argv:
        if arg.startswith("--"):
            option = arg.partition("=")[0]
        if validation.not_text(arg):
            raise UsageError(_E["not_utf8"].text(lang, source=option))


def _language(value: str | None, fallback: Lang) -> Lang:
    if value is None:
        return fallback
    lang = parse_language(value)
    if lang is None:
        raise UsageError(_E["bad_lang"].text(fallback))
    return lang


def _timeouts(value: str | None, lang: Lang) -> Timeouts:
    if value is None:
        return Timeouts()
    try:
        seconds = float(value.strip().replace(",", "."))
    except ValueError:
        raise UsageError(_E["bad_timeout"].text(lang)) from None
    if not math.isfinite(seconds) or seconds <= 0 or seconds > MAX_TIMEOUT_S:
        raise UsageError(_E["bad_timeout"].text(lang))
    return Timeouts.uniform(seconds)


def _field_error(error: validation.FieldError, option: str | None, lang: Lang) -> UsageError:
    name = option or _FIELD_OPTIONS.get(error.field, "--" + error.field.replace("_", "-"))
    return UsageError(_E["field"].text(lang, option=name, message=error.message.text(lang)))


def _email(value: str | None, option: str, lang: Lang, *, required: bool) -> str:
    if value is None:
        return ""
    try:
        return validation.normalise_email(value, required=required, field=option.lstrip("-"))
    except validation.FieldError as error:
        raise _field_error(error, option, lang) from None


def _stored_target(
    employee: str | None, company: bool, namespace: argparse.Namespace, lang: Lang
) -> StoredTarget:
    if employee is not None and company:
        raise UsageError(_E["employee_and_company"].text(lang))
    mixed = [option for attr, option in _DIRECT_ONLY if getattr(namespace, attr) is not None]
    if mixed:
        raise UsageError(_E["stored_and_direct"].text(lang, options=", ".join(mixed)))
    email = _email(employee, "--employee", lang, required=True) if employee is not None else None
    return StoredTarget(
        employee=email, data_dir=namespace.data_dir, database=namespace.database, oauth=bool(namespace.oauth)
    )


def _security(value: str | None, lang: Lang) -> Security:
    if value is None:
        return Security.AUTO
    try:
        return Security(value.strip().lower())
    except ValueError:
        raise UsageError(_E["bad_security"].text(lang, value=value)) from None


def _direct_target(namespace: argparse.Namespace, lang: Lang, environ: Mapping[str, str]) -> DirectTarget:
    ns = vars(namespace)
    if ns["data_dir"] is not None or ns["database"] is not None:
        raise UsageError(_E["data_dir_direct"].text(lang))
    host_text: str | None = ns["host"]
    if host_text is None or not host_text.strip():
        raise UsageError(_E["missing_host"].text(lang))
    security = _security(ns["security"], lang)
    try:
        _, pasted_port = validation.normalise_host(host_text)
    except validation.FieldError as error:
        raise _field_error(error, "--host", lang) from None
    port_text: str = ns["port"] or ""
    if not port_text.strip() and pasted_port is None:
        raise UsageError(_E["missing_port"].text(lang))
    username: str = ns["user"] or ""
    ca_file = _ca_file(ns["ca_file"], lang)
    try:
        account = validation.build_account(
            host_text,
            port_text,
            username,
            security,
            allow_plaintext_auth=bool(ns["allow_plaintext_auth"]),
            ca_file=ca_file,
        )
    except validation.FieldError as error:
        raise _field_error(error, None, lang) from None
    if account is None:  # unreachable with a host given; keeps the type checker honest
        raise UsageError(_E["missing_host"].text(lang))
    sender = _email(ns["sender"], "--from", lang, required=True)
    if not sender:
        sender = _login_as_address(account.username)
    if (not sender and not ns["login_only"]) or (not sender and ns["check_sender"]):
        if account.username:
            raise UsageError(_E["sender_needed_login"].text(lang, user=account.username))
        raise UsageError(_E["sender_needed"].text(lang))
    password = _password(ns["password_env"], bool(ns["password_stdin"]), account.username, lang, environ)
    return DirectTarget(account=account, password=password, sender=sender)


def _login_as_address(username: str) -> str:
    if not username:
        return ""
    try:
        return validation.normalise_email(username)
    except validation.FieldError:
        return ""


def _ca_file(value: str | None, lang: Lang) -> str:
    if value is None:
        return ""
    path = Path(value).expanduser()
    if not path.is_file():
        raise UsageError(_E["ca_missing"].text(lang, path=str(path)))
    try:
        head = path.read_bytes()
    except OSError:
        raise UsageError(_E["ca_unreadable"].text(lang, path=str(path))) from None
    if b"-----BEGIN CERTIFICATE-----" not in head:
        raise UsageError(_E["ca_not_pem"].text(lang, path=str(path)))
    return str(path.resolve())


def _password(
    env_name: str | None, from_stdin: bool, username: str, lang: Lang, environ: Mapping[str, str]
) -> str | None:
    if env_name is not None and from_stdin:
        raise UsageError(_E["both_passwords"].text(lang))
    has_source = env_name is not None or from_stdin
    if username and not has_source:
        raise UsageError(_E["user_without_password"].text(lang))
    if has_source and not username:
        raise UsageError(_E["password_without_user"].text(lang))
    if env_name is not None:
        return _password_from_environment(env_name, lang, environ)
    if from_stdin:
        return _password_from_stdin(lang)
    return None


def _password_from_environment(name: str, lang: Lang, environ: Mapping[str, str]) -> str:
    # An invalid name is never echoed: it may be the password itself, typed in the wrong place.
    if not _ENV_NAME.match(name):
        raise UsageError(_E["env_name_invalid"].text(lang))
    if name not in environ:
        if not _CONVENTIONAL_ENV_NAME.match(name):
            raise UsageError(_E["env_unset_unnamed"].text(lang))
        raise UsageError(_E["env_unset"].text(lang, name=name))
    if not environ[name]:
        raise UsageError(_E["env_empty"].text(lang, name=name))
    if validation.not_text(environ[name]):
        raise UsageError(_E["not_utf8"].text(lang, source=f"--password-env {name}"))
    return environ[name]


def _password_from_stdin(lang: Lang) -> str:
    stream = sys.stdin
    if stream is None:
        raise UsageError(_E["stdin_empty"].text(lang))
    try:
        if stream.isatty():
            # Typed by a person: do not echo it.
            text = getpass.getpass("Hasło: " if lang == "pl" else "Password: ", stream=sys.stderr)
        else:
            raw = getattr(stream, "buffer", None)
            line = raw.readline() if raw is not None else stream.readline()
            text = line.decode("utf-8") if isinstance(line, bytes) else line
    except UnicodeDecodeError:
        raise UsageError(_E["not_utf8"].text(lang, source="--password-stdin")) from None
    if validation.not_text(text):
        raise UsageError(_E["not_utf8"].text(lang, source="--password-stdin"))
    # Only the line ending goes: spaces can be part of a password.
    if text.endswith("\n"):
        text = text[:-1]
        if text.endswith("\r"):
            text = text[:-1]
    if not text:
        raise UsageError(_E["stdin_empty"].text(lang))
    return text
