"""The keychain is looked for on a background thread once the window is on screen.

Choosing keyring's backend probes every backend it knows (on Linux a D-Bus call to the Secret
Service and crypto libraries loaded; elsewhere a macOS probe that starts processes): about 100 ms
and 25 MB that the first paint need not wait for, and loading it on another thread at the same
time would still compete with the window for the interpreter. So: ``defer_keychain`` before the
window is built (its password fields say "sprawdzam pęk kluczy…"), ``after_first_paint`` to
start ``check_keychain_in_background``; when the answer comes, every form on that keychain shows
the real state.
"""

from __future__ import annotations

import threading
import weakref
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QWidget

from smtpdesk.core.secrets import SecretStore
from smtpdesk.ui.background import BackgroundTask
from smtpdesk.ui.widgets.smtp_section import SmtpSection

# Started anyway if no paint came by then (a window opened minimised, a platform without paints).
FALLBACK_MS = 1000

_lock = threading.Lock()
# Held weakly: a store that is gone is forgotten (an id() could be reused by a new one).
_deferred: weakref.WeakSet[SecretStore] = weakref.WeakSet()
_running: weakref.WeakSet[SecretStore] = weakref.WeakSet()


def being_checked(secrets: SecretStore) -> bool:
    """Forms on ``secrets`` show "sprawdzam pęk kluczy…" instead of asking the keychain."""
    with _lock:
        return secrets in _deferred or secrets in _running


def defer_keychain(secrets: SecretStore) -> None:
    """Forms built from now on do not ask the keychain until ``check_keychain_in_background``."""
    if not secrets.resolved:
        with _lock:
            _deferred.add(secrets)


def check_keychain_in_background(secrets: SecretStore) -> BackgroundTask | None:
    """Starts deciding ``secrets``' backend off the GUI thread (None: decided or under way)."""
    with _lock:
        _deferred.discard(secrets)
        if secrets.resolved or secrets in _running:
            started = False
        else:
            _running.add(secrets)
            started = True
    if not started:
        _show_states(secrets)
        return None

    def work(_report: object) -> None:
        secrets.prepare()

    def done(_result: object) -> None:
        with _lock:
            _running.discard(secrets)
        _show_states(secrets)

    task = BackgroundTask(work, on_done=done, name="smtpdesk-keychain")
    task.start()
    return task


def _show_states(secrets: SecretStore) -> None:
    if being_checked(secrets):
        return
    for window in QApplication.topLevelWidgets():
        for section in window.findChildren(SmtpSection):
            if section.secrets is secrets and section.password_field.checking:
                section.refresh_password_state()


class _FirstPaint(QObject):
    def __init__(self, widget: QWidget, callback: Callable[[], object]) -> None:
        super().__init__(widget)
        self._callback: Callable[[], object] | None = callback
        widget.installEventFilter(self)
        QTimer.singleShot(FALLBACK_MS, self, self._fire)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and self._callback is not None:
            # After this paint has finished, not in the middle of it.
            QTimer.singleShot(0, self, self._fire)
        return False

    def _fire(self) -> None:
        callback, self._callback = self._callback, None
        if callback is not None:
            parent = self.parent()
            if isinstance(parent, QWidget):
                parent.removeEventFilter(self)
            callback()


def after_first_paint(widget: QWidget, callback: Callable[[], object]) -> None:
    """Calls ``callback`` once, right after ``widget`` was first painted."""
    _FirstPaint(widget, callback)
