"""The settings file: what is saved comes back, after a restart too, and nothing secret is in it."""

from __future__ import annotations

import base64
import dataclasses
import os
import sqlite3
import stat
import threading
from dataclasses import replace
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from smtpdesk.core.history import HistoryEntry
from smtpdesk.core.model import (
    COMPANY_ACCOUNT,
    DEFAULT_ACCOUNT,
    AuthMethod,
    Company,
    ContactMode,
    Employee,
    Giodo,
    OAuthApps,
    OfficeSettings,
    Role,
    Security,
    SmtpAccount,
    employee_account,
)
from smtpdesk.core.secrets import SecretStore
from smtpdesk.core.store import HISTORY_KEEP_PER_ACCOUNT, Store, StoreError
from smtpdesk.core.store_schema import EMPLOYEE_COLUMNS, SETTINGS_KEYS
from smtpdesk.paths import database_path
from tests.fixtures.keyring_backends import MemoryKeyring

LOGO = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256))
T0 = datetime(2024, 5, 1, 9, 0, tzinfo=timezone.utc)


def full_settings() -> OfficeSettings:
    """Every field set to something other than its default."""
    return OfficeSettings(
        company=Company(
            name="Nieruchomości Źródło Sp. z o.o.",
            address="ul. Żółkiewskiego 5/3\n90-001 Łódź",
            phone="+48 42 123 45 67",
            email="biuro@źródło.pl",
            website="https://www.zrodlo.pl",
            logo=LOGO,
            logo_mime="image/png",
        ),
        contact_mode=ContactMode.COMPANY,
        company_smtp=SmtpAccount(
            host="smtp.zrodlo.pl",
            port=465,
            username="biuro@zrodlo.pl",
            security=Security.SSL,
            allow_plaintext_auth=True,
            pinned_fingerprint="ab" * 32,
            ca_file="/etc/ssl/zrodlo-ca.pem",
            auth_method=AuthMethod.OAUTH_MICROSOFT,
        ),
        giodo=Giodo(password_change_days=30, giodo_password_format=True, hide_client_contacts=True),
        oauth=OAuthApps(
            microsoft_client_id="0b1c2d3e-aaaa-bbbb-cccc-000000000001",
            microsoft_tenant="zrodlo.onmicrosoft.com",
            microsoft_authority="https://login.microsoftonline.us",
            google_client_id="1234-abc.apps.googleusercontent.com",
            google_authority="https://accounts.example.test",
            ca_file="/etc/ssl/proxy-ca.pem",
        ),
        default_server=SmtpAccount(
            host="relay.dostawca.pl",
            port=25,
            username="",
            security=Security.NONE,
            allow_plaintext_auth=False,
            pinned_fingerprint="",
            ca_file="",
        ),
        default_server_sender="powiadomienia@dostawca.pl",
    )


def agent(first: str = "Anna", last: str = "Nowak", *, own_smtp: bool = True) -> Employee:
    return Employee(
        first_name=first,
        last_name=last,
        email=f"{first.lower()}@zrodlo.pl",
        phone="600 700 800",
        role=Role.AGENT,
        smtp=SmtpAccount(
            host="smtp.zrodlo.pl",
            port=587,
            username=f"{first.lower()}@zrodlo.pl",
            security=Security.STARTTLS,
            allow_plaintext_auth=False,
            pinned_fingerprint="cd" * 32,
            ca_file="/home/anna/ca.pem",
        )
        if own_smtp
        else None,
    )


def run(key: str, at: datetime, *, ok: bool = True, label: str = "Anna Nowak") -> HistoryEntry:
    return HistoryEntry(
        at=at,
        account_key=key,
        account_label=label,
        login_only=not ok,
        ok=ok,
        code="ok" if ok else "auth_failed",
        stage="quit" if ok else "auth",
        title="Wiadomość wysłana" if ok else "Serwer odrzucił login lub hasło",
        host="smtp.zrodlo.pl",
        port=587,
        security="starttls",
        username="anna@zrodlo.pl",
        sender="anna@zrodlo.pl",
        recipient="klient@example.pl",
        timings_ms={"connect": 10.5, "tls": 20.25},
        transcript=[{"dir": "server", "text": "250 2.0.0 Ok: przyjęto", "t_ms": 99.9}],
        elapsed_ms=150.5,
    )


def raw_sql(store: Store, statement: str) -> None:
    """Change the file behind the store's back, through a connection of its own."""
    conn = sqlite3.connect(store.path)
    try:
        conn.execute(statement)
        conn.commit()
    finally:
        conn.close()


