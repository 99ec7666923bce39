"""One test run on a background QThread, so the window never freezes.

``MailTestRun`` owns the thread. A run outlives the widget that started it: closing a window only
cancels it, and the run keeps itself alive until its thread has really ended, so Qt never
destroys a running thread.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject, Qt, QThread, Signal, Slot

from smtpdesk.core.smtp.engine import CancelToken, MailTestRequest, run_test
from smtpdesk.core.smtp.result import RunResult

log = logging.getLogger(__name__)

# Called on the worker thread with the finished result (e.g. to store it in the history).
Recorder = Callable[[RunResult], None]

_live_runs: set[MailTestRun] = set()


class MailTestWorker(QObject):
    """Lives on the worker thread; calls the engine and reports through signals."""

    progress = Signal(object)  # ProgressEvent
    finished = Signal(object)  # RunResult, or None when the engine had a defect

    def __init__(self, request: MailTestRequest, token: CancelToken, record: Recorder | None = None) -> None:
        super().__init__()
        self._request = request
        self._token = token
        self._record = record

    @Slot()
    def run(self) -> None:
        result: RunResult | None = None
        try:
            result = run_test(self._request, on_progress=self.progress.emit, cancel=self._token)
            if self._record is not None:
                self._record(result)
        except Exception:  # a defect is logged; the dialog still ends instead of spinning forever
            log.exception("test run failed unexpectedly")
        self.finished.emit(result)


class MailTestRun(QObject):
    """Start once; ``progress`` and ``finished`` arrive on the GUI thread."""

    progress = Signal(object)  # ProgressEvent
    finished = Signal(object)  # RunResult | None

    def __init__(self, request: MailTestRequest, record: Recorder | None = None) -> None:
        super().__init__()
        self.request = request
        self.token = CancelToken()
        self.result: RunResult | None = None
        self._thread = QThread()
        self._thread.setObjectName("smtpdesk-test")
        self._worker = MailTestWorker(request, self.token, record)
        self._worker.moveToThread(self._thread)
        self._thread.started.connect(self._worker.run)
        self._worker.progress.connect(self.progress)
        # Ending the thread must not depend on the GUI event loop (it may be shutting down).
        self._worker.finished.connect(self._thread.quit, Qt.ConnectionType.DirectConnection)
        self._worker.finished.connect(self._on_worker_finished)
        self._thread.finished.connect(self._on_thread_finished)
        self._started = False
        self._ended = False

    @property
    def running(self) -> bool:
        return self._started and not self._ended

    @property
    def thread_finished(self) -> bool:
        return self._thread.isFinished()

    def start(self) -> None:
        if self._started:
            raise RuntimeError("a test run starts once")
        self._started = True
        _live_runs.add(self)
        self._thread.start()

    def cancel(self) -> None:
        """Ends the run within about a second (the engine closes its socket)."""
        self.token.cancel()

    def wait(self, msecs: int) -> bool:
        return self._thread.wait(msecs)

    @Slot(object)
    def _on_worker_finished(self, result: RunResult | None) -> None:
        self.result = result
        self._ended = True
        self.finished.emit(result)

    @Slot()
    def _on_thread_finished(self) -> None:
        _live_runs.discard(self)


def live_runs() -> tuple[MailTestRun, ...]:
    return tuple(_live_runs)


def cancel_all_runs(wait_ms: int = 3000) -> bool:
    """Cancel every run still going and wait for their threads (application shutdown).

    True when all threads ended in time.
    """
    runs = live_runs()
    for run in runs:
        run.cancel()
    all_ended = all(run.wait(wait_ms) for run in runs)
    # Let the queued "finished" deliveries run so nothing fires into a half-destroyed app later.
    QCoreApplication.processEvents()
    return all_ended
