"""One test run in the background (``smtpdesk.ui.background``), so the window never freezes.

A run outlives the widget that started it: closing a window only cancels it. The run's thread
knows the request, the cancel token and the recorder, never a Qt object, so nothing of Qt is ever
freed off the GUI thread.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QObject, Signal

from smtpdesk.core.smtp.cancel import CancelToken
from smtpdesk.core.smtp.request import MailTestRequest
from smtpdesk.core.smtp.result import RunResult
from smtpdesk.ui import background

log = logging.getLogger(__name__)

# Called on the worker thread with the finished result (e.g. to store it in the history).
Recorder = Callable[[RunResult], None]


def _test_work(request: MailTestRequest, token: CancelToken, record: Recorder | None) -> background.Work:
    def work(report: Callable[[object], None]) -> RunResult | None:
        # The engine (TLS, certificates, the diagnosis rules) is loaded by the first test, on its
        # own thread, not while the window starts.
        from smtpdesk.core.smtp.engine import run_test

        try:
            result = run_test(request, on_progress=report, cancel=token)
        except Exception:  # a defect is logged; the dialog still ends instead of spinning forever
            log.exception("test run failed unexpectedly")
            return None
        if record is not None:
            try:
                record(result)
            except Exception:
                log.exception("test run failed unexpectedly while its result was stored")
        return result

    return work


class MailTestRun(QObject):
    """Start once; ``progress`` and ``finished`` arrive on the GUI thread."""

    progress = Signal(object)  # ProgressEvent
    finished = Signal(object)  # RunResult | None

    def __init__(self, request: MailTestRequest, record: Recorder | None = None) -> None:
        super().__init__()
        self.request = request
        self.token = CancelToken()
        self.result: RunResult | None = None
        self._task = background.BackgroundTask(
            _test_work(request, self.token, record),
            on_progress=self.progress.emit,
            on_done=self._on_done,
            on_cancel=self.token.cancel,
            name="smtpdesk-test",
        )
        self._ended = False

    @property
    def running(self) -> bool:
        return self._task.started and not self._ended

    @property
    def thread_finished(self) -> bool:
        return self._task.done

    def start(self) -> None:
        self._task.start()

    def cancel(self) -> None:
        """Ends the run within about a second (the engine closes its socket)."""
        self.token.cancel()

    def wait(self, msecs: int) -> bool:
        return self._task.wait(msecs / 1000)

    def _on_done(self, result: object) -> None:
        self.result = result if isinstance(result, RunResult) else None
        self._ended = True
        self.finished.emit(self.result)


def live_runs() -> tuple[object, ...]:
    """Background work still going or whose end has not reached the GUI thread yet."""
    return background.running()


def cancel_all_runs(wait_ms: int = 3000) -> bool:
    """Cancel every run still going and wait for it (application shutdown)."""
    return background.cancel_all(wait_ms / 1000)
