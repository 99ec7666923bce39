"""What an import will change, shown before anything is written.

The preview compares the file with the database as it is now: every settings field that changes
(old → new), every employee added or changed (matched by e-mail, whatever the letter case), the
employees that are not in the file (removed only when the user asks), the test runs that are new,
and the accounts whose password has to be typed on this computer (a file never carries one).
Problems of the file are shown in the same groups, next to the field they concern. The preview
also holds the ``ImportJob`` that applies exactly what it shows.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, Literal

from smtpdesk.core.i18n import Msg
from smtpdesk.core.model import (
    COMPANY_ACCOUNT,
    DEFAULT_ACCOUNT,
    ContactMode,
    Employee,
    OfficeSettings,
    Role,
    SmtpAccount,
    employee_account,
)
from smtpdesk.core.report import SECURITY_NAMES
from smtpdesk.core.store.exchange_file import (
    ParsedEmployee,
    ParsedFile,
    Problem,
    flat_employee,
    flat_settings,
)
from smtpdesk.core.store.import_job import EmployeeImport, ImportJob, RunImport, email_key
from smtpdesk.core.store.schema import (
    PRESENT,
    SECTIONS_BY_NAME,
    SETTINGS_SECTIONS,
    Flat,
    employee_flat,
    employee_from_flat,
    field_for,
    label_for,
    settings_flat,
    settings_from_flat,
)
from smtpdesk.core.wording import AGENT_MODE, COMPANY_MODE, fill

GroupKind = Literal["file", "settings", "added", "changed", "unidentified", "absent", "history", "passwords"]

YES = Msg(pl="tak", en="yes")
NO = Msg(pl="nie", en="no")
EMPTY = Msg(pl="(puste)", en="(empty)")
NO_IMAGE = Msg(pl="(brak)", en="(none)")
IMAGE = Msg(pl="obraz, {size} kB", en="image, {size} kB")
ENUM_NAMES: dict[Any, Msg] = {
    **SECURITY_NAMES,
    ContactMode.AGENT: AGENT_MODE,
    ContactMode.COMPANY: COMPANY_MODE,
    Role.ADMIN: Msg(pl="Administrator", en="Administrator"),
    Role.AGENT: Msg(pl="Agent", en="Agent"),
}

T_FILE = Msg(pl="Plik", en="File")
T_ADDED = Msg(pl="Nowy pracownik: {who}", en="New employee: {who}")
T_CHANGED = Msg(pl="Pracownik: {who}", en="Employee: {who}")
T_UNIDENTIFIED = Msg(pl="Pracownik nr {number} w pliku", en="Employee no. {number} in the file")
T_HISTORY = Msg(pl="Historia testów", en="Test history")
T_THIS_COMPUTER = Msg(pl="Do uzupełnienia na tym komputerze", en="To complete on this computer")
ACCOUNT_OF = Msg(pl="{place}: {user}", en="{place}: {user}")
T_ABSENT = Msg(pl="Pracownicy, których nie ma w pliku", en="Employees not in the file")
R_REMOVED = Msg(pl="zostanie usunięty", en="will be removed")
R_KEPT = Msg(pl="zostaje bez zmian", en="stays as it is")
R_RUNS_NEW = Msg(pl="Nowe wpisy", en="New entries")
R_RUNS_KNOWN = Msg(pl="Już zapisane (pominięte)", en="Already here (skipped)")
R_PASSWORD = Msg(
    pl="wpisz hasło w ustawieniach konta — plik nie zawiera haseł, a ten komputer go nie zna",
    en="type the password in the account's settings — the file holds no passwords and this "
    "computer does not know it",
)
R_CA_FILE = Msg(
    pl="skopiuj na ten komputer plik urzędu certyfikacji {path} — tu go nie ma",
    en="copy the certificate authority file {path} to this computer — it is not here",
)
SUMMARY_PROBLEMS = Msg(
    pl="Problemy w pliku: {count}. Popraw je w pliku i wybierz go ponownie — nic nie zostanie zmienione.",
    en="Problems in the file: {count}. Correct them in the file and choose it again — nothing will "
    "be changed.",
)
SUMMARY_NOTHING = Msg(
    pl="Ta baza ma już wszystko, co jest w pliku — import niczego nie zmieni.",
    en="This database already has everything the file holds — the import changes nothing.",
)
SUMMARY_PARTS: tuple[tuple[str, Msg], ...] = (
    ("settings", Msg(pl="Ustawienia do zmiany: {n}", en="Settings to change: {n}")),
    ("added", Msg(pl="Nowi pracownicy: {n}", en="New employees: {n}")),
    ("changed", Msg(pl="Pracownicy ze zmianami: {n}", en="Employees with changes: {n}")),
    ("removed", Msg(pl="Do usunięcia: {n}", en="To be removed: {n}")),
    ("unchanged", Msg(pl="Pracownicy bez zmian: {n}", en="Employees unchanged: {n}")),
    ("history", Msg(pl="Nowe wpisy historii testów: {n}", en="New test history entries: {n}")),
)

HasPassword = Callable[[str], bool]


@dataclass(frozen=True)
class Row:
    """One line of the preview: a field's old and new value, or a problem of the file."""

    label: Msg
    old: Msg | None = None
    new: Msg | None = None
    problem: Msg | None = None
    path: str = ""  # where in the file, for a problem


