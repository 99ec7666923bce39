"""Telling a damaged settings file from a healthy one, and the ways back from damage.

A file is damaged when it is empty (a new file is never empty: it appears whole, see
``store._create_file``), shorter than its own header says, not an SQLite file, or when SQLite
cannot read all of it. The report says which tables are affected. Nothing here deletes anything:
a damaged file is moved aside (``smtpdesk.sqlite3.damaged-<time>``) before anything replaces it.

Ways back: open the newest intact backup; open without the test history (when only the history or
the change log is damaged, the settings and employees are copied into a new file); start anew.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Literal

from smtpdesk.core.i18n import Msg
from smtpdesk.core.store.errors import StoreError

Kind = Literal["empty", "not_database", "truncated", "unreadable", "tables"]
HEADER = b"SQLite format 3\x00"
# What may be lost without losing the office's settings or people.
EXPENDABLE = frozenset({"history", "changes"})

_KIND_TEXT: dict[Kind, Msg] = {
    "empty": Msg(
        pl="Plik ustawień {path} jest pusty (0 bajtów) — zapis został przerwany albo plik został "
        "wyczyszczony.",
        en="The settings file {path} is empty (0 bytes) — a save was interrupted or the file was cleared.",
    ),
    "not_database": Msg(
        pl="Plik ustawień {path} nie jest już plikiem bazy danych — jego początek został nadpisany.",
        en="The settings file {path} is no longer a database file — its beginning was overwritten.",
    ),
    "truncated": Msg(
        pl="Plik ustawień {path} jest ucięty: ma {size} bajtów, a powinien mieć {expected}. "
        "Zapis na dysk został przerwany albo kopiowanie nie dobiegło końca.",
        en="The settings file {path} is truncated: it has {size} bytes instead of {expected}. "
        "Writing to disk was interrupted or a copy did not finish.",
    ),
    "unreadable": Msg(
        pl="Pliku ustawień {path} nie da się odczytać: {detail}",
        en="The settings file {path} cannot be read: {detail}",
    ),
    "tables": Msg(
        pl="Część pliku ustawień {path} jest uszkodzona: {parts}. Pozostałe dane są czytelne.",
        en="Part of the settings file {path} is damaged: {parts}. The rest can be read.",
    ),
}
_TABLE_NAMES: dict[str, Msg] = {
    "history": Msg(pl="historia testów", en="test history"),
    "changes": Msg(pl="dziennik zmian", en="change log"),
    "employees": Msg(pl="pracownicy", en="employees"),
    "office_secrets": Msg(pl="zaszyfrowane hasła", en="encrypted passwords"),
}


@dataclass(frozen=True)
class DamageReport:
    path: Path
    kind: Kind
    damaged: tuple[str, ...] = ()  # tables that cannot be read in full
    detail: str = ""
    size: int = 0
    expected: int = 0
    readable: tuple[str, ...] = field(default=())

    @property
    def settings_readable(self) -> bool:
        """Only the history (or the change log) is lost: settings and employees can be kept."""
        return self.kind == "tables" and set(self.damaged) <= EXPENDABLE

    def message(self) -> Msg:
        names = [_TABLE_NAMES.get(t, Msg(pl=t, en=t)) for t in self.damaged]
        template = _KIND_TEXT[self.kind]
        values = {
            "path": self.path,
            "size": self.size,
            "expected": self.expected,
            "detail": self.detail,
        }
        return Msg(
            pl=template.pl.format(parts=", ".join(n.pl for n in names), **values),
            en=template.en.format(parts=", ".join(n.en for n in names), **values),
        )


class DamagedError(StoreError):
    """The file is damaged; ``report`` says how. Nothing was changed."""

    def __init__(self, report: DamageReport) -> None:
        self.report = report
        super().__init__(report.message())


def _expected_size(header: bytes) -> int | None:
    """Page size × page count from the file's header, when the header vouches for the count."""
    if len(header) < 100:
        return None
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    change_counter = int.from_bytes(header[24:28], "big")
    pages = int.from_bytes(header[28:32], "big")
    valid_for = int.from_bytes(header[92:96], "big")
    if pages == 0 or valid_for != change_counter:
        return None
    return page_size * pages


