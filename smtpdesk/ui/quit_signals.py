"""Ctrl+C in the terminal and SIGTERM (logout, `kill`) quit the window like closing it does, so the
demo server stops and its temporary folder goes instead of being left behind."""

from __future__ import annotations

import signal
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType

from PySide6.QtCore import QCoreApplication, QTimer

# Python runs signal handlers only between bytecodes; while Qt's C++ event loop waits, a short
# timer hands control back often enough for a prompt quit.
WAKE_MS = 200
SIGNALS = (signal.SIGINT, signal.SIGTERM)


class QuitRequest:
    """Set once a signal asked to quit; ``requested`` also covers a signal before the loop ran."""

    def __init__(self) -> None:
        self.requested = False
        self._wake: QTimer | None = None

    def _handle(self, signum: int, frame: FrameType | None) -> None:
        self.requested = True
        app = QCoreApplication.instance()
        if app is not None:
            app.quit()
            # quit() does nothing while the loop is not running yet; a queued one ends it once it is.
            QTimer.singleShot(0, app.quit)

    def keep_awake(self) -> None:
        """Call once the application exists, before its event loop starts."""
        if self._wake is None:
            self._wake = QTimer()
            self._wake.setInterval(WAKE_MS)
            self._wake.timeout.connect(lambda: None)
            self._wake.start()

    def _stop(self) -> None:
        if self._wake is not None:
            self._wake.stop()
            self._wake = None


@contextmanager
def quit_on_signals() -> Iterator[QuitRequest]:
    request = QuitRequest()
    previous = {sig: signal.signal(sig, request._handle) for sig in SIGNALS}
    try:
        yield request
    finally:
        request._stop()
        for sig, handler in previous.items():
            signal.signal(sig, handler)
