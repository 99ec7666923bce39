"""One blocking call (detection, a sign-in) in the background, for a dialog that shows its progress.

A thin form of ``ui.background.BackgroundTask``: the call gets a cancel token and a progress
callback, and its outcome is its result or the exception it raised (the dialog explains it).
Progress and the outcome reach the dialog's bound methods only while the dialog still exists, and
quitting the program cancels the call like any other background work.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from smtpdesk.core.smtp.cancel import CancelToken
from smtpdesk.ui.background import BackgroundTask, weak_handler

Call = Callable[[CancelToken, Callable[[object], None]], object]


class BackgroundCall:
    def __init__(
        self,
        call: Call,
        name: str,
        *,
        progress: Callable[[Any], None],
        finished: Callable[[Any], None],
    ) -> None:
        self.token = CancelToken()
        self.outcome: object = None
        self.ended = False
        token = self.token

        def work(report: Callable[[object], None]) -> object:
            try:
                return call(token, report)
            except Exception as error:  # handed to the dialog, which explains it
                return error

        self._finished = weak_handler(finished)
        self._task = BackgroundTask(
            work, on_progress=weak_handler(progress), on_done=self._end, on_cancel=token.cancel, name=name
        )

    def start(self) -> None:
        self._task.start()

    def cancel(self) -> None:
        self.token.cancel()

    def wait(self, timeout: float | None = None) -> bool:
        return self._task.wait(timeout)

    def _end(self, outcome: object) -> None:
        self.outcome = outcome
        self.ended = True
        self._finished(outcome)
