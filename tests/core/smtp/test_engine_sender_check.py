"""The sender check: login, MAIL FROM and RCPT TO with the sender's own address, RSET — no message."""

from __future__ import annotations

from smtpdesk.core.smtp.engine import run_test
from smtpdesk.core.smtp.result import Stage
from tests.fixtures.smtp_servers import DEFAULT_LOGIN, build_request


def test_a_sender_the_server_takes_passes_and_nothing_is_sent(smtp_server):
    server = smtp_server()

    result = run_test(build_request(server.account(), login_only=True, check_sender=True, lang="en"))

    assert result.ok and result.sender_checked
    assert result.diagnosis.title == "The login and the sender address work"
    assert "“send as”" in result.diagnosis.steps[0]  # restrictions after DATA need a real message
    assert server.commands == [f"MAIL {DEFAULT_LOGIN}", f"RCPT {DEFAULT_LOGIN}", "RSET"]
    assert server.messages == []


def test_a_sender_refused_at_mail_is_diagnosed_without_sending(smtp_server):
    server = smtp_server(own_address_only=True)
    request = build_request(
        server.account(), sender="jan.kowalski@biuro.test", login_only=True, check_sender=True, lang="en"
    )

    result = run_test(request)

    assert (result.code, result.stage) == ("sender_not_allowed", Stage.MAIL)
    assert result.server_reply.startswith("553 5.7.1 <jan.kowalski@biuro.test>: Sender address rejected")
    assert "DATA" not in server.commands and server.messages == []


def test_a_sender_refused_at_rcpt_is_told_apart_from_an_unknown_recipient(smtp_server):
    # Postfix reports sender restrictions at RCPT (smtpd_delay_reject); the recipient here is the
    # sender itself, so the refusal is about the sender.
    server = smtp_server(
        reject={"rcpt": (554, "5.7.1 <anna@biuro.test>: Sender address rejected: Access denied")}
    )

    result = run_test(build_request(server.account(), login_only=True, check_sender=True))

    assert (result.code, result.stage) == ("sender_policy_rejected", Stage.RCPT)
    assert server.messages == []


def test_a_login_only_check_still_sends_no_mail_command(smtp_server):
    server = smtp_server()

    result = run_test(build_request(server.account(), login_only=True))

    assert result.ok and not result.sender_checked
    assert server.commands == []
