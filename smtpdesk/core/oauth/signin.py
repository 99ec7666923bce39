"""The interactive sign-in: system browser, loopback redirect, PKCE, code for tokens."""

from __future__ import annotations

import secrets
from collections.abc import Callable
from dataclasses import dataclass, field

from smtpdesk.core.oauth.endpoints import Endpoints
from smtpdesk.core.oauth.errors import OAuthError
from smtpdesk.core.oauth.loopback import Listener
from smtpdesk.core.oauth.transport import id_token_claims, session, token_request
from smtpdesk.core.smtp.cancel import Cancelled, CancelToken

# How long the user has to finish in the browser.
BROWSER_TIMEOUT = 300.0


@dataclass(frozen=True)
class SignInResult:
    refresh_token: str = field(repr=False)
    access_token: str = field(repr=False)
    account: str  # the address that signed in ("" when the provider did not say)


def sign_in(
    endpoints: Endpoints,
    open_browser: Callable[[str], object],
    *,
    login_hint: str = "",
    cancel: CancelToken | None = None,
    timeout: float = BROWSER_TIMEOUT,
    on_url: Callable[[str], None] | None = None,
) -> SignInResult:
    """Sign in through the browser. ``open_browser(url)`` shows the provider's page (the system
    browser in the program, the test's own HTTP client in tests); ``on_url`` learns the address too,
    so the window can offer to copy it. Raises ``OAuthError`` (or ``Cancelled``)."""
    cancel = cancel or CancelToken()
    listener = Listener()
    redirect_uri = listener.redirect_uri(endpoints.redirect_host)
    try:
        client = session(endpoints, redirect_uri=redirect_uri)
    except BaseException:
        listener.close()
        raise
    try:
        verifier = secrets.token_urlsafe(64)  # 86 characters: within RFC 7636's 43–128
        extra = dict(endpoints.extra)
        if login_hint:
            extra["login_hint"] = login_hint
        url, state = client.create_authorization_url(endpoints.authorize_url, code_verifier=verifier, **extra)
        if on_url is not None:
            on_url(url)
        open_browser(url)
        callback = listener.wait(timeout, cancel)
        if callback is None:
            raise OAuthError("timeout", "no answer from the browser in time", stage="authorize")
        params = callback.params
        if params.get("state") != state:
            raise OAuthError(
                "state_mismatch", "the answer does not belong to this sign-in", stage="authorize"
            )
        if "error" in params:
            raise OAuthError(params["error"], params.get("error_description", ""), stage="authorize")
        cancel.check()
        token = token_request(
            lambda: client.fetch_token(
                endpoints.token_url,
                code=params.get("code", ""),
                code_verifier=verifier,
                redirect_uri=redirect_uri,
            ),
            "token",
        )
    finally:
        client.close()  # its pooled TLS connection with it
        listener.close()
    refresh = str(token.get("refresh_token") or "")
    if not refresh:
        raise OAuthError(
            "no_refresh_token",
            "the provider gave no refresh token (offline access not granted)",
            stage="token",
        )
    claims = id_token_claims(str(token.get("id_token") or ""))
    account = str(claims.get("email") or claims.get("preferred_username") or "")
    return SignInResult(refresh_token=refresh, access_token=str(token["access_token"]), account=account)


__all__ = ["Cancelled", "SignInResult", "sign_in"]
