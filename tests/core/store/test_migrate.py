"""Opening a settings file written by an older or a newer version of the program."""

from __future__ import annotations

import hashlib
import re
import sqlite3
import stat
from pathlib import Path

import pytest
import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from smtpdesk.core.history import HistoryEntry
from smtpdesk.core.model import (
    COMPANY_ACCOUNT,
    ContactMode,
    Employee,
    Role,
    Security,
    SmtpAccount,
    employee_account,
)
from smtpdesk.core.store import Location, NewerDatabaseError, Store, StoreError
from smtpdesk.core.store.backups import list_backups
from smtpdesk.core.store.migrate import head_revision
from smtpdesk.core.store.tables import SQLITE_USER_VERSION, metadata
from smtpdesk.paths import database_path
from tests.fixtures.postgres import OWNER, PostgresCluster
from tests.fixtures.stores import OpenStore

# The layout version 1 of the program wrote, spelled out here independently of the code.
V1_SCHEMA = """
CREATE TABLE settings (key TEXT PRIMARY KEY NOT NULL, value);
CREATE TABLE employees (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    first_name TEXT NOT NULL DEFAULT '',
    last_name TEXT NOT NULL DEFAULT '',
    email TEXT NOT NULL DEFAULT '',
    phone TEXT NOT NULL DEFAULT '',
    role TEXT NOT NULL DEFAULT 'agent',
    smtp_host TEXT,
    smtp_port INTEGER,
    smtp_username TEXT
);
"""
V1_DATA = """
INSERT INTO settings (key, value) VALUES
    ('company.name', 'Biuro Nieruchomości Łódź'),
    ('company.address', 'ul. Piotrkowska 1'),
    ('company.phone', '+48 42 000 00 00'),
    ('company.email', 'biuro@lodz-nieruchomosci.pl'),
    ('company.website', 'https://lodz-nieruchomosci.pl'),
    ('company.logo', X'89504E470D0A1A0A00FF'),
    ('company.logo_mime', 'image/png'),
    ('contact_mode', 'company'),
    ('giodo.password_change_days', 90),
    ('giodo.giodo_password_format', 1),
    ('giodo.hide_client_contacts', 0),
    ('company_smtp.host', 'smtp.lodz-nieruchomosci.pl'),
    ('company_smtp.port', 587),
    ('company_smtp.username', 'biuro@lodz-nieruchomosci.pl');
INSERT INTO employees (first_name, last_name, email, phone, role, smtp_host, smtp_port, smtp_username) VALUES
    ('Anna', 'Nowak', 'anna@lodz-nieruchomosci.pl', '600 100 200', 'admin',
     'smtp.lodz-nieruchomosci.pl', 465, 'anna@lodz-nieruchomosci.pl'),
    ('Jan', 'Kowalski', 'jan@lodz-nieruchomosci.pl', '', 'agent', NULL, NULL, NULL);
"""


def write_v1(path: Path, *, wal: bool = False) -> None:
    conn = sqlite3.connect(path)
    if wal:
        conn.execute("PRAGMA journal_mode = WAL")
    conn.executescript(V1_SCHEMA + V1_DATA + "PRAGMA user_version = 1;")
    conn.close()


def user_version(path: Path) -> int:
    conn = sqlite3.connect(path)
    try:
        return int(conn.execute("PRAGMA user_version").fetchone()[0])
    finally:
        conn.close()


def backups(directory: Path) -> list[Path]:
    return [b.path for b in list_backups(database_path(directory))]


def layout_differences(engine: sa.Engine) -> list[object]:
    """What Alembic finds different between the database and the tables the program uses."""
    with engine.connect() as conn:
        return list(compare_metadata(MigrationContext.configure(conn, opts={"compare_type": True}), metadata))


