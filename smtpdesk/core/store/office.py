"""Opening the settings this desktop uses, and moving an office onto a shared database or joining one.

„Przenieś ustawienia do tej bazy” copies the local settings, employees, history and change log into
an empty office database in one transaction, creates the office key and stores every SMTP password
of the keychain there, encrypted with it; the desktop then switches to the database and keeps the
key. „Dołącz do istniejącej bazy” checks the typed office code against the database and keeps it.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from smtpdesk.core.model import COMPANY_ACCOUNT, DEFAULT_ACCOUNT, employee_account
from smtpdesk.core.secrets import SecretStore
from smtpdesk.core.store.changes import Actor
from smtpdesk.core.store.choice import save_location
from smtpdesk.core.store.errors import (
    MSG_NOT_AN_OFFICE_YET,
    MSG_OFFICE_NOT_EMPTY,
    EmptyDatabaseError,
    StoreError,
)
from smtpdesk.core.store.location import Location
from smtpdesk.core.store.office_key import OfficeKey
from smtpdesk.core.store.office_secrets import META_OFFICE_ID, OfficeSecretStore, keychain_entry, office_meta
from smtpdesk.core.store.store import Store


@dataclass
class Opened:
    store: Store
    secrets: SecretStore

    @property
    def needs_office_key(self) -> bool:
        return isinstance(self.secrets, OfficeSecretStore) and self.secrets.office_key() is None


def database_password(location: Location, keychain: SecretStore) -> str | None:
    """The office database's password: from its URL, else from the keychain (else libpq's own
    PGPASSWORD / .pgpass apply)."""
    if location.password is not None:
        return location.password
    return keychain.get(location.secret_key()) if location.is_office else None


def open_location(
    location: Location,
    keychain: SecretStore,
    *,
    create: bool = True,
    auto_backup: bool = False,
    actor: Actor | None = None,
) -> Opened:
    """The Store (and where its passwords are) for ``location``."""
    if location.kind == "sqlite":
        assert location.path is not None
        store = Store.open(location.path.parent, create=create, auto_backup=auto_backup, actor=actor)
        return Opened(store, keychain)
    store = Store.connect(
        location, password=database_password(location, keychain), create=create, actor=actor
    )
    try:
        return Opened(store, OfficeSecretStore(store, keychain))
    except BaseException:
        store.close()
        raise


def _office_accounts(store: Store) -> list[str]:
    return [
        COMPANY_ACCOUNT,
        DEFAULT_ACCOUNT,
        *(employee_account(e.id) for e in store.list_employees() if e.id),
    ]


def move_to_office(
    local: Store, keychain: SecretStore, location: Location, password: str | None, *, remember: bool = True
) -> tuple[Opened, OfficeKey]:
    """Copies everything of ``local`` into the empty office database at ``location``; returns it
    opened and the new office key (to be shown to the administrator once)."""
    target = Store.connect(location, password=password, create=True, actor=local.actor)
    try:
        if target.meta(META_OFFICE_ID) or target.is_configured():
            raise StoreError(MSG_OFFICE_NOT_EMPTY, path=location.display())
        key = OfficeKey.generate()
        office_id = uuid.uuid4().hex
        sealed = {}
        for account_key in _office_accounts(local):
            secret = keychain.get(account_key)
            if secret:
                sealed[account_key] = key.encrypt(office_id, account_key, secret)
        target.restore(local.snapshot(), secrets=sealed, meta=office_meta(office_id, key))
        keychain.set(keychain_entry(office_id), key.code())
        if password:
            keychain.set(location.secret_key(), password)
        if remember:
            save_location(location)
        return Opened(target, OfficeSecretStore(target, keychain)), key
    except BaseException:
        target.close()
        raise


def join_office(
    location: Location, password: str | None, code: str, keychain: SecretStore, *, remember: bool = True
) -> Opened:
    """Opens the office database at ``location`` with the office key's ``code``
    (OfficeKeyError when the code does not fit)."""
    try:
        store = Store.connect(location, password=password, create=False)
    except EmptyDatabaseError:
        raise StoreError(MSG_NOT_AN_OFFICE_YET, path=location.display()) from None
    try:
        if not store.meta(META_OFFICE_ID):
            raise StoreError(MSG_NOT_AN_OFFICE_YET, path=location.display())
        secrets = OfficeSecretStore(store, keychain)
        secrets.unlock(code)
        if password:
            keychain.set(location.secret_key(), password)
        if remember:
            save_location(location)
        return Opened(store, secrets)
    except BaseException:
        store.close()
        raise


def leave_office() -> None:
    """This desktop goes back to its local settings file at the next start."""
    save_location(None)
