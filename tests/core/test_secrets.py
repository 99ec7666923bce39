"""Passwords in the keychain, and what happens on a computer that has no usable one."""

from __future__ import annotations

import logging
import threading
from pathlib import Path

import keyring
import keyring.backend
import keyring.backends.null
import keyring.errors
import pytest

from smtpdesk.core.model import COMPANY_ACCOUNT, employee_account
from smtpdesk.core.secrets import SecretState, SecretStore, describe_state
from tests.fixtures.keyring_backends import MemoryKeyring

PASSWORD = "Hasło-łódź-1"


class BrokenKeyring(keyring.backend.KeyringBackend):
    """A keychain whose service cannot be started (keyring's InitError)."""

    priority = 1

    def get_password(self, service: str, username: str) -> str | None:
        raise keyring.errors.InitError("the secret service is not running")

    def set_password(self, service: str, username: str, password: str) -> None:
        raise keyring.errors.InitError("the secret service is not running")

    def delete_password(self, service: str, username: str) -> None:
        raise keyring.errors.InitError("the secret service is not running")


def files_containing(root: Path, secret: str) -> list[Path]:
    needle = secret.encode("utf-8")
    return [p for p in root.rglob("*") if p.is_file() and needle in p.read_bytes()]


# --- a working keychain ---------------------------------------------------------------------------


def test_a_password_goes_into_the_keychain_under_the_account_key(memory_keyring: MemoryKeyring) -> None:
    secrets = SecretStore()
    assert secrets.available
    assert secrets.set(COMPANY_ACCOUNT, PASSWORD) is SecretState.STORED
    assert memory_keyring.entries == {("smtpdesk", COMPANY_ACCOUNT): PASSWORD}
    assert secrets.get(COMPANY_ACCOUNT) == PASSWORD
    assert secrets.state(COMPANY_ACCOUNT) is SecretState.STORED
    # A new program run reads it back from the keychain.
    assert SecretStore().get(COMPANY_ACCOUNT) == PASSWORD


def test_missing_and_deleted_passwords(memory_keyring: MemoryKeyring) -> None:
    secrets = SecretStore()
    key = employee_account(7)
    assert secrets.get(key) is None
    assert secrets.state(key) is SecretState.MISSING
    secrets.set(key, PASSWORD)
    secrets.delete(key)
    assert secrets.get(key) is None
    assert secrets.state(key) is SecretState.MISSING
    assert memory_keyring.entries == {}
    secrets.delete(key)  # deleting what is not there is fine


def test_an_empty_password_removes_the_saved_one(memory_keyring: MemoryKeyring) -> None:
    secrets = SecretStore()
    secrets.set(COMPANY_ACCOUNT, PASSWORD)
    assert secrets.set(COMPANY_ACCOUNT, "") is SecretState.MISSING
    assert memory_keyring.entries == {}


def test_the_service_name_separates_programs(memory_keyring: MemoryKeyring) -> None:
    SecretStore("inny-program").set(COMPANY_ACCOUNT, "obce")
    assert SecretStore().get(COMPANY_ACCOUNT) is None
    assert ("inny-program", COMPANY_ACCOUNT) in memory_keyring.entries


def test_backend_name_names_the_keychain_in_use() -> None:
    assert "MemoryKeyring" in SecretStore().backend_name


def test_an_account_key_is_required() -> None:
    with pytest.raises(ValueError):
        SecretStore().set("", PASSWORD)


# --- no usable keychain ---------------------------------------------------------------------------


@pytest.mark.usefixtures("no_keyring")
def test_without_a_keychain_the_password_is_kept_for_this_run_only(tmp_path: Path) -> None:
    secrets = SecretStore()
    assert not secrets.available
    assert "fail" in secrets.backend_name
    assert secrets.state(COMPANY_ACCOUNT) is SecretState.UNAVAILABLE
    assert secrets.set(COMPANY_ACCOUNT, PASSWORD) is SecretState.SESSION_ONLY
    assert secrets.get(COMPANY_ACCOUNT) == PASSWORD
    assert secrets.state(COMPANY_ACCOUNT) is SecretState.SESSION_ONLY
    assert secrets.state(employee_account(1)) is SecretState.UNAVAILABLE
    # Never on disk: the next run of the program does not know it.
    assert files_containing(tmp_path, PASSWORD) == []
    assert SecretStore().get(COMPANY_ACCOUNT) is None
    secrets.delete(COMPANY_ACCOUNT)
    assert secrets.get(COMPANY_ACCOUNT) is None
    assert secrets.state(COMPANY_ACCOUNT) is SecretState.UNAVAILABLE


def test_keyrings_null_backend_counts_as_no_keychain() -> None:
    keyring.set_keyring(keyring.backends.null.Keyring())
    secrets = SecretStore()
    assert not secrets.available
    assert secrets.set(COMPANY_ACCOUNT, PASSWORD) is SecretState.SESSION_ONLY
    assert secrets.get(COMPANY_ACCOUNT) == PASSWORD