@dataclass(frozen=True)
class Group:
    kind: GroupKind
    title: Msg
    rows: tuple[Row, ...]
    path: str = ""

    @property
    def problems(self) -> int:
        return sum(row.problem is not None for row in self.rows)


# --- values as people read them ---------------------------------------------------------------------


def shown(key: str, value: Any) -> Msg:
    """A stored value as the preview shows it."""
    kind = field_for(key).kind
    if kind == "bool":
        return YES if value else NO
    if kind == "enum":
        return ENUM_NAMES.get(value, Msg(pl=str(value), en=str(value)))
    if kind == "blob":
        if value is None:
            return NO_IMAGE
        return fill(IMAGE, size=f"{len(value) / 1024:.1f}".replace(".", ","))
    text = str(value)
    if not text:
        return EMPTY
    one_line = " / ".join(line for line in text.splitlines() if line)
    return Msg(pl=one_line, en=one_line)


def _changed_rows(old: Flat, new: Flat, own_label: Callable[[str], Msg]) -> list[Row]:
    """The keys whose value differs; an account's fields only while the account exists."""
    rows = []
    for key, value in new.items():
        prefix, _, attr = key.rpartition(".")
        if prefix and attr != PRESENT and f"{prefix}.{PRESENT}" in new and not new[f"{prefix}.{PRESENT}"]:
            continue
        if key in old and old[key] == value:
            continue
        rows.append(Row(own_label(key), shown(key, old[key]) if key in old else None, shown(key, value)))
    return rows


def _problem_rows(problems: Sequence[Problem], own_label: Callable[[str], Msg]) -> list[Row]:
    rows = []
    for problem in problems:
        if problem.key:
            label = own_label(problem.key)
        else:
            name = problem.path.rpartition(".")[2] or problem.path
            label = Msg(pl=name, en=name)
        rows.append(Row(label, problem=problem.message, path=problem.path))
    return rows


def _settings_label(key: str) -> Msg:
    return field_for(key).label


def _employee_title(flat: Flat) -> Msg:
    name = f"{flat.get('first_name', '')} {flat.get('last_name', '')}".strip()
    email = str(flat.get("email", ""))
    text = f"{name} <{email}>" if name and email else name or email
    return Msg(pl=text, en=text)


