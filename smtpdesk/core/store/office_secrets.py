"""SMTP passwords of an office database: stored in the database, encrypted with the office key that
this desktop keeps in its keychain (see ``office_key`` for the design and its limits).

``OfficeSecretStore`` answers like the keychain's ``SecretStore`` (get / set / delete / state), so
the password fields, the tests and the doctor work the same on both kinds of settings. Without the
office key a typed password is kept for this session only, and stored in the database as soon as
the code is entered.
"""

from __future__ import annotations

import logging
from datetime import datetime, timezone

from smtpdesk.core.secrets import SecretState, SecretStore
from smtpdesk.core.store.errors import StoreError
from smtpdesk.core.store.office_key import MSG_CODE_OTHER_OFFICE, OfficeKey, OfficeKeyError
from smtpdesk.core.store.store import Store

log = logging.getLogger(__name__)

META_OFFICE_ID = "office_id"
META_KEY_CHECK = "office_key_check"
META_CREATED = "office_created_at"
BACKEND_NAME = "office database (AES-GCM)"


def keychain_entry(office_id: str) -> str:
    """Where a desktop keeps the office key's code in its keychain."""
    return f"office-key:{office_id}"


def office_meta(office_id: str, key: OfficeKey) -> dict[str, str]:
    """What an office database records about its key (never the key itself)."""
    return {
        META_OFFICE_ID: office_id,
        META_KEY_CHECK: key.check_value(office_id),
        META_CREATED: datetime.now(timezone.utc).isoformat(),
    }


class OfficeSecretStore(SecretStore):
    in_office_database = True

    def __init__(self, store: Store, keychain: SecretStore) -> None:
        super().__init__(keychain.service, session_only=keychain.session_only)
        self.store = store
        self.keychain = keychain
        self.office_id = store.meta(META_OFFICE_ID) or ""
        self._check = store.meta(META_KEY_CHECK) or ""
        self._key: OfficeKey | None = None

    def local_keychain(self) -> SecretStore:
        return self.keychain

    # The office key is in this computer's keychain: deciding that keychain is what may be slow.
    @property
    def resolved(self) -> bool:
        return self.keychain.resolved

    def prepare(self) -> None:
        self.keychain.prepare()

    # -- the office key ----------------------------------------------------------------------------

    def office_key(self) -> OfficeKey | None:
        """The key from this desktop's keychain, when it is there and belongs to this office."""
        with self._lock:
            if self._key is None and self.office_id:
                code = self.keychain.get(keychain_entry(self.office_id))
                if code:
                    try:
                        key = OfficeKey.from_code(code)
                    except OfficeKeyError:
                        key = None
                    if key is not None and key.opens(self.office_id, self._check):
                        self._key = key
            return self._key

    def unlock(self, code: str) -> SecretState:
        """Takes the office key from its typed code, keeps it in the keychain and stores the
        passwords typed meanwhile; OfficeKeyError says why a code does not fit."""
        key = OfficeKey.from_code(code)
        if not key.opens(self.office_id, self._check):
            raise OfficeKeyError(MSG_CODE_OTHER_OFFICE)
        with self._lock:
            self._key = key
            kept = self.keychain.set(keychain_entry(self.office_id), key.code())
            pending, self._session = dict(self._session), {}
        for account_key, password in pending.items():
            self.set(account_key, password)
        return kept

    # -- passwords -----------------------------------------------------------------------------------

    @property
    def available(self) -> bool:
        return self.office_key() is not None

    @property
    def backend_name(self) -> str:
        return BACKEND_NAME

    def get(self, key: str) -> str | None:
        with self._lock:
            office_key = self.office_key()
            if office_key is not None:
                try:
                    sealed = self.store.secret(key)
                except StoreError as error:
                    log.warning("could not read a password from the office database: %s", error.message.en)
                    sealed = None
                if sealed is not None:
                    opened = office_key.decrypt(self.office_id, key, *sealed)
                    if opened is not None:
                        return opened
            return self._session.get(key)

    def set(self, key: str, password: str) -> SecretState:
        if not password:
            self.delete(key)
            return self.state(key)
        with self._lock:
            office_key = self.office_key()
            if office_key is None:
                self._session[key] = password
                return SecretState.OFFICE_KEY_MISSING
            nonce, sealed = office_key.encrypt(self.office_id, key, password)
            try:
                self.store.put_secret(key, nonce, sealed)
            except StoreError as error:
                log.warning("could not store a password in the office database: %s", error.message.en)
                self._session[key] = password
                return SecretState.SESSION_ONLY
            self._session.pop(key, None)
            return SecretState.STORED

    def delete(self, key: str) -> None:
        with self._lock:
            self._session.pop(key, None)
            try:
                self.store.delete_secret(key)
            except StoreError as error:
                log.warning("could not remove a password from the office database: %s", error.message.en)

    def state(self, key: str) -> SecretState:
        with self._lock:
            if self.office_key() is None:
                return SecretState.OFFICE_KEY_MISSING
            try:
                sealed = self.store.secret(key)
            except StoreError:
                sealed = None
            if sealed is not None:
                return SecretState.STORED
            return SecretState.SESSION_ONLY if key in self._session else SecretState.MISSING
