"""Who changes what: the person behind a save, the change log's records, and how an open window
learns that another window or desktop saved something.

Every save appends to the ``changes`` table and, on PostgreSQL, sends a NOTIFY on
``smtpdesk_changes``. A watcher answers "did anything change since I last asked?" without blocking:
on PostgreSQL from LISTEN (no query at all), on SQLite from ``PRAGMA data_version`` (which moves
when another connection commits). The caller then reads the new records from the log.
"""

from __future__ import annotations

import contextlib
import getpass
import json
import logging
import socket
import sqlite3
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path
from typing import Any, Protocol

from smtpdesk.core.store.tables import NOTIFY_CHANNEL

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Actor:
    """The person behind a save and the desktop it came from, as the change log names them.

    In the window it is the signed-in person ("Anna Nowak <anna@biuro.pl>", with their employee
    id); on the command line, which runs outside the sign-in, the operating-system user.
    """

    name: str = ""
    desktop: str = ""
    person_id: int | None = None

    @classmethod
    def of_this_desktop(cls, name: str | None = None) -> Actor:
        """``name`` (the signed-in person) or the operating-system user, on this computer."""
        if name is None:
            try:
                name = getpass.getuser()
            except Exception:  # no user name in this environment: the desktop alone names the change
                name = ""
        try:
            desktop = socket.gethostname()
        except OSError:
            desktop = ""
        return cls(name=name, desktop=desktop)

    @classmethod
    def for_person(cls, name: str, email: str, person_id: int | None) -> Actor:
        """The signed-in person on this desktop."""
        label = f"{name} <{email}>" if name and email else name or email
        return replace(cls.of_this_desktop(label), person_id=person_id)

    def label(self) -> str:
        if self.name and self.desktop:
            return f"{self.name} ({self.desktop})"
        return self.name or self.desktop


@dataclass(frozen=True)
class ChangeRecord:
    """One saved change: a settings field, an employee field, an employee added or removed, a
    password replaced (never its value)."""

    id: int
    at: datetime
    actor: str
    origin: str
    # "settings" | "employee" | "secret" | "import" | "office" | "signin" | "app_password"
    kind: str
    subject: str  # the section, the employee's id, the account key
    field: str  # the key that changed; "created" / "removed" for a whole employee
    old: Any
    new: Any
    person_id: int | None = None  # the signed-in person behind it, when there was one

    @classmethod
    def from_row(cls, row: Any) -> ChangeRecord:
        return cls(
            id=int(row.id),
            at=row.at,
            actor=row.actor,
            origin=row.origin,
            kind=row.kind,
            subject=row.subject,
            field=row.field,
            old=_loads(row.old_json),
            new=_loads(row.new_json),
            person_id=getattr(row, "person_id", None),
        )


def dumps(value: Any) -> str | None:
    return None if value is None else json.dumps(value, ensure_ascii=False, sort_keys=True)


def _loads(text: str | None) -> Any:
    if text is None:
        return None
    try:
        return json.loads(text)
    except ValueError:
        return None


class ChangeWatcher(Protocol):
    def poll(self) -> bool:
        """True when something may have been saved elsewhere since the last call; never blocks."""
        ...

    def close(self) -> None: ...


class SqliteWatcher:
    """Watches a local file through a read-only connection of its own."""

    def __init__(self, path: Path) -> None:
        self._path = path
        self._conn: sqlite3.Connection | None = None
        self._seen: int | None = None

    def _version(self) -> int:
        if self._conn is None:
            self._conn = sqlite3.connect(
                f"file:{self._path}?mode=ro", uri=True, timeout=1.0, check_same_thread=False
            )
        return int(self._conn.execute("PRAGMA data_version").fetchone()[0])

    def poll(self) -> bool:
        try:
            version = self._version()
        except sqlite3.Error as error:
            log.warning("cannot watch the settings file: %s", error)
            self.close()
            return False
        changed = self._seen is not None and version != self._seen
        self._seen = version
        return changed

    def close(self) -> None:
        if self._conn is not None:
            with contextlib.suppress(sqlite3.Error):
                self._conn.close()
            self._conn = None


class PostgresWatcher:
    """LISTENs on a connection of its own; reconnects after the server went away (and then says
    "changed", since notices may have been missed meanwhile)."""

    def __init__(self, conninfo: dict[str, Any]) -> None:
        self._conninfo = conninfo
        self._conn: Any = None
        self._lost = False

    def _connect(self) -> Any:
        import psycopg

        conn = psycopg.connect(**self._conninfo, autocommit=True)
        conn.execute(f"LISTEN {NOTIFY_CHANNEL}")
        return conn

    def poll(self) -> bool:
        import psycopg

        try:
            if self._conn is None:
                self._conn = self._connect()
                if self._lost:
                    self._lost = False
                    return True
                return False
            changed = False
            while list(self._conn.notifies(timeout=0)):
                changed = True
            return changed
        except psycopg.Error as error:
            log.warning("lost the office database's change notices: %s", type(error).__name__)
            self.close()
            self._lost = True
            return False

    def close(self) -> None:
        if self._conn is not None:
            with contextlib.suppress(Exception):
                self._conn.close()
            self._conn = None
