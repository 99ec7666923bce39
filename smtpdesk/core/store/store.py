"""The office's settings, employees, test history and change log, in the local SQLite file or an
office PostgreSQL database (one layout, SQLAlchemy Core).

SMTP passwords are never stored here in plain text: with the local file they live in the keychain
(``core.secrets``); with an office database they are stored encrypted with the office key
(``office_secrets``). Every save writes only the fields the user changed and refuses, saving
nothing, when someone else changed the same field since it was loaded (``merge``); every save is
recorded in the change log with who made it.
"""

from __future__ import annotations

import contextlib
import json
import os
import threading
import uuid
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime, timezone
from pathlib import Path
from types import TracebackType
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Engine

from smtpdesk import paths
from smtpdesk.core.history import CANCELLED, HistoryEntry
from smtpdesk.core.model import Employee, OfficeSettings, SmtpAccount, employee_account
from smtpdesk.core.store import backups, damage
from smtpdesk.core.store.changes import (
    Actor,
    ChangeRecord,
    ChangeWatcher,
    PostgresWatcher,
    SqliteWatcher,
    dumps,
)
from smtpdesk.core.store.engines import (
    WRITE,
    make_engine,
    postgresql_connect_args,
    postgresql_url,
    use_wal,
)
from smtpdesk.core.store.errors import (
    MSG_CLOSED,
    MSG_NO_ADMIN_LEFT,
    MSG_NO_SETTINGS_FILE,
    MSG_NO_SETTINGS_FOLDER,
    MSG_OFFICE_NOT_EMPTY,
    MSG_READ_FAILED,
    MSG_WRITE_FAILED,
    StoreError,
)
from smtpdesk.core.store.import_job import (
    IMPORT_FIELD,
    IMPORT_KIND,
    ImportConflictError,
    ImportJob,
    ImportOutcome,
    Meanwhile,
    RunImport,
    changed_meanwhile,
    email_key,
)
from smtpdesk.core.store.location import Location
from smtpdesk.core.store.merge import Conflict, ConflictError, three_way
from smtpdesk.core.store.migrate import prepare
from smtpdesk.core.store.schema import (
    ACCOUNT_FIELDS,
    EMPLOYEE_FIELDS,
    EMPLOYEE_SMTP,
    PRESENT,
    SETTINGS_SECTIONS,
    Flat,
    employee_column,
    employee_flat,
    employee_from_flat,
    field_for,
    settings_flat,
    settings_from_flat,
)
from smtpdesk.core.store.tables import (
    NOTIFY_CHANNEL,
    SECTION_TABLES,
    SETTINGS_ROW_ID,
    app_password_history,
    app_passwords,
    changes,
    employees,
    history,
    office_meta,
    office_secrets,
)

DIR_MODE = 0o700
FILE_MODE = 0o600
# Older runs of one account beyond this many are dropped when a new one is added.
HISTORY_KEEP_PER_ACCOUNT = 1000
# Change-log kinds that record events rather than settings values: sign-ins and application passwords
# (their values are plain words, never a password or a hash).
EVENT_KINDS = ("signin", "app_password")


def utc_now() -> datetime:
    return datetime.now(timezone.utc)


@dataclass(frozen=True)
class Snapshot:
    """Everything a database holds, raw, for moving an office to another database in one go."""

    sections: dict[str, dict[str, Any]]
    employees: list[dict[str, Any]]
    history: list[dict[str, Any]]
    changes: list[dict[str, Any]]
    highest_employee_id: int
    # Application passwords (hashes only) and their history: the office's people sign in as before.
    passwords: list[dict[str, Any]] = field(default_factory=list)
    password_history: list[dict[str, Any]] = field(default_factory=list)


# How long closing waits for a read or save still running on another thread.
CLOSE_WAIT_S = 5.0


