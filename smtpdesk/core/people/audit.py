"""The change log read as the office's audit trail ("Narzędzia › Dziennik zdarzeń"): sign-ins,
application passwords, roles, employees and every saved setting, with who and when — filtered,
described in words, and exported as CSV. Nothing here is a password: the log never holds one.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

import sqlalchemy as sa

from smtpdesk.core.i18n import Lang, Msg, language
from smtpdesk.core.people.accounts import (
    APP_PASSWORD,
    IDLE_LOCKED,
    LOCKED_OUT,
    PASSWORD_CHANGED,
    PASSWORD_RESET,
    PASSWORD_SET,
    SIGN_IN_FAILED,
    SIGNED_IN,
    SIGNED_OUT,
    SIGNIN,
    UNLOCKED,
    local_time,
)
from smtpdesk.core.store import ChangeRecord, Store
from smtpdesk.core.store.display import value_text
from smtpdesk.core.store.schema import SECTIONS_BY_NAME, label_for
from smtpdesk.core.store.tables import changes

MAX_ROWS = 5000
CSV_DELIMITER = ";"  # what spreadsheets set up for Polish open without asking

# Groups the dialog filters by, as conditions on the log.
GROUPS: dict[str, Msg] = {
    "signin": Msg(pl="Logowania", en="Sign-ins"),
    "passwords": Msg(pl="Hasła do programu", en="Program passwords"),
    "roles": Msg(pl="Zmiany ról", en="Role changes"),
    "employees": Msg(pl="Pracownicy", en="Employees"),
    "settings": Msg(pl="Ustawienia", en="Settings"),
    "smtp_passwords": Msg(pl="Hasła kont pocztowych", en="Mail account passwords"),
}


def _group_condition(group: str) -> sa.ColumnElement[bool]:
    kind, name = changes.c.kind, changes.c.field
    conditions: dict[str, sa.ColumnElement[bool]] = {
        "signin": kind == SIGNIN,
        "passwords": kind == APP_PASSWORD,
        "roles": sa.and_(kind == "employee", name == "role"),
        "employees": sa.and_(kind == "employee", name != "role"),
        "settings": kind.in_(("settings", "import", "office")),
        "smtp_passwords": kind == "secret",
    }
    return conditions[group]


@dataclass(frozen=True)
class AuditFilter:
    groups: frozenset[str] = frozenset()  # empty: every kind
    person_id: int | None = None
    since: datetime | None = None
    until: datetime | None = None  # exclusive
    text: str = ""


@dataclass(frozen=True)
class AuditRow:
    record: ChangeRecord
    event: str
    subject: str
    detail: str
    who: str = ""


@dataclass
class Names:
    """Employees' names by id, for records that name an employee only by their number."""

    by_id: Mapping[int, str] = field(default_factory=dict)

    def of(self, subject: str, lang: Lang) -> str:
        try:
            key = int(subject)
        except ValueError:
            return subject
        return self.by_id.get(key) or Msg(pl="pracownik nr {id}", en="employee no. {id}").text(lang, id=key)


def read(store: Store, wanted: AuditFilter, *, limit: int = MAX_ROWS) -> list[ChangeRecord]:
    """The records ``wanted``, newest first (at most ``limit``)."""
    query = sa.select(changes).order_by(changes.c.id.desc()).limit(limit)
    if wanted.groups:
        query = query.where(sa.or_(*(_group_condition(g) for g in sorted(wanted.groups))))
    if wanted.person_id is not None:
        query = query.where(changes.c.person_id == wanted.person_id)
    if wanted.since is not None:
        query = query.where(changes.c.at >= wanted.since)
    if wanted.until is not None:
        query = query.where(changes.c.at < wanted.until)
    with store._reading() as conn:
        return [ChangeRecord.from_row(row) for row in conn.execute(query)]


def rows(
    records: Iterable[ChangeRecord], names: Names, text: str = "", lang: Lang | None = None
) -> list[AuditRow]:
    """The records in words; only those containing ``text`` (any column, any case) when given."""
    lang = lang or language()
    needle = text.strip().casefold()
    described = [describe(r, names, lang) for r in records]
    if not needle:
        return described
    return [r for r in described if needle in " ".join((r.who, r.event, r.subject, r.detail)).casefold()]


