"""Bringing a database to the layout this program uses: create it, carry it forward, or refuse it.

Revisions are Alembic's (``migrations/versions``), recorded in its ``alembic_version`` table. A local
file written by smtpdesk 0.1 has none: its ``PRAGMA user_version`` (1 or 2) says what it is, and it
is marked as revision r0001 before it is carried forward. Before anything in an existing local file
changes, a copy is made (``backups``). Every step runs in one transaction, so a failed upgrade leaves
the database as it was. A database from a newer smtpdesk (a revision this program does not know) is
left untouched.
"""

from __future__ import annotations

import contextlib
import functools
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Literal

import sqlalchemy as sa
from sqlalchemy.engine import Engine

from smtpdesk.core.store.engines import WRITE
from smtpdesk.core.store.errors import (
    MSG_FOREIGN,
    MSG_MIGRATION_FAILED,
    MSG_NEWER,
    MSG_NO_DATABASE_YET,
    MSG_UNREADABLE,
    EmptyDatabaseError,
    NewerDatabaseError,
    StoreError,
)
from smtpdesk.core.store.tables import SQLITE_USER_VERSION

if TYPE_CHECKING:
    from alembic.config import Config
    from alembic.script import ScriptDirectory

MIGRATIONS = Path(__file__).parent / "migrations"
LEGACY_REVISION = "r0001"
# The newest script's revision, known without reading the scripts: opening a database that is
# already there then needs no Alembic at all (importing it costs a noticeable part of a start).
HEAD_REVISION = "r0005"
# Held while a database is created or upgraded, so two desktops starting at once take turns.
PG_LOCK_KEY = 0x534D5450  # "SMTP"

# Alembic keeps the running migration in module-level state: one run at a time per process.
_ALEMBIC = threading.RLock()

State = Literal["new", "legacy1", "legacy2", "current", "older", "newer", "foreign"]


def _legacy_v1_to_v2() -> tuple[str, ...]:
    """smtpdesk 0.1's own step from its data version 1 to 2 (it then wrote user_version 2)."""
    from smtpdesk.core.store.migrations.versions.r0001_local_file_v2 import LAYOUT_V2

    return (
        "ALTER TABLE employees ADD COLUMN smtp_security TEXT",
        "ALTER TABLE employees ADD COLUMN smtp_allow_plaintext_auth INTEGER",
        "ALTER TABLE employees ADD COLUMN smtp_pinned_fingerprint TEXT",
        "ALTER TABLE employees ADD COLUMN smtp_ca_file TEXT",
        # Accounts saved by version 1 behaved as "automatic" security with certificate checks on.
        "UPDATE employees SET smtp_security = 'auto', smtp_allow_plaintext_auth = 0, "
        "smtp_pinned_fingerprint = '', smtp_ca_file = '' WHERE smtp_host IS NOT NULL",
        # ...and the history of test runs, as in its layout at data version 2.
        *LAYOUT_V2[2:],
    )


def _config(connection: sa.Connection | None = None) -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    if connection is not None:
        config.attributes["connection"] = connection
    return config


@functools.cache
def script_directory() -> ScriptDirectory:
    """The migration scripts (read from their files once per process)."""
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(_config())


def head_revision() -> str:
    head = script_directory().get_current_head()
    assert head is not None
    return head


@functools.cache
def known_revisions() -> frozenset[str]:
    return frozenset(script.revision for script in script_directory().walk_revisions())


@dataclass(frozen=True)
class Inspection:
    state: State
    revision: str | None  # Alembic's, or the legacy one a smtpdesk 0.1 file counts as
    user_version: int = 0


