"""``smtpdesk check --employee EMAIL | --company``: test the saved settings as a mail client uses them.

The routing rules pick the account, From, Reply-To and footer, the password comes from the
keychain, and the test message is the one clients would receive. A settings problem (no server,
no saved password, no sender address) ends as a diagnosis, not as a usage error.
"""

from __future__ import annotations

import logging
import shlex
from functools import partial
from pathlib import Path

from smtpdesk import paths
from smtpdesk.cli.check_options import CheckOptions, PreparedCheck, StoredTarget
from smtpdesk.cli.parsing import UsageError
from smtpdesk.cli.saved_settings import open_saved
from smtpdesk.core.check_all import account_label
from smtpdesk.core.diagnosis import Diagnosis, diagnose
from smtpdesk.core.history import HistoryEntry
from smtpdesk.core.i18n import Lang, Msg
from smtpdesk.core.model import ContactMode, Employee, OfficeSettings, SmtpAccount
from smtpdesk.core.oauth.tokens import TokenSource
from smtpdesk.core.routing import Route, resolve, route_message
from smtpdesk.core.secrets import SecretState, SecretStore
from smtpdesk.core.smtp.engine import MailTestRequest
from smtpdesk.core.smtp.outcome import make_result
from smtpdesk.core.smtp.result import Facts, RunResult, Stage
from smtpdesk.core.store import LocationError, StoreError
from smtpdesk.core.store.office import Opened
from smtpdesk.core.wording import (
    COMPANY_ACCOUNT_LABEL,
    COMPANY_DATA_PLACE,
    COMPANY_SMTP_PLACE,
    DEFAULT_SERVER_LABEL,
    EMPLOYEE_ACCOUNT_LABEL,
    EMPLOYEE_SMTP_PLACE,
    employee_name,
)

log = logging.getLogger(__name__)

INVALID_SETTINGS = "invalid_settings"

_UNKNOWN_EMPLOYEE = Msg(
    pl="--employee: nie ma pracownika z adresem {email} (zapisani: {known})",
    en="--employee: no employee has the address {email} (saved: {known})",
)
_NOBODY = Msg(pl="nikt", en="nobody")
_NO_SETTINGS_FILE = Msg(
    pl="--data-dir: nie ma tam ustawień smtpdesk (brak pliku {path})",
    en="--data-dir: no smtpdesk settings there (no file {path})",
)
_UNREADABLE_TITLE = Msg(pl="Nie można odczytać zapisanych ustawień", en="The saved settings cannot be read")

