"""Facts the engine gathers for the diagnosis: other ports that answer, the resolver's own words,
and the language of the lines smtpdesk writes into the conversation record."""

from __future__ import annotations

import socket
import threading

import pytest

from smtpdesk.core.diagnosis.model import FixKind
from smtpdesk.core.model import Security
from smtpdesk.core.smtp import network
from smtpdesk.core.smtp.engine import Timeouts, run_test
from smtpdesk.core.smtp.result import Stage
from tests.fixtures.smtp_servers import build_request

FAST = Timeouts(connect=2, greeting=2, command=2, data=2, probe=0.5, run=6)


@pytest.mark.parametrize(
    ("mode", "security", "label"), [("starttls", "starttls", "STARTTLS"), ("implicit", "ssl", "SSL/TLS")]
)
def test_a_refused_port_offers_the_port_of_the_same_server_that_answers(
    smtp_server, closed_port, mode, security, label
):
    server = smtp_server(mode=mode)
    account = server.account(port=closed_port.port, security=Security.AUTO)

    result = run_test(build_request(account, timeouts=FAST, alternative_ports=(server.port,), lang="en"))

    assert (result.code, result.stage) == ("connection_refused", Stage.CONNECT)
    assert result.facts.answering_ports == ((server.port, security),)
    fix = result.diagnosis.fixes[0]
    assert fix.kind is FixKind.SET_PORT and fix.params == {"port": server.port, "security": security}
    assert fix.label == f"Port {server.port} answers — switch ({label})"
    assert any(f"answers on port {server.port} ({label})" in step for step in result.diagnosis.steps)


def test_nothing_is_offered_when_no_other_port_answers(closed_port):
    with socket.create_server(("127.0.0.1", 0)) as probe:
        other = probe.getsockname()[1]
    result = run_test(
        build_request(
            closed_port.account(username="a@b.test"), "x", timeouts=FAST, alternative_ports=(other,)
        )
    )

    assert result.code == "connection_refused"
    assert result.facts.answering_ports == ()
    assert result.diagnosis.fixes == ()


def _failing_resolver(errno: int, text: str):
    def resolve(host: str, port: int) -> list[network.Address]:
        if host == network.DNS_PROBE_NAME:
            return [(socket.AF_INET, ("127.0.0.1", port))]
        raise socket.gaierror(errno, text)

    return resolve


@pytest.mark.parametrize(
    ("errno", "text", "code", "kind"),
    [
        (socket.EAI_NONAME, "Name or service not known", "host_not_found", "no such name (NXDOMAIN)"),
        (socket.EAI_FAIL, "Non-recoverable failure in name resolution", "host_not_found", "SERVFAIL"),
    ],
)
def test_dns_failures_show_the_resolvers_own_words(errno, text, code, kind):
    result = run_test(
        build_request(_dns_account(), "x", timeouts=FAST, lang="en"), resolver=_failing_resolver(errno, text)
    )

    assert (result.code, result.stage) == (code, Stage.DNS)
    assert f"“{text}”" in result.diagnosis.explanation
    assert kind in result.diagnosis.explanation


def test_a_resolver_that_never_answers_ends_at_the_deadline_as_a_timeout():
    release = threading.Event()

    def hanging(host: str, port: int) -> list[network.Address]:
        release.wait(10)
        return []

    try:
        result = run_test(build_request(_dns_account(), "x", timeouts=FAST, lang="en"), resolver=hanging)
    finally:
        release.set()

    assert result.stage is Stage.DNS
    assert result.facts.dns_kind == "timeout"
    assert "did not answer in time" in result.diagnosis.explanation


def _dns_account():
    from smtpdesk.core.model import SmtpAccount

    return SmtpAccount(host="smtp.nie-ma-takiej.test", port=587, username="a@b.test")


@pytest.mark.parametrize(
    ("lang", "looking_up", "connecting"),
    [("pl", "Wyszukiwanie adresu", "Łączenie z"), ("en", "Looking up", "Connecting to")],
)
def test_the_lines_smtpdesk_writes_are_in_the_language_of_the_run(smtp_server, lang, looking_up, connecting):
    server = smtp_server()
    result = run_test(build_request(server.account(), lang=lang))

    own = [line.text for line in result.transcript if line.dir == "info"]
    assert own[0].startswith(looking_up)
    assert any(text.startswith(connecting) for text in own)
