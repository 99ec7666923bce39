"""Storing every run in the history, and telling the open widgets that it changed.

Runs end on worker threads; the store is safe to write from them, and the signal is delivered to
the widgets on the GUI thread.
"""

from __future__ import annotations

import logging
import threading
from dataclasses import replace

from PySide6.QtCore import QCoreApplication, QObject, Signal

from smtpdesk.core.history import HistoryEntry
from smtpdesk.core.smtp.result import RunResult
from smtpdesk.core.store import Store, StoreError

log = logging.getLogger(__name__)


class HistoryEvents(QObject):
    recorded = Signal(object, object)  # store, HistoryEntry
    cleared = Signal(object, object)  # store, account key or None for everything


_events: HistoryEvents | None = None
_events_lock = threading.Lock()


def history_events() -> HistoryEvents:
    """The one sender of history changes; it lives on the GUI thread whoever asks first."""
    global _events
    with _events_lock:
        if _events is None:
            events = HistoryEvents()
            app = QCoreApplication.instance()
            if app is not None and events.thread() is not app.thread():
                events.moveToThread(app.thread())
            _events = events
        return _events


def record_result(
    store: Store, result: RunResult, account_key: str, account_label: str
) -> HistoryEntry | None:
    """Store ``result`` (a cancelled run too: it is history, though not the account's last result).

    A failing disk (or a store already closed because the application is quitting) must not turn
    a finished test into a crash: the error is logged and the result still shown.
    """
    entry = HistoryEntry.from_result(result, account_key, account_label)
    try:
        entry = replace(entry, id=store.add_history(entry))
    except (StoreError, OSError) as error:
        log.warning("could not store the test result of %s: %s", account_key, error)
        return None
    history_events().recorded.emit(store, entry)
    return entry


def clear_history(store: Store, account_key: str | None = None) -> None:
    store.clear_history(account_key)
    history_events().cleared.emit(store, account_key)
