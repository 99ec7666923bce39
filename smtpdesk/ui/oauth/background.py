"""One blocking call (detection, a sign-in) on a QThread, reported on the GUI thread.

Like the mail tests' runs, a call outlives the dialog that started it: closing the dialog cancels
it, and the call keeps itself alive until its thread has ended, so Qt never destroys a running
thread.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject, Qt, QThread, Signal, Slot

from smtpdesk.core.smtp.cancel import CancelToken

log = logging.getLogger(__name__)

_live: set[BackgroundCall] = set()


class _Worker(QObject):
    progress = Signal(object)
    finished = Signal(object)  # the result, or the exception it raised

    def __init__(
        self, call: Callable[[CancelToken, Callable[[object], None]], object], token: CancelToken
    ) -> None:
        super().__init__()
        self._call = call
        self._token = token

    @Slot()
    def run(self) -> None:
        outcome: object
        try:
            outcome = self._call(self._token, self.progress.emit)
        except Exception as error:  # handed to the dialog, which explains it
            outcome = error
        self.finished.emit(outcome)


class BackgroundCall(QObject):
    """``call(cancel_token, report_progress)`` on its own thread; ``progress``/``finished`` arrive
    on the GUI thread."""

    progress = Signal(object)
    finished = Signal(object)

    def __init__(self, call: Callable[[CancelToken, Callable[[object], None]], object], name: str) -> None:
        super().__init__()
        self.token = CancelToken()
        self.outcome: object = None
        self.ended = False
        self._thread = QThread()
        self._thread.setObjectName(name)
        self._worker = _Worker(call, self.token)
        self._worker.moveToThread(self._thread)
        self._thread.started.connect(self._worker.run)
        self._worker.progress.connect(self.progress)
        self._worker.finished.connect(self._thread.quit, Qt.ConnectionType.DirectConnection)
        self._worker.finished.connect(self._on_finished)
        self._thread.finished.connect(self._on_thread_finished)

    def start(self) -> None:
        _live.add(self)
        self._thread.start()

    def cancel(self) -> None:
        self.token.cancel()

    def wait(self, msecs: int) -> bool:
        return self._thread.wait(msecs)

    @Slot(object)
    def _on_finished(self, outcome: object) -> None:
        self.outcome = outcome
        self.ended = True
        self.finished.emit(outcome)

    @Slot()
    def _on_thread_finished(self) -> None:
        _live.discard(self)


def cancel_all_calls(wait_ms: int = 3000) -> bool:
    calls = tuple(_live)
    for call in calls:
        call.cancel()
    ended = all(call.wait(wait_ms) for call in calls)
    QCoreApplication.processEvents()
    return ended
