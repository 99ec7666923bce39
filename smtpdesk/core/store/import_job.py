"""What an import writes, as the store receives it, and how it is refused when the database changed
after the preview was shown.

An import promises the state its preview showed. So before anything is written, every setting
and every employee the file touches is compared with what the preview was computed from; any
difference refuses the whole import (``ImportConflictError``), naming who changed what and when.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime

from smtpdesk.core.history import HistoryEntry
from smtpdesk.core.i18n import Msg
from smtpdesk.core.store.errors import StoreError
from smtpdesk.core.store.schema import Flat, label_for
from smtpdesk.core.wording import fill

IMPORT_KIND = "import"  # the change log's kind of the record that marks an import
IMPORT_FIELD = "applied"

MSG_CHANGED_MEANWHILE = Msg(
    pl="Od przygotowania podglądu zmieniło się w bazie: {changes}. Nic nie zostało zaimportowane — "
    "obejrzyj zmiany jeszcze raz i zastosuj je ponownie.",
    en="Since the preview was prepared, the database changed: {changes}. Nothing was imported — "
    "look at the changes again and apply them once more.",
)
MSG_BY = Msg(pl="{what} ({who}, {when})", en="{what} ({who}, {when})")
MSG_EMPLOYEE_PLACE = Msg(pl="{who} › {what}", en="{who} › {what}")
MSG_EMPLOYEE_REMOVED = Msg(pl="usunięto pracownika {who}", en="the employee {who} was removed")
MSG_EMPLOYEE_ADDED = Msg(pl="dodano pracownika {who}", en="the employee {who} was added")


def email_key(email: str) -> str:
    """Employees are the same person when their e-mail addresses differ only in letter case."""
    return email.casefold()


@dataclass(frozen=True)
class EmployeeImport:
    """One employee of the file: ``employee_id`` is the local employee with the same e-mail (None
    adds one) and ``base`` that employee as the preview saw it."""

    email: str
    new: Flat
    employee_id: int | None = None
    base: Flat | None = None


@dataclass(frozen=True)
class RunImport:
    """A test run of the file; an employee's run names the employee by e-mail (``employee``),
    since local ids differ between desktops."""

    entry: HistoryEntry
    employee: str = ""


@dataclass(frozen=True)
class ImportJob:
    source: str  # the file's name, for the change log
    settings_base: Flat
    settings_new: Flat
    employees: tuple[EmployeeImport, ...] = ()
    removals: tuple[tuple[int, Flat], ...] = ()  # local employees absent from the file, as previewed
    history: tuple[RunImport, ...] = ()


@dataclass(frozen=True)
class ImportOutcome:
    employee_ids: dict[str, int]  # ``email_key`` -> local id of every employee of the file
    removed: tuple[int, ...]
    history_added: int


@dataclass(frozen=True)
class Meanwhile:
    """One thing that changed after the preview: a change-log address and how people call it."""

    kind: str  # "settings" | "employee"
    subject: str
    key: str
    what: Msg
    changed_by: str = ""
    changed_at: datetime | None = None

    def sentence(self) -> Msg:
        if not self.changed_by and self.changed_at is None:
            return self.what
        when = self.changed_at.astimezone().strftime("%Y-%m-%d %H:%M") if self.changed_at else "?"
        return fill(MSG_BY, what=self.what, who=self.changed_by or "?", when=when)


class ImportConflictError(StoreError):
    """Nothing was imported: ``changes`` happened in the database after the preview."""

    def __init__(self, changes: tuple[Meanwhile, ...]) -> None:
        self.changes = changes
        sentences = [change.sentence() for change in changes]
        listed = Msg(pl="; ".join(s.pl for s in sentences), en="; ".join(s.en for s in sentences))
        super().__init__(fill(MSG_CHANGED_MEANWHILE, changes=listed))


def _employee_name(flat: Flat) -> str:
    name = f"{flat.get('first_name', '')} {flat.get('last_name', '')}".strip()
    email = str(flat.get("email", ""))
    return f"{name} <{email}>" if name and email else name or email


def _in_employee(flat: Flat, key: str) -> Msg:
    return fill(MSG_EMPLOYEE_PLACE, who=_employee_name(flat), what=label_for(key))


def _about(msg: Msg, flat: Flat) -> Msg:
    return fill(msg, who=_employee_name(flat))


def _differences(base: Flat, now: Flat) -> list[str]:
    return [key for key, value in base.items() if now.get(key) != value]


def changed_meanwhile(job: ImportJob, settings_now: Flat, people_now: Mapping[int, Flat]) -> list[Meanwhile]:
    """Everything the job relies on that is no longer as the preview saw it (empty: safe to apply)."""
    found = [
        Meanwhile("settings", key.partition(".")[0], key, label_for(key))
        for key in _differences(job.settings_base, settings_now)
    ]
    taken = {email_key(str(flat["email"])): employee_id for employee_id, flat in people_now.items()}
    for item in job.employees:
        if item.employee_id is None:
            other = taken.get(email_key(item.email))
            if other is not None:
                found.append(
                    Meanwhile(
                        "employee", str(other), "created", _about(MSG_EMPLOYEE_ADDED, people_now[other])
                    )
                )
            continue
        assert item.base is not None
        now = people_now.get(item.employee_id)
        if now is None:
            found.append(
                Meanwhile(
                    "employee", str(item.employee_id), "removed", _about(MSG_EMPLOYEE_REMOVED, item.base)
                )
            )
            continue
        found.extend(
            Meanwhile("employee", str(item.employee_id), key, _in_employee(item.base, key))
            for key in _differences(item.base, now)
        )
    for employee_id, base in job.removals:
        now = people_now.get(employee_id)
        if now is not None:
            found.extend(
                Meanwhile("employee", str(employee_id), key, _in_employee(base, key))
                for key in _differences(base, now)
            )
    return found
