"""The office's settings, employees and test history in one SQLite file.

Passwords are never stored here: they live in the keychain (``core.secrets``) under the model's
account keys. The file is private to the user (0600, in a 0700 folder when the folder is new),
runs in WAL mode and is brought to the current layout by ``store_migrations`` when opened.
One connection is shared by the window and the background checks, serialised by a lock.
"""

from __future__ import annotations

import contextlib
import json
import os
import sqlite3
import threading
from collections.abc import Iterator, Mapping
from dataclasses import replace
from datetime import datetime, timezone
from pathlib import Path
from types import TracebackType
from typing import Any

from smtpdesk import paths
from smtpdesk.core.history import CANCELLED, HistoryEntry
from smtpdesk.core.i18n import Msg
from smtpdesk.core.model import Employee, OfficeSettings, SmtpAccount, employee_account
from smtpdesk.core.store_migrations import (
    NewerDatabaseError,
    StoreError,
    create_private_file,
    prepare,
    transaction,
)
from smtpdesk.core.store_schema import (
    ACCOUNT_FIELDS,
    EMPLOYEE_COLUMNS,
    EMPLOYEE_FIELDS,
    EMPLOYEE_SMTP_PREFIX,
    EMPLOYEE_SMTP_PRESENCE,
    HISTORY_COLUMNS,
    SETTINGS_KEYS,
    SETTINGS_SECTIONS,
    SqlValue,
)

__all__ = ["HISTORY_KEEP_PER_ACCOUNT", "NewerDatabaseError", "Store", "StoreError"]

DIR_MODE = 0o700
# Older runs of one account beyond this many are dropped when a new one is added.
HISTORY_KEEP_PER_ACCOUNT = 1000

MSG_CLOSED = Msg(
    pl="Plik ustawień został już zamknięty",
    en="The settings file has already been closed",
)
MSG_WRITE_FAILED = Msg(
    pl="Nie udało się zapisać zmian w pliku ustawień {path}: {detail}. Nic nie zostało zmienione.",
    en="The changes could not be saved to the settings file {path}: {detail}. Nothing was changed.",
)
MSG_READ_FAILED = Msg(
    pl="Nie udało się odczytać pliku ustawień {path}: {detail}",
    en="The settings file {path} could not be read: {detail}",
)