def v2_from_v1(path: Path) -> None:
    """A file exactly as smtpdesk 0.1 left it at data version 2 (upgraded from version 1)."""
    write_v1(path)
    conn = sqlite3.connect(path)
    conn.executescript(
        """
        ALTER TABLE employees ADD COLUMN smtp_security TEXT;
        ALTER TABLE employees ADD COLUMN smtp_allow_plaintext_auth INTEGER;
        ALTER TABLE employees ADD COLUMN smtp_pinned_fingerprint TEXT;
        ALTER TABLE employees ADD COLUMN smtp_ca_file TEXT;
        UPDATE employees SET smtp_security = 'ssl', smtp_allow_plaintext_auth = 0,
            smtp_pinned_fingerprint = '', smtp_ca_file = '' WHERE smtp_host IS NOT NULL;
        CREATE TABLE history (
            id INTEGER PRIMARY KEY AUTOINCREMENT, at TEXT NOT NULL, account_key TEXT NOT NULL,
            account_label TEXT NOT NULL DEFAULT '', login_only INTEGER NOT NULL DEFAULT 0,
            ok INTEGER NOT NULL DEFAULT 0, code TEXT NOT NULL DEFAULT '', stage TEXT NOT NULL DEFAULT '',
            title TEXT NOT NULL DEFAULT '', host TEXT NOT NULL DEFAULT '', port INTEGER NOT NULL DEFAULT 0,
            security TEXT NOT NULL DEFAULT '', username TEXT NOT NULL DEFAULT '',
            sender TEXT NOT NULL DEFAULT '', recipient TEXT NOT NULL DEFAULT '',
            timings_json TEXT NOT NULL DEFAULT '{}', transcript_json TEXT NOT NULL DEFAULT '[]',
            elapsed_ms REAL NOT NULL DEFAULT 0
        );
        CREATE INDEX history_by_account ON history (account_key, at, id);
        INSERT INTO history (at, account_key, account_label, ok, code, title, host, port, elapsed_ms)
            VALUES ('2024-05-01T09:00:00.000000+00:00', 'smtp:employee:1', 'Anna Nowak', 1, 'ok',
                    'Wiadomość wysłana', 'smtp.lodz-nieruchomosci.pl', 465, 812.5);
        INSERT INTO employees (first_name, last_name, email) VALUES ('Tymczasowy', 'Pracownik', 't@x.pl');
        DELETE FROM employees WHERE first_name = 'Tymczasowy';
        PRAGMA user_version = 2;
        """
    )
    conn.close()


# --- files of smtpdesk 0.1 ------------------------------------------------------------------------