_PASSWORD_TITLE = {
    SecretState.MISSING: Msg(pl="Brak zapisanego hasła: {label}", en="No password is saved: {label}"),
    SecretState.LOCKED: Msg(pl="Pęk kluczy systemu jest zablokowany", en="The system keychain is locked"),
    SecretState.UNAVAILABLE: Msg(
        pl="Na tym komputerze nie ma dostępnego pęku kluczy", en="No keychain is available on this computer"
    ),
    SecretState.OFFICE_KEY_MISSING: Msg(
        pl="Ten komputer nie ma klucza biura", en="This computer lacks the office key"
    ),
}
_PASSWORD_EXPLANATION = {
    SecretState.MISSING: Msg(
        pl="Konto {host}:{port} loguje się jako {user}, ale hasło do niego nie jest zapisane w pęku "
        "kluczy systemu, więc wysyłka z tego konta się nie uda.",
        en="The account {host}:{port} logs in as {user}, but its password is not saved in the system "
        "keychain, so sending through this account fails.",
    ),
    SecretState.LOCKED: Msg(
        pl="Hasło do konta {host}:{port} ({user}) jest w pęku kluczy, ale pęk jest zablokowany i nie "
        "można go odczytać.",
        en="The password of {host}:{port} ({user}) is in the keychain, but the keychain is locked and "
        "cannot be read.",
    ),
    SecretState.UNAVAILABLE: Msg(
        pl="smtpdesk trzyma hasła w pęku kluczy systemu, a tutaj żaden nie działa, więc hasła do konta "
        "{host}:{port} ({user}) nie da się odczytać.",
        en="smtpdesk keeps passwords in the system keychain and none works here, so the password of "
        "{host}:{port} ({user}) cannot be read.",
    ),
    SecretState.OFFICE_KEY_MISSING: Msg(
        pl="Hasło do konta {host}:{port} ({user}) jest w bazie biura, zaszyfrowane kluczem biura, "
        "którego ten komputer jeszcze nie ma.",
        en="The password of {host}:{port} ({user}) is in the office database, encrypted with the office "
        "key, which this computer does not have yet.",
    ),
}
_PASSWORD_STEPS = {
    SecretState.MISSING: (
        Msg(pl="Otwórz smtpdesk i przejdź do: {place}.", en="Open smtpdesk and go to: {place}."),
        Msg(
            pl="Wpisz hasło w polu „Hasło” i zapisz ustawienia.",
            en='Type the password into "Password" and save the settings.',
        ),
        Msg(pl="Uruchom sprawdzenie jeszcze raz.", en="Run the check again."),
    ),
    SecretState.LOCKED: (
        Msg(
            pl="Odblokuj pęk kluczy (zaloguj się do sesji graficznej albo odblokuj go w menedżerze haseł).",
            en="Unlock the keychain (sign in to the desktop session or unlock it in the password manager).",
        ),
        Msg(pl="Uruchom sprawdzenie jeszcze raz.", en="Run the check again."),
    ),
    SecretState.UNAVAILABLE: (
        Msg(
            pl="Sprawdź to konto, podając hasło bezpośrednio: {command}",
            en="Check this account giving the password directly: {command}",
        ),
    ),
    SecretState.OFFICE_KEY_MISSING: (
        Msg(
            pl="Otwórz smtpdesk i wpisz kod klucza biura od administratora: Narzędzia › Baza danych biura…",
            en="Open smtpdesk and enter the office key code from the administrator: Tools › Office database…",
        ),
        Msg(pl="Uruchom sprawdzenie jeszcze raz.", en="Run the check again."),
    ),
}
_EMPLOYEE_DATA_PLACE = Msg(pl="„Pracownicy” → edycja pracownika {name}", en='"Employees" → edit {name}')
_NO_SENDER_TITLE = Msg(pl="Brak adresu nadawcy", en="No sender address")
_BAD_ADDRESS_TITLE = Msg(
    pl="Nieprawidłowy adres nadawcy lub odbiorcy", en="Invalid sender or recipient address"
)
_NO_SENDER_EXPLANATION = Msg(
    pl="Wiadomość z konta {label} nie ma adresu nadawcy (From), więc nie da się jej wysłać.",
    en="Mail from {label} has no sender (From) address, so it cannot be sent.",
)
_NO_SENDER_STEP = Msg(pl="Uzupełnij adres e-mail w: {place}.", en="Fill in the e-mail address in: {place}.")
_BAD_ADDRESS_EXPLANATION = Msg(
    pl="Zapisany adres nadawcy {sender} albo odbiorcy {recipient} nie nadaje się do wysłania wiadomości.",
    en="The saved sender {sender} or recipient {recipient} cannot be used to send a message.",
)


def prepare_stored(options: CheckOptions, target: StoredTarget) -> PreparedCheck | RunResult:
    """The request the saved settings make, or a finished ``RunResult`` when they cannot make one."""
    lang = options.lang
    try:
        opened = _load(target, lang)
    except StoreError as error:
        diagnosis = Diagnosis(
            code=INVALID_SETTINGS,
            severity="error",
            title=_UNREADABLE_TITLE.text(lang),
            explanation=error.message.text(lang),
        )
        facts = Facts(stage=Stage.CONFIG, exception=type(error).__name__)
        return _config_result(SmtpAccount(), None, options.recipient, options, facts, diagnosis, ())
    try:
        if opened is None:
            return _prepare(options, target, OfficeSettings(), [], SecretStore())
        settings, employees = opened.store.load_settings(), opened.store.list_employees()
        return _prepare(options, target, settings, employees, opened.secrets)
    finally:
        if opened is not None:
            opened.store.close()