def raw_bytes(directory: Path) -> bytes:
    """Everything SQLite wrote: the database, its WAL and shared-memory files, and any backup."""
    return b"".join(p.read_bytes() for p in sorted(directory.iterdir()) if p.is_file())


# --- a fresh file ---------------------------------------------------------------------------------


def test_a_fresh_file_is_empty_and_not_configured(store: Store, data_dir: Path) -> None:
    assert store.path == database_path(data_dir)
    assert store.path.exists()
    assert not store.is_configured()
    assert store.load_settings() == OfficeSettings()
    assert store.list_employees() == []
    assert store.history() == []
    assert store.last_results() == {}


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
    other = sqlite3.connect(store.path)
    try:
        assert other.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    finally:
        other.close()


# --- settings -------------------------------------------------------------------------------------


def test_every_settings_field_round_trips(store: Store) -> None:
    settings = full_settings()
    store.save_settings(settings)
    assert store.is_configured()
    loaded = store.load_settings()
    assert loaded == settings
    assert loaded.company.logo == LOGO


def test_the_schema_covers_every_field_of_the_model() -> None:
    # A field added to the model without a place in the database would silently not be saved.
    expected = {f"company.{f.name}" for f in dataclasses.fields(Company)}
    expected |= {f"giodo.{f.name}" for f in dataclasses.fields(Giodo)}
    for section in ("company_smtp", "default_server"):
        expected |= {f"{section}.{f.name}" for f in dataclasses.fields(SmtpAccount)}
    expected |= {f"oauth.{f.name}" for f in dataclasses.fields(OAuthApps)}
    expected |= {"contact_mode", "default_server_sender"}
    assert set(SETTINGS_KEYS) == expected
    assert {f.name for f in dataclasses.fields(OfficeSettings)} == {
        "company",
        "contact_mode",
        "company_smtp",
        "giodo",
        "default_server",
        "oauth",
        "default_server_sender",
    }
    employee_fields = {f.name for f in dataclasses.fields(Employee)} - {"id", "smtp"}
    account_fields = {f"smtp_{f.name}" for f in dataclasses.fields(SmtpAccount)}
    assert set(EMPLOYEE_COLUMNS) == employee_fields | account_fields


def test_saving_again_replaces_and_removing_an_account_clears_it(store: Store) -> None:
    store.save_settings(full_settings())
    changed = dataclasses.replace(
        full_settings(),
        company=Company(name="Inna firma"),
        company_smtp=None,
        default_server=None,
        contact_mode=ContactMode.AGENT,
    )
    store.save_settings(changed)
    assert store.load_settings() == changed
    assert store.load_settings().company.logo is None


def test_an_account_with_an_empty_server_stays_an_account(store: Store) -> None:
    settings = OfficeSettings(company_smtp=SmtpAccount(host="", username="biuro@zrodlo.pl"))
    store.save_settings(settings)
    assert store.load_settings() == settings


def test_a_failed_save_changes_nothing(store: Store) -> None:
    before = full_settings()
    store.save_settings(before)
    # The disk refuses the last value of the save (a real SQLite failure, raised by a trigger).
    raw_sql(
        store,
        "CREATE TRIGGER refuse BEFORE UPDATE ON settings WHEN NEW.key = 'default_server.ca_file' "
        "BEGIN SELECT RAISE(ABORT, 'disk I/O error'); END",
    )
    after = dataclasses.replace(before, company=Company(name="Zmieniona"), giodo=Giodo())
    with pytest.raises(StoreError) as caught:
        store.save_settings(after)
    assert caught.value.message.pl.startswith("Nie udało się zapisać zmian w pliku ustawień")
    assert "Nic nie zostało zmienione" in str(caught.value)
    assert store.load_settings() == before


def test_a_value_that_cannot_be_stored_stops_the_save_before_any_write(store: Store) -> None:
    store.save_settings(full_settings())
    wrong_type = Giodo(password_change_days="7")  # type: ignore[arg-type]
    bad = dataclasses.replace(full_settings(), company=Company(name="Nowa"), giodo=wrong_type)
    with pytest.raises(TypeError):
        store.save_settings(bad)
    assert store.load_settings() == full_settings()


def test_unreadable_values_fall_back_to_defaults(store: Store) -> None:
    store.save_settings(full_settings())
    # As if edited by hand or written by a program that knew other values.
    raw_sql(store, "UPDATE settings SET value = 'tls13' WHERE key = 'company_smtp.security'")
    raw_sql(store, "UPDATE settings SET value = 'dużo' WHERE key = 'company_smtp.port'")
    loaded = store.load_settings()
    assert loaded.company_smtp is not None
    assert loaded.company_smtp.security is Security.AUTO
    assert loaded.company_smtp.port == 587
    assert loaded.company_smtp.host == "smtp.zrodlo.pl"


