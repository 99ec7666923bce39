"""Ctrl+C in the terminal and SIGTERM (logout, shutdown, `kill`, `timeout`) end the program within
a couple of seconds, without asking: nobody is there to answer "Zapisać zmiany?".

The first signal hands control to ``on_request`` on the GUI thread (the application keeps the
unsaved input as a draft, closes the windows without asking and leaves the event loop, so the
demo's cleanup runs). A second signal ends the process at once, and so does the first one if the
orderly ending hangs for longer than ``HARD_EXIT_S``.
"""

from __future__ import annotations

import logging
import os
import signal
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from types import FrameType

from PySide6.QtCore import QCoreApplication, QTimer

log = logging.getLogger(__name__)

# Python runs signal handlers only between bytecodes; while Qt's C++ event loop waits, a short
# timer hands control back often enough for a prompt quit.
WAKE_MS = 200
SIGNALS = (signal.SIGINT, signal.SIGTERM)
# The orderly ending waits for test threads (cancelled within about a second) and the demo server.
HARD_EXIT_S = 8.0
EXIT_HUNG = 124


class QuitRequest:
    """Set once a signal asked to quit; ``requested`` also covers a signal before the loop ran."""

    def __init__(self) -> None:
        self.requested = False
        self.signal_number = 0
        self.on_request: Callable[[], None] | None = None
        self._wake: QTimer | None = None
        self._watchdog: threading.Timer | None = None

    def _handle(self, signum: int, frame: FrameType | None) -> None:
        if self.requested:
            os._exit(128 + signum)  # a second signal: the user insists
        self.requested = True
        self.signal_number = signum
        self._start_watchdog()
        app = QCoreApplication.instance()
        if app is not None:
            # Handled from the event loop, never in the middle of whatever Python code was running.
            QTimer.singleShot(0, self._quit)

    def _quit(self) -> None:
        log.info("quitting on signal %d", self.signal_number)
        try:
            if self.on_request is not None:
                self.on_request()
        finally:
            app = QCoreApplication.instance()
            if app is not None:
                # exit(), not quit(): Qt 6's quit() first asks every window to close, and a window
                # with unsaved changes would answer with a question instead of closing.
                app.exit(0)

    def _start_watchdog(self) -> None:
        watchdog = threading.Timer(HARD_EXIT_S, _hard_exit)
        watchdog.daemon = True
        watchdog.start()
        self._watchdog = watchdog

    def keep_awake(self) -> None:
        """Call once the application exists, before its event loop starts."""
        if self._wake is None:
            self._wake = QTimer()
            self._wake.setInterval(WAKE_MS)
            self._wake.timeout.connect(_wake_up)
            self._wake.start()

    def _stop(self) -> None:
        if self._wake is not None:
            self._wake.stop()
            self._wake = None
        if self._watchdog is not None:
            self._watchdog.cancel()
            self._watchdog = None


def _wake_up() -> None:
    """Does nothing: returning to Python is what lets a pending signal handler run."""


def _hard_exit() -> None:
    log.error("the program did not end within %.0f s of a quit signal; ending it now", HARD_EXIT_S)
    logging.shutdown()
    os._exit(EXIT_HUNG)


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
