"""XOAUTH2 / OAUTHBEARER against an aiosmtpd server that accepts only tokens its authorization
server issued; the token never shows in the transcript, the facts or the diagnosis."""

from __future__ import annotations

import base64
import json

from smtpdesk.core.model import AuthMethod, oauth_token_key
from smtpdesk.core.oauth import OAuthError, TokenSource, endpoints_for, sign_in
from smtpdesk.core.secrets import SecretStore
from smtpdesk.core.smtp.engine import MailTestRequest, run_test
from smtpdesk.core.smtp.sasl_oauth import oauthbearer_response, xoauth2_response
from smtpdesk.demo.oauth_smtp import parse_oauthbearer, parse_xoauth2
from tests.fixtures.oauth_servers import USER

KEY = "smtp:company"


def signed_in(oauth_apps, browser) -> SecretStore:
    secrets = SecretStore()
    result = sign_in(endpoints_for(AuthMethod.OAUTH_MICROSOFT, oauth_apps), browser, timeout=10)
    secrets.set(oauth_token_key(KEY), result.refresh_token)
    return secrets


def request(account, provider, fast_timeouts, **changes) -> MailTestRequest:
    return MailTestRequest(
        account=account,
        password=None,
        sender=USER,
        recipient="klient@example.test",
        timeouts=fast_timeouts,
        token_provider=provider,
        **changes,
    )


def everything(result) -> str:
    parts = [line.text for line in result.transcript]
    parts += [
        result.diagnosis.title,
        result.diagnosis.explanation,
        *result.diagnosis.steps,
        repr(result.facts),
    ]
    return "\n".join(parts)


def all_forms(token: str) -> list[str]:
    return [token, base64.b64encode(xoauth2_response(USER, token).encode()).decode()]


def test_a_mail_goes_out_with_xoauth2_and_a_freshly_refreshed_token(
    oauth_server, oauth_apps, browser, oauth_smtp, fast_timeouts
) -> None:
    server = oauth_smtp()
    secrets = signed_in(oauth_apps, browser)
    issued: list[str] = []
    inner = TokenSource(oauth_apps, secrets).stored(AuthMethod.OAUTH_MICROSOFT, KEY)

    def provider() -> str:
        issued.append(inner())
        return issued[-1]

    result = run_test(request(server.account(), provider, fast_timeouts))

    assert result.ok, result.diagnosis.explanation
    assert server.handler.oauth_logins == [USER]
    assert len(server.handler.messages) == 1
    auth_lines = [line.text for line in result.transcript if line.text.startswith("AUTH")]
    assert auth_lines == ["AUTH XOAUTH2 ********"]
    text = everything(result)
    for form in all_forms(issued[0]):
        assert form not in text
    kept = secrets.get(oauth_token_key(KEY))
    assert kept and kept not in text


def test_oauthbearer_is_preferred_where_offered(
    oauth_server, oauth_apps, browser, oauth_smtp, fast_timeouts
) -> None:
    server = oauth_smtp(mechanisms=("XOAUTH2", "OAUTHBEARER"))
    provider = TokenSource(oauth_apps, signed_in(oauth_apps, browser)).stored(AuthMethod.OAUTH_MICROSOFT, KEY)

    result = run_test(request(server.account(), provider, fast_timeouts, login_only=True))

    assert result.ok, [line.text for line in result.transcript]
    assert any(line.text == "AUTH OAUTHBEARER ********" for line in result.transcript)


def test_a_token_the_server_does_not_accept_gets_the_token_diagnosis(
    oauth_server, oauth_smtp, fast_timeouts
) -> None:
    server = oauth_smtp()
    forged = "at-forged-token-0123456789"

    result = run_test(request(server.account(), lambda: forged, fast_timeouts, login_only=True))

    assert not result.ok
    assert result.code == "oauth_token_rejected"
    assert result.facts is not None and result.facts.reply_code == 535
    assert result.diagnosis.fix is not None and result.diagnosis.fix.kind.value == "sign_in"
    # The run's language is Polish: smtpdesk's own line says so in Polish, around the server's words.
    explained = [line.text for line in result.transcript if line.text.startswith("Wyjaśnienie serwera: ")]
    assert explained and json.loads(explained[0].split(": ", 1)[1])["status"] == "401"
    assert forged not in everything(result)


def test_a_revoked_sign_in_ends_before_anything_is_sent(
    oauth_server, oauth_apps, browser, oauth_smtp, fast_timeouts
) -> None:
    server = oauth_smtp()
    provider = TokenSource(oauth_apps, signed_in(oauth_apps, browser)).stored(AuthMethod.OAUTH_MICROSOFT, KEY)
    oauth_server.revoke_all()

    result = run_test(request(server.account(), provider, fast_timeouts))

    assert result.code == "oauth_sign_in_expired"
    assert result.facts is not None and result.facts.exception == "OAuthError"
    assert "Zaloguj ponownie przez Microsoft" in result.diagnosis.fix.label
    assert not any(line.text.startswith("AUTH") for line in result.transcript)
    assert server.handler.oauth_logins == []


def test_a_server_without_oauth_login_is_explained(smtp_server, fast_timeouts) -> None:
    server = smtp_server()
    account = server.account(auth_method=AuthMethod.OAUTH_GOOGLE)

    def never() -> str:
        raise OAuthError("network", "must not be asked")

    result = run_test(request(account, never, fast_timeouts, login_only=True))

    assert result.code == "oauth_not_offered"
    assert "Google" in result.diagnosis.title


def test_the_sasl_strings_follow_the_rfcs() -> None:
    assert xoauth2_response("a@b.pl", "T") == "user=a@b.pl\x01auth=Bearer T\x01\x01"
    bearer = oauthbearer_response("a,b=c@d.pl", "T", "smtp.d.pl", 587)
    assert bearer == "n,a=a=2Cb=3Dc@d.pl,\x01host=smtp.d.pl\x01port=587\x01auth=Bearer T\x01\x01"
    assert parse_oauthbearer(bearer.encode()) == ("a,b=c@d.pl", "T")
    assert parse_xoauth2(xoauth2_response("a@b.pl", "T").encode()) == ("a@b.pl", "T")
