"""The one way work leaves the GUI thread and its results come back.

* ``post(channel, value)`` may be called on any thread; the handler registered with
  ``open_channel(handler)`` receives ``value`` on the GUI thread, in posting order. A closed
  channel drops what still arrives, so a window that went away is never called.
* ``BackgroundTask`` runs one function on a thread of its own; its progress and its result travel
  through a channel. ``run_task(func, done, failed)`` is the short form for one blocking call
  (a database connection, moving the settings): its result goes to ``done``, its exception to
  ``failed``, both bound methods held weakly, so a window that went away is not called.
* ``track()`` registers anything with ``cancel()`` and ``wait()`` (a check-all run), so
  ``cancel_all()`` can stop every piece of background work when the program quits.

Why channels by number instead of signals on per-run objects: a worker thread then holds no
reference to any Qt object. A QObject whose last reference is dropped on a worker thread is
destroyed there, and Qt aborts the program when an object dies off its own thread. One bridge
object, created on the GUI thread and never freed, is the only Qt object involved.
"""

from __future__ import annotations

import itertools
import logging
import threading
import weakref
from collections.abc import Callable
from typing import Any, Protocol

from PySide6.QtCore import QCoreApplication, QObject, Qt, QThread, Signal, Slot
from shiboken6 import isValid

log = logging.getLogger(__name__)

Handler = Callable[[Any], None]


class _Bridge(QObject):
    """Lives on the GUI thread; ``deliver`` is queued there from whichever thread posts."""

    deliver = Signal(int, object)

    def __init__(self) -> None:
        super().__init__()
        self.deliver.connect(self._deliver, Qt.ConnectionType.QueuedConnection)

    @Slot(int, object)
    def _deliver(self, channel: int, value: object) -> None:
        with _lock:
            handler = _channels.get(channel)
        if handler is not None:
            handler(value)


_lock = threading.Lock()
_channels: dict[int, Handler] = {}
_channel_ids = itertools.count(1)
_bridge: _Bridge | None = None


def _gui_thread() -> QThread | None:
    app = QCoreApplication.instance()
    return app.thread() if app is not None else None


def open_channel(handler: Handler) -> int:
    """A channel whose posts reach ``handler`` on the GUI thread. Call on the GUI thread."""
    global _bridge
    if _bridge is None:
        _bridge = _Bridge()
        gui = _gui_thread()
        if gui is not None and _bridge.thread() is not gui:
            _bridge.moveToThread(gui)
    channel = next(_channel_ids)
    with _lock:
        _channels[channel] = handler
    return channel


def close_channel(channel: int) -> None:
    """Nothing posted to ``channel`` is delivered any more (also what is already queued)."""
    with _lock:
        _channels.pop(channel, None)


def post(channel: int, value: object) -> None:
    """Hands ``value`` to the channel's handler on the GUI thread; safe on any thread."""
    bridge = _bridge
    if bridge is not None:
        bridge.deliver.emit(channel, value)


# -- background work ----------------------------------------------------------------------------


class Stoppable(Protocol):
    def cancel(self) -> None: ...

    def wait(self, timeout: float | None = None) -> bool: ...


_running: set[Stoppable] = set()


def track(work: Stoppable) -> None:
    """Registers running ``work`` so ``cancel_all`` reaches it; ``untrack`` once its end reached
    the GUI thread. Both on the GUI thread: the registry may hold the last reference to objects
    that must be freed there."""
    with _lock:
        _running.add(work)


def untrack(work: Stoppable) -> None:
    with _lock:
        _running.discard(work)


def running() -> tuple[Stoppable, ...]:
    with _lock:
        return tuple(_running)


def cancel_all(wait_s: float = 3.0) -> bool:
    """Cancels every tracked piece of work and waits for it (the program is quitting).

    True when all of it ended in time. Queued results are then delivered, so none arrives later
    into a half-destroyed application.
    """
    works = running()
    for work in works:
        work.cancel()
    ended = all(work.wait(wait_s) for work in works)
    if QCoreApplication.instance() is not None:
        QCoreApplication.processEvents()
    return ended


class _Progress:
    def __init__(self, channel: int) -> None:
        self._channel = channel

    def __call__(self, value: object) -> None:
        post(self._channel, ("progress", value))


Work = Callable[[Callable[[object], None]], object]


