"""Bringing a settings file to the current layout: create, migrate forward, or refuse.

The version lives in ``PRAGMA user_version``. Before the first migration step the file is copied
next to itself as ``smtpdesk.sqlite3.bak-v{N}-{timestamp}``; each step runs in one transaction
together with its version bump, so a failed step leaves the file as it was. A file written by a
newer program is left untouched.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from collections.abc import Callable, Iterator
from datetime import datetime, timezone
from pathlib import Path

from smtpdesk.core.i18n import Msg
from smtpdesk.core.store_schema import CREATE_CURRENT, SCHEMA_VERSION

FILE_MODE = 0o600

MSG_NEWER = Msg(
    pl="Plik ustawień {path} zapisała nowsza wersja smtpdesk (wersja danych {found}, ten program zna "
    "najwyżej {supported}). Zainstaluj nowszą wersję programu — plik nie został zmieniony.",
    en="The settings file {path} was written by a newer smtpdesk (data version {found}, this program "
    "knows up to {supported}). Install the newer version — the file was not changed.",
)
MSG_FOREIGN = Msg(
    pl="Plik {path} nie jest plikiem ustawień smtpdesk. Wskaż inny folder danych "
    "— plik nie został zmieniony.",
    en="The file {path} is not an smtpdesk settings file. Choose another data folder "
    "— the file was not changed.",
)
MSG_UNREADABLE = Msg(
    pl="Nie można otworzyć pliku ustawień {path}: {detail}",
    en="The settings file {path} cannot be opened: {detail}",
)
MSG_MIGRATION_FAILED = Msg(
    pl="Nie udało się zaktualizować pliku ustawień {path} do nowej wersji: {detail}. "
    "Plik został w poprzedniej postaci, kopia zapasowa: {backup}",
    en="The settings file {path} could not be upgraded: {detail}. "
    "It was left as it was; backup copy: {backup}",
)


class StoreError(Exception):
    """The settings file cannot be used or changed; ``message`` is the sentence for the user."""

    def __init__(self, message: Msg, **values: object) -> None:
        self.message = Msg(pl=message.pl.format(**values), en=message.en.format(**values))
        super().__init__(self.message.en)

    def __str__(self) -> str:
        return self.message.text()


class NewerDatabaseError(StoreError):
    """The file comes from a newer program; nothing was changed."""


def _v1_to_v2(conn: sqlite3.Connection) -> None:
    """Version 1 (the first release) had no security / plaintext-auth / pinned-certificate / CA-file
    columns for employees' own accounts, and no history of test runs."""
    for statement in (
        "ALTER TABLE employees ADD COLUMN smtp_security TEXT",
        "ALTER TABLE employees ADD COLUMN smtp_allow_plaintext_auth INTEGER",
        "ALTER TABLE employees ADD COLUMN smtp_pinned_fingerprint TEXT",
        "ALTER TABLE employees ADD COLUMN smtp_ca_file TEXT",
    ):
        conn.execute(statement)
    # Accounts saved by version 1 behaved as "automatic" security with certificate checks on.
    conn.execute(
        "UPDATE employees SET smtp_security = 'auto', smtp_allow_plaintext_auth = 0, "
        "smtp_pinned_fingerprint = '', smtp_ca_file = '' WHERE smtp_host IS NOT NULL"
    )
    conn.execute(
        """
        CREATE TABLE history (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            at TEXT NOT NULL,
            account_key TEXT NOT NULL,
            account_label TEXT NOT NULL DEFAULT '',
            login_only INTEGER NOT NULL DEFAULT 0,
            ok INTEGER NOT NULL DEFAULT 0,
            code TEXT NOT NULL DEFAULT '',
            stage TEXT NOT NULL DEFAULT '',
            title TEXT NOT NULL DEFAULT '',
            host TEXT NOT NULL DEFAULT '',
            port INTEGER NOT NULL DEFAULT 0,
            security TEXT NOT NULL DEFAULT '',
            username TEXT NOT NULL DEFAULT '',
            sender TEXT NOT NULL DEFAULT '',
            recipient TEXT NOT NULL DEFAULT '',
            timings_json TEXT NOT NULL DEFAULT '{}',
            transcript_json TEXT NOT NULL DEFAULT '[]',
            elapsed_ms REAL NOT NULL DEFAULT 0
        )
        """
    )
    conn.execute("CREATE INDEX history_by_account ON history (account_key, at, id)")


