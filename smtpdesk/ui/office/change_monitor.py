"""Changes saved in another window or on another desktop reach an open window without a restart.

A background thread asks the store's watcher once a second whether anything was saved (LISTEN on
PostgreSQL, ``PRAGMA data_version`` on SQLite — neither costs a query), reads the new change-log
records when it was, and hands those made elsewhere to the GUI thread through ``changed``. The
thread never touches a widget; a server that went away only slows the thread, never the window.

The thread emits through a relay of its own (not a child of the window): when the window goes
first, Qt drops the connection and the thread stops at its next look, so nothing is ever emitted
into a destroyed object.
"""

from __future__ import annotations

import logging
import threading

from PySide6.QtCore import QObject, Signal, SignalInstance

from smtpdesk.core.store import ChangeRecord, Store, StoreError

log = logging.getLogger(__name__)

POLL_S = 1.0


class _Relay(QObject):
    changed = Signal(object)  # list[ChangeRecord] saved elsewhere, oldest first


class ChangeMonitor:
    def __init__(self, store: Store, owner: QObject, *, interval_s: float = POLL_S) -> None:
        self._store = store
        self._interval = interval_s
        self._stop = threading.Event()
        self._relay = _Relay()
        stop = self._stop
        owner.destroyed.connect(lambda *_args: stop.set())
        try:
            self._seen = store.last_change_id()
        except StoreError:
            self._seen = 0
        self._thread = threading.Thread(target=self._run, name="smtpdesk-changes", daemon=True)
        self._thread.start()

    @property
    def changed(self) -> SignalInstance:
        return self._relay.changed

    def stop(self) -> None:
        """Ends the thread (within about a second); called before the window and store go."""
        self._stop.set()
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
            self._relay.changed.emit(foreign)
