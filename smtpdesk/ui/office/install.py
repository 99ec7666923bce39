"""Puts the office database into the settings window: "Narzędzia › Baza danych biura…", and on a
desktop of an office database that lacks the office key, a notice with "Wpisz kod…"."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Slot
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget
from shiboken6 import isValid

from smtpdesk.core.secrets import SecretStore
from smtpdesk.core.store.office_secrets import OfficeSecretStore
from smtpdesk.ui.office.database_dialog import DatabaseDialog, Switch
from smtpdesk.ui.office.office_key_dialogs import EnterOfficeKeyDialog
from smtpdesk.ui.widgets.unsaved_changes import Choice, ask_unsaved_changes

if TYPE_CHECKING:
    from smtpdesk.ui.settings_window import SettingsWindow

_KEY_STYLE = (
    "#officeKeyBanner { background: #fdecea; border: 1px solid #d9a19b; border-radius: 4px; }"
    "#officeKeyBanner QLabel { color: #5c1a13; }"
)


class OfficeKeyBanner(QFrame):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("officeKeyBanner")
        self.setStyleSheet(_KEY_STYLE)
        text = QLabel(
            self.tr(
                "Ten komputer nie ma klucza biura: hasła do kont pocztowych z bazy biura są niedostępne, "
                "a wpisanych nie da się zapisać dla innych komputerów."
            )
        )
        text.setWordWrap(True)
        # Alt+K: Alt+W is "Wybierz plik…" of the logo tab.
        self.enter_button = QPushButton(self.tr("Wpisz &kod klucza…"))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        layout.addWidget(text, 1)
        layout.addWidget(self.enter_button, 0, Qt.AlignmentFlag.AlignVCenter)


class OfficeTools(QObject):
    """Owned by the window. ``switch`` is the program's way to open other settings."""

    def __init__(self, window: SettingsWindow, switch: Callable[[Switch], None]) -> None:
        super().__init__(window)
        self.window = window
        self._switch = switch
        self.dialog: DatabaseDialog | None = None
        self.key_dialog: EnterOfficeKeyDialog | None = None
        self.action = QAction(self.tr("Baza danych &biura…"), window)
        self.action.setObjectName("office_database_action")
        self.action.setToolTip(self.tr("Wspólne ustawienia kilku komputerów biura w bazie PostgreSQL"))
        self.action.triggered.connect(self.open)
        window.tools_menu.addAction(self.action)
        self.key_banner: OfficeKeyBanner | None = None
        secrets = window.secrets
        if isinstance(secrets, OfficeSecretStore) and secrets.office_key() is None:
            self.key_banner = OfficeKeyBanner()
            self.key_banner.enter_button.clicked.connect(self.ask_for_key)
            window.add_banner(self.key_banner)

    @Slot()
    def open(self) -> None:
        if self.window.is_modified():
            box = ask_unsaved_changes(self.window, self._settled)
            box.setInformativeText(
                self.tr("Przed zmianą bazy ustawień zapisz albo odrzuć zmiany. Zapisać je teraz?")
            )
            return
        self._show()

    def _settled(self, choice: Choice) -> None:
        if choice is Choice.SAVE and not self.window.save():
            return
        if choice is Choice.DISCARD:
            self.window.reload()
        if choice is not Choice.CANCEL:
            self._show()

    def _show(self) -> None:
        if self.dialog is not None and isValid(self.dialog):
            self.dialog.raise_()
            self.dialog.activateWindow()
            return
        keychain = self.window.secrets
        if isinstance(keychain, OfficeSecretStore):
            keychain = keychain.keychain
        dialog = DatabaseDialog(self.window.store, keychain, self.window)
        dialog.switch_requested.connect(self._switch_requested)
        dialog.destroyed.connect(self._dialog_gone)
        self.dialog = dialog
        dialog.open()

    @Slot(object)
    def _switch_requested(self, switch: Switch) -> None:
        self._switch(switch)

    @Slot()
    def _dialog_gone(self) -> None:
        self.dialog = None

    @Slot()
    def ask_for_key(self) -> None:
        secrets = self.window.secrets
        if not isinstance(secrets, OfficeSecretStore):
            return
        if self.key_dialog is not None and isValid(self.key_dialog):
            self.key_dialog.raise_()
            return
        dialog = EnterOfficeKeyDialog(secrets, self.window)
        dialog.unlocked.connect(self._unlocked)
        dialog.destroyed.connect(self._key_dialog_gone)
        self.key_dialog = dialog
        dialog.open()

    @Slot()
    def _unlocked(self) -> None:
        if self.key_banner is not None:
            self.key_banner.hide()
        self.window.reload()  # password fields now show what the office database holds
        self.window.statusBar().showMessage(self.tr("Klucz biura zapisany na tym komputerze."), 8000)

    @Slot()
    def _key_dialog_gone(self) -> None:
        self.key_dialog = None


def install_office_tools(window: SettingsWindow, switch: Callable[[Switch], None]) -> OfficeTools:
    return OfficeTools(window, switch)


def keychain_of(secrets: SecretStore) -> SecretStore:
    """The desktop's own keychain behind ``secrets`` (the office store keeps its key there)."""
    return secrets.keychain if isinstance(secrets, OfficeSecretStore) else secrets