# --- the preview -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Preview:
    source: str
    file: ParsedFile
    base_groups: tuple[Group, ...]  # everything but the employees absent from the file
    absent: tuple[Employee, ...]
    counts: dict[str, int]
    passwords: tuple[Msg, ...]
    job: ImportJob | None  # None when the file has problems

    @property
    def ok(self) -> bool:
        return self.job is not None

    @property
    def problems(self) -> int:
        return len(self.file.all_problems()) + (1 if self.file.refused is not None else 0)

    def job_for(self, remove_absent: bool) -> ImportJob:
        """The job applying this preview; employees not in the file go only when asked."""
        if self.job is None:
            raise ValueError("a file with problems cannot be imported")
        return self.job if remove_absent else replace(self.job, removals=())

    def groups(self, remove_absent: bool) -> list[Group]:
        groups = list(self.base_groups)
        if self.absent:
            verdict = R_REMOVED if remove_absent else R_KEPT
            rows = tuple(Row(_employee_title(employee_flat(e)), new=verdict) for e in self.absent)
            at = next((i for i, g in enumerate(groups) if g.kind in ("history", "passwords")), len(groups))
            groups.insert(at, Group("absent", T_ABSENT, rows))
        return groups

    def changes(self, remove_absent: bool) -> dict[str, int]:
        counts = dict(self.counts)
        counts["removed"] = len(self.absent) if remove_absent else 0
        return counts

    def has_changes(self, remove_absent: bool) -> bool:
        counts = self.changes(remove_absent)
        return any(counts[k] for k in ("settings", "added", "changed", "removed", "history"))

    def summary(self, remove_absent: bool) -> Msg:
        if self.file.refused is not None:
            return self.file.refused
        if not self.ok:
            return fill(SUMMARY_PROBLEMS, count=self.problems)
        if not self.has_changes(remove_absent):
            return SUMMARY_NOTHING
        counts = self.changes(remove_absent)
        parts = [fill(msg, n=counts[name]) for name, msg in SUMMARY_PARTS if counts[name]]
        return Msg(pl=" · ".join(p.pl for p in parts), en=" · ".join(p.en for p in parts))


def _section_of(path: str) -> str:
    """ "settings.company.email" -> "company"; "" for other places."""
    parts = path.split(".")
    inside = parts[0] == "settings" and len(parts) > 1 and parts[1] in SECTIONS_BY_NAME
    return parts[1] if inside else ""


def _settings_groups(parsed: ParsedFile, base: Flat) -> tuple[list[Group], int]:
    groups: list[Group] = []
    changed = 0
    for section in SETTINGS_SECTIONS:
        keys = section.all_keys()
        new = {k: parsed.settings[k] for k in keys if k in parsed.settings}
        rows = _changed_rows({k: base[k] for k in keys}, new, _settings_label)
        changed += len(rows)
        problems = [p for p in parsed.problems if _section_of(p.path) == section.name]
        rows += _problem_rows(problems, _settings_label)
        if rows:
            groups.append(
                Group(
                    "settings", SECTIONS_BY_NAME[section.name].label, tuple(rows), f"settings.{section.name}"
                )
            )
    return groups, changed


def _employee_groups(
    parsed: ParsedFile, local: Sequence[Employee]
) -> tuple[list[Group], list[EmployeeImport], list[Employee], dict[str, int]]:
    by_email: dict[str, Employee] = {}
    for employee in local:
        by_email.setdefault(email_key(employee.email), employee)
    blank = employee_flat(Employee())
    groups: list[Group] = []
    imports: list[EmployeeImport] = []
    matched: set[int] = set()
    counts = {"added": 0, "changed": 0, "unchanged": 0}
    for item in parsed.employees:
        path = f"employees[{item.index}]"
        mine = by_email.get(email_key(item.email)) if "email" in item.values else None
        problems = _problem_rows(item.problems, label_for)
        if mine is not None:
            assert mine.id is not None
            matched.add(mine.id)
            base = employee_flat(mine)
            rows = _changed_rows(base, item.values, label_for) + problems
            if rows:
                groups.append(Group("changed", fill(T_CHANGED, who=_employee_title(base)), tuple(rows), path))
            counts["changed" if len(rows) > len(problems) else "unchanged"] += 1
            if not item.problems:
                imports.append(EmployeeImport(item.email, flat_employee(item), mine.id, base))
            continue
        if "email" not in item.values:
            title = fill(T_UNIDENTIFIED, number=item.index + 1)
            groups.append(Group("unidentified", title, tuple(problems), path))
            continue
        rows = _added_rows(blank, item) + problems
        groups.append(Group("added", fill(T_ADDED, who=_employee_title(item.values)), tuple(rows), path))
        counts["added"] += 1
        if not item.problems:
            imports.append(EmployeeImport(item.email, flat_employee(item)))
    absent = [e for e in local if e.id not in matched]
    return groups, imports, absent, counts


def _added_rows(blank: Flat, item: ParsedEmployee) -> list[Row]:
    """A new employee's values that are not blank (the e-mail always, it names them)."""
    rows = []
    for key, value in item.values.items():
        prefix, _, attr = key.rpartition(".")
        if prefix and attr != PRESENT and not item.values.get(f"{prefix}.{PRESENT}"):
            continue
        if key == "email" or field_for(key).kind == "enum" or value != blank[key]:
            rows.append(Row(label_for(key), new=shown(key, value)))
    return rows