def test_a_keychain_that_cannot_start_falls_back_to_memory() -> None:
    keyring.set_keyring(BrokenKeyring())
    secrets = SecretStore()
    assert secrets.set(COMPANY_ACCOUNT, PASSWORD) is SecretState.SESSION_ONLY
    assert secrets.get(COMPANY_ACCOUNT) == PASSWORD
    assert secrets.state(COMPANY_ACCOUNT) is SecretState.SESSION_ONLY
    assert secrets.state(employee_account(2)) is SecretState.UNAVAILABLE
    secrets.delete(COMPANY_ACCOUNT)  # never raises
    assert secrets.get(COMPANY_ACCOUNT) is None


@pytest.mark.usefixtures("locked_keyring")
def test_a_locked_keychain_is_told_apart() -> None:
    secrets = SecretStore()
    assert secrets.state(COMPANY_ACCOUNT) is SecretState.LOCKED
    assert secrets.get(COMPANY_ACCOUNT) is None
    assert secrets.set(COMPANY_ACCOUNT, PASSWORD) is SecretState.SESSION_ONLY
    assert secrets.get(COMPANY_ACCOUNT) == PASSWORD
    assert secrets.state(COMPANY_ACCOUNT) is SecretState.SESSION_ONLY
    assert secrets.state(employee_account(3)) is SecretState.LOCKED
    secrets.delete(COMPANY_ACCOUNT)  # never raises
    assert secrets.get(COMPANY_ACCOUNT) is None


def test_the_keychain_is_used_again_once_it_is_unlocked(
    locked_keyring: None, memory_keyring: MemoryKeyring
) -> None:
    secrets = SecretStore()
    assert secrets.set(COMPANY_ACCOUNT, PASSWORD) is SecretState.SESSION_ONLY
    keyring.set_keyring(memory_keyring)  # the user unlocked the keychain
    assert secrets.set(COMPANY_ACCOUNT, PASSWORD) is SecretState.STORED
    assert memory_keyring.entries == {("smtpdesk", COMPANY_ACCOUNT): PASSWORD}
    assert secrets.state(COMPANY_ACCOUNT) is SecretState.STORED


def test_passwords_never_reach_the_log(locked_keyring: None, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    secrets = SecretStore()
    secrets.set(COMPANY_ACCOUNT, PASSWORD)
    secrets.get(COMPANY_ACCOUNT)
    secrets.delete(COMPANY_ACCOUNT)
    assert "KeyringLocked" in caplog.text  # the failure itself is logged…
    assert PASSWORD not in caplog.text  # …but never the password


# --- session-only mode (the demo) -----------------------------------------------------------------


def test_session_only_never_touches_the_keychain(memory_keyring: MemoryKeyring) -> None:
    memory_keyring.entries[("smtpdesk", COMPANY_ACCOUNT)] = "z-pęku-kluczy"
    secrets = SecretStore(session_only=True)
    assert not secrets.available
    assert secrets.get(COMPANY_ACCOUNT) is None
    assert secrets.set(COMPANY_ACCOUNT, PASSWORD) is SecretState.SESSION_ONLY
    assert secrets.get(COMPANY_ACCOUNT) == PASSWORD
    assert secrets.state(COMPANY_ACCOUNT) is SecretState.SESSION_ONLY
    secrets.delete(COMPANY_ACCOUNT)
    assert secrets.state(COMPANY_ACCOUNT) is SecretState.UNAVAILABLE
    assert memory_keyring.entries == {("smtpdesk", COMPANY_ACCOUNT): "z-pęku-kluczy"}


# --- the sentences under the password field -------------------------------------------------------


def test_the_states_are_described_for_the_user() -> None:
    assert describe_state(SecretState.STORED).pl == "Hasło zapisane w pęku kluczy systemu"
    assert describe_state(SecretState.SESSION_ONLY).pl == (
        "Hasła nie można zapisać na tym komputerze — zostanie zapamiętane do zamknięcia programu"
    )
    assert describe_state(SecretState.LOCKED).pl.startswith("Pęk kluczy systemu jest zablokowany")
    for state in SecretState:
        text = describe_state(state)
        assert text.pl and text.en and text.pl != text.en


# --- background checks read passwords while the window saves them ---------------------------------


def test_concurrent_use_from_worker_threads(memory_keyring: MemoryKeyring) -> None:
    secrets = SecretStore()
    errors: list[BaseException] = []
    start = threading.Barrier(8, timeout=5)

    def work(n: int) -> None:
        try:
            start.wait()
            for i in range(50):
                key = employee_account(n * 100 + i)
                secrets.set(key, f"{PASSWORD}-{n}-{i}")
                assert secrets.get(key) == f"{PASSWORD}-{n}-{i}"
        except BaseException as error:  # reported to the main thread below
            errors.append(error)

    threads = [threading.Thread(target=work, args=(n,)) for n in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=10)
    assert errors == []
    assert len(memory_keyring.entries) == 400