def _v2_to_v3(conn: sqlite3.Connection) -> None:
    """Version 3 lets an account sign in with OAuth2 instead of a password. The office's app
    registration lives in new ``oauth.*`` settings keys, which need no change of layout."""
    conn.execute("ALTER TABLE employees ADD COLUMN smtp_auth_method TEXT")
    conn.execute("UPDATE employees SET smtp_auth_method = 'password' WHERE smtp_host IS NOT NULL")


# MIGRATIONS[n] turns version n into version n + 1.
MIGRATIONS: dict[int, Callable[[sqlite3.Connection], None]] = {1: _v1_to_v2, 2: _v2_to_v3}


def _statements(script: str) -> Iterator[str]:
    """The statements of a DDL script one by one (``executescript`` would commit mid-transaction)."""
    pending = ""
    for line in script.splitlines(keepends=True):
        pending += line
        if sqlite3.complete_statement(pending):
            yield pending.strip()
            pending = ""
    if pending.strip():
        raise ValueError("incomplete SQL statement at the end of the script")


@contextlib.contextmanager
def transaction(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """BEGIN IMMEDIATE … COMMIT, rolled back on any exception (the connection is in autocommit
    mode, so this is the only place transactions start)."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield conn
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")


def user_version(conn: sqlite3.Connection) -> int:
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


def backup_path(path: Path, version: int, now: datetime | None = None) -> Path:
    stamp = (now or datetime.now(timezone.utc)).strftime("%Y%m%dT%H%M%SZ")
    candidate = path.with_name(f"{path.name}.bak-v{version}-{stamp}")
    counter = 2
    while candidate.exists():
        candidate = path.with_name(f"{path.name}.bak-v{version}-{stamp}-{counter}")
        counter += 1
    return candidate


def create_private_file(path: Path) -> None:
    """Create ``path`` readable by its owner only (before SQLite creates it with the umask)."""
    fd = os.open(path, os.O_CREAT | os.O_WRONLY, FILE_MODE)
    os.close(fd)
    with contextlib.suppress(OSError):  # e.g. a file owned by someone else: keep what it has
        os.chmod(path, FILE_MODE)


def make_backup(conn: sqlite3.Connection, path: Path, version: int) -> Path:
    """A consistent copy of the open database (including what is still in its WAL)."""
    target = backup_path(path, version)
    create_private_file(target)
    copy = sqlite3.connect(str(target))
    try:
        conn.backup(copy)
    finally:
        copy.close()
    return target


def prepare(conn: sqlite3.Connection, path: Path) -> Path | None:
    """Bring the open file to ``SCHEMA_VERSION``; returns the backup made, if any."""
    try:
        found = user_version(conn)
        tables = conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
    except sqlite3.DatabaseError as error:
        raise StoreError(MSG_UNREADABLE, path=path, detail=error) from error
    if found > SCHEMA_VERSION:
        raise NewerDatabaseError(MSG_NEWER, path=path, found=found, supported=SCHEMA_VERSION)
    if found == SCHEMA_VERSION:
        return None
    if found == 0:
        if tables:
            raise StoreError(MSG_FOREIGN, path=path)
        with transaction(conn):
            for statement in _statements(CREATE_CURRENT):
                conn.execute(statement)
            conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
        return None
    if found not in MIGRATIONS:
        raise StoreError(MSG_FOREIGN, path=path)
    try:
        backup = make_backup(conn, path, found)
    except (OSError, sqlite3.Error) as error:
        raise StoreError(MSG_UNREADABLE, path=path, detail=error) from error
    for version in range(found, SCHEMA_VERSION):
        try:
            with transaction(conn):
                MIGRATIONS[version](conn)
                conn.execute(f"PRAGMA user_version = {version + 1}")
        except sqlite3.Error as error:
            raise StoreError(MSG_MIGRATION_FAILED, path=path, detail=error, backup=backup) from error
    return backup
