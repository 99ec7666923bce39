"""Access tokens for tests: an account's refresh token from the keychain, exchanged before each
test; a rotated refresh token goes straight back to the keychain."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Protocol

from smtpdesk.core.model import GOOGLE_CLIENT_SECRET, AuthMethod, OAuthApps, oauth_token_key
from smtpdesk.core.oauth.endpoints import Endpoints, OAuthNotConfigured, endpoints_for
from smtpdesk.core.oauth.errors import OAuthError
from smtpdesk.core.oauth.transport import DEFAULT_TIMEOUT, session, token_request

TokenProvider = Callable[[], str]


class Secrets(Protocol):
    def get(self, key: str) -> str | None: ...
    def set(self, key: str, password: str) -> object: ...


def refresh(endpoints: Endpoints, refresh_token: str, timeout: float = DEFAULT_TIMEOUT) -> tuple[str, str]:
    """(access token, refresh token to keep) — the new one when the provider rotated it."""
    client = session(endpoints, timeout=timeout)
    try:
        token = token_request(
            lambda: client.refresh_token(endpoints.token_url, refresh_token=refresh_token), "refresh"
        )
    finally:
        client.close()
    return str(token["access_token"]), str(token.get("refresh_token") or refresh_token)


class TokenSource:
    """Makes token providers for accounts, reading the office's registration and the keychain."""

    def __init__(self, apps: OAuthApps, secrets: Secrets, timeout: float = DEFAULT_TIMEOUT) -> None:
        self.apps = apps
        # Sign-ins stay on this computer, whichever database holds the settings.
        local = getattr(secrets, "local_keychain", None)
        self.secrets: Secrets = local() if callable(local) else secrets
        self.timeout = timeout
        self._lock = threading.Lock()  # two tests of one account must not both rotate its token

    def endpoints(self, method: AuthMethod) -> Endpoints:
        secret = self.secrets.get(GOOGLE_CLIENT_SECRET) or "" if method is AuthMethod.OAUTH_GOOGLE else ""
        return endpoints_for(method, self.apps, secret)

    def stored(self, method: AuthMethod, account_key: str) -> TokenProvider:
        """A provider for a saved account (its refresh token under ``oauth_token_key``)."""
        key = oauth_token_key(account_key)

        def read() -> str | None:
            return self.secrets.get(key)

        def keep(token: str) -> None:
            self.secrets.set(key, token)

        return self._provider(method, read, keep)

    def pending(
        self, method: AuthMethod, read: Callable[[], str | None], keep: Callable[[str], None]
    ) -> TokenProvider:
        """A provider for a refresh token the form holds but has not saved yet."""
        return self._provider(method, read, keep)

    def _provider(
        self, method: AuthMethod, read: Callable[[], str | None], keep: Callable[[str], None]
    ) -> TokenProvider:
        def provide() -> str:
            try:
                endpoints = self.endpoints(method)
            except OAuthNotConfigured as error:
                raise OAuthError("not_configured", error.message.en, stage="refresh") from None
            with self._lock:
                current = read()
                if not current:
                    raise OAuthError("not_signed_in", "no sign-in is saved for this account", stage="refresh")
                access, rotated = refresh(endpoints, current, self.timeout)
                if rotated != current:
                    keep(rotated)
            return access

        return provide