class Store:
    def __init__(
        self,
        engine: Engine,
        location: Location,
        *,
        actor: Actor | None = None,
        backup_path: Path | None = None,
    ) -> None:
        self._engine: Engine | None = engine
        # Reads and saves under way (other threads use the store too: a change monitor, a test
        # recording its run); ``close`` lets them finish first.
        self._in_use = 0
        self._idle = threading.Condition()
        self.location = location
        self.actor = actor or Actor.of_this_desktop()
        # Tells this program's own saves apart from others' in the change log.
        self.origin = uuid.uuid4().hex
        self.backup_path = backup_path  # the copy made before an upgrade, if one ran
        self._password: str | None = None

    # --- opening and closing ----------------------------------------------------------------------

    @classmethod
    def open(
        cls,
        data_dir: Path,
        *,
        create: bool = True,
        auto_backup: bool = False,
        actor: Actor | None = None,
    ) -> Store:
        """The local settings file in ``data_dir``.

        ``create=False`` (the command line) never creates a folder or a file: a missing one is an
        error that names the path. A damaged file raises ``damage.DamagedError`` and is left as it
        is. ``auto_backup`` copies the file when the newest copy is older than a day.
        """
        directory = Path(data_dir)
        if not create and not directory.is_dir():
            raise StoreError(MSG_NO_SETTINGS_FOLDER, path=directory)
        return cls._open_file(
            paths.database_path(directory), create=create, auto_backup=auto_backup, actor=actor
        )

    @classmethod
    def connect(
        cls,
        location: Location,
        *,
        password: str | None = None,
        create: bool = True,
        actor: Actor | None = None,
    ) -> Store:
        """An office database (or a local file given by its location)."""
        if location.kind == "sqlite":
            assert location.path is not None
            return cls._open_file(location.path, create=create, actor=actor)
        engine = make_engine(location, password)
        try:
            prepare(engine, location.display(), create=create)
        except BaseException:
            engine.dispose()
            raise
        store = cls(engine, location, actor=actor)
        store._password = password if password is not None else location.password
        return store

    @classmethod
    def _open_file(
        cls, path: Path, *, create: bool, auto_backup: bool = False, actor: Actor | None = None
    ) -> Store:
        """A local file: created whole when missing (unless ``create`` is False), refused when
        damaged, upgraded after a backup copy, private to the user."""
        if not path.exists():
            if not create:
                raise StoreError(MSG_NO_SETTINGS_FILE, path=path.parent)
            if not path.parent.exists():
                path.parent.mkdir(parents=True, mode=DIR_MODE)
                os.chmod(path.parent, DIR_MODE)
            _create_file(path)
        else:
            report = damage.inspect_file(path)
            if report is not None:
                raise damage.DamagedError(report)
        _make_private(path)
        location = Location.sqlite(path)
        engine = make_engine(location)
        try:
            made = prepare(
                engine, str(path), backup=lambda label: backups.make_backup(path, f"before-{label}")
            )
            use_wal(engine)
            store = cls(engine, location, actor=actor, backup_path=made)
            if auto_backup and store.is_configured():
                backups.backup_if_due(path)
        except BaseException:
            engine.dispose()
            raise
        return store

    @property
    def path(self) -> Path | None:
        """The local file, None for an office database."""
        return self.location.path

    @property
    def is_office(self) -> bool:
        return self.location.is_office

    @property
    def closed(self) -> bool:
        return self._engine is None

    def close(self) -> None:
        """Closes the database; a read or save still running on another thread ends first, so its
        connection goes back to the pool and is closed with it instead of being left open."""
        with self._idle:
            engine, self._engine = self._engine, None  # nothing new starts from here
            self._idle.wait_for(lambda: self._in_use == 0, timeout=CLOSE_WAIT_S)
        if engine is not None:
            engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    @contextlib.contextmanager
    def _using(self) -> Iterator[Engine]:
        with self._idle:
            engine = self._engine
            if engine is None:
                raise StoreError(MSG_CLOSED)
            self._in_use += 1
        try:
            yield engine
        finally:
            with self._idle:
                self._in_use -= 1
                self._idle.notify_all()

    @contextlib.contextmanager
    def _reading(self) -> Iterator[sa.Connection]:
        try:
            with self._using() as engine, engine.connect() as conn, conn.begin():
                yield conn
        except sa.exc.DBAPIError as error:
            raise StoreError(MSG_READ_FAILED, path=self.location.display(), detail=_detail(error)) from error

    @contextlib.contextmanager
    def _writing(self) -> Iterator[sa.Connection]:
        """One transaction: everything inside is saved, or nothing is."""
        try:
            with self._using() as engine, engine.connect().execution_options(**WRITE) as conn, conn.begin():
                yield conn
        except sa.exc.DBAPIError as error:
            raise StoreError(MSG_WRITE_FAILED, path=self.location.display(), detail=_detail(error)) from error

    # --- settings ---------------------------------------------------------------------------------

    def is_configured(self) -> bool:
        """True once anything (settings or an employee) has been saved."""
        with self._reading() as conn:
            for table in SECTION_TABLES.values():
                if conn.execute(sa.select(table.c.version).where(table.c.version > 0)).first():
                    return True
            return conn.execute(sa.select(employees.c.id).limit(1)).first() is not None

    def load_settings(self) -> OfficeSettings:
        with self._reading() as conn:
            return settings_from_flat(self._settings_flat(conn))

    def section_versions(self) -> dict[str, int]:
        """How many times each settings section has been saved."""
        with self._reading() as conn:
            return {
                name: int(conn.execute(sa.select(table.c.version)).scalar() or 0)
                for name, table in SECTION_TABLES.items()
            }

    def save_settings(
        self, settings: OfficeSettings, *, base: OfficeSettings | None = None
    ) -> OfficeSettings:
        """Stores the fields of ``settings`` that differ from ``base`` (the settings as they were
        loaded; without it every field is written) and returns what is stored now.

        Raises ``ConflictError`` — and saves nothing — when a field changed here was changed
        differently elsewhere since ``base`` was loaded.
        """
        mine = settings_flat(settings)
        _check_storable(mine)  # a value that cannot be stored stops the save before any write
        based = settings_flat(base) if base is not None else None
        with self._writing() as conn:
            return self._save_settings_in(conn, mine, based)

    def _settings_flat(self, conn: sa.Connection, *, lock: bool = False) -> Flat:
        flat: Flat = {}
        for section in SETTINGS_SECTIONS:
            table = SECTION_TABLES[section.name]
            query = sa.select(table).where(table.c.id == SETTINGS_ROW_ID)
            if lock:
                query = query.with_for_update()
            found = conn.execute(query).mappings().first()
            row: dict[str, Any] = dict(found) if found is not None else {}
            default = SmtpAccount() if section.optional else section.model()
            if section.optional:
                flat[section.key(PRESENT)] = bool(row.get(PRESENT))
            for f in section.fields:
                flat[section.key(f)] = f.from_db(row.get(f.attr), getattr(default, f.attr))
        # Through the model and back: an absent account's fields read as the defaults.
        return settings_flat(settings_from_flat(flat))

    def _save_settings_in(self, conn: sa.Connection, mine: Flat, based: Flat | None) -> OfficeSettings:
        theirs = self._settings_flat(conn, lock=True)
        write, conflicting = three_way(based, mine, theirs)
        if conflicting:
            assert based is not None
            found = tuple(
                self._conflict(
                    conn, "settings", key.partition(".")[0], key, based[key], mine[key], theirs[key]
                )
                for key in conflicting
            )
            raise ConflictError("settings", found, settings_from_flat(theirs))
        if not write:
            return settings_from_flat(theirs)
        now = utc_now()
        for section in SETTINGS_SECTIONS:
            own = {k: v for k, v in write.items() if k.partition(".")[0] == section.name}
            if not own:
                continue
            table = SECTION_TABLES[section.name]
            values = {k.partition(".")[2]: field_for(k).to_db(v) for k, v in own.items()}
            stamp = {"changed_at": now, "changed_by": self.actor.label()}
            updated = conn.execute(
                sa.update(table)
                .where(table.c.id == SETTINGS_ROW_ID)
                .values(**values, **stamp, version=table.c.version + 1)
            )
            if updated.rowcount == 0:
                conn.execute(sa.insert(table).values(id=SETTINGS_ROW_ID, version=1, **values, **stamp))
            for key, value in own.items():
                self._log(conn, "settings", section.name, key, theirs[key], value, now)
        self._notify(conn)
        return settings_from_flat({**theirs, **write})

    # --- employees --------------------------------------------------------------------------------

    def list_employees(self) -> list[Employee]:
        """All employees in the order they were added."""
        with self._reading() as conn:
            rows = conn.execute(sa.select(*_EMPLOYEE_COLUMNS).order_by(employees.c.id)).all()
        return [_employee_from_row(row) for row in rows]

    def get_employee(self, employee_id: int) -> Employee | None:
        with self._reading() as conn:
            row = conn.execute(sa.select(*_EMPLOYEE_COLUMNS).where(employees.c.id == employee_id)).first()
        return _employee_from_row(row) if row is not None else None

    def save_employee(self, e: Employee, *, base: Employee | None = None) -> Employee:
        """Adds (``e.id`` None: a new id is assigned) or updates the employee; returns what is stored.

        ``base`` is the employee as loaded for editing: only the fields changed since are written,
        and ``ConflictError`` (nothing saved) tells when the same field was changed elsewhere or the
        employee was removed meanwhile. Without ``base`` the whole employee is written, and one
        removed meanwhile is stored again under the same id (its password entry stays valid).
        """
        mine = employee_flat(e)
        _check_storable(mine)
        with self._writing() as conn:
            return self._save_employee_in(conn, e.id, mine, employee_flat(base) if base is not None else None)

    def _save_employee_in(
        self, conn: sa.Connection, employee_id: int | None, mine: Flat, based: Flat | None
    ) -> Employee:
        now = utc_now()
        stamp = {"changed_at": now, "changed_by": self.actor.label()}
        if employee_id is None:
            new_id = conn.execute(
                sa.insert(employees)
                .values(**_employee_columns(mine), version=1, **stamp)
                .returning(employees.c.id)
            ).scalar_one()
            self._log(conn, "employee", str(new_id), "created", None, _name(mine), now)
            self._notify(conn)
            return employee_from_flat(mine, int(new_id))
        row = conn.execute(
            sa.select(*_EMPLOYEE_COLUMNS).where(employees.c.id == employee_id).with_for_update()
        ).first()
        if row is None:
            if based is not None:
                removal = self._last_change(conn, "employee", str(employee_id), "removed")
                raise ConflictError(
                    "employee",
                    (),
                    None,
                    removed_by=removal.actor if removal else "",
                    removed_at=removal.at if removal else None,
                )
            conn.execute(
                sa.insert(employees).values(id=employee_id, **_employee_columns(mine), version=1, **stamp)
            )
            self._log(conn, "employee", str(employee_id), "created", None, _name(mine), now)
            self._notify(conn)
            return employee_from_flat(mine, employee_id)
        theirs = employee_flat(_employee_from_row(row))
        write, conflicting = three_way(based, mine, theirs)
        if conflicting:
            assert based is not None
            found = tuple(
                self._conflict(conn, "employee", str(employee_id), key, based[key], mine[key], theirs[key])
                for key in conflicting
            )
            raise ConflictError("employee", found, employee_from_flat(theirs, employee_id))
        if not write:
            return employee_from_flat(theirs, employee_id)
        merged = {**theirs, **write}
        conn.execute(
            sa.update(employees)
            .where(employees.c.id == employee_id)
            .values(**_employee_columns(merged), **stamp, version=employees.c.version + 1)
        )
        for key, value in write.items():
            self._log(conn, "employee", str(employee_id), key, theirs[key], value, now)
        self._notify(conn)
        return employee_from_flat(merged, employee_id)

    def delete_employee(self, employee_id: int) -> None:
        """Removes the employee and the history of their own account (the caller removes their
        password)."""
        with self._writing() as conn:
            self._delete_employee_in(conn, employee_id)

    def _delete_employee_in(self, conn: sa.Connection, employee_id: int) -> None:
        row = conn.execute(sa.select(*_EMPLOYEE_COLUMNS).where(employees.c.id == employee_id)).first()
        conn.execute(sa.delete(employees).where(employees.c.id == employee_id))
        conn.execute(sa.delete(history).where(history.c.account_key == employee_account(employee_id)))
        # Their application password goes with them: a later employee never inherits it.
        conn.execute(sa.delete(app_passwords).where(app_passwords.c.employee_id == employee_id))
        conn.execute(sa.delete(app_password_history).where(app_password_history.c.employee_id == employee_id))
        if row is not None:
            old = _name(employee_flat(_employee_from_row(row)))
            self._log(conn, "employee", str(employee_id), "removed", old, None, utc_now())
            self._notify(conn)

    def employee_versions(self) -> dict[int, int]:
        with self._reading() as conn:
            return {
                int(r.id): int(r.version)
                for r in conn.execute(sa.select(employees.c.id, employees.c.version))
            }

    # --- history ----------------------------------------------------------------------------------

    def add_history(self, e: HistoryEntry) -> int:
        """Stores a run (its ``id`` is ignored) and returns the id it got."""
        values = _history_values(e, self.actor.label(), self.actor.person_id)
        with self._writing() as conn:
            new_id = int(
                conn.execute(sa.insert(history).values(**values).returning(history.c.id)).scalar_one()
            )
            self._trim_history_in(conn, e.account_key)
            return new_id

    def _trim_history_in(self, conn: sa.Connection, account_key: str) -> None:
        count = conn.execute(
            sa.select(sa.func.count()).select_from(history).where(history.c.account_key == account_key)
        ).scalar_one()
        if count > HISTORY_KEEP_PER_ACCOUNT:
            keep = (
                sa.select(history.c.id)
                .where(history.c.account_key == account_key)
                .order_by(history.c.at.desc(), history.c.id.desc())
                .limit(HISTORY_KEEP_PER_ACCOUNT)
            )
            conn.execute(
                sa.delete(history).where(history.c.account_key == account_key, history.c.id.not_in(keep))
            )

    def history(self, account_key: str | None = None, limit: int = 500) -> list[HistoryEntry]:
        """Runs, newest first; of one account when ``account_key`` is given."""
        query = (
            sa.select(history).order_by(history.c.at.desc(), history.c.id.desc()).limit(max(0, int(limit)))
        )
        if account_key is not None:
            query = query.where(history.c.account_key == account_key)
        with self._reading() as conn:
            rows = conn.execute(query).all()
        return [_history_from(row) for row in rows]

    def person_history(self, person_id: int, account_key: str, limit: int = 500) -> list[HistoryEntry]:
        """One person's runs, newest first: those of their own account (whoever ran them) and
        those they ran themselves (e.g. through the company account)."""
        query = (
            sa.select(history)
            .where(sa.or_(history.c.account_key == account_key, history.c.person_id == person_id))
            .order_by(history.c.at.desc(), history.c.id.desc())
            .limit(max(0, int(limit)))
        )
        with self._reading() as conn:
            rows = conn.execute(query).all()
        return [_history_from(row) for row in rows]

    def last_results(self, *, details: bool = True) -> dict[str, HistoryEntry]:
        """The newest run with an outcome (not cancelled) of every account that has one.

        ``details=False`` leaves the transcripts and timings out (empty in the entries): enough to
        list outcomes, and far less to read and decode for an office with thousands of accounts.
        """
        newer = history.alias("newer")
        accounts = sa.select(history.c.account_key).distinct().subquery("accounts")
        # Each account's newest run straight from the (account_key, at, id) index: the cost grows
        # with the number of accounts, not with the length of their history.
        newest = (
            sa.select(newer.c.id)
            .where(newer.c.account_key == accounts.c.account_key, newer.c.code != CANCELLED)
            .order_by(newer.c.at.desc(), newer.c.id.desc())
            .limit(1)
            .correlate(accounts)
            .scalar_subquery()
        )
        columns = [c for c in history.c if details or c.name not in _HISTORY_DETAILS]
        query = sa.select(*columns).where(history.c.id.in_(sa.select(newest).select_from(accounts)))
        with self._reading() as conn:
            rows = conn.execute(query).all()
        return {row.account_key: _history_from(row, details=details) for row in rows}

    def last_result(self, account_key: str) -> HistoryEntry | None:
        """The newest run of ``account_key`` with an outcome (a cancelled one has none)."""
        query = (
            sa.select(history)
            .where(history.c.account_key == account_key, history.c.code != CANCELLED)
            .order_by(history.c.at.desc(), history.c.id.desc())
            .limit(1)
        )
        with self._reading() as conn:
            row = conn.execute(query).first()
        return None if row is None else _history_from(row)

    def history_entry(self, entry_id: int) -> HistoryEntry | None:
        """One stored run in full, None when it has been removed meanwhile."""
        with self._reading() as conn:
            row = conn.execute(sa.select(history).where(history.c.id == entry_id)).first()
        return None if row is None else _history_from(row)

    def clear_history(self, account_key: str | None = None) -> None:
        with self._writing() as conn:
            query = sa.delete(history)
            if account_key is not None:
                query = query.where(history.c.account_key == account_key)
            conn.execute(query)

    # --- the change log ---------------------------------------------------------------------------

    def last_change_id(self) -> int:
        with self._reading() as conn:
            return int(conn.execute(sa.select(sa.func.max(changes.c.id))).scalar() or 0)

    def changes_after(self, change_id: int, *, limit: int = 1000) -> list[ChangeRecord]:
        """Changes newer than ``change_id``, oldest first."""
        query = sa.select(changes).where(changes.c.id > change_id).order_by(changes.c.id).limit(limit)
        with self._reading() as conn:
            return [ChangeRecord.from_row(row) for row in conn.execute(query)]

    def watcher(self) -> ChangeWatcher:
        """Tells cheaply whether another window or desktop saved something (see ``changes``)."""
        if self.location.kind == "sqlite":
            assert self.location.path is not None
            return SqliteWatcher(self.location.path)
        url = postgresql_url(self.location, self._password)
        conninfo: dict[str, Any] = {
            "host": url.host,
            "port": url.port,
            "user": url.username,
            "dbname": url.database,
            **url.query,
            **{k: v for k, v in postgresql_connect_args().items() if k != "options"},
        }
        if url.password is not None:
            conninfo["password"] = url.password
        return PostgresWatcher(conninfo)

    def _log(
        self,
        conn: sa.Connection,
        kind: str,
        subject: str,
        key: str,
        old: Any,
        new: Any,
        at: datetime,
        *,
        actor: Actor | None = None,
    ) -> None:
        """One record of the change log; ``actor`` names someone other than ``self.actor`` (e.g. a
        person failing to sign in)."""
        raw = kind in EVENT_KINDS or key in ("created", "removed", "password", IMPORT_FIELD)
        summarise = (lambda value: value) if raw else field_for(key).summary
        who = actor or self.actor
        conn.execute(
            sa.insert(changes).values(
                at=at,
                actor=who.label(),
                person_id=who.person_id,
                origin=self.origin,
                kind=kind,
                subject=subject,
                field=key,
                old_json=dumps(summarise(old)),
                new_json=dumps(summarise(new)),
            )
        )

    def _notify(self, conn: sa.Connection) -> None:
        if conn.dialect.name == "postgresql":
            # Delivered to listeners when (and only if) the transaction commits.
            conn.execute(sa.select(sa.func.pg_notify(NOTIFY_CHANNEL, self.origin)))

    def _last_change(self, conn: sa.Connection, kind: str, subject: str, key: str) -> ChangeRecord | None:
        row = conn.execute(
            sa.select(changes)
            .where(changes.c.kind == kind, changes.c.subject == subject, changes.c.field == key)
            .order_by(changes.c.id.desc())
            .limit(1)
        ).first()
        return ChangeRecord.from_row(row) if row is not None else None

    def _conflict(
        self, conn: sa.Connection, kind: str, subject: str, key: str, base: Any, mine: Any, theirs: Any
    ) -> Conflict:
        last = self._last_change(conn, kind, subject, key)
        return Conflict(
            key=key,
            base=base,
            mine=mine,
            theirs=theirs,
            changed_by=last.actor if last else "",
            changed_at=last.at if last else None,
        )

    # --- importing a configuration file -------------------------------------------------------------

    def apply_import(self, job: ImportJob) -> ImportOutcome:
        """Writes an import in one transaction: all of it, or nothing.

        Refuses with ``ImportConflictError`` (nothing written) when anything the job was computed
        from changed meanwhile. Passwords are not touched. The change log gets the usual records
        of every field, employee added and removed, and one ``import`` record naming the file.
        """
        with self._writing() as conn:
            settings_now = self._settings_flat(conn, lock=True)
            rows = conn.execute(
                sa.select(*_EMPLOYEE_COLUMNS).order_by(employees.c.id).with_for_update()
            ).all()
            people_now = {int(row.id): employee_flat(_employee_from_row(row)) for row in rows}
            meanwhile = changed_meanwhile(job, settings_now, people_now)
            if meanwhile:
                raise ImportConflictError(tuple(self._who_changed(conn, m) for m in meanwhile))
            self._save_settings_in(conn, job.settings_new, job.settings_base)
            ids: dict[str, int] = {}
            for item in job.employees:
                saved = self._save_employee_in(conn, item.employee_id, item.new, item.base)
                assert saved.id is not None
                ids[email_key(item.email)] = saved.id
            removed = tuple(employee_id for employee_id, _ in job.removals if employee_id in people_now)
            for employee_id in removed:
                self._delete_employee_in(conn, employee_id)
            self._keep_an_administrator_in(conn)
            added = self._import_history_in(conn, job.history, ids)
            summary = {
                "settings": sum(job.settings_base[k] != v for k, v in job.settings_new.items()),
                "added": sum(item.employee_id is None for item in job.employees),
                "changed": sum(item.base not in (None, item.new) for item in job.employees),
                "removed": len(removed),
                "history": added,
            }
            self._log(conn, IMPORT_KIND, job.source[:64], IMPORT_FIELD, None, summary, utc_now())
            self._notify(conn)
        return ImportOutcome(employee_ids=ids, removed=removed, history_added=added)

    def _keep_an_administrator_in(self, conn: sa.Connection) -> None:
        """An office where people sign in must keep an administrator who can (an import that would
        remove or demote the last one is refused whole)."""
        if conn.execute(sa.select(app_passwords.c.employee_id).limit(1)).first() is None:
            return
        kept = conn.execute(
            sa.select(employees.c.id)
            .join(app_passwords, app_passwords.c.employee_id == employees.c.id)
            .where(employees.c.role == "admin")
            .limit(1)
        ).first()
        if kept is None:
            raise StoreError(MSG_NO_ADMIN_LEFT)

    def _who_changed(self, conn: sa.Connection, change: Meanwhile) -> Meanwhile:
        last = self._last_change(conn, change.kind, change.subject, change.key)
        if last is None:
            return change
        return replace(change, changed_by=last.actor, changed_at=last.at)

    def _import_history_in(
        self, conn: sa.Connection, runs: Sequence[RunImport], ids: Mapping[str, int]
    ) -> int:
        """Adds the runs not already here (same account, same moment, same outcome)."""
        entries = [
            replace(run.entry, account_key=employee_account(ids[email_key(run.employee)]))
            if run.employee
            else run.entry
            for run in runs
        ]
        keys = sorted({e.account_key for e in entries})
        known = {
            (row.account_key, row.at, row.code)
            for row in conn.execute(
                sa.select(history.c.account_key, history.c.at, history.c.code).where(
                    history.c.account_key.in_(keys)
                )
            )
        }
        fresh = [e for e in entries if (e.account_key, e.at, e.code) not in known]
        if fresh:
            conn.execute(
                sa.insert(history),
                [_history_values(e, self.actor.label(), self.actor.person_id) for e in fresh],
            )
            for key in {e.account_key for e in fresh}:
                self._trim_history_in(conn, key)
        return len(fresh)

    # --- office metadata and encrypted passwords ----------------------------------------------------

    def meta(self, key: str) -> str | None:
        with self._reading() as conn:
            return conn.execute(sa.select(office_meta.c.value).where(office_meta.c.key == key)).scalar()

    def set_meta(self, values: Mapping[str, str]) -> None:
        with self._writing() as conn:
            self._set_meta_in(conn, values)

    def _set_meta_in(self, conn: sa.Connection, values: Mapping[str, str]) -> None:
        for key, value in values.items():
            conn.execute(sa.delete(office_meta).where(office_meta.c.key == key))
            conn.execute(sa.insert(office_meta).values(key=key, value=value))

    def secret(self, account_key: str) -> tuple[bytes, bytes] | None:
        """The nonce and ciphertext stored for ``account_key``, if any."""
        with self._reading() as conn:
            row = conn.execute(
                sa.select(office_secrets.c.nonce, office_secrets.c.ciphertext).where(
                    office_secrets.c.account_key == account_key
                )
            ).first()
        return None if row is None else (bytes(row.nonce), bytes(row.ciphertext))

    def secret_keys(self) -> list[str]:
        with self._reading() as conn:
            return list(conn.execute(sa.select(office_secrets.c.account_key)).scalars())

    def put_secret(self, account_key: str, nonce: bytes, ciphertext: bytes) -> None:
        with self._writing() as conn:
            self._put_secret_in(conn, account_key, nonce, ciphertext)

    def _put_secret_in(self, conn: sa.Connection, account_key: str, nonce: bytes, ciphertext: bytes) -> None:
        now = utc_now()
        conn.execute(sa.delete(office_secrets).where(office_secrets.c.account_key == account_key))
        conn.execute(
            sa.insert(office_secrets).values(
                account_key=account_key,
                nonce=nonce,
                ciphertext=ciphertext,
                changed_at=now,
                changed_by=self.actor.label(),
            )
        )
        self._log(conn, "secret", account_key, "password", None, None, now)
        self._notify(conn)

    def delete_secret(self, account_key: str) -> None:
        with self._writing() as conn:
            gone = conn.execute(sa.delete(office_secrets).where(office_secrets.c.account_key == account_key))
            if gone.rowcount:
                self._log(conn, "secret", account_key, "password", None, None, utc_now())
                self._notify(conn)

    # --- moving a whole office --------------------------------------------------------------------

    def snapshot(self) -> Snapshot:
        """Everything this database holds (but the encrypted passwords and office metadata)."""
        with self._reading() as conn:
            sections = {
                name: dict(conn.execute(sa.select(table)).mappings().first() or {})
                for name, table in SECTION_TABLES.items()
            }
            people = [
                dict(row) for row in conn.execute(sa.select(employees).order_by(employees.c.id)).mappings()
            ]
            runs = [dict(row) for row in conn.execute(sa.select(history).order_by(history.c.id)).mappings()]
            log = [dict(row) for row in conn.execute(sa.select(changes).order_by(changes.c.id)).mappings()]
            passwords = [dict(row) for row in conn.execute(sa.select(app_passwords)).mappings()]
            used = [
                dict(row)
                for row in conn.execute(
                    sa.select(app_password_history).order_by(app_password_history.c.id)
                ).mappings()
            ]
            highest = max([int(p["id"]) for p in people] or [0])
            if conn.dialect.name == "sqlite":
                seq = conn.exec_driver_sql(
                    "SELECT seq FROM sqlite_sequence WHERE name = 'employees'"
                ).scalar()
                highest = max(highest, int(seq or 0))
        return Snapshot(sections, people, runs, log, highest, passwords, used)

    def restore(
        self,
        snapshot: Snapshot,
        *,
        secrets: Mapping[str, tuple[bytes, bytes]] = {},
        meta: Mapping[str, str] = {},
    ) -> None:
        """Fills this empty database with ``snapshot`` (and the given encrypted passwords and
        metadata) in one transaction: all of it, or nothing."""
        with self._writing() as conn:
            for table in (employees, history, changes, office_secrets, app_passwords):
                if conn.execute(sa.select(sa.func.count()).select_from(table)).scalar_one():
                    raise StoreError(MSG_OFFICE_NOT_EMPTY, path=self.location.display())
            for name, row in snapshot.sections.items():
                table = SECTION_TABLES[name]
                conn.execute(sa.delete(table))
                if row:
                    conn.execute(sa.insert(table).values(**row))
            for rows, table in (
                (snapshot.employees, employees),
                (snapshot.history, history),
                (snapshot.changes, changes),
                (snapshot.passwords, app_passwords),
                (snapshot.password_history, app_password_history),
            ):
                if rows:
                    conn.execute(sa.insert(table), rows)
            _advance_sequences(conn, snapshot.highest_employee_id)
            for key, (nonce, ciphertext) in secrets.items():
                self._put_secret_in(conn, key, nonce, ciphertext)
            self._set_meta_in(conn, meta)
            self._notify(conn)


