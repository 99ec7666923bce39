"""Puts "Doktor konfiguracji" into the settings window (menu "Narzędzia" and the toolbar).

The doctor reads the *stored* settings, so unsaved edits are settled first (save or drop them);
after a fix it applied, the window shows the stored settings again.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Slot
from PySide6.QtGui import QAction
from shiboken6 import isValid

from smtpdesk.ui.widgets.unsaved_changes import Choice, ask_unsaved_changes, settle

if TYPE_CHECKING:
    from smtpdesk.ui.doctor_view import DoctorDialog
    from smtpdesk.ui.settings_window import SettingsWindow


class DoctorLauncher(QObject):
    """Owned by the window; ``dialog`` is the open doctor, if any."""

    def __init__(self, window: SettingsWindow) -> None:
        super().__init__(window)
        self.window = window
        self.dialog: DoctorDialog | None = None
        self.action = QAction(self.tr("Doktor konfiguracji…"), window)
        self.action.setObjectName("doctor_action")
        self.action.setToolTip(self.tr("Sprawdza zapisane ustawienia poczty według zasad i typowych błędów"))
        self.action.triggered.connect(self.open)
        window.tools_menu.addAction(self.action)
        window.toolbar.addAction(self.action)

    @Slot()
    def open(self) -> None:
        if self.window.is_modified():
            box = ask_unsaved_changes(self.window, self._settled)
            box.setInformativeText(
                self.tr("Doktor sprawdza zapisane ustawienia. Zapisać zmiany przed sprawdzeniem?")
            )
            return
        self._show()

    def _settled(self, choice: Choice) -> None:
        if settle(self.window, choice):
            self._show()

    def _show(self) -> None:
        if self.dialog is not None and isValid(self.dialog):
            self.dialog.refresh()
            self.dialog.show()
            self.dialog.raise_()
            self.dialog.activateWindow()
            return
        # The doctor and its rules are loaded when first asked for, not while the window starts.
        from smtpdesk.ui.doctor_view import DoctorDialog

        dialog = DoctorDialog(self.window.store, self.window.secrets, self.window)
        dialog.settings_changed.connect(self._fixed)
        dialog.sign_in_requested.connect(self._sign_in)
        dialog.destroyed.connect(self._closed)
        self.dialog = dialog
        dialog.show()

    @Slot()
    def _fixed(self) -> None:
        # Unsaved edits were settled before the doctor opened; anything typed since would be
        # stale against the fix, but keep it rather than drop it silently.
        if not self.window.is_modified():
            self.window.reload()

    def _sign_in(self, finding: object) -> None:
        from smtpdesk.core.doctor import Finding
        from smtpdesk.ui.oauth.install import account_tools_of

        tools = account_tools_of(self.window)
        if tools is not None and isinstance(finding, Finding):
            tools.sign_in_for(finding)

    @Slot()
    def _closed(self) -> None:
        self.dialog = None


def install_doctor(window: SettingsWindow) -> DoctorLauncher:
    return DoctorLauncher(window)
