"""Running one blocking call (a database connection, a move of the settings) off the GUI thread.

``run_task(func, done, failed)`` calls ``func()`` on a worker thread and delivers its result to
``done`` or its exception to ``failed`` on the GUI thread. ``done`` and ``failed`` are bound
methods of a QObject, held weakly: when that object is gone before the call ends, nothing is
delivered. Results travel through one relay that lives as long as the program, so no QObject is
ever created or freed on a worker thread.
"""

from __future__ import annotations

import itertools
import threading
import weakref
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Signal, Slot
from shiboken6 import isValid

_ids = itertools.count(1)


class _Relay(QObject):
    finished = Signal(int, bool, object)  # task id, succeeded, result or exception

    def __init__(self) -> None:
        super().__init__()
        self.waiting: dict[int, tuple[weakref.WeakMethod[Any], weakref.WeakMethod[Any]]] = {}
        self.finished.connect(self._deliver)

    @Slot(int, bool, object)
    def _deliver(self, task: int, ok: bool, value: object) -> None:
        callbacks = self.waiting.pop(task, None)
        if callbacks is None:
            return
        method = callbacks[0]() if ok else callbacks[1]()
        receiver = getattr(method, "__self__", None)
        if method is not None and (not isinstance(receiver, QObject) or isValid(receiver)):
            method(value)


_relay: _Relay | None = None


def _the_relay() -> _Relay:
    global _relay
    if _relay is None:
        app = QCoreApplication.instance()
        assert app is not None, "run_task needs a running application"
        _relay = _Relay()
        _relay.moveToThread(app.thread())
    return _relay


def run_task(
    func: Callable[[], Any],
    done: Callable[[Any], None],
    failed: Callable[[Any], None],
    *,
    name: str = "smtpdesk-task",
) -> threading.Thread:
    relay = _the_relay()
    task = next(_ids)
    relay.waiting[task] = (weakref.WeakMethod(done), weakref.WeakMethod(failed))

    def work() -> None:
        try:
            result = func()
        except Exception as error:  # handed to the caller, who tells environment errors from bugs
            relay.finished.emit(task, False, error)
        else:
            relay.finished.emit(task, True, result)

    thread = threading.Thread(target=work, name=name, daemon=True)
    thread.start()
    return thread
