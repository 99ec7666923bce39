"""Saving only what the user changed, and noticing when someone else changed the same thing.

A save compares three versions of every field: what the window loaded (``base``), what the user
has now (``mine``) and what the database holds at the moment of saving (``theirs``). A field the
user did not touch is never written, so a change made elsewhere meanwhile survives; a field both
changed to different values is a conflict, and then nothing at all is saved.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Literal

from smtpdesk.core.i18n import Msg
from smtpdesk.core.model import Employee, OfficeSettings
from smtpdesk.core.store.errors import StoreError
from smtpdesk.core.store.schema import (
    employee_flat,
    employee_from_flat,
    label_for,
    settings_flat,
    settings_from_flat,
)

MSG_CONFLICT = Msg(
    pl="W międzyczasie ktoś inny zmienił te same ustawienia ({fields}). Nic nie zostało zapisane — "
    "wybierz, które wartości zachować.",
    en="Meanwhile someone else changed the same settings ({fields}). Nothing was saved — "
    "choose which values to keep.",
)
MSG_EMPLOYEE_REMOVED = Msg(
    pl="W międzyczasie pracownik został usunięty ({who}). Nic nie zostało zapisane.",
    en="Meanwhile the employee was removed ({who}). Nothing was saved.",
)


def three_way(
    base: Mapping[str, Any] | None, mine: Mapping[str, Any], theirs: Mapping[str, Any]
) -> tuple[dict[str, Any], list[str]]:
    """The values to write and the keys in conflict.

    Without a ``base`` (a save that did not load first, e.g. seeding) every difference is written.
    """
    write: dict[str, Any] = {}
    conflicts: list[str] = []
    for key, value in mine.items():
        current = theirs[key]
        if base is None:
            if value != current:
                write[key] = value
            continue
        loaded = base[key]
        if value in (loaded, current):
            continue  # not changed by the user, or already what they want
        if current == loaded:
            write[key] = value
        else:
            conflicts.append(key)
    return write, conflicts


def rebase(
    base: Mapping[str, Any], mine: Mapping[str, Any], current: Mapping[str, Any], take_theirs: set[str]
) -> dict[str, Any]:
    """What to save after a conflict: what is stored now, with every change the user made on top —
    except the fields where they chose the stored value."""
    result = dict(current)
    for key, value in mine.items():
        if value != base[key] and key not in take_theirs:
            result[key] = value
    return result


def rebase_settings(
    base: OfficeSettings, mine: OfficeSettings, current: OfficeSettings, take_theirs: set[str]
) -> OfficeSettings:
    return settings_from_flat(
        rebase(settings_flat(base), settings_flat(mine), settings_flat(current), take_theirs)
    )


def rebase_employee(base: Employee, mine: Employee, current: Employee, take_theirs: set[str]) -> Employee:
    flat = rebase(employee_flat(base), employee_flat(mine), employee_flat(current), take_theirs)
    return employee_from_flat(flat, current.id)


@dataclass(frozen=True)
class Conflict:
    """One field both the user and someone else changed."""

    key: str
    base: Any
    mine: Any
    theirs: Any
    changed_by: str = ""
    changed_at: datetime | None = None

    @property
    def label(self) -> Msg:
        return label_for(self.key)


class ConflictError(StoreError):
    """Nothing was saved: see ``conflicts`` and ``current`` (what the database holds now, None when
    the employee was removed meanwhile)."""

    def __init__(
        self,
        kind: Literal["settings", "employee"],
        conflicts: tuple[Conflict, ...],
        current: OfficeSettings | Employee | None,
        *,
        removed_by: str = "",
        removed_at: datetime | None = None,
    ) -> None:
        self.kind = kind
        self.conflicts = conflicts
        self.current = current
        self.removed_by = removed_by
        self.removed_at = removed_at
        if current is None:
            super().__init__(MSG_EMPLOYEE_REMOVED, who=removed_by or "?")
            return
        super().__init__(MSG_CONFLICT, fields="{fields}")
        self.message = Msg(
            pl=self.message.pl.format(fields=", ".join(c.label.pl for c in conflicts)),
            en=self.message.en.format(fields=", ".join(c.label.en for c in conflicts)),
        )
        self.args = (self.message.en,)