def inspect_connection(conn: sa.Connection) -> Inspection:
    """What the database holds, without changing anything."""
    tables = set(sa.inspect(conn).get_table_names())
    user_version = 0
    if conn.dialect.name == "sqlite":
        user_version = int(conn.exec_driver_sql("PRAGMA user_version").scalar() or 0)
    if "alembic_version" in tables:
        revision = _alembic_revision(conn)
        if revision == HEAD_REVISION:
            return Inspection("current", revision, user_version)
        if revision is None:
            return Inspection("foreign", None, user_version)
        if revision not in known_revisions():
            return Inspection("newer", revision, user_version)
        return Inspection("current" if revision == head_revision() else "older", revision, user_version)
    if conn.dialect.name == "sqlite":
        if user_version > SQLITE_USER_VERSION or (user_version == SQLITE_USER_VERSION and tables):
            return Inspection("newer", None, user_version)
        if user_version == 1 and {"settings", "employees"} <= tables:
            return Inspection("legacy1", None, user_version)
        if user_version == 2 and {"settings", "employees", "history"} <= tables:
            return Inspection("legacy2", LEGACY_REVISION, user_version)
    if tables:
        return Inspection("foreign", None, user_version)
    return Inspection("new", None, user_version)


def _alembic_revision(conn: sa.Connection) -> str | None:
    """The revision Alembic recorded (one row; none when it was emptied)."""
    rows = conn.execute(sa.text("SELECT version_num FROM alembic_version")).scalars().all()
    return rows[0] if len(rows) == 1 else None


def prepare(
    engine: Engine,
    where: str,
    *,
    create: bool = True,
    backup: Callable[[str], Path | None] | None = None,
) -> Path | None:
    """Brings the database at ``engine`` to the head revision; returns the backup made, if any.

    ``where`` names the database in messages; ``create=False`` refuses an empty database instead
    of setting it up (the command line never creates anything); ``backup(label)`` copies an
    existing local file before it changes.
    """
    try:
        with engine.connect().execution_options(**WRITE) as conn, conn.begin():
            if conn.dialect.name == "postgresql":
                conn.execute(sa.text("SELECT pg_advisory_xact_lock(:key)"), {"key": PG_LOCK_KEY})
            found = inspect_connection(conn)
            if found.state == "current":
                return None
            if found.state == "newer":
                raise NewerDatabaseError(
                    MSG_NEWER,
                    path=where,
                    found=found.revision or found.user_version,
                    supported=head_revision(),
                )
            if found.state == "foreign":
                raise StoreError(MSG_FOREIGN, path=where)
            if found.state == "new" and not create:
                raise EmptyDatabaseError(MSG_NO_DATABASE_YET, path=where)
    except sa.exc.DBAPIError as error:
        raise StoreError(MSG_UNREADABLE, path=where, detail=_detail(error)) from error

    copy = backup(found.revision or f"v{found.user_version}") if backup and found.state != "new" else None
    try:
        with _ALEMBIC, engine.connect().execution_options(**WRITE) as conn, conn.begin():
            if conn.dialect.name == "postgresql":
                conn.execute(sa.text("SELECT pg_advisory_xact_lock(:key)"), {"key": PG_LOCK_KEY})
            again = inspect_connection(conn)
            if again.state == "current":  # another desktop got there first
                return copy
            from alembic import command

            config = _config(conn)
            if again.state == "legacy1":
                for statement in _legacy_v1_to_v2():
                    conn.exec_driver_sql(statement)
            if again.state in ("legacy1", "legacy2"):
                command.stamp(config, LEGACY_REVISION)
            command.upgrade(config, "head")
    except sa.exc.DBAPIError as error:
        if found.state == "new":
            raise StoreError(MSG_UNREADABLE, path=where, detail=_detail(error)) from error
        raise StoreError(
            MSG_MIGRATION_FAILED, path=where, detail=_detail(error), backup=copy or "—"
        ) from error
    return copy


def _detail(error: sa.exc.DBAPIError) -> str:
    """The driver's own sentence, without SQLAlchemy's statement dump and link."""
    with contextlib.suppress(Exception):
        return str(error.orig).strip().splitlines()[0]
    return type(error).__name__


def create_at(engine: Engine, revision: str, user_version: int) -> None:
    """An empty local file at ``revision`` (for copying a damaged file's readable rows into)."""
    from alembic import command

    with _ALEMBIC, engine.connect().execution_options(**WRITE) as conn, conn.begin():
        command.upgrade(_config(conn), revision)
        conn.exec_driver_sql(f"PRAGMA user_version = {int(user_version)}")