class BackgroundTask:
    """One function on a thread of its own: ``work(report)`` may call ``report(value)`` for
    progress; ``on_progress`` and ``on_done`` run on the GUI thread. ``on_done`` gets ``None`` when
    ``work`` raised (the defect is logged with its traceback).

    ``work`` must not hold Qt objects (see the module docstring); plain data and callables that
    reach the GUI through ``post`` are what it needs. ``cancel`` calls ``on_cancel`` (e.g. a
    CancelToken's), which the work is expected to honour within about a second.
    """

    def __init__(
        self,
        work: Work,
        *,
        on_progress: Handler | None = None,
        on_done: Handler | None = None,
        on_cancel: Callable[[], None] | None = None,
        name: str = "smtpdesk-task",
    ) -> None:
        self._work: Work | None = work
        self._on_progress = on_progress
        self._on_done = on_done
        self._on_cancel = on_cancel
        self._name = name
        self._done = threading.Event()
        self._channel = 0
        self._started = False
        self._delivered = False

    @property
    def started(self) -> bool:
        return self._started

    @property
    def done(self) -> bool:
        """The work has returned (its result may still be on its way to the GUI thread)."""
        return self._done.is_set()

    @property
    def delivered(self) -> bool:
        """``on_done`` has run."""
        return self._delivered

    def start(self) -> None:
        if self._started:
            raise RuntimeError("a background task starts once")
        self._started = True
        self._channel = open_channel(self._receive)
        track(self)
        work, self._work = self._work, None
        thread = threading.Thread(
            target=_run_work, args=(work, self._channel, self._done), name=self._name, daemon=True
        )
        thread.start()

    def cancel(self) -> None:
        if self._on_cancel is not None:
            self._on_cancel()

    def wait(self, timeout: float | None = None) -> bool:
        return self._done.wait(timeout)

    def _receive(self, message: tuple[str, object]) -> None:
        kind, value = message
        if kind == "progress":
            if self._on_progress is not None:
                self._on_progress(value)
            return
        close_channel(self._channel)
        untrack(self)
        self._delivered = True
        on_done = self._on_done
        # The handlers are usually bound to the object that owns this task: dropping them ends
        # the cycle, so that object is freed by its last reference, here on the GUI thread.
        self._on_progress = self._on_done = self._on_cancel = None
        if on_done is not None:
            on_done(value)


def _run_work(work: Work, channel: int, done: threading.Event) -> None:
    """The thread's body: it knows the work, a channel number and an event, nothing of Qt."""
    result: object = None
    try:
        result = work(_Progress(channel))
    except Exception:
        log.exception("background work failed unexpectedly")
    finally:
        # Posted before the event is set: whoever waited for the event then finds the result
        # queued, and delivers it with processEvents().
        post(channel, ("done", result))
        done.set()


def weak_handler(method: Callable[[Any], None]) -> Handler:
    """A handler calling the bound ``method`` only while its object lives (for a QObject: while
    its Qt side does too), so background work never keeps a closed window alive or calls into it."""
    ref = weakref.WeakMethod(method)

    def handler(value: Any) -> None:
        bound = ref()
        receiver = getattr(bound, "__self__", None)
        if bound is not None and (not isinstance(receiver, QObject) or isValid(receiver)):
            bound(value)

    return handler


def run_task(
    func: Callable[[], Any],
    done: Callable[[Any], None],
    failed: Callable[[Any], None],
    *,
    name: str = "smtpdesk-task",
) -> threading.Thread:
    """Calls ``func()`` on a thread of its own; its result goes to ``done``, an exception it raised
    to ``failed`` (the caller tells environment errors from bugs), on the GUI thread.

    ``done`` and ``failed`` are bound methods, held weakly: when their object is gone (or its Qt
    side deleted) before ``func`` returns, nothing is delivered.
    """
    callbacks = (weak_handler(done), weak_handler(failed))

    def deliver(message: tuple[bool, object]) -> None:
        close_channel(channel)
        succeeded, value = message
        callbacks[0 if succeeded else 1](value)

    channel = open_channel(deliver)

    def work() -> None:
        try:
            result = func()
        except Exception as error:
            post(channel, (False, error))
        else:
            post(channel, (True, result))

    thread = threading.Thread(target=work, name=name, daemon=True)
    thread.start()
    return thread