# --- helpers ----------------------------------------------------------------------------------------


def _create_file(path: Path) -> None:
    """A new settings file appears whole or not at all: it is built under a temporary name and
    linked into place, so an empty or half-written file is never a "new" one (it is damage). When
    another program or window created the file meanwhile, theirs is kept."""
    temporary = path.with_name(f".{path.name}.new-{uuid.uuid4().hex}")
    fd = os.open(temporary, os.O_CREAT | os.O_WRONLY | os.O_EXCL, FILE_MODE)
    os.close(fd)
    engine = make_engine(Location.sqlite(temporary))
    try:
        prepare(engine, str(path), create=True)
        use_wal(engine)
        engine.dispose()
        with contextlib.suppress(FileExistsError):
            os.link(temporary, path)
    finally:
        engine.dispose()
        for leftover in (temporary, *(temporary.with_name(temporary.name + s) for s in ("-wal", "-shm"))):
            leftover.unlink(missing_ok=True)


def _make_private(path: Path) -> None:
    with contextlib.suppress(OSError):  # e.g. a file owned by someone else: keep what it has
        os.chmod(path, FILE_MODE)


def _check_storable(flat: Flat) -> None:
    for key, value in flat.items():
        field_for(key).to_db(value)


def _detail(error: sa.exc.DBAPIError) -> str:
    """The driver's own sentence, without SQLAlchemy's statement dump."""
    with contextlib.suppress(Exception):
        return str(error.orig).strip().splitlines()[0]
    return type(error).__name__