# --- restart --------------------------------------------------------------------------------------


def test_a_restart_shows_what_was_saved(data_dir: Path) -> None:
    first = Store.open(data_dir)
    first.save_settings(full_settings())
    anna = first.save_employee(agent())
    first.add_history(run(employee_account(anna.id or 0), T0))
    first.close()

    second = Store.open(data_dir)
    try:
        assert second.is_configured()
        assert second.load_settings() == full_settings()
        assert second.list_employees() == [anna]
        assert [e.account_key for e in second.history()] == [employee_account(anna.id or 0)]
        assert second.backup_path is None  # no migration, no backup
    finally:
        second.close()


def test_a_second_store_sees_changes_while_the_first_is_open(store: Store, data_dir: Path) -> None:
    other = Store.open(data_dir)
    try:
        store.save_settings(full_settings())
        assert other.load_settings() == full_settings()
    finally:
        other.close()


# --- passwords ------------------------------------------------------------------------------------


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


# --- employees ------------------------------------------------------------------------------------


def test_employees_round_trip_with_and_without_own_account(store: Store) -> None:
    anna = store.save_employee(agent("Anna", "Nowak"))
    jan = store.save_employee(
        Employee(first_name="Jan", last_name="Żółć", email="", phone="", role=Role.ADMIN, smtp=None)
    )
    assert anna.id is not None and jan.id is not None and anna.id != jan.id
    assert store.is_configured()
    assert store.list_employees() == [anna, jan]
    assert store.get_employee(jan.id) == jan
    assert store.get_employee(anna.id) == anna
    assert store.get_employee(9999) is None


def test_an_employee_can_be_edited(store: Store) -> None:
    anna = store.save_employee(agent())
    assert anna.id is not None
    edited = dataclasses.replace(anna, last_name="Kowalska", role=Role.ADMIN, smtp=None)
    assert store.save_employee(edited) == edited
    assert store.get_employee(anna.id) == edited
    assert len(store.list_employees()) == 1


def test_delete_employee_removes_them_and_their_history(store: Store) -> None:
    anna = store.save_employee(agent("Anna"))
    jan = store.save_employee(agent("Jan"))
    assert anna.id is not None and jan.id is not None
    store.add_history(run(employee_account(anna.id), T0))
    store.add_history(run(employee_account(jan.id), T0))

    store.delete_employee(anna.id)

    assert store.list_employees() == [jan]
    assert store.get_employee(anna.id) is None
    assert [e.account_key for e in store.history()] == [employee_account(jan.id)]
    store.delete_employee(anna.id)  # already gone: nothing happens


def test_a_removed_employees_id_is_never_given_to_someone_new(store: Store) -> None:
    # The keychain entry is keyed by the id; a reused id could inherit someone else's password.
    last = store.save_employee(agent("Ostatni"))
    assert last.id is not None
    store.delete_employee(last.id)
    newcomer = store.save_employee(agent("Nowy"))
    assert newcomer.id is not None and newcomer.id > last.id


def test_saving_an_employee_removed_meanwhile_keeps_their_id(store: Store, data_dir: Path) -> None:
    anna = store.save_employee(agent())
    assert anna.id is not None
    with Store.open(data_dir) as other:
        other.delete_employee(anna.id)
    assert store.save_employee(anna) == anna
    assert store.get_employee(anna.id) == anna


# --- history --------------------------------------------------------------------------------------


def test_history_is_listed_newest_first(store: Store) -> None:
    key_a, key_b = employee_account(1), COMPANY_ACCOUNT
    first = store.add_history(run(key_a, T0, ok=False))
    second = store.add_history(run(key_b, T0 + timedelta(minutes=1), label="Konto firmowe"))
    third = store.add_history(run(key_a, T0 + timedelta(minutes=2)))
    # Recorded later but ran earlier (e.g. a slow check finishing last): sorted by time.
    oldest = store.add_history(run(key_b, T0 - timedelta(hours=1), ok=False, label="Konto firmowe"))

    assert [e.id for e in store.history()] == [third, second, first, oldest]
    assert [e.id for e in store.history(key_a)] == [third, first]
    assert [e.id for e in store.history(limit=2)] == [third, second]
    assert store.history("smtp:employee:404") == []


