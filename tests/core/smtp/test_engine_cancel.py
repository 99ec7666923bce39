"""Cancel from another thread ends a run within a second, whatever it is waiting for."""

from __future__ import annotations

import socket
import threading
import time

from smtpdesk.core.model import SmtpAccount
from smtpdesk.core.smtp import network
from smtpdesk.core.smtp.engine import CancelToken, run_test
from smtpdesk.core.smtp.result import ProgressEvent, RunResult, Stage, StageState
from tests.fixtures.smtp_servers import build_request


def _run_in_thread(request, cancel: CancelToken, **options) -> tuple[threading.Thread, list[RunResult]]:
    results: list[RunResult] = []
    worker = threading.Thread(target=lambda: results.append(run_test(request, cancel=cancel, **options)))
    worker.start()
    return worker, results


def test_cancel_while_waiting_for_a_silent_server(silent_server):
    cancel = CancelToken()
    greeting_started = threading.Event()

    def progress(event: ProgressEvent) -> None:
        if event.stage is Stage.GREETING and event.state is StageState.STARTED:
            greeting_started.set()

    # Default timeouts: without Cancel this run would wait 30 s for the greeting.
    request = build_request(silent_server.account(username="a@biuro.test"), "x")
    worker, results = _run_in_thread(request, cancel, on_progress=progress)
    assert greeting_started.wait(5.0)

    cancelled_at = time.monotonic()
    cancel.cancel()
    worker.join(timeout=5.0)

    assert not worker.is_alive()
    assert time.monotonic() - cancelled_at < 1.0
    [result] = results
    assert result.code == "cancelled"
    assert result.facts.cancelled and result.stage is Stage.GREETING


def test_cancel_during_a_hanging_name_lookup():
    cancel = CancelToken()
    lookup_started = threading.Event()
    release = threading.Event()

    def hanging_resolver(host: str, port: int) -> list[network.Address]:
        lookup_started.set()
        release.wait(5.0)
        raise socket.gaierror(socket.EAI_AGAIN, "Temporary failure in name resolution")

    request = build_request(SmtpAccount(host="smtp.biuro.pl", username="a@b.pl"), "x", login_only=True)
    worker, results = _run_in_thread(request, cancel, resolver=hanging_resolver)
    assert lookup_started.wait(5.0)

    cancelled_at = time.monotonic()
    cancel.cancel()
    worker.join(timeout=5.0)
    release.set()

    assert time.monotonic() - cancelled_at < 1.0
    assert results[0].code == "cancelled" and results[0].stage is Stage.DNS


def test_cancelled_before_it_starts_talking(smtp_server):
    server = smtp_server()
    cancel = CancelToken()
    cancel.cancel()

    result = run_test(build_request(server.account()), cancel=cancel)

    assert result.code == "cancelled"
    assert server.auth_logins == [] and server.messages == []