def _advance_sequences(conn: sa.Connection, highest: int) -> None:
    """After copying rows with their ids: new employees get ids above every id ever used."""
    if conn.dialect.name == "sqlite":
        conn.exec_driver_sql("DELETE FROM sqlite_sequence WHERE name = 'employees'")
        conn.exec_driver_sql("INSERT INTO sqlite_sequence (name, seq) VALUES ('employees', ?)", (highest,))
        return
    for table in ("employees", "history", "changes", "app_password_history"):
        conn.execute(
            sa.text(
                f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                f"GREATEST(COALESCE((SELECT max(id) FROM {table}), 0), :floor, 1))"
            ),
            {"floor": highest if table == "employees" else 0},
        )


_EMPLOYEE_KEYS = [f.attr for f in EMPLOYEE_FIELDS]
_ACCOUNT_KEYS = [f.attr for f in ACCOUNT_FIELDS]


def _employee_columns(flat: Flat) -> dict[str, Any]:
    values = {key: field_for(key).to_db(flat[key]) for key in _EMPLOYEE_KEYS}
    present = bool(flat[f"{EMPLOYEE_SMTP}.{PRESENT}"])
    for attr in _ACCOUNT_KEYS:
        key = f"{EMPLOYEE_SMTP}.{attr}"
        values[employee_column(key)] = field_for(key).to_db(flat[key]) if present else None
    return values