class Store:
    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self._lock = threading.RLock()
        self._conn: sqlite3.Connection | None = None
        self.backup_path: Path | None = None  # the copy made before a migration, if one ran
        self._open()

    @classmethod
    def open(cls, data_dir: Path) -> Store:
        return cls(paths.database_path(Path(data_dir)))

    # --- opening and closing ----------------------------------------------------------------------

    def _open(self) -> None:
        directory = self.path.parent
        if not directory.exists():
            directory.mkdir(parents=True, mode=DIR_MODE)
            os.chmod(directory, DIR_MODE)
        try:
            # Also tightens an existing file that a copy or an old umask left readable by others.
            create_private_file(self.path)
        except OSError as error:
            raise StoreError(MSG_READ_FAILED, path=self.path, detail=error) from error
        try:
            conn = sqlite3.connect(
                str(self.path), timeout=10.0, isolation_level=None, check_same_thread=False
            )
        except sqlite3.Error as error:
            raise StoreError(MSG_READ_FAILED, path=self.path, detail=error) from error
        try:
            conn.row_factory = sqlite3.Row
            # The version is checked before anything (even the journal mode) touches the file.
            self.backup_path = prepare(conn, self.path)
            conn.execute("PRAGMA journal_mode = WAL")
            conn.execute("PRAGMA synchronous = NORMAL")
            conn.execute("PRAGMA foreign_keys = ON")
        except sqlite3.Error as error:
            conn.close()
            raise StoreError(MSG_READ_FAILED, path=self.path, detail=error) from error
        except BaseException:
            conn.close()
            raise
        self._conn = conn

    def close(self) -> None:
        with self._lock:
            if self._conn is not None:
                self._conn.close()
                self._conn = None

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    @contextlib.contextmanager
    def _reading(self) -> Iterator[sqlite3.Connection]:
        with self._lock:
            if self._conn is None:
                raise StoreError(MSG_CLOSED)
            try:
                yield self._conn
            except sqlite3.Error as error:
                raise StoreError(MSG_READ_FAILED, path=self.path, detail=error) from error

    @contextlib.contextmanager
    def _writing(self) -> Iterator[sqlite3.Connection]:
        """One transaction: everything inside is saved, or nothing is."""
        with self._lock:
            if self._conn is None:
                raise StoreError(MSG_CLOSED)
            try:
                with transaction(self._conn) as conn:
                    yield conn
            except sqlite3.Error as error:
                raise StoreError(MSG_WRITE_FAILED, path=self.path, detail=error) from error

    # --- settings ---------------------------------------------------------------------------------

    def is_configured(self) -> bool:
        """True once anything (settings or an employee) has been saved."""
        with self._reading() as conn:
            row = conn.execute(
                "SELECT EXISTS (SELECT 1 FROM settings) OR EXISTS (SELECT 1 FROM employees)"
            ).fetchone()
            return bool(row[0])

    def load_settings(self) -> OfficeSettings:
        with self._reading() as conn:
            stored: dict[str, SqlValue] = {
                row["key"]: row["value"] for row in conn.execute("SELECT key, value FROM settings")
            }
        return _settings_from(stored)

    def save_settings(self, s: OfficeSettings) -> None:
        # Encode everything first: a value that cannot be stored stops the save before any write.
        values = _settings_to(s)
        with self._writing() as conn:
            for key, value in values.items():
                if value is _ABSENT:
                    conn.execute("DELETE FROM settings WHERE key = ?", (key,))
                else:
                    conn.execute(
                        "INSERT INTO settings (key, value) VALUES (?, ?) "
                        "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                        (key, value),
                    )

    # --- employees --------------------------------------------------------------------------------

    def list_employees(self) -> list[Employee]:
        """All employees in the order they were added."""
        with self._reading() as conn:
            rows = conn.execute(f"SELECT id, {_EMPLOYEE_SELECT} FROM employees ORDER BY id").fetchall()
        return [_employee_from(row) for row in rows]

    def get_employee(self, employee_id: int) -> Employee | None:
        with self._reading() as conn:
            row = conn.execute(
                f"SELECT id, {_EMPLOYEE_SELECT} FROM employees WHERE id = ?", (employee_id,)
            ).fetchone()
        return _employee_from(row) if row is not None else None

    def save_employee(self, e: Employee) -> Employee:
        """Insert (``e.id`` None: a new id is assigned and returned) or update the employee."""
        values = _employee_to(e)
        with self._writing() as conn:
            if e.id is None:
                cursor = conn.execute(
                    f"INSERT INTO employees ({_EMPLOYEE_SELECT}) VALUES ({_EMPLOYEE_PLACEHOLDERS})",
                    values,
                )
                assert cursor.lastrowid is not None
                return replace(e, id=int(cursor.lastrowid))
            cursor = conn.execute(f"UPDATE employees SET {_EMPLOYEE_ASSIGN} WHERE id = ?", (*values, e.id))
            if cursor.rowcount == 0:  # removed meanwhile: keep the id its keychain entry is under
                conn.execute(
                    f"INSERT INTO employees (id, {_EMPLOYEE_SELECT}) VALUES (?, {_EMPLOYEE_PLACEHOLDERS})",
                    (e.id, *values),
                )
            return e

    def delete_employee(self, employee_id: int) -> None:
        """Remove the employee and the history of their own account (the caller removes the
        keychain entry)."""
        with self._writing() as conn:
            conn.execute("DELETE FROM employees WHERE id = ?", (employee_id,))
            conn.execute("DELETE FROM history WHERE account_key = ?", (employee_account(employee_id),))

    # --- history ----------------------------------------------------------------------------------

    def add_history(self, e: HistoryEntry) -> int:
        """Store a run (its ``id`` is ignored) and return the id it got."""
        values = _history_to(e)
        with self._writing() as conn:
            cursor = conn.execute(
                f"INSERT INTO history ({', '.join(HISTORY_COLUMNS)}) "
                f"VALUES ({', '.join('?' for _ in HISTORY_COLUMNS)})",
                values,
            )
            assert cursor.lastrowid is not None
            conn.execute(
                "DELETE FROM history WHERE account_key = ? AND id NOT IN ("
                " SELECT id FROM history WHERE account_key = ? ORDER BY at DESC, id DESC LIMIT ?)",
                (e.account_key, e.account_key, HISTORY_KEEP_PER_ACCOUNT),
            )
            return int(cursor.lastrowid)

    def history(self, account_key: str | None = None, limit: int = 500) -> list[HistoryEntry]:
        """Runs, newest first; of one account when ``account_key`` is given."""
        limit = max(0, int(limit))
        with self._reading() as conn:
            if account_key is None:
                rows = conn.execute(
                    "SELECT * FROM history ORDER BY at DESC, id DESC LIMIT ?", (limit,)
                ).fetchall()
            else:
                rows = conn.execute(
                    "SELECT * FROM history WHERE account_key = ? ORDER BY at DESC, id DESC LIMIT ?",
                    (account_key, limit),
                ).fetchall()
        return [_history_from(row) for row in rows]

    def last_results(self) -> dict[str, HistoryEntry]:
        """The newest run with an outcome (not cancelled) of every account that has one."""
        with self._reading() as conn:
            rows = conn.execute(
                "SELECT * FROM (SELECT *, row_number() OVER ("
                " PARTITION BY account_key ORDER BY at DESC, id DESC) AS position FROM history"
                " WHERE code != ?) WHERE position = 1",
                (CANCELLED,),
            ).fetchall()
        return {row["account_key"]: _history_from(row) for row in rows}

    def last_result(self, account_key: str) -> HistoryEntry | None:
        """The newest run of ``account_key`` with an outcome (a cancelled one has none)."""
        with self._reading() as conn:
            row = conn.execute(
                "SELECT * FROM history WHERE account_key = ? AND code != ? ORDER BY at DESC, id DESC LIMIT 1",
                (account_key, CANCELLED),
            ).fetchone()
        return None if row is None else _history_from(row)

    def clear_history(self, account_key: str | None = None) -> None:
        with self._writing() as conn:
            if account_key is None:
                conn.execute("DELETE FROM history")
            else:
                conn.execute("DELETE FROM history WHERE account_key = ?", (account_key,))


