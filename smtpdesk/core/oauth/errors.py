"""What went wrong in a sign-in or a token refresh, as the provider said it."""

from __future__ import annotations


class OAuthError(Exception):
    """``error`` is the OAuth2 error code (``invalid_grant``, ``access_denied`` …, or one of ours:
    ``not_signed_in``, ``not_configured``, ``network``, ``timeout``, ``cancelled``,
    ``state_mismatch``); ``description`` the provider's own text (AADSTS… codes included), which the
    diagnosis reads. Never carries a token."""

    def __init__(self, error: str, description: str = "", *, stage: str = "token") -> None:
        self.error = error
        self.description = description
        self.stage = stage  # "authorize" | "token" | "refresh"
        super().__init__(f"{error}: {description}" if description else error)
