"""Opening a settings file written by an older or a newer version of the program."""

from __future__ import annotations

import hashlib
import re
import sqlite3
import stat
from pathlib import Path

import pytest

from smtpdesk.core.history import HistoryEntry
from smtpdesk.core.model import (
    COMPANY_ACCOUNT,
    AuthMethod,
    ContactMode,
    Employee,
    OAuthApps,
    Role,
    Security,
    SmtpAccount,
    employee_account,
)
from smtpdesk.core.store import NewerDatabaseError, Store, StoreError
from smtpdesk.core.store_schema import SCHEMA_VERSION
from smtpdesk.paths import database_path

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


def layout(path: Path) -> dict[str, list[tuple[object, ...]]]:
    """Tables and indexes with their columns, for comparing two files' layouts."""
    conn = sqlite3.connect(path)
    try:
        names = [
            row[0]
            for row in conn.execute(
                "SELECT name FROM sqlite_master WHERE type IN ('table', 'index') "
                "AND name NOT LIKE 'sqlite_%' ORDER BY name"
            )
        ]
        return {
            name: [tuple(row) for row in conn.execute(f"SELECT * FROM pragma_table_xinfo('{name}')")]
            for name in names
        }
    finally:
        conn.close()


def backups(directory: Path) -> list[Path]:
    return sorted(directory.glob("smtpdesk.sqlite3.bak-*"))


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

    assert user_version(path) == SCHEMA_VERSION == 3
    assert backups(data_dir) == [backup]
    assert backup is not None
    assert re.fullmatch(r"smtpdesk\.sqlite3\.bak-v1-\d{8}T\d{6}Z", backup.name)
    assert stat.S_IMODE(backup.stat().st_mode) == 0o600
    # The backup is the version 1 file as it was.
    assert user_version(backup) == 1
    conn = sqlite3.connect(backup)
    try:
        assert conn.execute("SELECT count(*) FROM employees").fetchone()[0] == 2
        assert "history" not in {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
    finally:
        conn.close()


def test_an_upgraded_file_has_exactly_the_layout_of_a_new_one(data_dir: Path, tmp_path: Path) -> None:
    write_v1(database_path(data_dir))
    Store.open(data_dir).close()
    fresh_dir = tmp_path / "fresh"
    Store.open(fresh_dir).close()
    assert layout(database_path(data_dir)) == layout(database_path(fresh_dir))


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


def test_a_file_from_a_newer_program_is_refused_and_left_unchanged(data_dir: Path) -> None:
    path = database_path(data_dir)
    conn = sqlite3.connect(path)
    conn.executescript(V1_SCHEMA + "CREATE TABLE przyszlosc (x); PRAGMA user_version = 4;")
    conn.close()
    digest = hashlib.sha256(path.read_bytes()).hexdigest()

    with pytest.raises(NewerDatabaseError) as caught:
        Store.open(data_dir)

    message = caught.value.message
    assert message.pl.startswith(f"Plik ustawień {path} zapisała nowsza wersja smtpdesk (wersja danych 4")
    assert "ten program zna najwyżej 3" in message.pl
    assert "Zainstaluj nowszą wersję programu" in message.pl
    assert "Install the newer version" in message.en
    assert isinstance(caught.value, StoreError)
    assert hashlib.sha256(path.read_bytes()).hexdigest() == digest
    assert user_version(path) == 4
    assert backups(data_dir) == []


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

    assert "Nie udało się zaktualizować pliku ustawień" in caught.value.message.pl
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
    assert "history" not in tables


def test_a_new_file_needs_no_backup(data_dir: Path) -> None:
    with Store.open(data_dir) as store:
        assert store.backup_path is None
        store.add_history(HistoryEntry(account_key=COMPANY_ACCOUNT))
    assert backups(data_dir) == []
    assert user_version(database_path(data_dir)) == SCHEMA_VERSION


# Version 2 added the employees' security columns and the history; spelled out as it was written.
V2_EMPLOYEES = """
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
    smtp_username TEXT,
    smtp_security TEXT,
    smtp_allow_plaintext_auth INTEGER,
    smtp_pinned_fingerprint TEXT,
    smtp_ca_file TEXT
);
INSERT INTO settings (key, value) VALUES
    ('company_smtp.host', 'smtp.office365.com'),
    ('company_smtp.port', 587),
    ('company_smtp.username', 'biuro@firma.pl');
INSERT INTO employees (first_name, email, smtp_host, smtp_port, smtp_username, smtp_security,
                       smtp_allow_plaintext_auth, smtp_pinned_fingerprint, smtp_ca_file) VALUES
    ('Anna', 'anna@firma.pl', 'smtp.office365.com', 587, 'anna@firma.pl', 'starttls', 0, '', ''),
    ('Jan', 'jan@firma.pl', NULL, NULL, NULL, NULL, NULL, NULL, NULL);
"""


def test_a_version_2_file_gets_password_sign_in_for_every_account(data_dir: Path, tmp_path: Path) -> None:
    path = database_path(data_dir)
    conn = sqlite3.connect(path)
    conn.executescript(
        V2_EMPLOYEES
        + """CREATE TABLE history (
            id INTEGER PRIMARY KEY AUTOINCREMENT, at TEXT NOT NULL, account_key TEXT NOT NULL,
            account_label TEXT NOT NULL DEFAULT '', login_only INTEGER NOT NULL DEFAULT 0,
            ok INTEGER NOT NULL DEFAULT 0, code TEXT NOT NULL DEFAULT '', stage TEXT NOT NULL DEFAULT '',
            title TEXT NOT NULL DEFAULT '', host TEXT NOT NULL DEFAULT '', port INTEGER NOT NULL DEFAULT 0,
            security TEXT NOT NULL DEFAULT '', username TEXT NOT NULL DEFAULT '',
            sender TEXT NOT NULL DEFAULT '', recipient TEXT NOT NULL DEFAULT '',
            timings_json TEXT NOT NULL DEFAULT '{}', transcript_json TEXT NOT NULL DEFAULT '[]',
            elapsed_ms REAL NOT NULL DEFAULT 0);
        CREATE INDEX history_by_account ON history (account_key, at, id);
        PRAGMA user_version = 2;"""
    )
    conn.close()

    with Store.open(data_dir) as store:
        settings = store.load_settings()
        anna, jan = store.list_employees()
        backup = store.backup_path
        store.save_employee(
            Employee(
                id=anna.id,
                first_name="Anna",
                smtp=anna.smtp.with_changes(  # type: ignore[union-attr]
                    auth_method=AuthMethod.OAUTH_MICROSOFT
                ),
            )
        )
        assert store.get_employee(anna.id).smtp.auth_method is AuthMethod.OAUTH_MICROSOFT  # type: ignore[arg-type, union-attr]

    assert backup is not None and backup.name.startswith("smtpdesk.sqlite3.bak-v2-")
    assert user_version(path) == 3
    assert settings.company_smtp is not None
    assert settings.company_smtp.auth_method is AuthMethod.PASSWORD
    assert settings.oauth == OAuthApps()
    assert anna.smtp is not None and anna.smtp.auth_method is AuthMethod.PASSWORD
    assert jan.smtp is None
    fresh_dir = tmp_path / "fresh"
    Store.open(fresh_dir).close()
    assert layout(path) == layout(database_path(fresh_dir))
