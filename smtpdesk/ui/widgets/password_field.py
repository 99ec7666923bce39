"""The "Hasło:" field: masked, with a show toggle, an explicit "Usuń hasło" and a line saying where
the password is kept.

The field never talks to the keychain itself: its owner reads the state once when loading and
writes the password once when saving (a keychain call per keystroke can mean a prompt per key).
An empty field on an account that already has a password keeps that password.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLineEdit, QPushButton, QToolButton, QVBoxLayout, QWidget

from smtpdesk.core.keychain_advice import state_sentence
from smtpdesk.core.secrets import SecretState, describe_state
from smtpdesk.ui.widgets.default_button import never_default
from smtpdesk.ui.widgets.form_rows import HINT_STYLE
from smtpdesk.ui.widgets.wrapping_label import WrappingLabel

WARNING_STYLE = "color: #8a5300;"  # dark amber: a limitation, not an error


class PasswordField(QWidget):
    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.line_edit = QLineEdit()
        self.line_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.line_edit.setClearButtonEnabled(False)
        self.show_button = QToolButton()
        self.show_button.setCheckable(True)
        self.show_button.setText(self.tr("Pokaż"))
        self.show_button.setToolTip(self.tr("Pokaż lub ukryj wpisane hasło"))
        self.show_button.setAccessibleName(self.tr("Pokaż hasło"))
        self.remove_button = QPushButton(self.tr("Usuń hasło"))
        self.remove_button.setToolTip(self.tr("Usuwa zapisane hasło tego konta po kliknięciu „Zapisz”"))
        never_default(self.remove_button)  # Enter in a form must never remove a password
        self.status_label = WrappingLabel()  # a long keychain advice must show every line

        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.line_edit, 1)
        row.addWidget(self.show_button)
        row.addWidget(self.remove_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addLayout(row)
        layout.addWidget(self.status_label)
        # The buddy label and the tab order reach the text field, not the container.
        self.setFocusProxy(self.line_edit)

        self._stored: SecretState | None = None
        self._keychain_available = True
        self._office = False
        self._clear_requested = False
        self._checking = False
        self.show_button.toggled.connect(self._toggle_visible)
        self.remove_button.clicked.connect(self.request_clear)
        self.line_edit.textEdited.connect(self._edited)
        self._refresh()

    # -- what the owner reads -------------------------------------------------------------------

    def text(self) -> str:
        """The newly typed password ("" when nothing was typed)."""
        return self.line_edit.text()

    @property
    def clear_requested(self) -> bool:
        """The user asked to remove the stored password."""
        return self._clear_requested

    @property
    def has_stored(self) -> bool:
        """A password for this account is kept (in the keychain or for this session)."""
        return self._stored in (SecretState.STORED, SecretState.SESSION_ONLY) and not self._clear_requested

    def state(self) -> tuple[str, bool]:
        return self.text(), self._clear_requested

    # -- what the owner sets --------------------------------------------------------------------

    def set_stored(
        self, state: SecretState | None, *, keychain_available: bool = True, office: bool = False
    ) -> None:
        """Shows the password kept for this account (``None``: an account not saved yet);
        ``office``: passwords go to the office database, not this computer's keychain."""
        self._stored = state
        self._keychain_available = keychain_available
        self._office = office
        self._clear_requested = False
        self._checking = False
        self.line_edit.clear()
        self._refresh()

    def set_checking(self) -> None:
        """The keychain is still being looked for (at start, off the GUI thread): no state yet."""
        self._stored = None
        self._clear_requested = False
        self._checking = True
        self.line_edit.clear()
        self._refresh()

    @property
    def checking(self) -> bool:
        return self._checking

    def update_stored(
        self, state: SecretState | None, *, keychain_available: bool = True, office: bool = False
    ) -> None:
        """The state found once the keychain answered; what the user typed meanwhile stays."""
        self._stored = state
        self._keychain_available = keychain_available
        self._office = office
        self._checking = False
        self._refresh()

    def request_clear(self) -> None:
        """„Usuń hasło”: the stored password goes when the form is saved."""
        self._clear_requested = True
        self.line_edit.clear()
        self._refresh()
        self.changed.emit()

    def set_text(self, password: str) -> None:
        self.line_edit.setText(password)
        self._edited()

    # -- internals ------------------------------------------------------------------------------

    def _edited(self, _text: str = "") -> None:
        if self.line_edit.text():
            self._clear_requested = False
        self._refresh()
        self.changed.emit()

    def _toggle_visible(self, visible: bool) -> None:
        mode = QLineEdit.EchoMode.Normal if visible else QLineEdit.EchoMode.Password
        self.line_edit.setEchoMode(mode)
        self.show_button.setText(self.tr("Ukryj") if visible else self.tr("Pokaż"))
        self.show_button.setAccessibleName(self.tr("Ukryj hasło") if visible else self.tr("Pokaż hasło"))

    def _refresh(self) -> None:
        self.line_edit.setPlaceholderText(self._placeholder())
        self.remove_button.setVisible(self.has_stored)
        text, warning = self._status()
        self.status_label.setText(text)
        self.status_label.setStyleSheet(WARNING_STYLE if warning else HINT_STYLE)
        self.status_label.setVisible(bool(text))

    def _placeholder(self) -> str:
        """Says where the kept password is, in the same words as the line under the field."""
        if not self.has_stored:
            return ""
        if self._stored is SecretState.SESSION_ONLY:
            return self.tr("•••••• (pamiętane do zamknięcia programu)")
        return self.tr("•••••• (zapisane w pęku kluczy)")

    def _status(self) -> tuple[str, bool]:
        """The status line and whether it is a warning."""
        if self._checking:
            return self.tr("sprawdzam pęk kluczy…"), False
        if self._clear_requested:
            return self.tr("Hasło zostanie usunięte po kliknięciu „Zapisz”"), False
        stored = self._stored
        if stored is None and not self._keychain_available:
            stored = SecretState.UNAVAILABLE  # a new account on a computer without a keychain
        if stored in (
            SecretState.LOCKED,
            SecretState.SESSION_ONLY,
            SecretState.UNAVAILABLE,
            SecretState.OFFICE_KEY_MISSING,
        ):
            # The same sentences as the command line, kept in the core, with what to do about it.
            return state_sentence(stored), True
        if self.line_edit.text():
            if self._office:
                return self.tr(
                    "Nowe hasło zostanie zapisane w bazie biura, zaszyfrowane kluczem biura, po kliknięciu "
                    "„Zapisz”"
                ), False
            return self.tr("Nowe hasło zostanie zapisane w pęku kluczy systemu po kliknięciu „Zapisz”"), False
        if stored is not None:
            return describe_state(stored).text(), False
        return "", False
