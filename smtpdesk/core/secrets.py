"""Passwords of the sending accounts, kept in the operating system's keychain.

One keychain entry per account (service ``smtpdesk``, user name = the model's account key). When
this computer has no usable keychain – keyring's fail backend, no backend at all, a locked keychain,
a backend that errors – the password is kept in this process's memory until the program closes and
is never written anywhere else. Nothing here logs or raises with a password in it.
"""

from __future__ import annotations

import logging
import threading
from enum import Enum
from typing import TYPE_CHECKING

from smtpdesk.core.i18n import Msg
from smtpdesk.core.redaction import remember_secret

if TYPE_CHECKING:
    import keyring.backend

# keyring is imported on first use: choosing its backend may load D-Bus and crypto libraries and
# ask the desktop session, which is why the window decides it on a background thread.

SERVICE = "smtpdesk"
SESSION_BACKEND_NAME = "session memory"

log = logging.getLogger(__name__)


class SecretState(str, Enum):
    """Where the password of one account is, as the password field explains it."""

    STORED = "stored"  # in the OS keychain
    MISSING = "missing"  # keychain usable, nothing saved for this account
    SESSION_ONLY = "session_only"  # no usable keychain: kept in memory until the program closes
    UNAVAILABLE = "unavailable"  # no usable keychain and nothing in memory
    LOCKED = "locked"  # the keychain exists but refused access, nothing in memory
    # An office database's password, but this desktop lacks the office key to read or store it.
    OFFICE_KEY_MISSING = "office_key_missing"

    def __str__(self) -> str:
        return self.value


_STATE_TEXT: dict[SecretState, Msg] = {
    SecretState.STORED: Msg(
        pl="Hasło zapisane w pęku kluczy systemu",
        en="Password saved in the system keychain",
    ),
    SecretState.MISSING: Msg(
        pl="Hasło nie jest zapisane",
        en="No password saved",
    ),
    SecretState.SESSION_ONLY: Msg(
        pl="Hasła nie można zapisać na tym komputerze — zostanie zapamiętane do zamknięcia programu",
        en="The password cannot be saved on this computer — it will be kept until the program closes",
    ),
    SecretState.UNAVAILABLE: Msg(
        pl="Hasła nie można zapisać na tym komputerze — wpisane hasło zostanie zapamiętane "
        "do zamknięcia programu",
        en="Passwords cannot be saved on this computer — a password you enter will be kept "
        "until the program closes",
    ),
    SecretState.LOCKED: Msg(
        pl="Pęk kluczy systemu jest zablokowany — odblokuj go, aby użyć zapisanego hasła. "
        "Wpisane hasło zostanie zapamiętane do zamknięcia programu",
        en="The system keychain is locked — unlock it to use the saved password. "
        "A password you enter will be kept until the program closes",
    ),
    SecretState.OFFICE_KEY_MISSING: Msg(
        pl="Ten komputer nie ma klucza biura, więc nie może odczytać ani zapisać haseł bazy biura. "
        "Wpisz kod klucza biura: Narzędzia › Baza danych biura…",
        en="This computer lacks the office key, so it cannot read or save the office database's "
        "passwords. Enter the office key code: Tools › Office database…",
    ),
}


def describe_state(state: SecretState) -> Msg:
    """The sentence shown under a password field for ``state``."""
    return _STATE_TEXT[state]


def _usable(backend: keyring.backend.KeyringBackend) -> bool:
    """False for keyring's stand-ins that cannot keep anything (fail, null, an empty chainer)."""
    import keyring.backends.fail
    import keyring.backends.null

    if isinstance(backend, (keyring.backends.fail.Keyring, keyring.backends.null.Keyring)):
        return False
    try:
        return float(backend.priority) > 0
    except Exception:  # a backend's priority raises when it is not viable here
        return False


