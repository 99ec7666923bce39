"""The server says no: at the greeting, EHLO, MAIL, RCPT or after DATA."""

from __future__ import annotations

import pytest

from smtpdesk.core.diagnosis.codes import TEMPORARY_CODES
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
    ],
)
def test_message_too_large(smtp_server, options, stage):
    server = smtp_server(**options)

    result = run_test(build_request(server.account()))

    assert result.code == "message_too_large"
    assert result.stage is stage
    assert result.facts.reply_code == 552


def test_message_over_the_announced_size_is_not_sent_and_the_limit_is_named(smtp_server):
    server = smtp_server(max_size=200)

    result = run_test(build_request(server.account(), lang="en"))

    assert result.code == "message_too_large"
    assert result.stage is Stage.MAIL
    assert result.facts.size_limit == 200 and result.facts.message_size > 200
    assert result.server_reply is None  # smtpdesk's own finding, not the server's words
    assert "200" in result.diagnosis.explanation
    assert not any(line.text.startswith("MAIL FROM") for line in result.transcript)
    assert server.messages == []


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


# Provider and server wordings from the failure catalogue, said by a real server at the stage where
# real servers say them: each must reach its own diagnosis, not a generic one.
@pytest.mark.parametrize(
    ("refusal", "code"),
    [
        (
            {"auth": (534, "5.7.9 Application-specific password required. Learn more at support.google.com")},
            "auth_app_password_required",
        ),
        (
            {"auth": (535, "5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled")},
            "auth_disabled_by_provider",
        ),
        ({"auth": (535, "5.7.1 Your account has been suspended")}, "account_blocked"),
        ({"auth": (454, "4.7.0 Cannot authenticate due to temporary system problem")}, "temporary_failure"),
        ({"mail": (501, "5.1.7 Bad sender address syntax")}, "sender_invalid"),
        (
            {"mail": (550, "5.7.0 [SPF] 127.0.0.1 is not allowed to send mail from domain biuro.test")},
            "sender_policy_rejected",
        ),
        ({"mail": (554, "5.7.1 Your account has been suspended")}, "account_blocked"),
        ({"rcpt": (554, "5.7.1 <klient@example.test>: Relay access denied")}, "relay_denied"),
        (
            {"rcpt": (450, "4.2.0 <klient@example.test>: Recipient address rejected: Greylisted")},
            "recipient_deferred",
        ),
        ({"rcpt": (452, "4.5.3 Too many recipients")}, "too_many_recipients"),
        ({"data": (550, "5.4.5 Daily user sending quota exceeded.")}, "quota_exceeded"),
        ({"data": (554, "5.0.0 Error: transaction failed")}, "data_rejected"),
        ({"data": (451, "4.3.0 Requested action aborted: local error in processing")}, "temporary_failure"),
    ],
    ids=lambda value: next(iter(value)) if isinstance(value, dict) else value,
)
def test_each_refusal_of_a_real_server_gets_its_own_diagnosis(smtp_server, refusal, code):
    server = smtp_server(reject=refusal)
    [(verb, (reply_code, text))] = refusal.items()

    result = run_test(build_request(server.account()))

    assert result.code == code, result.server_reply
    assert result.stage is Stage(verb)
    assert result.server_reply == f"{reply_code} {text}"
    # A 4xx, or a limit that lifts by itself: the same settings may work later.
    assert result.diagnosis.temporary is (reply_code < 500 or code in TEMPORARY_CODES)
    assert server.messages == []