_EVENTS: dict[tuple[str, str], Msg] = {
    (SIGNIN, SIGNED_IN): Msg(pl="Zalogowanie", en="Signed in"),
    (SIGNIN, SIGN_IN_FAILED): Msg(pl="Nieudane logowanie", en="Failed sign-in"),
    (SIGNIN, LOCKED_OUT): Msg(
        pl="Blokada konta po 5 nieudanych próbach", en="Account locked after 5 failures"
    ),
    (SIGNIN, SIGNED_OUT): Msg(pl="Wylogowanie", en="Signed out"),
    (SIGNIN, IDLE_LOCKED): Msg(pl="Blokada po bezczynności", en="Locked after inactivity"),
    (SIGNIN, UNLOCKED): Msg(pl="Odblokowanie", en="Unlocked"),
    (APP_PASSWORD, PASSWORD_SET): Msg(pl="Ustawienie hasła do programu", en="Program password set"),
    (APP_PASSWORD, PASSWORD_CHANGED): Msg(pl="Zmiana hasła do programu", en="Program password changed"),
    (APP_PASSWORD, PASSWORD_RESET): Msg(
        pl="Reset hasła do programu (hasło tymczasowe)", en="Program password reset (temporary password)"
    ),
    ("employee", "created"): Msg(pl="Dodanie pracownika", en="Employee added"),
    ("employee", "removed"): Msg(pl="Usunięcie pracownika", en="Employee removed"),
    ("employee", "role"): Msg(pl="Zmiana roli", en="Role changed"),
}
_REASONS: dict[str, Msg] = {
    "wrong": Msg(pl="złe hasło", en="wrong password"),
    "unknown": Msg(pl="nieznany adres e-mail", en="unknown e-mail address"),
    "no_password": Msg(pl="brak hasła do programu", en="no program password"),
    "locked": Msg(pl="konto zablokowane", en="account locked"),
}
_EMPLOYEE_CHANGE = Msg(pl="Zmiana danych pracownika", en="Employee changed")
_SETTINGS_CHANGE = Msg(pl="Zmiana ustawień", en="Settings changed")
_SECRET_CHANGE = Msg(pl="Zmiana hasła konta pocztowego", en="Mail account password changed")
_UNTIL = Msg(pl="do {time}", en="until {time}")
_ARROW = "{old} → {new}"


def _field_change(record: ChangeRecord, lang: Lang) -> str:
    try:
        label = label_for(record.field).text(lang)
        old, new = value_text(record.field, record.old, lang), value_text(record.field, record.new, lang)
    except (KeyError, StopIteration):
        return record.field
    return f"{label}: {_ARROW.format(old=old, new=new)}"


def _detail(record: ChangeRecord, lang: Lang) -> str:
    new: Any = record.new
    if record.kind == SIGNIN:
        if isinstance(new, dict) and new.get("reason") in _REASONS:
            return _REASONS[str(new["reason"])].text(lang)
        if isinstance(new, dict) and isinstance(new.get("until"), str):
            try:
                return _UNTIL.text(lang, time=local_time(datetime.fromisoformat(new["until"])))
            except ValueError:
                return ""
        return ""
    if record.kind == "employee" and record.field in ("created", "removed"):
        return str(record.new or record.old or "")
    if record.kind in ("employee", "settings"):
        return _field_change(record, lang)
    return ""


def describe(record: ChangeRecord, names: Names, lang: Lang | None = None) -> AuditRow:
    lang = lang or language()
    event = _EVENTS.get((record.kind, record.field))
    if event is None:
        event = {"employee": _EMPLOYEE_CHANGE, "settings": _SETTINGS_CHANGE, "secret": _SECRET_CHANGE}.get(
            record.kind, Msg(pl=record.kind, en=record.kind)
        )
    if record.kind in (SIGNIN, APP_PASSWORD, "employee"):
        subject = names.of(record.subject, lang) if record.subject else ""
    elif record.kind == "settings" and record.subject in SECTIONS_BY_NAME:
        subject = SECTIONS_BY_NAME[record.subject].label.text(lang)
    else:
        subject = record.subject
    return AuditRow(record, event.text(lang), subject, _detail(record, lang), record.actor)


_HEADER = (
    Msg(pl="Kiedy", en="When"),
    Msg(pl="Kto", en="Who"),
    Msg(pl="Zdarzenie", en="Event"),
    Msg(pl="Dotyczy", en="Concerns"),
    Msg(pl="Szczegóły", en="Details"),
)


def header(lang: Lang | None = None) -> list[str]:
    return [h.text(lang or language()) for h in _HEADER]


def when(at: datetime) -> str:
    return at.astimezone().strftime("%Y-%m-%d %H:%M:%S")


def to_csv(audit_rows: Iterable[AuditRow], lang: Lang | None = None) -> str:
    """The rows as CSV text (semicolons, a header row, local times to the second)."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=CSV_DELIMITER, lineterminator="\r\n")
    writer.writerow(header(lang))
    for row in audit_rows:
        cells = (row.who, row.event, row.subject, row.detail)
        writer.writerow([when(row.record.at), *(_csv_safe(cell) for cell in cells)])
    return out.getvalue()


def _csv_safe(text: str) -> str:
    """A spreadsheet runs a cell starting with = + - @ as a formula: values typed by people (a
    company name, an address) never do."""
    return f"'{text}" if text[:1] in ("=", "+", "-", "@") else text


def write_csv(path: str, audit_rows: Iterable[AuditRow], lang: Lang | None = None) -> None:
    """UTF-8 with a byte-order mark, so spreadsheets read Polish letters right."""
    with open(path, "w", encoding="utf-8-sig", newline="") as handle:
        handle.write(to_csv(audit_rows, lang))