def _history(
    parsed: ParsedFile, known: set[tuple[str, Any, str]], imports: Sequence[EmployeeImport]
) -> tuple[list[RunImport], int]:
    """The file's runs not already in the database (an added employee has none yet)."""
    ids = {email_key(i.email): i.employee_id for i in imports}
    fresh: list[RunImport] = []
    for run in parsed.history:
        key = run.entry.account_key
        if run.employee:
            employee_id = ids.get(email_key(run.employee))
            key = employee_account(employee_id) if employee_id is not None else ""
        if (key, run.entry.at, run.entry.code) not in known:
            fresh.append(run)
    return fresh, len(parsed.history) - len(fresh)


def _on_this_computer(
    settings: OfficeSettings, imports: Sequence[EmployeeImport], has: HasPassword
) -> tuple[list[Msg], list[Row]]:
    """What the file cannot bring: the passwords of accounts that sign in with a login and have
    none on this computer, and certificate authority files missing here."""
    accounts: list[tuple[Msg, str | None, SmtpAccount | None]] = [
        (fill(ACCOUNT_OF, place=SECTIONS_BY_NAME[name].label, user=account.username), key, account)
        for name, key, account in (
            ("company_smtp", COMPANY_ACCOUNT, settings.company_smtp),
            ("default_server", DEFAULT_ACCOUNT, settings.default_server),
        )
        if account is not None
    ]
    for item in imports:
        key = employee_account(item.employee_id) if item.employee_id is not None else None
        accounts.append((_employee_title(item.new), key, employee_from_flat(item.new, None).smtp))
    passwords: list[Msg] = []
    rows: list[Row] = []
    for label, key, account in accounts:
        if account is None:
            continue
        if account.username and (key is None or not has(key)):
            passwords.append(label)
            rows.append(Row(label, new=R_PASSWORD))
        if account.ca_file and not Path(account.ca_file).is_file():
            rows.append(Row(label, new=fill(R_CA_FILE, path=account.ca_file)))
    return passwords, rows


def build(
    parsed: ParsedFile,
    source: str,
    settings: OfficeSettings,
    employees: Sequence[Employee],
    known_runs: set[tuple[str, Any, str]],
    has_password: HasPassword,
) -> Preview:
    """The preview of importing ``parsed`` into a database holding ``settings`` and ``employees``
    (``known_runs``: the (account key, moment, code) of the runs it has)."""
    if parsed.refused is not None:
        return Preview(source, parsed, (), (), {}, (), None)
    base = settings_flat(settings)
    groups, settings_changed = _settings_groups(parsed, base)
    people, imports, absent, counts = _employee_groups(parsed, employees)
    groups += people
    file_rows = [
        Row(Msg(pl=p.path, en=p.path), problem=p.message, path=p.path)
        for p in parsed.problems
        if not _section_of(p.path) and not p.path.startswith("history")
    ]
    history_problems = [p for p in parsed.problems if p.path.startswith("history")]
    if file_rows:
        groups.insert(0, Group("file", T_FILE, tuple(file_rows)))
    fresh, already = _history(parsed, known_runs, imports)
    if parsed.has_history:
        rows = [Row(R_RUNS_NEW, new=Msg(pl=str(len(fresh)), en=str(len(fresh))))]
        if already:
            rows.append(Row(R_RUNS_KNOWN, new=Msg(pl=str(already), en=str(already))))
        rows += _problem_rows(history_problems, label_for)
        groups.append(Group("history", T_HISTORY, tuple(rows), "history"))
    counts.update(settings=settings_changed, history=len(fresh))
    if not parsed.ok:
        return Preview(source, parsed, tuple(groups), tuple(absent), counts, (), None)
    new_settings = flat_settings(parsed)
    passwords, todo = _on_this_computer(settings_from_flat(new_settings), imports, has_password)
    if todo:
        groups.append(Group("passwords", T_THIS_COMPUTER, tuple(todo)))
    job = ImportJob(
        source=source,
        settings_base=base,
        settings_new=new_settings,
        employees=tuple(imports),
        removals=tuple((e.id, employee_flat(e)) for e in absent if e.id is not None),
        history=tuple(fresh),
    )
    return Preview(source, parsed, tuple(groups), tuple(absent), counts, tuple(passwords), job)