def inspect_file(path: Path) -> DamageReport | None:
    """None when the file is healthy (or is some other program's intact SQLite file: that is for
    the migrations to refuse); otherwise what is wrong with it."""
    try:
        size = path.stat().st_size
        with path.open("rb") as handle:
            header = handle.read(100)
    except OSError as error:
        return DamageReport(path, "unreadable", detail=error.strerror or str(error))
    if size == 0:
        return DamageReport(path, "empty")
    if not header.startswith(HEADER):
        return DamageReport(path, "not_database", size=size)
    expected = _expected_size(header)
    if expected is not None and size < expected:
        return DamageReport(path, "truncated", size=size, expected=expected)
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=10)
    except sqlite3.Error as error:
        return DamageReport(path, "unreadable", detail=str(error), size=size)
    try:
        return _inspect_tables(conn, path, size)
    finally:
        conn.close()


def _inspect_tables(conn: sqlite3.Connection, path: Path, size: int) -> DamageReport | None:
    try:
        if conn.execute("PRAGMA quick_check").fetchall() == [("ok",)]:
            return None
    except sqlite3.DatabaseError:
        pass  # a damaged page stops the check itself: read table by table below
    try:
        tables = [
            row[0]
            for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
        ]
    except sqlite3.DatabaseError as error:
        return DamageReport(path, "unreadable", detail=str(error), size=size)
    damaged: list[str] = []
    readable: list[str] = []
    for table in tables:
        try:
            # Reading every row visits every page of the table (one row at a time, not all at once).
            sum(1 for _row in conn.execute(f'SELECT * FROM "{table}"'))
        except sqlite3.DatabaseError:
            damaged.append(table)
        else:
            readable.append(table)
    if not damaged:
        # Only an index is broken: each table reads in full, an index is rebuilt from it.
        damaged = [name for name in _tables_with_broken_index(conn) if name in tables]
        readable = [t for t in readable if t not in damaged]
    if not damaged:
        return DamageReport(path, "unreadable", detail="quick_check", size=size)
    return DamageReport(path, "tables", damaged=tuple(damaged), readable=tuple(readable), size=size)


def _tables_with_broken_index(conn: sqlite3.Connection) -> list[str]:
    found: list[str] = []
    for name, table in conn.execute(
        "SELECT name, tbl_name FROM sqlite_master WHERE type = 'index'"
    ).fetchall():
        try:
            conn.execute(f'SELECT count(*) FROM "{table}" INDEXED BY "{name}"').fetchone()
            rows = conn.execute(f'PRAGMA quick_check("{table}")').fetchall()
        except sqlite3.DatabaseError:
            found.append(table)
            continue
        if rows != [("ok",)] and table not in found:
            found.append(table)
    return found


# --- ways back -----------------------------------------------------------------------------------


def aside_name(path: Path, now: datetime | None = None) -> Path:
    stamp = (now or datetime.now(timezone.utc)).strftime("%Y%m%dT%H%M%SZ")
    candidate = path.with_name(f"{path.name}.damaged-{stamp}")
    counter = 2
    while candidate.exists():
        candidate = path.with_name(f"{path.name}.damaged-{stamp}-{counter}")
        counter += 1
    return candidate


def move_aside(path: Path) -> Path:
    """Renames the damaged file (and its -wal / -shm companions) out of the way; returns its new
    name. The next start creates a new, empty file."""
    target = aside_name(path)
    os.replace(path, target)
    for suffix in ("-wal", "-shm"):
        companion = path.with_name(path.name + suffix)
        if companion.exists():
            os.replace(companion, target.with_name(target.name + suffix))
    return target


def restore_backup(path: Path, backup: Path) -> Path:
    """Moves the damaged file aside and puts a copy of ``backup`` in its place; returns where the
    damaged file went."""
    from smtpdesk.core.store.backups import copy_database

    aside = move_aside(path)
    copy_database(backup, path)
    return aside


def salvage(path: Path, report: DamageReport) -> Path:
    """A new file with everything that can still be read, the damaged tables left empty; the
    damaged file is moved aside (its new name is returned). Only when ``report.settings_readable``.
    """
    from smtpdesk.core.store.salvage import copy_readable

    if not report.settings_readable:
        raise ValueError("only the history or the change log may be left behind")
    rebuilt = path.with_name(f".{path.name}.salvaged-{os.getpid()}")
    rebuilt.unlink(missing_ok=True)
    try:
        copy_readable(path, rebuilt, skip=set(report.damaged))
    except BaseException:
        with contextlib.suppress(OSError):
            rebuilt.unlink()
        raise
    aside = move_aside(path)
    os.replace(rebuilt, path)
    return aside
