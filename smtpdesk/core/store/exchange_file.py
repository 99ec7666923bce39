"""The configuration file: one JSON document, written and read from the schema's lists.

::

    {"format": "smtpdesk-configuration", "version": 1, "exported_at": "...", "program": "smtpdesk 0.1.0",
     "settings": {"company": {...}, "office": {...}, "giodo": {...}, "company_smtp": {...} | null,
                  "default_server": {...} | null},
     "employees": [{"first_name": ..., ..., "smtp": {...} | null}, ...],
     "history": [{"at": ..., "employee": "anna@biuro.pl" | "account_key": "smtp:company", ...}]}

There are no passwords in it: the model has none (they live in the keychain or, encrypted, in the
office database). The logo is base64. Test runs name an employee by e-mail, never by the local
id, which differs between desktops. Reading checks every value with the schema's ``from_json``
(the same validators as the forms) and collects every problem with its place in the file.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, fields
from datetime import datetime, timezone
from typing import Any, get_type_hints

from smtpdesk import APP_NAME, __version__
from smtpdesk.core.history import DETAIL_FIELDS, HistoryEntry
from smtpdesk.core.i18n import Msg
from smtpdesk.core.model import COMPANY_ACCOUNT, DEFAULT_ACCOUNT, Employee, OfficeSettings, SmtpAccount
from smtpdesk.core.store.import_job import RunImport, email_key
from smtpdesk.core.store.schema import (
    ACCOUNT_FIELDS,
    EMPLOYEE_FIELDS,
    EMPLOYEE_SMTP,
    MSG_NOT_BOOL,
    MSG_NOT_NUMBER,
    MSG_NOT_TEXT,
    PRESENT,
    SETTINGS_SECTIONS,
    Field,
    Flat,
    employee_flat,
    employee_from_flat,
    settings_flat,
    settings_from_flat,
)
from smtpdesk.core.validation import FieldError
from smtpdesk.core.wording import fill

FORMAT = "smtpdesk-configuration"
VERSION = 1
MAX_FILE_BYTES = 64 * 1024 * 1024
EMPLOYEE_PREFIX = "smtp:employee:"
# Accounts whose history key holds no local id, so it means the same on every desktop.
SHARED_ACCOUNTS = (COMPANY_ACCOUNT, DEFAULT_ACCOUNT)

MSG_TOO_BIG = Msg(
    pl="Plik jest za duży na eksport konfiguracji smtpdesk ({size} MB, najwyżej {limit} MB).",
    en="The file is too large for an smtpdesk configuration export ({size} MB, at most {limit} MB).",
)
MSG_NOT_JSON = Msg(
    pl="To nie jest eksport konfiguracji smtpdesk: pliku nie da się odczytać jako JSON "
    "(błąd w wierszu {line}, kolumna {column}).",
    en="This is not an smtpdesk configuration export: the file cannot be read as JSON "
    "(error at line {line}, column {column}).",
)
MSG_NOT_UTF8 = Msg(
    pl="To nie jest eksport konfiguracji smtpdesk: plik nie jest tekstem UTF-8.",
    en="This is not an smtpdesk configuration export: the file is not UTF-8 text.",
)
MSG_NOT_EXPORT = Msg(
    pl="To nie jest eksport konfiguracji smtpdesk (brak oznaczenia „smtpdesk-configuration”). "
    "Wybierz plik zapisany poleceniem Plik › Eksportuj konfigurację…",
    en='This is not an smtpdesk configuration export (it lacks the "smtpdesk-configuration" mark). '
    "Choose a file saved with File › Export configuration…",
)
MSG_NEWER = Msg(
    pl="Ten plik zapisała nowsza wersja smtpdesk (format w wersji {found}, ten program zna najwyżej "
    "wersję {known}). Zainstaluj nowszą wersję programu, aby go zaimportować — nic nie zostało zmienione.",
    en="This file was written by a newer smtpdesk (format version {found}, this program knows up to "
    "version {known}). Install the newer version to import it — nothing was changed.",
)
MSG_BAD_VERSION = Msg(
    pl="Wersja formatu musi być liczbą całkowitą, najmniej 1",
    en="The format version must be a whole number, at least 1",
)
MSG_MISSING = Msg(pl="Brak tego pola w pliku", en="This field is missing from the file")
MSG_UNKNOWN = Msg(
    pl="Nieznane pole — ten program go nie zna (literówka?)",
    en="Unknown field — this program does not know it (a typo?)",
)
MSG_NOT_OBJECT = Msg(pl="Oczekiwano obiektu JSON {…}", en="A JSON object {…} was expected")
MSG_NOT_LIST = Msg(pl="Oczekiwano listy JSON […]", en="A JSON list […] was expected")
MSG_NOT_ACCOUNT = Msg(
    pl="Oczekiwano ustawień konta (obiekt JSON) albo null, gdy konta nie ma",
    en="Account settings (a JSON object) were expected, or null when there is no account",
)
MSG_NOT_FRACTION = Msg(pl="Oczekiwano liczby", en="A number was expected")
MSG_BAD_DATE = Msg(
    pl="Oczekiwano daty i godziny ISO 8601, np. 2024-05-01T09:00:00+00:00",
    en="An ISO 8601 date and time was expected, e.g. 2024-05-01T09:00:00+00:00",
)
MSG_NUMBERS = Msg(
    pl='Oczekiwano obiektu z liczbami, np. {{"connect": 12.5}}',
    en='An object of numbers was expected, e.g. {{"connect": 12.5}}',
)
MSG_OBJECTS = Msg(pl="Oczekiwano listy obiektów JSON", en="A list of JSON objects was expected")
MSG_DUPLICATE = Msg(
    pl="Ten sam adres e-mail ma już pracownik nr {other} w tym pliku — pracowników rozpoznaje się "
    "po adresie e-mail, więc każdy musi mieć inny",
    en="Employee no. {other} in this file has the same e-mail address — employees are recognised by "
    "their e-mail address, so each needs a different one",
)
MSG_NO_SUCH_EMPLOYEE = Msg(
    pl="W pliku nie ma pracownika z adresem {email}",
    en="The file has no employee with the address {email}",
)
MSG_ACCOUNT_REF = Msg(
    pl="Wpis musi wskazywać konto: „employee” (adres e-mail pracownika) albo „account_key” "
    "(np. smtp:company)",
    en='The entry must name its account: "employee" (the employee\'s e-mail address) or "account_key" '
    "(e.g. smtp:company)",
)


@dataclass(frozen=True)
class Problem:
    """Something wrong in the file: where (``path``, e.g. ``employees[2].smtp.port``), what, and the
    schema key it concerns (for showing it next to that field), if any."""

    path: str
    message: Msg
    key: str = ""


# --- writing ----------------------------------------------------------------------------------------


def _fields_json(fields_: Sequence[Field], source: object) -> dict[str, Any]:
    return {f.attr: f.to_json(getattr(source, f.attr)) for f in fields_}


def _account_json(account: SmtpAccount | None) -> dict[str, Any] | None:
    return None if account is None else _fields_json(ACCOUNT_FIELDS, account)


def settings_json(settings: OfficeSettings) -> dict[str, Any]:
    document: dict[str, Any] = {}
    for section in SETTINGS_SECTIONS:
        part: Any = getattr(settings, section.attr) if section.attr else settings
        document[section.name] = (
            _account_json(part) if section.optional else _fields_json(section.fields, part)
        )
    return document


def employee_json(employee: Employee) -> dict[str, Any]:
    return {**_fields_json(EMPLOYEE_FIELDS, employee), EMPLOYEE_SMTP: _account_json(employee.smtp)}


def history_json(entry: HistoryEntry, emails: Mapping[str, str]) -> dict[str, Any] | None:
    """A run as the file keeps it; None for the run of an employee no longer here."""
    data = entry.to_json()
    del data["id"]
    key = data.pop("account_key")
    if key.startswith(EMPLOYEE_PREFIX):
        if key not in emails:
            return None
        return {"employee": emails[key], **data}
    return {"account_key": key, **data}


def document(
    settings: OfficeSettings,
    employees: Sequence[Employee],
    history: Sequence[HistoryEntry] | None,
    *,
    now: datetime,
) -> dict[str, Any]:
    """The whole file; ``history`` None leaves the test history out."""
    result: dict[str, Any] = {
        "format": FORMAT,
        "version": VERSION,
        "exported_at": now.astimezone(timezone.utc).isoformat(),
        "program": f"{APP_NAME} {__version__}",
        "settings": settings_json(settings),
        "employees": [employee_json(e) for e in employees],
    }
    if history is not None:
        emails = {f"{EMPLOYEE_PREFIX}{e.id}": e.email for e in employees if e.id is not None}
        runs = (history_json(entry, emails) for entry in history)
        result["history"] = [run for run in runs if run is not None]
    return result


# --- reading ----------------------------------------------------------------------------------------


@dataclass
class ParsedEmployee:
    index: int
    values: Flat  # the valid values, by employee key; complete when ``problems`` is empty
    problems: list[Problem] = field(default_factory=list)

    @property
    def email(self) -> str:
        return str(self.values.get("email", ""))


@dataclass
class ParsedFile:
    """A file read and checked. ``refused`` says why it cannot be imported at all (not an export,
    a newer format); otherwise ``problems`` lists everything wrong in it."""

    refused: Msg | None = None
    problems: list[Problem] = field(default_factory=list)
    settings: Flat = field(default_factory=dict)  # valid values by settings key
    employees: list[ParsedEmployee] = field(default_factory=list)
    history: list[RunImport] = field(default_factory=list)
    exported_at: datetime | None = None
    program: str = ""
    has_history: bool = False

    @property
    def ok(self) -> bool:
        return self.refused is None and not self.problems and not any(e.problems for e in self.employees)

    def all_problems(self) -> list[Problem]:
        return [*self.problems, *(p for e in self.employees for p in e.problems)]


class _Reader:
    def __init__(self, parsed: ParsedFile) -> None:
        self.parsed = parsed

    def fields(
        self,
        raw: Any,
        fields_: Sequence[Field],
        path: str,
        key_of: Callable[[Field], str],
        into: Flat,
        problems: list[Problem],
    ) -> None:
        """Checks an object of ``fields_`` into ``into`` (keys from ``key_of(field)``)."""
        if not isinstance(raw, dict):
            problems.append(Problem(path, MSG_NOT_OBJECT))
            return
        for f in fields_:
            key = key_of(f)
            where = f"{path}.{f.attr}"
            if f.attr not in raw:
                problems.append(Problem(where, MSG_MISSING, key))
                continue
            try:
                into[key] = f.from_json(raw[f.attr], where)
            except FieldError as error:
                problems.append(Problem(where, error.message, key))
        known = {f.attr for f in fields_}
        problems.extend(Problem(f"{path}.{name}", MSG_UNKNOWN) for name in raw if name not in known)

    def account(self, raw: Any, path: str, prefix: str, into: Flat, problems: list[Problem]) -> None:
        """An optional account: null (none) or an object of the account fields."""
        into[f"{prefix}.{PRESENT}"] = raw is not None
        if raw is None:
            blank = SmtpAccount()
            into.update({f"{prefix}.{f.attr}": getattr(blank, f.attr) for f in ACCOUNT_FIELDS})
            return
        if not isinstance(raw, dict):
            del into[f"{prefix}.{PRESENT}"]
            problems.append(Problem(path, MSG_NOT_ACCOUNT, f"{prefix}.{PRESENT}"))
            return
        self.fields(raw, ACCOUNT_FIELDS, path, lambda f: f"{prefix}.{f.attr}", into, problems)

    def settings(self, raw: Any) -> None:
        problems = self.parsed.problems
        if not isinstance(raw, dict):
            problems.append(Problem("settings", MSG_NOT_OBJECT))
            return
        for section in SETTINGS_SECTIONS:
            path = f"settings.{section.name}"
            if section.name not in raw:
                problems.append(Problem(path, MSG_MISSING))
            elif section.optional:
                self.account(raw[section.name], path, section.name, self.parsed.settings, problems)
            else:
                self.fields(
                    raw[section.name], section.fields, path, section.key, self.parsed.settings, problems
                )
        known = {section.name for section in SETTINGS_SECTIONS}
        problems.extend(Problem(f"settings.{name}", MSG_UNKNOWN) for name in raw if name not in known)

    def employees(self, raw: Any) -> None:
        if not isinstance(raw, list):
            self.parsed.problems.append(Problem("employees", MSG_NOT_LIST))
            return
        seen: dict[str, int] = {}
        for index, item in enumerate(raw):
            path = f"employees[{index}]"
            employee = ParsedEmployee(index, {})
            self.fields(
                {k: v for k, v in item.items() if k != EMPLOYEE_SMTP} if isinstance(item, dict) else item,
                EMPLOYEE_FIELDS,
                path,
                lambda f: f.attr,
                employee.values,
                employee.problems,
            )
            if isinstance(item, dict):
                if EMPLOYEE_SMTP in item:
                    smtp_path = f"{path}.{EMPLOYEE_SMTP}"
                    self.account(
                        item[EMPLOYEE_SMTP], smtp_path, EMPLOYEE_SMTP, employee.values, employee.problems
                    )
                else:
                    employee.problems.append(Problem(f"{path}.{EMPLOYEE_SMTP}", MSG_MISSING))
            if "email" in employee.values:
                other = seen.setdefault(email_key(employee.email), index)
                if other != index:
                    employee.problems.append(
                        Problem(f"{path}.email", fill(MSG_DUPLICATE, other=other + 1), "email")
                    )
            self.parsed.employees.append(employee)

    def history(self, raw: Any) -> None:
        problems = self.parsed.problems
        if not isinstance(raw, list):
            problems.append(Problem("history", MSG_NOT_LIST))
            return
        emails = {email_key(e.email) for e in self.parsed.employees if e.email}
        for index, item in enumerate(raw):
            path = f"history[{index}]"
            if not isinstance(item, dict):
                problems.append(Problem(path, MSG_NOT_OBJECT))
                continue
            before = len(problems)
            run = _read_run(item, path, emails, problems)
            if run is not None and len(problems) == before:
                self.parsed.history.append(run)


# HistoryEntry's own fields decide what a run in the file holds (``id`` and the account aside).
_RUN_TYPES: dict[str, Any] = {
    f.name: get_type_hints(HistoryEntry)[f.name]
    for f in fields(HistoryEntry)
    if f.name not in ("id", "account_key")
}


def _run_value(hint: Any, raw: Any) -> tuple[Any, Msg | None]:
    """The value of one run field, or the message saying what is wrong with it."""
    if hint is datetime:
        try:
            return datetime.fromisoformat(raw), None
        except (TypeError, ValueError):
            return None, MSG_BAD_DATE
    if hint is bool:
        return (raw, None) if isinstance(raw, bool) else (None, MSG_NOT_BOOL)
    if hint is int:
        whole = isinstance(raw, int) and not isinstance(raw, bool)
        return (raw, None) if whole else (None, MSG_NOT_NUMBER)
    if hint is float:
        number = isinstance(raw, (int, float)) and not isinstance(raw, bool)
        return (float(raw), None) if number else (None, MSG_NOT_FRACTION)
    if hint is str:
        return (raw, None) if isinstance(raw, str) else (None, MSG_NOT_TEXT)
    if hint == dict[str, float]:
        numbers = isinstance(raw, dict) and all(
            isinstance(v, (int, float)) and not isinstance(v, bool) for v in raw.values()
        )
        return ({str(k): float(v) for k, v in raw.items()}, None) if numbers else (None, MSG_NUMBERS)
    if hint == str | None:
        return (raw, None) if raw is None or isinstance(raw, str) else (None, MSG_NOT_TEXT)
    if hint == dict[str, Any] | None:
        return (raw, None) if raw is None or isinstance(raw, dict) else (None, MSG_OBJECTS)
    if hint == tuple[str, ...]:
        texts = isinstance(raw, list) and all(isinstance(item, str) for item in raw)
        return (tuple(raw), None) if texts else (None, MSG_NOT_TEXT)
    objects = isinstance(raw, list) and all(isinstance(line, dict) for line in raw)
    if not objects:
        return None, MSG_OBJECTS
    lines = [dict(line) for line in raw]
    return (tuple(lines), None) if hint == tuple[dict[str, Any], ...] else (lines, None)


def _read_run(item: dict[str, Any], path: str, emails: set[str], problems: list[Problem]) -> RunImport | None:
    values: dict[str, Any] = {}
    for name, hint in _RUN_TYPES.items():
        if name not in item:
            if name not in DETAIL_FIELDS:  # a file without the diagnosis' details still reads
                problems.append(Problem(f"{path}.{name}", MSG_MISSING))
            continue
        value, wrong = _run_value(hint, item[name])
        if wrong is not None:
            problems.append(Problem(f"{path}.{name}", wrong))
        else:
            values[name] = value
    known = {*_RUN_TYPES, "employee", "account_key"}
    problems.extend(Problem(f"{path}.{name}", MSG_UNKNOWN) for name in item if name not in known)
    employee, key = item.get("employee"), item.get("account_key")
    if (employee is None) == (key is None) or not isinstance(employee or key, str):
        problems.append(Problem(path, MSG_ACCOUNT_REF))
        return None
    if isinstance(key, str) and key.startswith(EMPLOYEE_PREFIX):
        problems.append(Problem(f"{path}.account_key", MSG_ACCOUNT_REF))
        return None
    if isinstance(employee, str) and email_key(employee) not in emails:
        problems.append(Problem(f"{path}.employee", fill(MSG_NO_SUCH_EMPLOYEE, email=employee)))
        return None
    if any(name not in values for name in _RUN_TYPES if name not in DETAIL_FIELDS or name in item):
        return None
    entry = HistoryEntry(id=None, account_key=key or "", **values)
    return RunImport(entry, employee=employee or "")


def _exported_at(raw: Any) -> datetime | None:
    try:
        moment = datetime.fromisoformat(raw)
    except (TypeError, ValueError):
        return None
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=timezone.utc)


def read(data: bytes, *, size: int | None = None) -> ParsedFile:
    """Reads and checks a configuration file (``size``: the file's whole size when ``data`` is
    only its beginning); never raises on its content."""
    parsed = ParsedFile()
    whole = max(len(data), size or 0)
    if whole > MAX_FILE_BYTES:
        size_mb = f"{whole / (1024 * 1024):.0f}"
        parsed.refused = fill(MSG_TOO_BIG, size=size_mb, limit=MAX_FILE_BYTES // (1024 * 1024))
        return parsed
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        parsed.refused = MSG_NOT_UTF8
        return parsed
    try:
        raw = json.loads(text)
    except json.JSONDecodeError as error:
        parsed.refused = fill(MSG_NOT_JSON, line=error.lineno, column=error.colno)
        return parsed
    except RecursionError:  # absurdly deep nesting
        parsed.refused = fill(MSG_NOT_JSON, line="?", column="?")
        return parsed
    if not isinstance(raw, dict) or raw.get("format") != FORMAT:
        parsed.refused = MSG_NOT_EXPORT
        return parsed
    version = raw.get("version")
    if isinstance(version, bool) or not isinstance(version, int) or version < 1:
        parsed.problems.append(Problem("version", MSG_BAD_VERSION))
        return parsed
    if version > VERSION:
        parsed.refused = fill(MSG_NEWER, found=version, known=VERSION)
        return parsed
    reader = _Reader(parsed)
    parsed.exported_at = _exported_at(raw.get("exported_at"))
    if "exported_at" in raw and parsed.exported_at is None:
        parsed.problems.append(Problem("exported_at", MSG_BAD_DATE))
    program = raw.get("program", "")
    if isinstance(program, str):
        parsed.program = program
    else:
        parsed.problems.append(Problem("program", MSG_NOT_TEXT))
    for part in ("settings", "employees"):
        if part not in raw:
            parsed.problems.append(Problem(part, MSG_MISSING))
    if "settings" in raw:
        reader.settings(raw["settings"])
    if "employees" in raw:
        reader.employees(raw["employees"])
    if "history" in raw:
        parsed.has_history = True
        reader.history(raw["history"])
    known = ("format", "version", "exported_at", "program", "settings", "employees", "history")
    parsed.problems.extend(Problem(name, MSG_UNKNOWN) for name in raw if name not in known)
    return parsed


def flat_settings(parsed: ParsedFile) -> Flat:
    """The file's settings as a complete flat mapping (only for a file without problems)."""
    return settings_flat(settings_from_flat(parsed.settings))


def flat_employee(employee: ParsedEmployee) -> Flat:
    """An employee of the file as a complete flat mapping (only for one without problems)."""
    return employee_flat(employee_from_flat(employee.values, None))
