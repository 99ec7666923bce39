"""Servers that misbehave on purpose: silent, dripping, flooding, garbled, hanging up mid-reply.

Each run must end by its deadline (+ 1 s) with the right diagnosis, and the process must not grow
(the reply bounds of ``core.smtp.replies``), whatever the server sends.
"""

from __future__ import annotations

import itertools
import os
import resource
import socket
import ssl
import sys
import threading
import time
from collections.abc import Callable, Iterator
from typing import Any

import pytest
import trustme

from smtpdesk.core.model import Security, SmtpAccount
from smtpdesk.core.smtp.engine import Timeouts, run_test
from smtpdesk.core.smtp.result import Stage
from tests.fixtures.smtp_servers import HOST, SERVER_NAME, RawServer, build_request

DEADLINE = 2.0
TIMEOUTS = Timeouts(connect=DEADLINE, greeting=DEADLINE, command=DEADLINE, data=DEADLINE, probe=0.5, run=8.0)
GRACE = 1.0
MAX_GROWTH_BYTES = 50 * 1024 * 1024
_EHLO = f"250-{SERVER_NAME}\r\n250-AUTH PLAIN LOGIN\r\n250 8BITMIME\r\n".encode()
_REPLIES = {
    b"EHLO": _EHLO,
    b"AUTH": b"235 2.7.0 Authentication successful\r\n",
    b"MAIL": b"250 2.1.0 Ok\r\n",
    b"RCPT": b"250 2.1.5 Ok\r\n",
    b"RSET": b"250 2.0.0 Ok\r\n",
    b"DATA": b"354 End data with <CR><LF>.<CR><LF>\r\n",
    b"QUIT": b"221 2.0.0 Bye\r\n",
}


def _rss() -> int:
    """The process's resident size now, in bytes (Linux; elsewhere the peak so far)."""
    try:
        with open("/proc/self/statm", encoding="ascii") as statm:
            return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
    except OSError:
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        return peak if sys.platform == "darwin" else peak * 1024


class _Memory:
    """The most the process grew while hostile servers were talked to, sampled every 10 ms."""

    def __init__(self) -> None:
        self.baseline = _rss()
        self.peak = self.baseline

    def watch(self, work: Callable[[], Any]) -> Any:
        done = threading.Event()

        def sample() -> None:
            while not done.wait(0.01):
                self.peak = max(self.peak, _rss())

        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()
        try:
            return work()
        finally:
            done.set()
            sampler.join()
            self.peak = max(self.peak, _rss())

    @property
    def growth(self) -> int:
        return self.peak - self.baseline


_MEMORY: list[_Memory] = []


@pytest.fixture
def memory() -> _Memory:
    # One baseline for the whole module, taken when its first test starts.
    if not _MEMORY:
        _MEMORY.append(_Memory())
    return _MEMORY[0]


def _send_forever(
    conn: socket.socket, stopping: threading.Event, chunk: Callable[[], bytes], pause: float
) -> None:
    """Keep sending until the client leaves or the server stops (an OSError ends it)."""
    conn.settimeout(1.0)
    while not stopping.is_set():
        conn.sendall(chunk())
        if pause and stopping.wait(pause):
            return


def _misbehave(conn: socket.socket, stopping: threading.Event, how: str) -> None:
    if how == "silence":
        stopping.wait(10)
    elif how == "drip":
        reply = itertools.chain(b"250-", itertools.repeat(ord("x")))
        _send_forever(conn, stopping, lambda: bytes([next(reply)]), 0.05)
    elif how == "endless":
        _send_forever(conn, stopping, lambda: b"250-more of the same reply\r\n" * 64, 0.0)
    elif how == "huge":
        conn.sendall(b"220 " + b"A" * 1_048_576 + b"\r\n")
        stopping.wait(5)
    elif how == "garbage":
        _send_forever(conn, stopping, lambda: os.urandom(65536).replace(b"\n", b"\x00"), 0.0)
    elif how == "close_mid_reply":
        conn.sendall(b"250-first line of three\r\n")
        conn.shutdown(socket.SHUT_RDWR)


def hostile_handler(at: str, how: str, context: ssl.SSLContext | None = None) -> Callable[..., None]:
    """Greets and answers like a server, until the step ``at`` (a verb, "greeting" or "dot"
    for the reply after the message), where it misbehaves as ``how`` says."""

    def handle(conn: socket.socket, stopping: threading.Event) -> None:
        if context is None:
            converse(conn, stopping)
            return
        conn.settimeout(5)
        with context.wrap_socket(conn, server_side=True) as tls:
            converse(tls, stopping)

    def converse(conn: socket.socket, stopping: threading.Event) -> None:
        if at == "greeting":
            _misbehave(conn, stopping, how)
            return
        conn.sendall(f"220 {SERVER_NAME} ESMTP\r\n".encode())
        reader = conn.makefile("rb")
        conn.settimeout(5)
        in_data = False
        for line in reader:
            if stopping.is_set():
                return
            if in_data:
                if line.rstrip(b"\r\n") == b".":
                    in_data = False
                    if at == "dot":
                        _misbehave(conn, stopping, how)
                        return
                    conn.sendall(b"250 2.0.0 Ok: queued as HOSTILE1\r\n")
                continue
            verb = line.split(b" ", 1)[0].strip().upper()
            if verb.decode("ascii", "replace").lower() == at:
                _misbehave(conn, stopping, how)
                return
            conn.sendall(_REPLIES.get(verb, b"502 5.5.2 Command not recognised\r\n"))
            in_data = verb == b"DATA"
            if verb == b"QUIT":
                return

    return handle


