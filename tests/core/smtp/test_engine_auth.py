"""Login failures, and the password never showing up anywhere — in no form."""

from __future__ import annotations

import base64
import json
import logging

import pytest

from smtpdesk.core.model import Security
from smtpdesk.core.smtp.engine import run_test
from smtpdesk.core.smtp.result import Stage
from tests.fixtures.smtp_servers import build_request

POLISH_PASSWORD = "Źdźbło-Łąki-żółć-9"
LOGIN = "anna@biuro.test"


def test_wrong_password_is_tried_once(smtp_server):
    server = smtp_server()

    result = run_test(build_request(server.account(), "zle-haslo"))

    assert result.code == "auth_failed"
    assert result.stage is Stage.AUTH
    assert result.facts.reply_code == 535 and result.facts.enhanced_code == "5.7.8"
    assert result.server_reply == "535 5.7.8 Authentication credentials invalid"
    # Servers lock accounts after a few failures: one wrong password is one attempt.
    assert server.auth_logins == [LOGIN]


def test_server_without_auth(smtp_server):
    # Plain server that hides AUTH until TLS, which it does not have.
    server = smtp_server(mode="plain")

    result = run_test(build_request(server.account(security=Security.NONE, allow_plaintext_auth=True)))

    assert result.code == "auth_not_offered"
    assert result.facts.auth_mechanisms == ()
    assert server.auth_commands == 0


def test_too_many_login_attempts(smtp_server):
    server = smtp_server(reject={"auth": (454, "4.7.0 Too many login attempts, please try again later.")})

    result = run_test(build_request(server.account()))

    assert result.code == "auth_rate_limited"
    assert result.diagnosis.temporary
    assert result.facts.reply_code == 454


def _password_forms(login: str, password: str) -> list[str]:
    raw = password.encode("utf-8")
    return [
        password,
        base64.b64encode(raw).decode(),
        base64.b64encode(b"\0" + login.encode() + b"\0" + raw).decode(),
        raw.decode("latin-1"),
        repr(raw)[2:-1],
        password.encode("unicode_escape").decode(),
    ]


def _assert_hidden(result, texts: list[str], login: str, password: str) -> None:
    outputs = [
        json.dumps(result.to_json(), ensure_ascii=False),
        json.dumps(result.to_json()),
        repr(result),
        *texts,
    ]
    for form in _password_forms(login, password):
        for output in outputs:
            assert form not in output
    # A part of the password is not shown either (e.g. cut at a multi-byte letter).
    for output in outputs:
        assert password[2:-2] not in output


@pytest.mark.parametrize("mechanism", ["PLAIN", "LOGIN"])
@pytest.mark.parametrize("accepted", [True, False])
def test_password_never_appears_in_result_transcript_or_logs(smtp_server, caplog, mechanism, accepted):
    server = smtp_server(users={LOGIN: POLISH_PASSWORD if accepted else "inne"}, auth_mechanisms=(mechanism,))
    caplog.set_level(logging.DEBUG)

    result = run_test(build_request(server.account(), POLISH_PASSWORD))

    assert result.code == ("ok" if accepted else "auth_failed")
    assert server.auth_logins == [LOGIN]
    texts = [line.text for line in result.transcript] + [caplog.text]
    if result.facts is not None:
        texts += [result.facts.message, result.facts.reply_text]
    _assert_hidden(result, texts, LOGIN, POLISH_PASSWORD)
    assert f"AUTH {mechanism}" in " ".join(line.text for line in result.transcript)


def test_password_is_not_in_the_request_repr():
    from smtpdesk.core.model import SmtpAccount

    request = build_request(SmtpAccount(host="smtp.biuro.test", username=LOGIN), POLISH_PASSWORD)

    assert POLISH_PASSWORD not in repr(request)


def test_password_echoed_by_a_broken_server_is_scrubbed(scripted_server):
    # A server that repeats what it got; the engine must not pass the password on.
    blob = base64.b64encode(f"\0{LOGIN}\0{POLISH_PASSWORD}".encode()).decode()
    server = scripted_server(replies={"AUTH": f"535 5.7.8 Bad credentials: {blob} / {POLISH_PASSWORD}"})

    result = run_test(
        build_request(
            server.account(security=Security.NONE, allow_plaintext_auth=True, username=LOGIN), POLISH_PASSWORD
        )
    )

    assert result.code == "auth_failed"
    _assert_hidden(
        result, [line.text for line in result.transcript] + [result.facts.message], LOGIN, POLISH_PASSWORD
    )
    assert "********" in result.server_reply


def test_server_offering_only_mechanisms_smtpdesk_cannot_use(scripted_server):
    server = scripted_server(replies={"EHLO": "250-mail.firma.local\r\n250 AUTH NTLM GSSAPI"})
    account = server.account(security=Security.NONE, allow_plaintext_auth=True, username=LOGIN)

    result = run_test(build_request(account, POLISH_PASSWORD))

    assert result.code == "auth_mechanism_unsupported"
    assert result.facts.auth_mechanisms == ("NTLM", "GSSAPI")
