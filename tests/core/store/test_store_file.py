"""What only the local SQLite file does: private file modes, WAL, hand-edited values, atomic
creation, and never a password inside."""

from __future__ import annotations

import base64
import dataclasses
import os
import sqlite3
import stat
from pathlib import Path

import pytest

from smtpdesk.core.model import (
    COMPANY_ACCOUNT,
    DEFAULT_ACCOUNT,
    Company,
    Giodo,
    Role,
    Security,
    employee_account,
)
from smtpdesk.core.secrets import SecretStore
from smtpdesk.core.store import Store, StoreError
from smtpdesk.paths import database_path
from tests.fixtures.keyring_backends import MemoryKeyring
from tests.fixtures.samples import T0, agent, full_settings, run


def raw_sql(store: Store, statement: str) -> None:
    """Changes the file behind the store's back, through a connection of its own."""
    assert store.path is not None
    conn = sqlite3.connect(store.path)
    try:
        conn.execute(statement)
        conn.commit()
    finally:
        conn.close()


def raw_bytes(directory: Path) -> bytes:
    """Everything SQLite wrote: the database, its WAL and shared-memory files, and any backup."""
    return b"".join(p.read_bytes() for p in sorted(directory.rglob("*")) if p.is_file())


def test_a_fresh_file_is_in_the_data_folder(store: Store, data_dir: Path) -> None:
    assert store.path == database_path(data_dir)
    assert store.path.exists()
    assert sorted(p.name for p in data_dir.iterdir() if not p.name.endswith(("-wal", "-shm"))) == [
        "smtpdesk.sqlite3"
    ]


def test_the_file_is_private_even_with_a_permissive_umask(tmp_path: Path) -> None:
    directory = tmp_path / "nowy" / "folder"
    old_umask = os.umask(0)
    try:
        s = Store.open(directory)
        s.save_settings(full_settings())  # makes SQLite create its -wal and -shm files
        files = sorted(p.name for p in directory.iterdir())
        modes = {p.name: stat.S_IMODE(p.stat().st_mode) for p in directory.iterdir()}
        s.close()
    finally:
        os.umask(old_umask)
    assert stat.S_IMODE(directory.stat().st_mode) == 0o700
    assert "smtpdesk.sqlite3-wal" in files
    assert modes == {name: 0o600 for name in files}


def test_an_existing_file_readable_by_others_is_made_private(data_dir: Path) -> None:
    Store.open(data_dir).close()
    path = database_path(data_dir)
    path.chmod(0o644)
    Store.open(data_dir).close()
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_the_file_runs_in_wal_mode(store: Store) -> None:
    assert store.path is not None
    other = sqlite3.connect(store.path)
    try:
        assert other.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    finally:
        other.close()


def test_a_failed_save_changes_nothing(store: Store) -> None:
    before = full_settings()
    store.save_settings(before)
    # The disk refuses the last part of the save (a real SQLite failure, raised by a trigger).
    raw_sql(
        store,
        "CREATE TRIGGER refuse BEFORE UPDATE ON settings_giodo "
        "BEGIN SELECT RAISE(ABORT, 'disk I/O error'); END",
    )
    after = dataclasses.replace(before, company=Company(name="Zmieniona"), giodo=Giodo())
    with pytest.raises(StoreError) as caught:
        store.save_settings(after, base=before)
    assert caught.value.message.pl.startswith(f"Nie udało się zapisać zmian w {store.path}: disk I/O error")
    assert "Nic nie zostało zmienione" in str(caught.value)
    assert store.load_settings() == before
    assert [c.field for c in store.changes_after(0) if c.new == "Zmieniona"] == []


def test_unreadable_values_fall_back_to_defaults(store: Store) -> None:
    store.save_settings(full_settings())
    # As if edited by hand or written by a program that knew other values.
    raw_sql(store, "UPDATE settings_company_smtp SET security = 'tls13', port = 'dużo'")
    loaded = store.load_settings()
    assert loaded.company_smtp is not None
    assert loaded.company_smtp.security is Security.AUTO
    assert loaded.company_smtp.port == 587
    assert loaded.company_smtp.host == "smtp.zrodlo.pl"


def test_unreadable_employee_values_fall_back_to_defaults(store: Store) -> None:
    anna = agent()
    assert anna.smtp is not None
    saved = store.save_employee(dataclasses.replace(anna, smtp=dataclasses.replace(anna.smtp, port=465)))
    raw_sql(
        store,
        "UPDATE employees SET role = 'szef', first_name = x'07', smtp_port = 'dużo', smtp_security = 'tls13'",
    )
    assert saved.id is not None and saved.smtp is not None
    loaded = store.get_employee(saved.id)
    assert loaded == dataclasses.replace(
        saved,
        role=Role.AGENT,
        first_name="",
        smtp=dataclasses.replace(saved.smtp, port=587, security=Security.AUTO),
    )
    assert store.list_employees() == [loaded]


def test_the_command_line_never_creates_a_folder_or_a_file(tmp_path: Path) -> None:
    missing = tmp_path / "literowka"
    with pytest.raises(StoreError) as caught:
        Store.open(missing, create=False)
    assert "nie istnieje" in caught.value.message.pl and str(missing) in caught.value.message.pl
    assert not missing.exists()
    empty_folder = tmp_path / "pusty"
    empty_folder.mkdir()
    with pytest.raises(StoreError) as caught:
        Store.open(empty_folder, create=False)
    assert "nie ma pliku ustawień" in caught.value.message.pl
    assert list(empty_folder.iterdir()) == []


def test_passwords_are_never_in_the_files(
    store: Store, data_dir: Path, memory_keyring: MemoryKeyring
) -> None:
    secrets = SecretStore()
    company_password = "Tajne-Hasło-Źródła-2024"
    anna_password = "anna-ŁÓDŹ-pass-77"
    default_password = "relay-secret-9"

    store.save_settings(full_settings())
    secrets.set(COMPANY_ACCOUNT, company_password)
    secrets.set(DEFAULT_ACCOUNT, default_password)
    anna = store.save_employee(agent())
    assert anna.id is not None
    secrets.set(employee_account(anna.id), anna_password)
    store.add_history(run(employee_account(anna.id), T0))

    # The passwords are saved: in the keychain.
    assert len(memory_keyring.entries) == 3
    content = raw_bytes(data_dir)
    assert b"smtp.zrodlo.pl" in content  # the files hold the settings…
    for password, login in (
        (company_password, "biuro@zrodlo.pl"),
        (anna_password, "anna@zrodlo.pl"),
        (default_password, ""),
    ):
        forms = [
            password.encode("utf-8"),
            password.encode("utf-16-le"),
            base64.b64encode(password.encode("utf-8")),
            base64.b64encode(f"\0{login}\0{password}".encode()),  # AUTH PLAIN
        ]
        for form in forms:
            assert form not in content  # …but no password in any form


def test_a_hand_edited_yes_no_value_is_never_guessed_as_yes(store: Store) -> None:
    # "tak" in the switch that lets a password go unencrypted must not read as "allowed".
    store.save_employee(agent())
    raw_sql(store, "UPDATE employees SET smtp_allow_plaintext_auth = 'tak'")
    raw_sql(store, "UPDATE settings_company_smtp SET allow_plaintext_auth = 'yes', present = 1")
    [employee] = store.list_employees()
    assert employee.smtp is not None and employee.smtp.allow_plaintext_auth is False
    company = store.load_settings().company_smtp
    assert company is not None and company.allow_plaintext_auth is False