def test_a_version_1_file_is_upgraded_and_keeps_its_data(data_dir: Path) -> None:
    path = database_path(data_dir)
    write_v1(path)

    store = Store.open(data_dir)
    try:
        settings = store.load_settings()
        assert settings.company.name == "Biuro Nieruchomości Łódź"
        assert settings.company.logo == b"\x89PNG\r\n\x1a\n\x00\xff"
        assert settings.company.website == "https://lodz-nieruchomosci.pl"
        assert settings.contact_mode is ContactMode.COMPANY
        assert settings.giodo.password_change_days == 90
        assert settings.giodo.giodo_password_format is True
        assert settings.company_smtp == SmtpAccount(
            host="smtp.lodz-nieruchomosci.pl", port=587, username="biuro@lodz-nieruchomosci.pl"
        )
        assert settings.default_server is None
        assert store.list_employees() == [
            Employee(
                id=1,
                first_name="Anna",
                last_name="Nowak",
                email="anna@lodz-nieruchomosci.pl",
                phone="600 100 200",
                role=Role.ADMIN,
                smtp=SmtpAccount(
                    host="smtp.lodz-nieruchomosci.pl",
                    port=465,
                    username="anna@lodz-nieruchomosci.pl",
                    security=Security.AUTO,
                ),
            ),
            Employee(id=2, first_name="Jan", last_name="Kowalski", email="jan@lodz-nieruchomosci.pl"),
        ]
        # What version 1 could not store now works.
        anna = store.get_employee(1)
        assert anna is not None and anna.smtp is not None
        store.save_employee(
            Employee(
                id=1,
                first_name="Anna",
                smtp=anna.smtp.with_changes(security=Security.SSL, pinned_fingerprint="ef" * 32),
            )
        )
        store.add_history(HistoryEntry(account_key=employee_account(1), ok=True, code="ok"))
        assert store.get_employee(1).smtp.pinned_fingerprint == "ef" * 32  # type: ignore[union-attr]
        assert store.last_results()[employee_account(1)].code == "ok"
        backup = store.backup_path
    finally:
        store.close()

    # smtpdesk 0.1 reads user_version: it now refuses the file instead of misreading it.
    assert user_version(path) == SQLITE_USER_VERSION
    assert backups(data_dir) == [backup]
    assert backup is not None
    assert re.fullmatch(r"smtpdesk-\d{8}T\d{12}Z-before-v1\.sqlite3", backup.name)
    assert stat.S_IMODE(backup.stat().st_mode) == 0o600
    # The backup is the version 1 file as it was.
    assert user_version(backup) == 1
    conn = sqlite3.connect(backup)
    try:
        assert conn.execute("SELECT count(*) FROM employees").fetchone()[0] == 2
        assert "history" not in {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
    finally:
        conn.close()


def test_a_version_2_file_keeps_history_and_never_reuses_an_id(data_dir: Path) -> None:
    path = database_path(data_dir)
    v2_from_v1(path)
    with Store.open(data_dir) as store:
        [entry] = store.history()
        assert (entry.account_key, entry.ok, entry.code, entry.port) == ("smtp:employee:1", True, "ok", 465)
        assert entry.at.isoformat() == "2024-05-01T09:00:00+00:00"
        assert entry.elapsed_ms == 812.5
        anna = store.get_employee(1)
        assert anna is not None and anna.smtp is not None and anna.smtp.security is Security.SSL
        # Id 3 was handed out (and removed) by smtpdesk 0.1: nobody gets it again.
        newcomer = store.save_employee(Employee(first_name="Nowa", last_name="Osoba", email="n@x.pl"))
        assert newcomer.id == 4
        assert store.backup_path is not None and store.backup_path.name.endswith("-before-r0001.sqlite3")


@pytest.mark.parametrize("writer", [write_v1, v2_from_v1], ids=["v1", "v2"])
def test_an_upgraded_file_has_exactly_the_layout_of_a_new_one(data_dir: Path, writer) -> None:
    writer(database_path(data_dir))
    with Store.open(data_dir) as store:
        assert store._engine is not None
        assert layout_differences(store._engine) == []


def test_a_new_office_database_has_exactly_the_layout_of_the_program(any_store: Store) -> None:
    assert any_store._engine is not None
    assert layout_differences(any_store._engine) == []


def test_an_upgraded_file_is_not_upgraded_or_backed_up_again(data_dir: Path) -> None:
    write_v1(database_path(data_dir))
    Store.open(data_dir).close()
    again = Store.open(data_dir)
    again.close()
    assert again.backup_path is None
    assert len(backups(data_dir)) == 1


def test_the_backup_includes_what_was_still_in_the_write_ahead_log(data_dir: Path) -> None:
    path = database_path(data_dir)
    write_v1(path, wal=True)
    # The old program is still running with a change not yet copied into the main file.
    old_program = sqlite3.connect(path)
    try:
        old_program.execute("PRAGMA wal_autocheckpoint = 0")
        old_program.execute("UPDATE settings SET value = 'Nowa nazwa' WHERE key = 'company.name'")
        old_program.commit()
        old_program.close()
        with Store.open(data_dir) as store:
            assert store.load_settings().company.name == "Nowa nazwa"
            backup = store.backup_path
        assert backup is not None
        conn = sqlite3.connect(backup)
        try:
            name = conn.execute("SELECT value FROM settings WHERE key = 'company.name'").fetchone()[0]
        finally:
            conn.close()
        assert name == "Nowa nazwa"
    finally:
        old_program.close()


# --- refused ----------------------------------------------------------------------------------------


def _assert_refused_as_newer(
    caught: pytest.ExceptionInfo[NewerDatabaseError], where: str, found: str
) -> None:
    message = caught.value.message
    assert message.pl.startswith(
        f"Ustawienia w {where} zapisała nowsza wersja smtpdesk (wersja danych {found}"
    )
    assert f"ten program zna najwyżej {head_revision()}" in message.pl
    assert "Zainstaluj nowszą wersję programu" in message.pl
    assert "Install the newer version" in message.en
    assert isinstance(caught.value, StoreError)


def test_a_file_from_a_newer_program_is_refused_and_left_unchanged(data_dir: Path) -> None:
    path = database_path(data_dir)
    with Store.open(data_dir) as store:
        store.add_history(HistoryEntry(account_key=COMPANY_ACCOUNT))
    conn = sqlite3.connect(path)
    conn.execute("UPDATE alembic_version SET version_num = 'r9999'")
    conn.commit()
    conn.close()
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    count = len(backups(data_dir))

    with pytest.raises(NewerDatabaseError) as caught:
        Store.open(data_dir)

    _assert_refused_as_newer(caught, str(path), "r9999")
    assert hashlib.sha256(path.read_bytes()).hexdigest() == digest
    assert len(backups(data_dir)) == count


def test_a_file_with_a_newer_data_version_is_refused(data_dir: Path) -> None:
    path = database_path(data_dir)
    conn = sqlite3.connect(path)
    conn.executescript(V1_SCHEMA + "CREATE TABLE przyszlosc (x); PRAGMA user_version = 7;")
    conn.close()
    with pytest.raises(NewerDatabaseError) as caught:
        Store.open(data_dir)
    _assert_refused_as_newer(caught, str(path), "7")
    assert user_version(path) == 7


def test_an_office_database_of_a_newer_program_is_refused_and_left_unchanged(
    postgres_cluster: PostgresCluster,
) -> None:
    database = postgres_cluster.create_database()
    try:
        location = Location.parse(postgres_cluster.url(database))
        Store.connect(location, password=postgres_cluster.passwords[OWNER]).close()
        with postgres_cluster.admin(database) as conn:
            conn.execute("UPDATE alembic_version SET version_num = 'r9999'")
        with pytest.raises(NewerDatabaseError) as caught:
            Store.connect(location, password=postgres_cluster.passwords[OWNER])
        _assert_refused_as_newer(caught, location.display(), "r9999")
        with postgres_cluster.admin(database) as conn:
            found = conn.execute("SELECT version_num FROM alembic_version").fetchone()
        assert found == ("r9999",)
    finally:
        postgres_cluster.drop_database(database)


def test_another_programs_database_is_left_alone(data_dir: Path) -> None:
    path = database_path(data_dir)
    foreign = sqlite3.connect(path)
    foreign.execute("CREATE TABLE notatki (tekst TEXT)")
    foreign.commit()
    foreign.close()
    before = path.read_bytes()
    with pytest.raises(StoreError) as caught:
        Store.open(data_dir)
    assert "nie zawiera ustawień smtpdesk" in caught.value.message.pl
    assert path.read_bytes() == before


def test_a_failed_upgrade_leaves_the_file_as_it_was(data_dir: Path) -> None:
    path = database_path(data_dir)
    # A damaged version 1 file: one of the columns the upgrade adds is already there.
    conn = sqlite3.connect(path)
    conn.executescript(
        V1_SCHEMA + V1_DATA + "ALTER TABLE employees ADD COLUMN smtp_ca_file TEXT; PRAGMA user_version = 1;"
    )
    conn.close()

    with pytest.raises(StoreError) as caught:
        Store.open(data_dir)

    assert "Nie udało się zaktualizować ustawień" in caught.value.message.pl
    assert user_version(path) == 1
    assert len(backups(data_dir)) == 1
    assert str(backups(data_dir)[0]) in caught.value.message.pl
    conn = sqlite3.connect(path)
    try:
        columns = {row[1] for row in conn.execute("PRAGMA table_info(employees)")}
        tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master")}
        assert conn.execute("SELECT count(*) FROM employees").fetchone()[0] == 2
    finally:
        conn.close()
    assert "smtp_security" not in columns  # the first ALTER of the failed step was rolled back
    assert "history" not in tables and "alembic_version" not in tables


def test_a_new_file_needs_no_backup(data_dir: Path) -> None:
    with Store.open(data_dir) as store:
        assert store.backup_path is None
        store.add_history(HistoryEntry(account_key=COMPANY_ACCOUNT))
    assert backups(data_dir) == []
    assert user_version(database_path(data_dir)) == SQLITE_USER_VERSION


def test_two_desktops_opening_a_new_office_database_at_once_both_succeed(open_store: OpenStore) -> None:
    # The second one waits for the first one's set-up instead of creating the tables twice.
    import threading

    results: list[object] = []

    def opening() -> None:
        try:
            results.append(open_store())
        except BaseException as error:
            results.append(error)

    threads = [threading.Thread(target=opening) for _ in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert all(isinstance(r, Store) for r in results), results


def test_the_head_revision_known_without_alembic_is_the_newest_script():
    from smtpdesk.core.store.migrate import HEAD_REVISION, script_directory

    assert script_directory().get_current_head() == HEAD_REVISION


def test_opening_a_current_database_does_not_load_alembic(tmp_path):
    import subprocess
    import sys

    from smtpdesk.core.store import Store

    Store.open(tmp_path / "data").close()
    probe = (
        "import sys; from pathlib import Path; from smtpdesk.core.store import Store\n"
        f"Store.open(Path({str(tmp_path / 'data')!r})).close()\n"
        "print('alembic' in sys.modules)"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, timeout=60, check=True
    )
    assert done.stdout.strip() == "False"


def test_a_file_of_the_release_before_sign_in_gets_the_people_tables_and_keeps_its_oauth(
    data_dir: Path,
) -> None:
    from smtpdesk.core.people.accounts import People
    from smtpdesk.core.store.engines import make_engine
    from smtpdesk.core.store.migrate import create_at

    path = database_path(data_dir)
    data_dir.mkdir(parents=True, exist_ok=True)
    engine = make_engine(Location.sqlite(path))
    create_at(engine, "r0004", SQLITE_USER_VERSION)
    with engine.begin() as conn:  # what that release saved: an OAuth account and its app
        conn.execute(sa.text("UPDATE settings_oauth SET microsoft_client_id = 'app-1', version = 1"))
        conn.execute(
            sa.text(
                "UPDATE settings_company_smtp SET present = 1, host = 'smtp.office365.com', port = 587, "
                "username = 'biuro@firma.pl', auth_method = 'oauth_microsoft', version = 1"
            )
        )
    engine.dispose()

    with Store.open(data_dir) as store:
        settings = store.load_settings()
        assert settings.oauth.microsoft_client_id == "app-1"
        assert (
            settings.company_smtp is not None and settings.company_smtp.auth_method.value == "oauth_microsoft"
        )
        assert settings.idle_lock_minutes == 15 and not settings.agents_edit_own_smtp
        people = People(store)
        assert not people.has_any_password()  # the next start asks for the administrator
        admin = people.create_administrator("Ewa", "Zając", "ewa@firma.pl", "Mocne-Haslo-Biura-7")
        assert people.sign_in("ewa@firma.pl", "Mocne-Haslo-Biura-7").person == admin
        assert store.backup_path is not None and store.backup_path.name.endswith("-before-r0004.sqlite3")
    with sqlite3.connect(path) as raw:
        assert raw.execute("SELECT version_num FROM alembic_version").fetchone()[0] == "r0005"
