"""Changes saved in another window or on another desktop reach an open window without a restart.

A background thread asks the store's watcher once a second whether anything was saved (LISTEN on
PostgreSQL, ``PRAGMA data_version`` on SQLite — neither costs a query), reads the new change-log
records when it was, and hands those made elsewhere to the GUI thread through ``changed``. The
thread never touches a widget; a server that went away only slows the thread, never the window.

The records travel through a channel of ``ui.background`` (the thread holds no Qt object); when
the window goes first, the channel is closed and the thread stops at its next look, so nothing is
ever delivered into a destroyed object.
"""

from __future__ import annotations

import logging
import threading
import weakref
from collections.abc import Callable
from functools import partial

from PySide6.QtCore import QObject
from shiboken6 import isValid

from smtpdesk.core.store import ChangeRecord, Store, StoreError
from smtpdesk.ui.background import close_channel, open_channel, post

log = logging.getLogger(__name__)

POLL_S = 1.0


class ChangeMonitor:
    """Calls ``on_changes`` (a bound method of ``owner``) on the GUI thread with the records saved
    elsewhere, oldest first."""

    def __init__(
        self,
        store: Store,
        owner: QObject,
        on_changes: Callable[[list[ChangeRecord]], None],
        *,
        interval_s: float = POLL_S,
    ) -> None:
        self._store = store
        self._interval = interval_s
        self._stop = threading.Event()
        self._deliver = weakref.WeakMethod(on_changes)
        self._channel = open_channel(self._delivered)
        owner.destroyed.connect(partial(_owner_gone, self._stop, self._channel))
        try:
            self._seen = store.last_change_id()
        except StoreError:
            self._seen = 0
        self._thread = threading.Thread(target=self._run, name="smtpdesk-changes", daemon=True)
        self._thread.start()

    def _delivered(self, records: list[ChangeRecord]) -> None:
        method = self._deliver()
        receiver = getattr(method, "__self__", None)
        if method is not None and (not isinstance(receiver, QObject) or isValid(receiver)):
            method(records)

    def stop(self) -> None:
        """Ends the thread (within about a second); called before the window and store go."""
        self._stop.set()
        close_channel(self._channel)
        if self._thread.is_alive() and self._thread is not threading.current_thread():
            self._thread.join(timeout=self._interval + 2.0)

    def _run(self) -> None:
        watcher = self._store.watcher()
        try:
            # The watcher's first look only takes note; whatever was saved between opening the
            # window and that look is in the change log.
            watcher.poll()
            self._collect()
            while not self._stop.wait(self._interval):
                if watcher.poll():
                    self._collect()
        except Exception:  # a defect here must not end the program; the window just stops hearing
            log.exception("watching for changes stopped")
        finally:
            watcher.close()

    def _collect(self) -> None:
        if self._store.closed:
            self._stop.set()
            return
        try:
            records = self._store.changes_after(self._seen)
        except StoreError as error:
            log.warning("could not read the change log: %s", error.message.en)
            return
        if not records:
            return
        self._seen = records[-1].id
        foreign: list[ChangeRecord] = [r for r in records if r.origin != self._store.origin]
        if foreign and not self._stop.is_set():
            post(self._channel, foreign)


def _owner_gone(stop: threading.Event, channel: int, *_destroyed: object) -> None:
    """The window went without stopping the monitor: the thread ends, nothing more is delivered.
    Holds only the event and the channel's number, never the window."""
    stop.set()
    close_channel(channel)