# --- mapping between the model and the rows (driven by store_schema) ------------------------------


class _Absent:
    """Marks an optional section that is None: its keys are removed."""


_ABSENT: Any = _Absent()


def _settings_to(s: OfficeSettings) -> dict[str, Any]:
    values: dict[str, Any] = {}
    for section in SETTINGS_SECTIONS:
        part = getattr(s, section.name) if section.name else s
        for field in section.fields:
            key = section.key(field)
            if part is None:
                values[key] = _ABSENT
            else:
                values[key] = field.codec.encode(getattr(part, field.attr))
    assert tuple(values) == SETTINGS_KEYS
    return values


def _settings_from(stored: Mapping[str, SqlValue]) -> OfficeSettings:
    parts: dict[str, Any] = {}
    top: dict[str, Any] = {}
    for section in SETTINGS_SECTIONS:
        present = [f for f in section.fields if section.key(f) in stored]
        if section.optional and not present:
            parts[section.name] = None
            continue
        defaults = section.model()
        kwargs = {f.attr: f.codec.decode(stored[section.key(f)], getattr(defaults, f.attr)) for f in present}
        if section.name:
            parts[section.name] = section.model(**kwargs)
        else:
            top.update(kwargs)
    return OfficeSettings(**parts, **top)


_EMPLOYEE_SELECT = ", ".join(EMPLOYEE_COLUMNS)
_EMPLOYEE_PLACEHOLDERS = ", ".join("?" for _ in EMPLOYEE_COLUMNS)
_EMPLOYEE_ASSIGN = ", ".join(f"{column} = ?" for column in EMPLOYEE_COLUMNS)


def _employee_to(e: Employee) -> tuple[SqlValue, ...]:
    values = [field.codec.encode(getattr(e, field.attr)) for field in EMPLOYEE_FIELDS]
    for field in ACCOUNT_FIELDS:
        values.append(None if e.smtp is None else field.codec.encode(getattr(e.smtp, field.attr)))
    return tuple(values)


def _employee_from(row: sqlite3.Row) -> Employee:
    blank = Employee()
    kwargs: dict[str, Any] = {
        f.attr: f.codec.decode(row[f.attr], getattr(blank, f.attr)) for f in EMPLOYEE_FIELDS
    }
    smtp: SmtpAccount | None = None
    if row[EMPLOYEE_SMTP_PRESENCE] is not None:
        default_account = SmtpAccount()
        smtp = SmtpAccount(
            **{
                f.attr: f.codec.decode(row[EMPLOYEE_SMTP_PREFIX + f.attr], getattr(default_account, f.attr))
                for f in ACCOUNT_FIELDS
            }
        )
    return Employee(id=int(row["id"]), smtp=smtp, **kwargs)


def _at_text(at: datetime) -> str:
    # Fixed width and UTC, so text order is time order in SQL.
    return at.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%f+00:00")


def _history_to(e: HistoryEntry) -> tuple[SqlValue, ...]:
    return (
        _at_text(e.at),
        e.account_key,
        e.account_label,
        int(bool(e.login_only)),
        int(bool(e.ok)),
        e.code,
        e.stage,
        e.title,
        e.host,
        int(e.port),
        e.security,
        e.username,
        e.sender,
        e.recipient,
        json.dumps(e.timings_ms, ensure_ascii=False),
        json.dumps(e.transcript, ensure_ascii=False),
        float(e.elapsed_ms),
    )


def _json_or(text: Any, default: Any) -> Any:
    try:
        value = json.loads(text)
    except (TypeError, ValueError):
        return default
    return value if isinstance(value, type(default)) else default


def _history_from(row: sqlite3.Row) -> HistoryEntry:
    try:
        at = datetime.fromisoformat(row["at"])
    except (TypeError, ValueError):
        at = datetime.fromtimestamp(0, timezone.utc)
    return HistoryEntry(
        id=int(row["id"]),
        at=at,
        account_key=row["account_key"],
        account_label=row["account_label"],
        login_only=bool(row["login_only"]),
        ok=bool(row["ok"]),
        code=row["code"],
        stage=row["stage"],
        title=row["title"],
        host=row["host"],
        port=int(row["port"]),
        security=row["security"],
        username=row["username"],
        sender=row["sender"],
        recipient=row["recipient"],
        timings_ms=_json_or(row["timings_json"], {}),
        transcript=_json_or(row["transcript_json"], []),
        elapsed_ms=float(row["elapsed_ms"]),
    )