class SecretStore:
    """Passwords by account key; see the module docstring for where they are kept."""

    # True where passwords are kept in the office database rather than in this computer's keychain.
    in_office_database = False

    def local_keychain(self) -> SecretStore:
        """This computer's own keychain: where what must never reach a database is kept (OAuth2
        sign-ins, the office key), whichever store holds the SMTP passwords."""
        return self

    def __init__(self, service: str = SERVICE, *, session_only: bool = False) -> None:
        self.service = service
        self.session_only = session_only
        self._lock = threading.RLock()
        self._session: dict[str, str] = {}
        self._backend: keyring.backend.KeyringBackend | None = None
        self._backend_usable = False
        self._decided = False  # keyring was asked once (answers are cached by keyring itself)

    # --- backend ----------------------------------------------------------------------------------

    def _resolve(self) -> keyring.backend.KeyringBackend | None:
        """The usable backend, None when there is none.

        keyring hands out its current backend cheaply; deciding whether it is usable may ask the
        desktop session (D-Bus), so that answer is kept until the backend changes or fails.
        """
        if self.session_only:
            return None
        import keyring

        try:
            backend = keyring.get_keyring()
        except Exception as error:  # a broken keyring configuration must not stop the app
            log.warning("keyring backend could not be loaded: %s", type(error).__name__)
            self._backend = None
            return None
        finally:
            self._decided = True
        if backend is not self._backend:
            self._backend = backend
            self._backend_usable = _usable(backend)
        return backend if self._backend_usable else None

    def _forget_backend(self, error: Exception, action: str, key: str) -> None:
        log.warning("keyring %s failed for %s: %s", action, key, type(error).__name__)
        self._backend = None

    @property
    def resolved(self) -> bool:
        """The backend was already chosen: asking for a password's state costs no detection."""
        return self.session_only or self._decided

    def prepare(self) -> None:
        """Chooses the backend now (slow: keyring probes every backend); any thread."""
        with self._lock:
            self._resolve()

    @property
    def available(self) -> bool:
        """True when a real keychain backend is in use (it may still turn out to be locked)."""
        with self._lock:
            return self._resolve() is not None

    @property
    def backend_name(self) -> str:
        with self._lock:
            if self.session_only:
                return SESSION_BACKEND_NAME
            self._resolve()
            backend = self._backend
            return str(backend.name) if backend is not None else "none"

    # --- passwords --------------------------------------------------------------------------------

    def get(self, key: str) -> str | None:
        """The password for ``key`` from the keychain, else the copy kept for this session."""
        _check_key(key)
        with self._lock:
            backend = self._resolve()
            if backend is not None:
                try:
                    password = backend.get_password(self.service, key)
                except Exception as error:
                    self._forget_backend(error, "read", key)
                else:
                    if password is not None:
                        remember_secret(str(password))
                        return str(password)
            return self._session.get(key)

    def set(self, key: str, password: str) -> SecretState:
        """Keep ``password`` for ``key``; an empty password deletes it. Returns where it went."""
        _check_key(key)
        if not password:
            self.delete(key)
            return self.state(key)
        remember_secret(password)
        with self._lock:
            backend = self._resolve()
            if backend is not None:
                try:
                    backend.set_password(self.service, key, password)
                except Exception as error:
                    self._forget_backend(error, "write", key)
                else:
                    # The keychain is now the one place; a stale session copy would shadow nothing
                    # but must not outlive the user's intent either.
                    self._session.pop(key, None)
                    return SecretState.STORED
            self._session[key] = password
            return SecretState.SESSION_ONLY

    def delete(self, key: str) -> None:
        """Forget the password for ``key`` everywhere; never raises."""
        with self._lock:
            self._session.pop(key, None)
            if not key:
                return
            backend = self._resolve()
            if backend is None:
                return
            import keyring.errors

            try:
                backend.delete_password(self.service, key)
            except keyring.errors.PasswordDeleteError:
                pass  # nothing was stored: already in the wanted state
            except Exception as error:
                self._forget_backend(error, "delete", key)

    def state(self, key: str) -> SecretState:
        """Where the password for ``key`` is (see ``SecretState``)."""
        _check_key(key)
        with self._lock:
            in_session = key in self._session
            backend = self._resolve()
            if backend is None:
                return SecretState.SESSION_ONLY if in_session else SecretState.UNAVAILABLE
            import keyring.errors

            try:
                password = backend.get_password(self.service, key)
            except keyring.errors.KeyringLocked as error:
                self._forget_backend(error, "read", key)
                return SecretState.SESSION_ONLY if in_session else SecretState.LOCKED
            except Exception as error:
                self._forget_backend(error, "read", key)
                return SecretState.SESSION_ONLY if in_session else SecretState.UNAVAILABLE
            if password is not None:
                return SecretState.STORED
            return SecretState.SESSION_ONLY if in_session else SecretState.MISSING


def _check_key(key: str) -> None:
    # keyring warns (and some backends fail) on an empty user name; a key is never user input.
    if not key:
        raise ValueError("an account key is required")
