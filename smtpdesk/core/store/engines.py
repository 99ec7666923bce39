"""SQLAlchemy engines for the two kinds of location, set up the way smtpdesk needs them.

SQLite: WAL, foreign keys, a busy timeout, and transactions that say what they are — a read starts
a deferred transaction, a write ``BEGIN IMMEDIATE``, so two writers queue instead of one failing
halfway. PostgreSQL (psycopg 3): TLS as the location says (the system's authorities when no CA file
is given), a connect timeout and a lock timeout, so nothing waits forever on a busy or gone server.
"""

from __future__ import annotations

import contextlib
import sqlite3
from typing import Any

import sqlalchemy as sa
from sqlalchemy import event
from sqlalchemy.engine import URL, Engine

from smtpdesk import APP_NAME
from smtpdesk.core.store.location import SYSTEM_CAS, Location

CONNECT_TIMEOUT_S = 10
SQLITE_BUSY_TIMEOUT_S = 30.0
# A save waiting for another desktop's save gives up after this long instead of hanging.
PG_LOCK_TIMEOUT_MS = 15_000
PG_STATEMENT_TIMEOUT_MS = 60_000
WRITE = {"sqlite_begin": "IMMEDIATE"}


def make_engine(location: Location, password: str | None = None) -> Engine:
    if location.kind == "sqlite":
        return _sqlite_engine(location)
    return _postgresql_engine(location, password)


def _sqlite_engine(location: Location) -> Engine:
    assert location.path is not None
    engine = sa.create_engine(
        URL.create("sqlite", database=str(location.path)),
        connect_args={"timeout": SQLITE_BUSY_TIMEOUT_S, "check_same_thread": False},
        pool_size=4,
        max_overflow=4,
    )

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        # The driver's own transaction handling would commit behind our back (DDL, pragmas);
        # transactions start only in _on_begin.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        try:
            cursor.execute("PRAGMA synchronous = NORMAL")
            cursor.execute("PRAGMA foreign_keys = ON")
            cursor.execute(f"PRAGMA busy_timeout = {int(SQLITE_BUSY_TIMEOUT_S * 1000)}")
        finally:
            cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: sa.Connection) -> None:
        mode = conn.get_execution_options().get("sqlite_begin", "DEFERRED")
        conn.exec_driver_sql(f"BEGIN {mode}")

    return engine


def postgresql_url(location: Location, password: str | None) -> URL:
    query: dict[str, str] = {"sslmode": location.sslmode}
    if location.sslmode in ("verify-ca", "verify-full"):
        query["sslrootcert"] = location.sslrootcert or SYSTEM_CAS
    elif location.sslrootcert and location.sslmode != "disable":
        query["sslrootcert"] = location.sslrootcert
    return URL.create(
        "postgresql+psycopg",
        username=location.user,
        password=password if password is not None else location.password,
        host=location.host,
        port=location.port,
        database=location.database,
        query=query,
    )


def postgresql_connect_args() -> dict[str, Any]:
    return {
        "connect_timeout": CONNECT_TIMEOUT_S,
        "application_name": APP_NAME,
        "options": f"-c lock_timeout={PG_LOCK_TIMEOUT_MS} -c statement_timeout={PG_STATEMENT_TIMEOUT_MS}",
    }


def _postgresql_engine(location: Location, password: str | None) -> Engine:
    return sa.create_engine(
        postgresql_url(location, password),
        connect_args=postgresql_connect_args(),
        pool_size=4,
        max_overflow=4,
        pool_pre_ping=True,
        # A desktop left open over a weekend: connections the server dropped are replaced.
        pool_recycle=1800,
    )


def use_wal(engine: Engine) -> None:
    """Puts a local file in write-ahead-log mode (persistent in the file; a copy restored from a
    backup comes back to it here). Only called once the file is known to be ours."""
    raw = engine.raw_connection()
    try:
        with contextlib.suppress(sqlite3.OperationalError):  # busy elsewhere: it is WAL already
            raw.driver_connection.execute("PRAGMA journal_mode = WAL")  # type: ignore[union-attr]
    finally:
        raw.close()
