"""Internationalised addresses (RFC 6531): sent with SMTPUTF8 where the server offers it, and a
precise diagnosis where it does not — never a traceback or a mangled address."""

from __future__ import annotations

from smtpdesk.core.smtp.engine import run_test
from smtpdesk.core.smtp.result import Stage
from tests.fixtures.smtp_servers import DEFAULT_LOGIN, DEFAULT_PASSWORD, build_request

INTERNATIONAL = "zażółć@agency.test"


def test_an_internationalised_recipient_goes_with_smtputf8_when_offered(smtp_server):
    server = smtp_server(smtputf8=True)

    result = run_test(build_request(server.account(), recipient=INTERNATIONAL))

    assert result.ok, result.diagnosis.explanation
    assert server.commands[0].endswith("SMTPUTF8")
    assert server.messages[0].rcpt_tos == [INTERNATIONAL]


def test_an_internationalised_sender_is_diagnosed_when_smtputf8_is_missing(smtp_server):
    server = smtp_server(users={INTERNATIONAL: DEFAULT_PASSWORD})

    result = run_test(build_request(server.account(), lang="en"))

    assert (result.code, result.stage) == ("smtputf8_required", Stage.MAIL)
    assert INTERNATIONAL in result.diagnosis.explanation and "SMTPUTF8" in result.diagnosis.explanation
    assert result.server_reply is None
    assert server.commands == [] and server.messages == []


def test_a_domain_with_polish_letters_needs_no_smtputf8(smtp_server):
    server = smtp_server()

    result = run_test(build_request(server.account(), recipient="jan@łódź.test"))

    assert result.ok
    assert server.messages[0].rcpt_tos == ["jan@xn--d-uga0v4h.test"]
    assert server.commands[0].startswith(f"MAIL {DEFAULT_LOGIN}") and "SMTPUTF8" not in server.commands[0]
