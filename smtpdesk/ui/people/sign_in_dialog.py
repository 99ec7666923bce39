"""„Logowanie”: the e-mail address and application password, at every start and after signing out.

The check itself is the core's (``People.sign_in``); the dialog shows its answer: the reason of a
failure, how many tries are left, and until when a locked account waits. Non-blocking: ``open()``,
then ``signed_in`` carries the successful ``SignIn``; ``rejected`` means "Zamknij program".
"""

from __future__ import annotations

import html
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFrame,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from smtpdesk.core.model import OfficeSettings
from smtpdesk.core.people.accounts import People, SignIn
from smtpdesk.core.store import StoreError
from smtpdesk.ui.people.password_form import password_edit
from smtpdesk.ui.widgets.default_button import keep_default_button
from smtpdesk.ui.widgets.field_error import ERROR_COLOUR
from smtpdesk.ui.widgets.form_rows import hint_label, new_form


@dataclass(frozen=True)
class DemoSignIn:
    """One of the demo office's sign-ins, shown on the sign-in dialog of demo mode."""

    name: str
    role: str
    email: str
    password: str


_DEMO_STYLE = (
    "#demoSignIns { background: #fff4ce; border: 1px solid #e0c060; border-radius: 4px; }"
    "#demoSignIns QLabel { color: #3d3000; }"
)


def heading_label(text: str) -> QLabel:
    label = QLabel(text)
    font = label.font()
    font.setPointSizeF(font.pointSizeF() * 1.35)
    font.setBold(True)
    label.setFont(font)
    label.setWordWrap(True)
    return label


def message_label() -> QLabel:
    label = QLabel()
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setStyleSheet(f"color: {ERROR_COLOUR};")
    label.hide()
    return label


class SignInDialog(QDialog):
    signed_in = Signal(object)  # SignIn

    def __init__(
        self,
        people: People,
        settings: Callable[[], OfficeSettings],
        *,
        where: str = "",
        demo: Sequence[DemoSignIn] = (),
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.people = people
        self.settings = settings
        self.demo = tuple(demo)
        self.last: SignIn | None = None
        self.setWindowTitle(self.tr("Logowanie — smtpdesk"))
        self.setMinimumWidth(480)

        office = ""
        try:
            office = settings().company.name
        except StoreError:
            office = ""
        heading = heading_label(self.tr("Zaloguj się"))
        intro = hint_label(
            self.tr("Biuro: {office}").format(office=office) + (f" · {where}" if where else "")
            if office
            else where
        )
        intro.setVisible(bool(intro.text()))

        self.email_edit = QLineEdit()
        self.email_edit.setPlaceholderText(self.tr("adres e-mail z danych pracownika"))
        self.email_edit.setInputMethodHints(Qt.InputMethodHint.ImhEmailCharactersOnly)
        self.password_edit = password_edit()
        form = new_form()
        email_label = QLabel(self.tr("&E-mail:"))
        email_label.setBuddy(self.email_edit)
        password_label = QLabel(self.tr("&Hasło:"))
        password_label.setBuddy(self.password_edit)
        form.addRow(email_label, self.email_edit)
        form.addRow(password_label, self.password_edit)
        self.message = message_label()
        self.caps_hint = hint_label(self.tr("Hasło do programu — nie hasło do poczty."))

        self.buttons = QDialogButtonBox()
        self.sign_in_button: QPushButton = self.buttons.addButton(
            self.tr("&Zaloguj"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.quit_button: QPushButton = self.buttons.addButton(
            self.tr("Zamknij program"), QDialogButtonBox.ButtonRole.RejectRole
        )
        keep_default_button(self, self.sign_in_button)  # Enter signs in, never quits
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(intro)
        if self.demo:
            layout.addWidget(self._demo_banner())
            self.setMinimumWidth(720)
        layout.addLayout(form)
        layout.addWidget(self.caps_hint)
        layout.addWidget(self.message)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self.email_edit.textEdited.connect(self.message.hide)
        self.password_edit.textEdited.connect(self.message.hide)
        self.email_edit.setFocus()

    def _demo_banner(self) -> QFrame:
        banner = QFrame()
        banner.setObjectName("demoSignIns")
        banner.setStyleSheet(_DEMO_STYLE)
        rows = "".join(
            f'<tr><td style="white-space: nowrap;"><a href="{index}">{html.escape(p.name)}</a></td>'
            f"<td>{html.escape(p.role)}</td>"
            f"<td>{html.escape(p.email)}</td>"
            f'<td style="white-space: nowrap;"><code>{html.escape(p.password)}</code></td></tr>'
            for index, p in enumerate(self.demo)
        )
        self.demo_label = QLabel(
            "<b>"
            + html.escape(self.tr("Tryb demonstracyjny — przykładowe konta do logowania:"))
            + "</b>"
            + f'<table cellspacing="0" cellpadding="2">{rows}</table>'
            + html.escape(self.tr("Kliknij imię, aby wpisać e-mail i hasło tej osoby."))
        )
        self.demo_label.setTextFormat(Qt.TextFormat.RichText)
        self.demo_label.setWordWrap(True)
        self.demo_label.linkActivated.connect(self.fill_demo)
        layout = QVBoxLayout(banner)
        layout.setContentsMargins(10, 6, 10, 6)
        layout.addWidget(self.demo_label)
        return banner

    def fill_demo(self, index: str) -> None:
        person = self.demo[int(index)]
        self.email_edit.setText(person.email)
        self.password_edit.setText(person.password)
        self.sign_in_button.setFocus()

    # -- signing in ---------------------------------------------------------------------------

    def submit(self) -> None:
        email, password = self.email_edit.text().strip(), self.password_edit.text()
        if not email:
            self.say(self.tr("Wpisz swój adres e-mail."))
            self.email_edit.setFocus()
            return
        if not password:
            self.say(self.tr("Wpisz hasło do programu."))
            self.password_edit.setFocus()
            return
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            answer = self.people.sign_in(email, password, settings=self.settings())
        except StoreError as error:
            self.say(self.tr("Nie udało się sprawdzić hasła: {reason}").format(reason=error))
            return
        finally:
            QGuiApplication.restoreOverrideCursor()
        self.last = answer
        if not answer.ok:
            self.password_edit.clear()
            self.say(answer.message.text() if answer.message else "")
            self.password_edit.setFocus()
            return
        self.message.hide()
        self.signed_in.emit(answer)
        self.accept()

    def say(self, text: str) -> None:
        self.message.setText(text)
        self.message.show()