def test_a_cancelled_run_is_history_but_never_the_last_result(store: Store) -> None:
    key = employee_account(1)
    failed = store.add_history(run(key, T0, ok=False))
    cancelled = replace(run(key, T0 + timedelta(minutes=1)), code="cancelled", ok=False, stage="greeting")
    store.add_history(cancelled)
    only_cancelled = replace(cancelled, account_key=COMPANY_ACCOUNT)
    store.add_history(only_cancelled)

    assert [e.code for e in store.history(key)] == ["cancelled", "auth_failed"]
    last = store.last_result(key)
    assert last is not None and last.id == failed
    assert store.last_result(COMPANY_ACCOUNT) is None
    assert {k: e.id for k, e in store.last_results().items()} == {key: failed}


def test_a_history_entry_round_trips(store: Store) -> None:
    entry = run(COMPANY_ACCOUNT, T0, ok=False, label="Konto firmowe Łódź")
    entry_id = store.add_history(entry)
    assert store.history() == [dataclasses.replace(entry, id=entry_id)]


def test_last_results_has_the_newest_run_of_every_account(store: Store) -> None:
    store.add_history(run(COMPANY_ACCOUNT, T0, ok=True))
    latest_company = store.add_history(run(COMPANY_ACCOUNT, T0 + timedelta(seconds=5), ok=False))
    latest_anna = store.add_history(run(employee_account(1), T0))
    last = store.last_results()
    assert set(last) == {COMPANY_ACCOUNT, employee_account(1)}
    assert last[COMPANY_ACCOUNT].id == latest_company
    assert last[COMPANY_ACCOUNT].ok is False
    assert last[employee_account(1)].id == latest_anna


def test_clear_history_of_one_account_or_all(store: Store) -> None:
    store.add_history(run(COMPANY_ACCOUNT, T0))
    store.add_history(run(employee_account(1), T0))
    store.clear_history(COMPANY_ACCOUNT)
    assert [e.account_key for e in store.history()] == [employee_account(1)]
    store.clear_history()
    assert store.history() == []
    assert store.last_results() == {}


def test_history_of_one_account_is_capped(store: Store) -> None:
    for i in range(HISTORY_KEEP_PER_ACCOUNT + 5):
        store.add_history(run(COMPANY_ACCOUNT, T0 + timedelta(seconds=i)))
    store.add_history(run(employee_account(1), T0))
    kept = store.history(COMPANY_ACCOUNT, limit=HISTORY_KEEP_PER_ACCOUNT + 100)
    assert len(kept) == HISTORY_KEEP_PER_ACCOUNT
    assert kept[-1].at == T0 + timedelta(seconds=5)  # the oldest ones went
    assert len(store.history(employee_account(1))) == 1


# --- threads and errors ---------------------------------------------------------------------------


def test_concurrent_writes_from_worker_threads(store: Store) -> None:
    errors: list[BaseException] = []
    start = threading.Barrier(8, timeout=5)

    def work(n: int) -> None:
        try:
            start.wait()
            for i in range(15):
                saved = store.save_employee(agent(f"Agent{n}", f"Nr{i}"))
                assert saved.id is not None
                store.add_history(run(employee_account(saved.id), T0 + timedelta(seconds=i)))
                store.last_results()
                if i % 5 == 0:
                    store.save_settings(
                        dataclasses.replace(full_settings(), company=Company(name=f"Firma {n}"))
                    )
        except BaseException as error:  # reported to the main thread below
            errors.append(error)

    threads = [threading.Thread(target=work, args=(n,)) for n in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert errors == []
    employees = store.list_employees()
    assert len(employees) == 120
    assert len({e.id for e in employees}) == 120
    assert len(store.history(limit=1000)) == 120
    assert store.load_settings().company.name.startswith("Firma ")


def test_a_closed_store_says_so(data_dir: Path) -> None:
    s = Store.open(data_dir)
    s.close()
    s.close()  # closing twice is fine
    with pytest.raises(StoreError) as caught:
        s.load_settings()
    assert caught.value.message.pl == "Plik ustawień został już zamknięty"


def test_a_file_that_is_not_a_database_is_refused_clearly(data_dir: Path) -> None:
    path = database_path(data_dir)
    path.write_bytes(b"To nie jest baza danych, tylko notatka.\n" * 100)
    with pytest.raises(StoreError) as caught:
        Store.open(data_dir)
    assert caught.value.message.pl.startswith(f"Nie można otworzyć pliku ustawień {path}")


def test_another_programs_database_is_left_alone(data_dir: Path) -> None:
    path = database_path(data_dir)
    foreign = sqlite3.connect(path)
    foreign.execute("CREATE TABLE notatki (tekst TEXT)")
    foreign.commit()
    foreign.close()
    before = path.read_bytes()
    with pytest.raises(StoreError) as caught:
        Store.open(data_dir)
    assert "nie jest plikiem ustawień smtpdesk" in caught.value.message.pl
    assert path.read_bytes() == before