def _prepare(
    options: CheckOptions,
    target: StoredTarget,
    settings: OfficeSettings,
    employees: list[Employee],
    secrets: SecretStore,
) -> PreparedCheck | RunResult:
    lang = options.lang
    employee = _find_employee(employees, target.employee, lang) if target.employee else None
    route = resolve(settings, employee)
    agent_route = employee is not None and settings.contact_mode is ContactMode.AGENT
    label = _label(route, employee, lang)
    warnings = tuple(w.text(lang) for w in route.warnings)
    recipient = options.recipient or route.sender

    if route.account is None or not route.account.configured:
        facts = Facts(stage=Stage.CONFIG, exception="NoServerConfigured")
        unset = MailTestRequest(
            account=SmtpAccount(),
            password=None,
            sender=route.sender,
            recipient=recipient,
            login_only=options.login_only,
            lang=lang,
        )
        diagnosis = diagnose(facts, unset.diagnosis_context())
        return _config_result(SmtpAccount(), route, recipient, options, facts, diagnosis, warnings)
    account = route.account

    password: str | None = None
    token_provider = None
    if target.oauth and not account.uses_oauth:
        diagnosis = _not_oauth_diagnosis(account, route, label, lang)
        facts = Facts(stage=Stage.CONFIG, exception="NotOAuth", host=account.host, port=account.port)
        return _config_result(account, route, recipient, options, facts, diagnosis, warnings)
    if account.uses_oauth and route.account_key is not None:
        # The saved sign-in: a fresh access token is fetched at the login step of the run.
        token_provider = TokenSource(settings.oauth, secrets).stored(account.auth_method, route.account_key)
    elif account.username:
        password, state = _password(route.account_key, secrets)
        if password is None:
            diagnosis = _password_diagnosis(state, account, route, label, lang)
            facts = Facts(
                stage=Stage.CONFIG, exception="PasswordMissing", host=account.host, port=account.port
            )
            return _config_result(account, route, recipient, options, facts, diagnosis, warnings)

    message: bytes | None = None
    if not options.login_only:
        if not route.sender:
            diagnosis = _no_sender_diagnosis(employee, agent_route, label, lang)
            facts = Facts(stage=Stage.CONFIG, exception="NoSender", host=account.host, port=account.port)
            return _config_result(account, route, recipient, options, facts, diagnosis, warnings)
        try:
            message = route_message(route, recipient, lang)
        except ValueError:
            diagnosis = _bad_address_diagnosis(route, recipient, employee, agent_route, lang)
            facts = Facts(stage=Stage.CONFIG, exception="BadAddress", host=account.host, port=account.port)
            return _config_result(account, route, recipient, options, facts, diagnosis, warnings)

    request = MailTestRequest(
        account=account,
        password=password,
        sender=route.sender,
        recipient=recipient,
        login_only=options.login_only,
        message=message,
        timeouts=options.timeouts,
        lang=lang,
        account_source=route.source,
        contact_mode=settings.contact_mode,
        token_provider=token_provider,
    )
    record = None
    if route.account_key is not None:
        record = partial(_record, target, route.account_key, account_label(route, employee, lang))
    return PreparedCheck(request=request, label=label, warnings=warnings, record=record)


def _record(target: StoredTarget, account_key: str, label: str, result: RunResult) -> None:
    """Adds the run to the history; a history that cannot be written never changes the verdict."""
    try:
        opened = open_saved(target.data_dir, target.database)
        if opened is None:
            return
        try:
            opened.store.add_history(HistoryEntry.from_result(result, account_key, label))
        finally:
            opened.store.close()
    except (StoreError, LocationError, OSError) as error:
        log.warning("the run could not be added to the history: %s", type(error).__name__)


def _load(target: StoredTarget, lang: Lang) -> Opened | None:
    """The saved settings and where their passwords are (the caller closes them); None when nothing
    was saved yet.

    Checking never creates a settings file, so a mistyped ``--data-dir`` is reported, not filled.
    """
    if target.data_dir is not None:
        given = Path(target.data_dir).expanduser()
        if not paths.database_path(given).is_file():
            raise UsageError(_NO_SETTINGS_FILE.text(lang, path=str(paths.database_path(given))))
    try:
        return open_saved(target.data_dir, target.database)
    except LocationError as error:
        raise UsageError(f"--database: {error.message.text(lang)}") from None


def _find_employee(employees: list[Employee], email: str, lang: Lang) -> Employee:
    wanted = email.casefold()
    for employee in employees:
        if employee.email.strip().casefold() == wanted:
            return employee
    known = ", ".join(e.email for e in employees if e.email) or _NOBODY.text(lang)
    raise UsageError(_UNKNOWN_EMPLOYEE.text(lang, email=email, known=known))


def _label(route: Route, employee: Employee | None, lang: Lang) -> str:
    if route.source == "employee" and employee is not None:
        return EMPLOYEE_ACCOUNT_LABEL.text(lang, name=employee_name(employee))
    if route.source == "company":
        return COMPANY_ACCOUNT_LABEL.text(lang)
    if route.source == "default":
        return DEFAULT_SERVER_LABEL.text(lang)
    return ""


def _place(route: Route, lang: Lang) -> str:
    if route.source == "employee":
        return EMPLOYEE_SMTP_PLACE.text(lang)
    if route.source == "company":
        return COMPANY_SMTP_PLACE.text(lang)
    return DEFAULT_SERVER_LABEL.text(lang)


