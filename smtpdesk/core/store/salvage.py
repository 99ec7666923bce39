"""Copying what can still be read from a damaged local file into a new one of the same layout."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from smtpdesk.core.store.engines import make_engine
from smtpdesk.core.store.location import Location
from smtpdesk.core.store.migrate import LEGACY_REVISION, create_at


def _revision(old: sqlite3.Connection) -> tuple[str, int]:
    user_version = int(old.execute("PRAGMA user_version").fetchone()[0])
    tables = {row[0] for row in old.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    if "alembic_version" in tables:
        row = old.execute("SELECT version_num FROM alembic_version").fetchone()
        if row is not None:
            return str(row[0]), user_version
    if user_version == 2:
        return LEGACY_REVISION, user_version
    raise ValueError(f"cannot rebuild a file of data version {user_version}")


def copy_readable(damaged: Path, target: Path, *, skip: set[str]) -> None:
    """Builds ``target`` in the layout of ``damaged`` and copies every table but ``skip`` into it,
    with the highest employee id ever handed out."""
    old = sqlite3.connect(f"file:{damaged}?mode=ro", uri=True, timeout=10)
    try:
        revision, user_version = _revision(old)
        engine = make_engine(Location.sqlite(target))
        try:
            create_at(engine, revision, user_version)
        finally:
            engine.dispose()
        new = sqlite3.connect(str(target), isolation_level=None)
        try:
            tables = [
                row[0]
                for row in new.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
                if row[0] not in skip and row[0] not in ("alembic_version", "sqlite_sequence")
            ]
            new.execute("BEGIN IMMEDIATE")
            for table in tables:
                columns = [row[1] for row in new.execute(f'PRAGMA table_info("{table}")')]
                listed = ", ".join(f'"{c}"' for c in columns)
                rows = old.execute(f'SELECT {listed} FROM "{table}"').fetchall()
                marks = ", ".join("?" for _ in columns)
                # The migrations created the one-row settings tables: their copy replaces them.
                new.execute(f'DELETE FROM "{table}"')
                new.executemany(f'INSERT INTO "{table}" ({listed}) VALUES ({marks})', rows)
            sequence = old.execute("SELECT seq FROM sqlite_sequence WHERE name = 'employees'").fetchone()
            highest = max(int(sequence[0]) if sequence else 0, 0)
            new.execute("DELETE FROM sqlite_sequence WHERE name = 'employees'")
            new.execute(
                "INSERT INTO sqlite_sequence (name, seq) "
                "VALUES ('employees', max(?, (SELECT coalesce(max(id), 0) FROM employees)))",
                (highest,),
            )
            new.execute("COMMIT")
        finally:
            new.close()
    finally:
        old.close()
