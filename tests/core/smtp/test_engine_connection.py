"""Before SMTP proper: settings, name lookup, refused, silent, hanging-up and foreign servers."""

from __future__ import annotations

import socket
import time

import pytest

from smtpdesk.core.model import Security, SmtpAccount
from smtpdesk.core.smtp import network
from smtpdesk.core.smtp.engine import run_test
from smtpdesk.core.smtp.result import Stage
from tests.fixtures.smtp_servers import build_request


# --- settings --------------------------------------------------------------------------------------
def test_no_server_configured():
    result = run_test(build_request(SmtpAccount(), None, sender="a@biuro.test"))

    assert result.code == "no_server_configured"
    assert result.stage is Stage.CONFIG
    assert result.transcript == [] and result.timings_ms == {}


@pytest.mark.parametrize(
    "changes",
    [
        {"password": None},  # a login without a password
        {"sender": "anna@biuro.test\r\nBcc: x@example.test"},
        {"recipient": ""},
    ],
)
def test_unusable_settings_stop_before_the_network(changes):
    values = {"password": "x", "sender": "anna@biuro.test", "recipient": "klient@example.test", **changes}
    account = SmtpAccount(host="smtp.biuro.invalid", username="anna@biuro.test")

    result = run_test(
        build_request(account, values["password"], sender=values["sender"], recipient=values["recipient"])
    )

    assert result.code == "invalid_settings"
    assert result.stage is Stage.CONFIG
    assert result.transcript == []


# --- name lookup -------------------------------------------------------------------------------------
def test_invalid_top_level_domain_is_not_found_without_asking_dns():
    result = run_test(
        build_request(SmtpAccount(host="smtp.biuro.invalid", username="a@b.pl"), "x", login_only=True)
    )

    assert result.code == "host_not_found"
    assert result.stage is Stage.DNS
    assert result.facts.dns_works is None  # nothing was asked, so nothing is known about DNS


def test_unknown_host_while_dns_works():
    asked: list[str] = []

    def resolver(host: str, port: int) -> list[network.Address]:
        asked.append(host)
        if host == network.DNS_PROBE_NAME:
            return [(socket.AF_INET, ("192.0.2.1", port))]
        raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")

    result = run_test(
        build_request(SmtpAccount(host="smpt.biuro.pl", username="a@b.pl"), "x", login_only=True),
        resolver=resolver,
    )

    assert result.code == "host_not_found"
    assert result.facts.dns_works is True
    assert asked == ["smpt.biuro.pl", network.DNS_PROBE_NAME]


def test_no_dns_at_all():
    def resolver(host: str, port: int) -> list[network.Address]:
        raise socket.gaierror(socket.EAI_AGAIN, "Temporary failure in name resolution")

    result = run_test(
        build_request(SmtpAccount(host="smtp.biuro.pl", username="a@b.pl"), "x", login_only=True),
        resolver=resolver,
    )

    assert result.code == "dns_unavailable"
    assert result.facts.dns_works is False


# --- TCP -----------------------------------------------------------------------------------------------
def test_closed_port_refuses(closed_port):
    result = run_test(build_request(closed_port.account(username="a@biuro.test"), "x"))

    assert result.code == "connection_refused"
    assert result.stage is Stage.CONNECT
    assert result.facts.exception == "ConnectionRefusedError"


def test_silent_server_runs_into_the_greeting_timeout(silent_server, fast_timeouts):
    started = time.monotonic()
    result = run_test(
        build_request(silent_server.account(username="a@biuro.test"), "x", timeouts=fast_timeouts, lang="en")
    )
    elapsed = time.monotonic() - started

    assert result.code == "greeting_timeout"
    assert result.stage is Stage.GREETING
    assert fast_timeouts.greeting <= elapsed < fast_timeouts.greeting + 1.0
    texts = [line.text for line in result.transcript]
    # The probe for implicit TLS ran (a second connection) and found none.
    assert any(t.startswith("No greeting after 0.5 s") for t in texts)
    assert "No TLS there either; still waiting for the greeting" in texts
    assert silent_server.accepted == 2


def test_slow_greeting_is_waited_for_after_the_tls_probe(scripted_server, fast_timeouts):
    # Greets after 1.5 s: after the probe (0.5 s wait + up to 0.5 s handshake) gave up, before
    # the 2 s greeting timeout.
    server = scripted_server(delay=1.5)
    account = server.account(username="a@biuro.test", security=Security.NONE, allow_plaintext_auth=True)

    result = run_test(build_request(account, "x", timeouts=fast_timeouts, lang="en"))

    assert result.code == "ok"
    assert "No TLS there either; still waiting for the greeting" in [line.text for line in result.transcript]
    # The server counts its 1.5 s from accepting the connection, a moment before the stage starts.
    assert 1400 <= result.timings_ms["greeting"] < 2000


@pytest.mark.parametrize(
    "greeting",
    ["+OK Dovecot ready.", "* OK [CAPABILITY IMAP4rev1] Dovecot ready.", "HTTP/1.1 400 Bad Request"],
)
def test_another_service_on_the_port(smtp_server, greeting):
    server = smtp_server(greeting=greeting)

    result = run_test(build_request(server.account(security=Security.STARTTLS)))

    assert result.code == "not_smtp_service"
    assert result.stage is Stage.GREETING
    assert result.facts.greeting == greeting
    assert result.server_reply == greeting


@pytest.mark.parametrize(
    ("on_connect", "exception"), [("reset", "ConnectionResetError"), ("close", "SMTPServerDisconnected")]
)
def test_server_hanging_up_at_once(scripted_server, fast_timeouts, on_connect, exception):
    server = scripted_server(on_connect=on_connect)

    result = run_test(build_request(server.account(username="a@biuro.test"), "x", timeouts=fast_timeouts))

    assert result.code == "connection_reset"
    # A reset can overtake the end of the TCP handshake: then connect() itself reports it.
    assert result.stage in ((Stage.CONNECT, Stage.GREETING) if on_connect == "reset" else (Stage.GREETING,))
    assert result.facts.exception == exception


@pytest.mark.parametrize(
    ("verb", "stage"), [("EHLO", Stage.EHLO), ("AUTH", Stage.AUTH), ("DATA", Stage.DATA)]
)
def test_server_hanging_up_mid_session(scripted_server, verb, stage):
    server = scripted_server(close_after=verb)
    account = server.account(username="a@biuro.test", security=Security.NONE, allow_plaintext_auth=True)

    result = run_test(build_request(account, "x"))

    assert result.code == "connection_dropped"
    assert result.stage is stage
    assert result.facts.exception == "SMTPServerDisconnected"


def test_timeouts_must_be_positive():
    from smtpdesk.core.smtp.engine import Timeouts

    with pytest.raises(ValueError, match="greeting"):
        Timeouts(greeting=0)
