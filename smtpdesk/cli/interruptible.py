"""A blocking call that Ctrl+C can stop: the command line's tests and detections run this way."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Generic, TypeVar

from smtpdesk.core.smtp.cancel import CancelToken

T = TypeVar("T")

# Short waits, not one long one: Ctrl+C reaches Python only between them.
_POLL_S = 0.1


class Finished(Generic[T]):
    """What the call left: ``ended`` is False when it did not wind down within the grace period."""

    def __init__(self, ended: bool, value: T | None) -> None:
        self.ended = ended
        self.value = value


def run_interruptible(func: Callable[[], T], cancel: CancelToken, grace_s: float, name: str) -> Finished[T]:
    """Calls ``func()`` on a worker thread named ``name`` while this thread waits; Ctrl+C cancels
    ``cancel`` and waits up to ``grace_s`` more. An exception ``func`` raised is raised here."""
    value: list[T] = []
    failure: list[BaseException] = []
    done = threading.Event()

    def work() -> None:
        try:
            value.append(func())
        except BaseException as error:  # handed to the waiting thread, which re-raises it
            failure.append(error)
        finally:
            done.set()

    threading.Thread(target=work, name=name, daemon=True).start()
    try:
        while not done.wait(_POLL_S):
            continue
    except KeyboardInterrupt:
        cancel.cancel()
        if not done.wait(grace_s):
            return Finished(False, None)
    if failure:
        raise failure[0]
    return Finished(True, value[0])
