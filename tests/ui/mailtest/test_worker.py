"""A run on its own thread: stages reach the window as they happen, on the window's thread, and
every run can be stopped at once when the application quits."""

from __future__ import annotations

import threading

from PySide6.QtCore import QThread

from smtpdesk.core.smtp.result import ProgressEvent, RunResult, Stage, StageState
from smtpdesk.ui.mailtest.worker import MailTestRun, cancel_all_runs, live_runs
from tests.fixtures.smtp_servers import build_request
from tests.ui.mailtest.conftest import SLOW_TIMEOUTS, WAIT_MS


def test_stages_arrive_in_order_on_the_gui_thread(qtbot, smtp_server, fast_timeouts):
    server = smtp_server()
    request = build_request(server.account(), recipient=server.login, timeouts=fast_timeouts)
    events: list[ProgressEvent] = []
    threads: set[object] = set()
    recorded_on: list[str] = []

    def progress(event: ProgressEvent) -> None:
        events.append(event)
        threads.add(QThread.currentThread())

    run = MailTestRun(request, record=lambda _result: recorded_on.append(threading.current_thread().name))
    run.progress.connect(progress)
    with qtbot.waitSignal(run.finished, timeout=WAIT_MS) as finished:
        run.start()
        assert run.running

    result = finished.args[0]
    assert isinstance(result, RunResult) and result.ok
    assert threads == {QThread.currentThread()}  # the window's thread: safe to touch widgets
    assert recorded_on and recorded_on[0] != threading.current_thread().name  # stored off the GUI
    started = [e.stage for e in events if e.state is StageState.STARTED]
    assert started.index(Stage.CONNECT) < started.index(Stage.TLS) < started.index(Stage.AUTH)
    assert started.index(Stage.AUTH) < started.index(Stage.DATA)
    qtbot.waitUntil(lambda: run.thread_finished and not live_runs(), timeout=WAIT_MS)
    assert not run.running


def test_quitting_stops_every_run_still_going(qtbot, silent_server):
    account = silent_server.account(username="a@biuro.test")
    request = build_request(account, recipient=account.username, login_only=True, timeouts=SLOW_TIMEOUTS)
    runs = [MailTestRun(request) for _ in range(3)]
    for run in runs:
        run.start()
    qtbot.waitUntil(lambda: silent_server.accepted == 3, timeout=WAIT_MS)

    assert cancel_all_runs(wait_ms=1000)

    assert all(run.thread_finished for run in runs)
    qtbot.waitUntil(lambda: all(run.result is not None for run in runs), timeout=1000)
    assert {run.result.code for run in runs if run.result is not None} == {"cancelled"}
