"""Moving an office onto a shared PostgreSQL database and joining it from another desktop: the
settings, the history and the SMTP passwords go along, and the database alone reveals no password."""

from __future__ import annotations

import base64
from collections.abc import Iterator
from pathlib import Path

import keyring
import pytest

from smtpdesk.core.model import COMPANY_ACCOUNT, AuthMethod, employee_account
from smtpdesk.core.people.accounts import People
from smtpdesk.core.secrets import SecretState, SecretStore
from smtpdesk.core.store import Location, Store, StoreError
from smtpdesk.core.store.choice import choose, saved_location
from smtpdesk.core.store.office import join_office, leave_office, move_to_office, open_location
from smtpdesk.core.store.office_key import OfficeKey, OfficeKeyError
from smtpdesk.core.store.office_secrets import OfficeSecretStore
from tests.fixtures.keyring_backends import MemoryKeyring
from tests.fixtures.postgres import OWNER, PostgresCluster
from tests.fixtures.samples import T0, agent, full_settings, run

COMPANY_PASSWORD = "Firmowe-Hasło-Źródła-2026"
ADMIN_FIRST_PASSWORD = "Pierwsze-Hasło-1"
ADMIN_PASSWORD = "Drugie-Hasło-2"
ANNA_PASSWORD = "anna-ŁÓDŹ-77"


@pytest.fixture
def office_location(postgres_cluster: PostgresCluster) -> Iterator[Location]:
    database = postgres_cluster.create_database()
    yield Location.parse(postgres_cluster.url(database))
    postgres_cluster.drop_database(database)


@pytest.fixture
def db_password(postgres_cluster: PostgresCluster) -> str:
    return postgres_cluster.passwords[OWNER]


def local_office(store: Store, secrets: SecretStore) -> int:
    store.save_settings(full_settings())
    anna = store.save_employee(agent())
    removed = store.save_employee(agent("Usunięty"))
    assert anna.id is not None and removed.id is not None
    store.delete_employee(removed.id)
    store.add_history(run(employee_account(anna.id), T0))
    secrets.set(COMPANY_ACCOUNT, COMPANY_PASSWORD)
    secrets.set(employee_account(anna.id), ANNA_PASSWORD)
    return anna.id


def another_desktop(memory_keyring: MemoryKeyring) -> MemoryKeyring:
    """A second computer: its own, empty keychain."""
    other = MemoryKeyring()
    keyring.set_keyring(other)
    return other


def test_moving_the_office_takes_everything_along(
    store: Store, secrets: SecretStore, office_location: Location, db_password: str
) -> None:
    anna_id = local_office(store, secrets)
    opened, key = move_to_office(store, secrets, office_location, db_password)
    try:
        office = opened.store
        assert office.load_settings() == full_settings()
        assert office.list_employees() == store.list_employees()
        assert [e.account_key for e in office.history()] == [employee_account(anna_id)]
        copied = [r for r in office.changes_after(0) if r.kind != "secret"]
        assert [(r.field, r.new) for r in copied] == [(r.field, r.new) for r in store.changes_after(0)]
        # The passwords' arrival is in the log too, never their values.
        assert {(r.subject, r.old, r.new) for r in office.changes_after(0) if r.kind == "secret"} == {
            (COMPANY_ACCOUNT, None, None),
            (employee_account(anna_id), None, None),
        }
        # New employees never take an id the local file had already handed out.
        newcomer = office.save_employee(agent("Nowa"))
        assert newcomer.id is not None and newcomer.id > anna_id + 1
        assert isinstance(opened.secrets, OfficeSecretStore)
        assert opened.secrets.get(COMPANY_ACCOUNT) == COMPANY_PASSWORD
        assert opened.secrets.get(employee_account(anna_id)) == ANNA_PASSWORD
        assert opened.secrets.state(COMPANY_ACCOUNT) is SecretState.STORED
        assert len(key.code()) == 39
        # This desktop remembers the database (without its password) and keeps both secrets.
        assert saved_location() == office_location
        assert secrets.get(office_location.secret_key()) == db_password
    finally:
        opened.store.close()


def test_moving_the_office_keeps_its_sign_ins_and_its_oauth_settings(
    store: Store, secrets: SecretStore, office_location: Location, db_password: str
) -> None:
    local_office(store, secrets)
    people = People(store)
    admin = people.create_administrator("Ewa", "Zając", "ewa@zrodlo.pl", ADMIN_FIRST_PASSWORD)
    people.change_password(admin, ADMIN_PASSWORD, current=ADMIN_FIRST_PASSWORD)
    opened, _key = move_to_office(store, secrets, office_location, db_password)
    try:
        office = opened.store
        settings = office.load_settings()
        assert settings.company_smtp is not None
        assert settings.company_smtp.auth_method is AuthMethod.OAUTH_MICROSOFT
        assert settings.oauth.microsoft_tenant == "zrodlo.onmicrosoft.com"
        assert settings.agents_edit_own_smtp and settings.idle_lock_minutes == 5
        moved = People(office)
        assert moved.sign_in("ewa@zrodlo.pl", ADMIN_PASSWORD).person == admin
        assert moved.sign_in("ewa@zrodlo.pl", ADMIN_FIRST_PASSWORD).person is None
        # The password history came along: the first password may not come back.
        assert moved.password_problems(admin, ADMIN_FIRST_PASSWORD, giodo=True)
    finally:
        opened.store.close()


