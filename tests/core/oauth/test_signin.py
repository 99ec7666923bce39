"""The whole sign-in against a loopback authorization server over HTTPS, with the browser step
taken by the test's own HTTP client; then refresh, rotation and revocation."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import pytest

from smtpdesk.core.model import GOOGLE_CLIENT_SECRET, AuthMethod, oauth_token_key
from smtpdesk.core.oauth import OAuthError, OAuthNotConfigured, TokenSource, endpoints_for, sign_in
from smtpdesk.core.oauth.tokens import refresh
from smtpdesk.core.secrets import SecretStore
from smtpdesk.core.smtp.cancel import Cancelled, CancelToken
from tests.fixtures.oauth_servers import CLIENT_ID, GOOGLE_SECRET, USER


def test_microsoft_sign_in_end_to_end_with_pkce(oauth_server, oauth_apps, browser) -> None:
    endpoints = endpoints_for(AuthMethod.OAUTH_MICROSOFT, oauth_apps)

    result = sign_in(endpoints, browser, login_hint=USER, timeout=10)

    assert result.account == USER
    assert result.refresh_token in oauth_server.refresh_tokens()
    assert oauth_server.access_token_valid(result.access_token, USER)
    query = {k: v[0] for k, v in parse_qs(urlsplit(browser.visited[0]).query).items()}
    assert browser.visited[0].startswith(f"{oauth_server.base}/organizations/oauth2/v2.0/authorize?")
    assert query["client_id"] == CLIENT_ID
    assert query["code_challenge_method"] == "S256" and len(query["code_challenge"]) == 43
    assert query["redirect_uri"].startswith("http://localhost:")
    assert set(query["scope"].split()) >= {"https://outlook.office.com/SMTP.Send", "offline_access"}
    assert query["login_hint"] == USER
    assert "Zalogowano" in browser.last_text  # the page the browser shows at the end
    # The code was redeemed once, with the verifier, by a public client (no secret).
    token_call = oauth_server.token_requests[-1]
    assert token_call["grant_type"] == "authorization_code" and token_call["code_verifier"]
    assert "client_secret" not in token_call


def test_google_sign_in_sends_its_client_secret_and_asks_for_offline_access(
    oauth_server, oauth_apps, browser
) -> None:
    oauth_server.registration.client_secret = GOOGLE_SECRET
    endpoints = endpoints_for(AuthMethod.OAUTH_GOOGLE, oauth_apps, GOOGLE_SECRET)

    result = sign_in(endpoints, browser, timeout=10)

    assert result.account == USER
    query = parse_qs(urlsplit(browser.visited[0]).query)
    assert query["access_type"] == ["offline"] and query["scope"][0].startswith("https://mail.google.com/")
    assert query["redirect_uri"][0].startswith("http://127.0.0.1:")


def test_consent_refused_in_the_browser_comes_back_as_access_denied(
    oauth_server, oauth_apps, browser
) -> None:
    oauth_server.behaviour.consent = False
    with pytest.raises(OAuthError) as caught:
        sign_in(endpoints_for(AuthMethod.OAUTH_MICROSOFT, oauth_apps), browser, timeout=10)
    assert caught.value.error == "access_denied"
    assert "AADSTS65004" in caught.value.description
    assert caught.value.stage == "authorize"


def test_an_unregistered_app_stops_in_the_browser_and_the_wait_ends(
    oauth_server, oauth_apps, browser
) -> None:
    apps = oauth_apps.__class__(**{**oauth_apps.__dict__, "microsoft_client_id": "not-registered"})
    with pytest.raises(OAuthError) as caught:
        sign_in(endpoints_for(AuthMethod.OAUTH_MICROSOFT, apps), browser, timeout=1.0)
    assert caught.value.error == "timeout"
    assert browser.last_status == 400 and "AADSTS700016" in browser.last_text


def test_cancel_while_waiting_for_the_browser() -> None:
    from smtpdesk.core.model import OAuthApps

    cancel = CancelToken()
    endpoints = endpoints_for(
        AuthMethod.OAUTH_MICROSOFT,
        OAuthApps(microsoft_client_id=CLIENT_ID, microsoft_authority="https://127.0.0.1:1"),
    )
    with pytest.raises(Cancelled):
        sign_in(endpoints, lambda url: cancel.cancel(), cancel=cancel, timeout=10)


def test_no_registration_means_not_configured() -> None:
    from smtpdesk.core.model import OAuthApps

    with pytest.raises(OAuthNotConfigured) as caught:
        endpoints_for(AuthMethod.OAUTH_MICROSOFT, OAuthApps())
    assert "Narzędzia" in caught.value.message.pl


def test_refresh_rotates_the_refresh_token(oauth_server, oauth_apps, browser) -> None:
    endpoints = endpoints_for(AuthMethod.OAUTH_MICROSOFT, oauth_apps)
    first = sign_in(endpoints, browser, timeout=10)

    access, rotated = refresh(endpoints, first.refresh_token)

    assert rotated != first.refresh_token
    assert oauth_server.access_token_valid(access, USER)
    with pytest.raises(OAuthError) as caught:  # the old one was replaced
        refresh(endpoints, first.refresh_token)
    assert caught.value.error == "invalid_grant"


def test_token_source_keeps_the_rotated_token_in_the_keychain(oauth_server, oauth_apps, browser) -> None:
    secrets = SecretStore()
    key = "smtp:company"
    secrets.set(
        oauth_token_key(key),
        sign_in(endpoints_for(AuthMethod.OAUTH_MICROSOFT, oauth_apps), browser, timeout=10).refresh_token,
    )
    provide = TokenSource(oauth_apps, secrets).stored(AuthMethod.OAUTH_MICROSOFT, key)

    access = provide()

    assert oauth_server.access_token_valid(access, USER)
    assert secrets.get(oauth_token_key(key)) in oauth_server.refresh_tokens()
    assert provide() != access  # a fresh one before each test


def test_a_revoked_sign_in_is_reported_as_invalid_grant(oauth_server, oauth_apps, browser) -> None:
    secrets = SecretStore()
    secrets.set(
        oauth_token_key("smtp:company"),
        sign_in(endpoints_for(AuthMethod.OAUTH_MICROSOFT, oauth_apps), browser, timeout=10).refresh_token,
    )
    oauth_server.revoke_all()

    with pytest.raises(OAuthError) as caught:
        TokenSource(oauth_apps, secrets).stored(AuthMethod.OAUTH_MICROSOFT, "smtp:company")()

    assert caught.value.error == "invalid_grant" and "AADSTS70000" in caught.value.description
    assert caught.value.stage == "refresh"


def test_no_saved_sign_in_is_reported_before_any_network(oauth_apps) -> None:
    with pytest.raises(OAuthError) as caught:
        TokenSource(oauth_apps, SecretStore()).stored(AuthMethod.OAUTH_MICROSOFT, "smtp:company")()
    assert caught.value.error == "not_signed_in"


def test_an_untrusted_sign_in_server_is_refused(oauth_server, oauth_apps, browser) -> None:
    apps = oauth_apps.__class__(**{**oauth_apps.__dict__, "ca_file": ""})
    with pytest.raises(OAuthError) as caught:
        refresh(endpoints_for(AuthMethod.OAUTH_MICROSOFT, apps), "rt-anything")
    assert caught.value.error == "network" and "TLS" in caught.value.description


def test_google_client_secret_comes_from_the_keychain(oauth_apps) -> None:
    secrets = SecretStore()
    secrets.set(GOOGLE_CLIENT_SECRET, GOOGLE_SECRET)
    endpoints = TokenSource(oauth_apps, secrets).endpoints(AuthMethod.OAUTH_GOOGLE)
    assert endpoints.client_secret == GOOGLE_SECRET
    assert GOOGLE_SECRET not in repr(endpoints)