_BLANK_EMPLOYEE = Employee()
_BLANK_ACCOUNT = SmtpAccount()
# What an Employee is read from, in this order: the id, its own fields, its account's fields (the
# bookkeeping columns are left out). Read by position: opening a list of thousands of employees is
# mostly this loop.
_EMPLOYEE_COLUMNS = (
    employees.c.id,
    *(employees.c[f.attr] for f in EMPLOYEE_FIELDS),
    *(employees.c[employee_column(f"{EMPLOYEE_SMTP}.{f.attr}")] for f in ACCOUNT_FIELDS),
)
_OWN_READERS = tuple((f.attr, f.reader(getattr(_BLANK_EMPLOYEE, f.attr))) for f in EMPLOYEE_FIELDS)
_ACCOUNT_READERS = tuple((f.attr, f.reader(getattr(_BLANK_ACCOUNT, f.attr))) for f in ACCOUNT_FIELDS)
_ACCOUNT_START = 1 + len(EMPLOYEE_FIELDS)
# The account is absent exactly when its host is NULL.
_ACCOUNT_HOST = _ACCOUNT_START + [f.attr for f in ACCOUNT_FIELDS].index("host")


def _employee_from_row(row: Any) -> Employee:
    """An Employee from a row of ``_EMPLOYEE_COLUMNS``."""
    kwargs = {attr: read(raw) for (attr, read), raw in zip(_OWN_READERS, row[1:_ACCOUNT_START], strict=True)}
    smtp: SmtpAccount | None = None
    if row[_ACCOUNT_HOST] is not None:
        smtp = SmtpAccount(
            **{
                attr: read(raw)
                for (attr, read), raw in zip(_ACCOUNT_READERS, row[_ACCOUNT_START:], strict=True)
            }
        )
    return Employee(id=int(row[0]), smtp=smtp, **kwargs)