@pytest.fixture
def hostile() -> Iterator[Callable[..., RawServer]]:
    servers: list[RawServer] = []

    def start(at: str, how: str, context: ssl.SSLContext | None = None) -> RawServer:
        server = RawServer(hostile_handler(at, how, context))
        servers.append(server)
        return server

    yield start
    for server in servers:
        server.stop()


def _account(port: int, security: Security = Security.NONE) -> SmtpAccount:
    return SmtpAccount(
        host=HOST, port=port, username="anna@biuro.test", security=security, allow_plaintext_auth=True
    )


def _run(account: SmtpAccount, **options: Any) -> tuple[Any, float]:
    started = time.monotonic()
    result = run_test(build_request(account, "Hasło-1", timeouts=TIMEOUTS, alternative_ports=(), **options))
    return result, time.monotonic() - started


@pytest.mark.parametrize(
    ("at", "how", "stage", "codes"),
    [
        ("greeting", "silence", Stage.GREETING, ("greeting_timeout",)),
        ("greeting", "drip", Stage.GREETING, ("greeting_timeout",)),
        ("ehlo", "drip", Stage.EHLO, ("connection_dropped",)),
        ("auth", "drip", Stage.AUTH, ("connection_dropped",)),
        ("dot", "drip", Stage.DATA, ("connection_dropped",)),
        ("greeting", "garbage", Stage.GREETING, ("not_smtp_service",)),
        ("ehlo", "garbage", Stage.EHLO, ("bad_server_reply",)),
        ("ehlo", "endless", Stage.EHLO, ("bad_server_reply",)),
        ("greeting", "huge", Stage.GREETING, ("bad_server_reply",)),
        ("ehlo", "close_mid_reply", Stage.EHLO, ("connection_dropped",)),
    ],
)
def test_a_hostile_server_ends_by_its_deadline_with_a_diagnosis(hostile, memory, at, how, stage, codes):
    server = hostile(at, how)

    result, elapsed = memory.watch(lambda: _run(_account(server.port), lang="en"))

    assert result.code in codes
    assert result.stage is stage
    assert elapsed < DEADLINE + GRACE
    # smtpdesk's own findings are never shown as the server's words.
    if result.code == "bad_server_reply":
        assert result.server_reply is None
        assert "500 Line too long" not in result.diagnosis.explanation
    assert memory.growth < MAX_GROWTH_BYTES


def test_an_endless_reply_is_named_as_such(hostile):
    server = hostile("ehlo", "endless")

    result, _ = _run(_account(server.port), lang="en")

    assert result.diagnosis.title == f"{HOST} sends a reply that never ends"
    assert "100 lines per reply" in result.diagnosis.explanation
    assert len(result.transcript) <= 620


def test_tls_then_silence_ends_at_the_greeting_deadline(hostile, server_certs, tls_ca_file):
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    server_certs["valid"].configure_cert(context)
    server = hostile("greeting", "silence", context)
    account = _account(server.port, Security.SSL).with_changes(ca_file=tls_ca_file)

    result, elapsed = _run(account, lang="en")

    assert (result.code, result.stage) == ("greeting_timeout", Stage.GREETING)
    assert elapsed < DEADLINE + GRACE


def test_a_silent_tls_peer_ends_at_the_tls_deadline(silent_server):
    result, elapsed = _run(_account(silent_server.port, Security.SSL), lang="en")

    assert result.stage is Stage.TLS
    assert result.code in ("tls_handshake_failed", "connection_dropped")
    assert elapsed < DEADLINE + GRACE


def test_auto_on_a_tls_port_finds_implicit_tls_within_the_probe_time(smtp_server):
    server = smtp_server(mode="implicit")
    account = server.account(security=Security.AUTO)

    started = time.monotonic()
    result = run_test(build_request(account, timeouts=TIMEOUTS, alternative_ports=()))
    elapsed = time.monotonic() - started

    assert result.ok
    assert result.security_used is Security.SSL
    assert elapsed < TIMEOUTS.probe + GRACE


def test_the_run_deadline_caps_a_server_that_drips_at_every_step(hostile):
    # Every stage alone would be allowed 2 s; the run as a whole only 3.
    server = hostile("greeting", "drip")
    timeouts = Timeouts(connect=2, greeting=5, command=2, data=2, probe=0.5, run=3)

    started = time.monotonic()
    result = run_test(build_request(_account(server.port), "x", timeouts=timeouts, alternative_ports=()))

    assert time.monotonic() - started < timeouts.run + GRACE
    assert result.code == "greeting_timeout"


def test_memory_stays_flat_across_the_hostile_suite(memory) -> None:
    # Runs after the scenarios above: the most the process grew over all of them.
    assert memory.growth < MAX_GROWTH_BYTES


def test_a_certificate_fixture_is_a_real_one(server_certs: dict[str, trustme.LeafCert]) -> None:
    assert server_certs["valid"].cert_chain_pems
