"""The server says no: at the greeting, EHLO, MAIL, RCPT or after DATA."""

from __future__ import annotations

import pytest

from smtpdesk.core.model import Security
from smtpdesk.core.smtp.engine import run_test
from smtpdesk.core.smtp.result import Stage
from tests.fixtures.smtp_servers import build_request

LOGIN = "anna@biuro.test"


def test_sender_other_than_the_login_is_refused(smtp_server):
    server = smtp_server(own_address_only=True)

    result = run_test(build_request(server.account(), sender="jan.kowalski@biuro.test"))

    assert result.code == "sender_not_allowed"
    assert result.stage is Stage.MAIL
    assert result.server_reply == (
        f"553 5.7.1 <jan.kowalski@biuro.test>: Sender address rejected: not owned by user {LOGIN}"
    )
    assert result.facts.enhanced_code == "5.7.1"
    assert server.messages == []
    # After a refusal the engine says goodbye properly.
    assert result.transcript[-2].text == "QUIT"


def test_sender_mismatch_reported_at_rcpt_is_still_a_sender_problem(smtp_server):
    text = f"5.7.1 <jan@biuro.test>: Sender address rejected: not owned by user {LOGIN}"
    server = smtp_server(reject={"rcpt": (553, text)})

    result = run_test(build_request(server.account(), sender="jan@biuro.test"))

    assert result.code == "sender_not_allowed"
    assert result.stage is Stage.RCPT


def test_unknown_recipient(smtp_server):
    server = smtp_server(
        reject={"rcpt": (550, "5.1.1 <nikt@biuro.test>: Recipient address rejected: User unknown")}
    )

    result = run_test(build_request(server.account(), recipient="nikt@biuro.test"))

    assert result.code == "recipient_unknown"
    assert result.stage is Stage.RCPT
    assert result.facts.enhanced_code == "5.1.1"


def test_content_rejected_as_spam(smtp_server):
    server = smtp_server(reject={"data": (554, "5.7.1 Message rejected as spam")})

    result = run_test(build_request(server.account()))

    assert result.code == "content_rejected"
    assert result.stage is Stage.DATA
    assert result.queue_id is None


@pytest.mark.parametrize(
    ("options", "stage"),
    [
        ({"reject": {"data": (552, "5.3.4 Message size exceeds fixed limit")}}, Stage.DATA),
        ({"max_size": 200}, Stage.MAIL),  # the engine announces SIZE; the server refuses at MAIL
    ],
)
def test_message_too_large(smtp_server, options, stage):
    server = smtp_server(**options)

    result = run_test(build_request(server.account()))

    assert result.code == "message_too_large"
    assert result.stage is stage
    assert result.facts.reply_code == 552


def test_sending_without_login_where_login_is_required(smtp_server):
    server = smtp_server()

    result = run_test(build_request(server.account(username=""), None, sender="biuro@biuro.test"))

    assert result.code == "auth_required"
    assert result.stage is Stage.MAIL


@pytest.mark.parametrize(
    ("greeting", "code"),
    [
        ((421, "4.7.0 smtp.biuro.test Error: too many connections from 127.0.0.1"), "server_busy"),
        (
            (554, "5.7.1 Service unavailable; Client host [127.0.0.1] blocked using zen.spamhaus.org"),
            "client_blocked",
        ),
    ],
)
def test_refusal_at_the_greeting(smtp_server, greeting, code):
    server = smtp_server(reject={"greeting": greeting})

    result = run_test(build_request(server.account()))

    assert result.code == code
    assert result.stage is Stage.GREETING
    assert result.facts.reply_code == greeting[0]
    assert result.server_reply == f"{greeting[0]} {greeting[1]}"


def test_ehlo_refused(smtp_server):
    server = smtp_server(reject={"ehlo": (501, "5.5.4 Helo command rejected: need fully-qualified hostname")})

    result = run_test(build_request(server.account()))

    assert result.code == "helo_rejected"
    assert result.stage is Stage.EHLO


def test_non_ascii_sender_needs_smtputf8(scripted_server):
    server = scripted_server()  # announces no SMTPUTF8

    account = server.account(username="", security=Security.NONE)

    result = run_test(build_request(account, None, sender="łukasz@biuro.test"))

    assert result.code == "smtputf8_required"
    assert result.stage is Stage.MAIL