def _name(flat: Flat) -> str:
    return f"{flat['first_name']} {flat['last_name']}".strip() or str(flat.get("email", ""))


def _history_values(e: HistoryEntry, actor: str, person_id: int | None = None) -> dict[str, Any]:
    return {
        "at": e.at,
        "account_key": e.account_key,
        "account_label": e.account_label,
        "login_only": bool(e.login_only),
        "ok": bool(e.ok),
        "code": e.code,
        "stage": e.stage,
        "title": e.title,
        "host": e.host,
        "port": int(e.port),
        "security": e.security,
        "username": e.username,
        "sender": e.sender,
        "recipient": e.recipient,
        "timings_json": json.dumps(e.timings_ms, ensure_ascii=False),
        "transcript_json": json.dumps(e.transcript, ensure_ascii=False),
        "elapsed_ms": float(e.elapsed_ms),
        "actor": actor,
        "person_id": person_id,
        "details_json": json.dumps(e.details_json(), ensure_ascii=False),
    }


# The long parts of a stored run, read only where the run is shown in full.
_HISTORY_DETAILS = ("timings_json", "transcript_json", "details_json")


def _json_or(text: Any, default: Any) -> Any:
    try:
        value = json.loads(text)
    except (TypeError, ValueError):
        return default
    return value if isinstance(value, type(default)) else default


def _history_from(row: Any, *, details: bool = True) -> HistoryEntry:
    m = row._mapping
    return HistoryEntry(
        id=int(m["id"]),
        at=m["at"] or datetime.fromtimestamp(0, timezone.utc),
        account_key=m["account_key"],
        account_label=m["account_label"],
        login_only=bool(m["login_only"]),
        ok=bool(m["ok"]),
        code=m["code"],
        stage=m["stage"],
        title=m["title"],
        host=m["host"],
        port=int(m["port"]),
        security=m["security"],
        username=m["username"],
        sender=m["sender"],
        recipient=m["recipient"],
        timings_ms=_json_or(m["timings_json"], {}) if details else {},
        transcript=_json_or(m["transcript_json"], []) if details else [],
        elapsed_ms=float(m["elapsed_ms"]),
        **(HistoryEntry.details_from_json(_json_or(m["details_json"], {})) if details else {}),
    )