def test_the_database_alone_reveals_no_password(
    store: Store,
    secrets: SecretStore,
    office_location: Location,
    db_password: str,
    postgres_cluster: PostgresCluster,
) -> None:
    local_office(store, secrets)
    opened, _key = move_to_office(store, secrets, office_location, db_password)
    opened.store.close()
    with postgres_cluster.admin(office_location.database) as conn:
        conn.execute("CHECKPOINT")
        dump = "\n".join(
            str(row)
            for table in ("settings_company_smtp", "employees", "office_secrets", "office_meta", "changes")
            for row in conn.execute(f"SELECT * FROM {table}")
        ).encode()
    for password in (COMPANY_PASSWORD, ANNA_PASSWORD):
        for form in (
            password.encode(),
            base64.b64encode(password.encode()),
            password.encode().hex().encode(),
        ):
            assert form not in dump
    assert b"smtp.zrodlo.pl" in dump  # the settings are there, readable


def test_a_second_desktop_joins_with_the_code_and_uses_the_passwords(
    store: Store,
    secrets: SecretStore,
    office_location: Location,
    db_password: str,
    memory_keyring: MemoryKeyring,
) -> None:
    anna_id = local_office(store, secrets)
    opened, key = move_to_office(store, secrets, office_location, db_password)
    opened.store.close()

    second = another_desktop(memory_keyring)
    keychain = SecretStore()
    joined = join_office(office_location, db_password, key.code().lower(), keychain)
    try:
        assert joined.secrets.get(employee_account(anna_id)) == ANNA_PASSWORD
        # A password changed on the second desktop works on the first one.
        joined.secrets.set(COMPANY_ACCOUNT, "Nowe-Hasło-1")
        assert any(name.startswith("office-key:") for _service, name in second.entries)
    finally:
        joined.store.close()
    keyring.set_keyring(memory_keyring)
    first = open_location(office_location, SecretStore())
    try:
        assert first.secrets.get(COMPANY_ACCOUNT) == "Nowe-Hasło-1"
    finally:
        first.store.close()


def test_a_desktop_without_the_office_key_says_so_and_keeps_a_typed_password_for_later(
    store: Store,
    secrets: SecretStore,
    office_location: Location,
    db_password: str,
    memory_keyring: MemoryKeyring,
) -> None:
    local_office(store, secrets)
    opened, key = move_to_office(store, secrets, office_location, db_password)
    opened.store.close()

    another_desktop(memory_keyring)
    keychain = SecretStore()
    keychain.set(office_location.secret_key(), db_password)
    without = open_location(office_location, keychain)
    try:
        assert without.needs_office_key
        office_secrets = without.secrets
        assert isinstance(office_secrets, OfficeSecretStore)
        assert office_secrets.get(COMPANY_ACCOUNT) is None
        assert office_secrets.state(COMPANY_ACCOUNT) is SecretState.OFFICE_KEY_MISSING
        assert "nie ma klucza biura" in secrets_text(SecretState.OFFICE_KEY_MISSING)
        # Typed meanwhile: kept for the session, stored as soon as the code is entered.
        assert office_secrets.set("smtp:default", "relay-haslo") is SecretState.OFFICE_KEY_MISSING
        with pytest.raises(OfficeKeyError) as caught:
            office_secrets.unlock(OfficeKey.generate().code())
        assert "innej bazy biura" in caught.value.message.pl
        office_secrets.unlock(key.code())
        assert office_secrets.get(COMPANY_ACCOUNT) == COMPANY_PASSWORD
        assert without.store.secret("smtp:default") is not None
        assert not without.needs_office_key
    finally:
        without.store.close()


def secrets_text(state: SecretState) -> str:
    from smtpdesk.core.secrets import describe_state

    return describe_state(state).pl


def test_moving_into_a_database_that_already_has_an_office_is_refused(
    store: Store, secrets: SecretStore, office_location: Location, db_password: str
) -> None:
    local_office(store, secrets)
    opened, _key = move_to_office(store, secrets, office_location, db_password, remember=False)
    opened.store.close()
    with pytest.raises(StoreError) as caught:
        move_to_office(store, secrets, office_location, db_password, remember=False)
    assert "dołącz do tej bazy" in caught.value.message.pl


def test_joining_an_empty_database_points_to_moving_instead(
    secrets: SecretStore, office_location: Location, db_password: str
) -> None:
    with pytest.raises(StoreError) as caught:
        join_office(office_location, db_password, OfficeKey.generate().code(), secrets)
    assert "Przenieś ustawienia do tej bazy" in caught.value.message.pl
    assert saved_location() is None


def test_the_choice_order_and_going_back_to_the_local_file(
    data_dir: Path, office_location: Location, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert choose(None, data_dir).source == "local"
    from smtpdesk.core.store.choice import save_location

    save_location(office_location)
    assert choose(None, data_dir).location == office_location
    monkeypatch.setenv("SMTPDESK_DATABASE", f"sqlite:///{data_dir}/inny.sqlite3")
    assert choose(None, data_dir).source == "environment"
    assert choose("postgresql://jan@serwer:6543/biuro", data_dir).location.port == 6543
    leave_office()
    monkeypatch.delenv("SMTPDESK_DATABASE")
    assert choose(None, data_dir).source == "local"