def _password(key: str | None, secrets: SecretStore) -> tuple[str | None, SecretState]:
    if key is None:
        return None, SecretState.MISSING
    try:
        password = secrets.get(key)
    except Exception:  # a keychain that fails to answer is reported by its state below
        password = None
    if password:
        return password, SecretState.STORED
    try:
        state = secrets.state(key)
    except Exception:
        state = SecretState.UNAVAILABLE
    if state not in _PASSWORD_TITLE:
        state = SecretState.MISSING
    return None, state


def _check_command(account: SmtpAccount) -> str:
    """A ready-to-paste command line; a login such as "BIURO\\jan" must survive the shell."""
    words = ["smtpdesk", "check", "--host", account.host, "--port", str(account.port)]
    words += ["--user", account.username, "--password-stdin"]
    return shlex.join(words)


def _password_diagnosis(
    state: SecretState, account: SmtpAccount, route: Route, label: str, lang: Lang
) -> Diagnosis:
    values = {
        "label": label,
        "host": account.host,
        "port": account.port,
        "user": account.username,
        "place": _place(route, lang),
        "command": _check_command(account),
    }
    return Diagnosis(
        code=INVALID_SETTINGS,
        severity="error",
        title=_PASSWORD_TITLE[state].text(lang, **values),
        explanation=_PASSWORD_EXPLANATION[state].text(lang, **values),
        steps=tuple(step.text(lang, **values) for step in _PASSWORD_STEPS[state]),
    )


_NOT_OAUTH_TITLE = Msg(
    pl="{label} loguje się hasłem, nie przez Microsoft ani Google",
    en="{label} logs in with a password, not with Microsoft or Google",
)
_NOT_OAUTH_EXPLANATION = Msg(
    pl="Sprawdzenie z --oauth używa zapisanego logowania OAuth2, a to konto ({user} na {host}) ma "
    "zapisane hasło.",
    en="A check with --oauth uses the saved OAuth2 sign-in, but this account ({user} on {host}) has a "
    "password saved.",
)
_NOT_OAUTH_STEPS = (
    Msg(
        pl="Sprawdź je bez --oauth albo zaloguj je przez Microsoft lub Google w: {place}.",
        en="Check it without --oauth, or sign it in with Microsoft or Google in: {place}.",
    ),
)


def _not_oauth_diagnosis(account: SmtpAccount, route: Route, label: str, lang: Lang) -> Diagnosis:
    values = {"label": label, "host": account.host, "user": account.username, "place": _place(route, lang)}
    return Diagnosis(
        code=INVALID_SETTINGS,
        severity="error",
        title=_NOT_OAUTH_TITLE.text(lang, **values),
        explanation=_NOT_OAUTH_EXPLANATION.text(lang, **values),
        steps=tuple(step.text(lang, **values) for step in _NOT_OAUTH_STEPS),
    )


def _sender_place(employee: Employee | None, agent_route: bool, lang: Lang) -> str:
    if agent_route and employee is not None:
        return _EMPLOYEE_DATA_PLACE.text(lang, name=employee_name(employee))
    return COMPANY_DATA_PLACE.text(lang)


def _no_sender_diagnosis(employee: Employee | None, agent_route: bool, label: str, lang: Lang) -> Diagnosis:
    return Diagnosis(
        code=INVALID_SETTINGS,
        severity="error",
        title=_NO_SENDER_TITLE.text(lang),
        explanation=_NO_SENDER_EXPLANATION.text(lang, label=label),
        steps=(_NO_SENDER_STEP.text(lang, place=_sender_place(employee, agent_route, lang)),),
    )


def _bad_address_diagnosis(
    route: Route, recipient: str, employee: Employee | None, agent_route: bool, lang: Lang
) -> Diagnosis:
    return Diagnosis(
        code=INVALID_SETTINGS,
        severity="error",
        title=_BAD_ADDRESS_TITLE.text(lang),
        explanation=_BAD_ADDRESS_EXPLANATION.text(lang, sender=route.sender, recipient=recipient),
        steps=(_NO_SENDER_STEP.text(lang, place=_sender_place(employee, agent_route, lang)),),
    )


def _config_result(
    account: SmtpAccount,
    route: Route | None,
    recipient: str,
    options: CheckOptions,
    facts: Facts,
    diagnosis: Diagnosis,
    warnings: tuple[str, ...],
) -> RunResult:
    request = MailTestRequest(
        account=account,
        password=None,
        sender=route.sender if route is not None else "",
        recipient=recipient,
        login_only=options.login_only,
        lang=options.lang,
    )
    return make_result(request, facts, diagnosis=diagnosis, notes=warnings)
