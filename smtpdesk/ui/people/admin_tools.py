"""What the signed-in administrator gets in "Ustawienia firmy": signing out and changing their own
password, "Narzędzia › Dziennik zdarzeń…", a "Logowanie" column on "Pracownicy", and in the
employee dialog the person's password state with "Ustaw hasło tymczasowe…"; the office never
loses its last administrator who can sign in."""

from __future__ import annotations

from datetime import datetime, timezone
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Qt, Slot
from PySide6.QtGui import QAction, QColor
from PySide6.QtWidgets import QHBoxLayout, QLabel, QMessageBox, QPushButton, QWidget
from shiboken6 import isValid

from smtpdesk.core.model import Employee, Role
from smtpdesk.core.people.accounts import PasswordStatus, PeopleError, local_time
from smtpdesk.core.store import StoreError
from smtpdesk.core.store.display import when_text
from smtpdesk.ui.employee_dialog import EmployeeDialog
from smtpdesk.ui.msgbox import show_message
from smtpdesk.ui.pages.base import Problem, field_problem
from smtpdesk.ui.people.audit_dialog import AuditDialog
from smtpdesk.ui.people.gate import PeopleGate
from smtpdesk.ui.people.session_actions import SessionActions
from smtpdesk.ui.people.temporary_password_dialog import TemporaryPasswordDialog

if TYPE_CHECKING:
    from smtpdesk.ui.pages.employees_page import EmployeesPage
    from smtpdesk.ui.settings_window import SettingsWindow


def password_text(status: PasswordStatus | None, locked: bool) -> tuple[str, str]:
    """What the "Logowanie" column and the employee dialog say about a password, and its colour."""
    translate = QCoreApplication.translate
    if status is None:
        return translate("PeopleAdmin", "brak hasła — nie może się zalogować"), "#9a6700"
    if locked and status.locked_until is not None:
        return translate("PeopleAdmin", "zablokowane do {time}").format(
            time=local_time(status.locked_until)
        ), "#cf222e"
    if status.must_change:
        return translate("PeopleAdmin", "hasło tymczasowe (zmieni przy logowaniu)"), "#57606a"
    return translate("PeopleAdmin", "hasło ustawione {when}").format(when=when_text(status.set_at)), "#1a7f37"


class PeopleAdmin(QObject):
    """Owned by the window."""

    def __init__(self, window: SettingsWindow, gate: PeopleGate) -> None:
        super().__init__(window)
        self.setObjectName("smtpdesk_people_admin")
        self.window = window
        self.gate = gate
        self.people = gate.people
        self.audit: AuditDialog | None = None
        self.confirm: QMessageBox | None = None
        self.temporary: TemporaryPasswordDialog | None = None
        self._resetting: tuple[EmployeeDialog, Employee] | None = None
        self._statuses: dict[int, PasswordStatus] = {}

        self.session = SessionActions(
            window,
            window.file_menu,
            window.close_action,
            gate,
            is_modified=window.is_modified,
            save=window.save,
        )
        self.audit_action = QAction(self.tr("&Dziennik zdarzeń…"), window)
        self.audit_action.setObjectName("audit_log_action")
        self.audit_action.setToolTip(
            self.tr("Logowania, zmiany haseł i ról oraz każdy zapis ustawień: kto i kiedy")
        )
        self.audit_action.triggered.connect(self.show_audit)
        window.tools_menu.addAction(self.audit_action)
        window.saved.connect(gate.settings_saved)

        page = window.employees_page
        page.dialog_opened.connect(self.extend_employee_dialog)
        page.removal_guard = self.refusal_to_remove
        self.column = page.model.add_column(self.tr("Logowanie"), self._cell)
        _fit_to_texts(page, self.column)
        page.model.modelReset.connect(self.reload_statuses)
        self.reload_statuses()

    # -- the audit log ------------------------------------------------------------------------

    @Slot()
    def show_audit(self) -> AuditDialog:
        if self.audit is not None and isValid(self.audit):
            self.audit.raise_()
            return self.audit
        dialog = AuditDialog(self.window.store, self.window)
        dialog.destroyed.connect(self._audit_closed)
        self.audit = dialog
        dialog.show()
        return dialog

    @Slot()
    def _audit_closed(self) -> None:
        self.audit = None

    # -- the "Logowanie" column ---------------------------------------------------------------

    @Slot()
    def reload_statuses(self) -> None:
        try:
            self._statuses = self.people.statuses()
        except StoreError:
            self._statuses = {}
        self.window.employees_page.model.refresh_column(self.column)

    def _cell(self, employee: Employee, role: int) -> object:
        if employee.id is None:
            return None
        status = self._statuses.get(employee.id)
        text, colour = password_text(status, status is not None and self.people.is_locked(status))
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return text
        if role == Qt.ItemDataRole.ForegroundRole:
            return QColor(colour)
        return None

    # -- removing and role changes ------------------------------------------------------------

    def refusal_to_remove(self, employee: Employee) -> str | None:
        if employee.id is None:
            return None
        try:
            self.people.guard_administrators(employee.id, new_role=None, by=self.gate.person)
        except PeopleError as error:
            return error.message.text()
        return None

    @Slot(object)
    def extend_employee_dialog(self, dialog: EmployeeDialog) -> None:
        EmployeePassword(dialog, self)


class EmployeePassword(QObject):
    """The "Hasło do programu" row of one employee dialog (a child of the dialog)."""

    def __init__(self, dialog: EmployeeDialog, admin: PeopleAdmin) -> None:
        super().__init__(dialog)
        self.dialog = dialog
        self.admin = admin
        self.confirm: QMessageBox | None = None
        self.state = QLabel()
        self.state.setWordWrap(True)
        self.state.setTextFormat(Qt.TextFormat.PlainText)
        self.reset_button = QPushButton(self.tr("Ustaw hasło tymczas&owe…"))
        self.reset_button.clicked.connect(self.ask_reset)
        row = QWidget()
        layout = QHBoxLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.state, 1)
        layout.addWidget(self.reset_button)
        label = QLabel(self.tr("Hasło do programu:"))
        label.setBuddy(self.reset_button)
        dialog.person_form.addRow(label, row)
        QWidget.setTabOrder(dialog.role_combo, self.reset_button)  # where it shows: under "Rola"
        dialog.extra_checks.append(self.check_role)
        dialog.saved.connect(self._saved)
        self.refresh()

    def refresh(self) -> None:
        employee = self.dialog.employee
        me = self.admin.gate.person
        if employee is None or employee.id is None:
            self.state.setText(self.tr("Hasło ustawisz po zapisaniu pracownika."))
            self.reset_button.setEnabled(False)
            return
        if me is not None and me.id == employee.id:
            self.state.setText(self.tr("To Twoje konto — hasło zmienisz w menu Plik › Zmień hasło…"))
            self.reset_button.hide()
            return
        status = self.admin.people.status(employee.id)
        text, colour = password_text(status, status is not None and self.admin.people.is_locked(status))
        self.state.setText(text)
        self.state.setStyleSheet(f"color: {colour};")
        self.reset_button.setEnabled(True)
        self.reset_button.setText(
            self.tr("Ustaw hasło tymczas&owe…") if status is None else self.tr("Reset&uj hasło…")
        )

    def check_role(self) -> list[Problem]:
        employee = self.dialog.employee
        if employee is None or employee.id is None or employee.role is not Role.ADMIN:
            return []
        if self.dialog.role_combo.currentData() == Role.ADMIN.value:
            return []
        try:
            self.admin.people.guard_administrators(
                employee.id, new_role=Role.AGENT, by=self.admin.gate.person
            )
        except PeopleError as error:
            return [field_problem(self.dialog.errors, self.dialog.role_combo, error.message.text())]
        return []

    @Slot()
    def ask_reset(self) -> None:
        employee = self.dialog.employee
        if employee is None or self.confirm is not None:
            return
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Hasło tymczasowe"),
            self.tr("Ustawić nowe hasło tymczasowe dla: {name}?").format(name=employee.full_name),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            self.dialog,
        )
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setInformativeText(
            self.tr(
                "Dotychczasowe hasło tej osoby przestanie działać, a blokada po nieudanych "
                "logowaniach zostanie zdjęta. Przy logowaniu ustawi własne hasło."
            )
        )
        box.button(QMessageBox.StandardButton.Yes).setText(self.tr("Ustaw hasło"))
        box.button(QMessageBox.StandardButton.Cancel).setText(self.tr("Anuluj"))
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.finished.connect(self._reset_answered)
        self.confirm = box
        box.open()

    @Slot(int)
    def _reset_answered(self, answer: int) -> None:
        self.confirm = None
        if answer == QMessageBox.StandardButton.Yes.value:
            self.reset()

    def reset(self) -> TemporaryPasswordDialog | None:
        employee, me = self.dialog.employee, self.admin.gate.person
        if employee is None or me is None:
            return None
        try:
            temporary = self.admin.people.reset_password(employee, by=me)
        except StoreError as error:
            show_message(
                self.dialog,
                QMessageBox.Icon.Critical,
                self.tr("Nie ustawiono hasła"),
                self.tr("Nie udało się zapisać hasła: {reason}").format(reason=error),
            )
            return None
        self.refresh()
        self.admin.reload_statuses()
        shown = TemporaryPasswordDialog(employee, temporary, self.dialog)
        self.admin.temporary = shown
        shown.open()
        return shown

    @Slot(object)
    def _saved(self, _employee: Employee) -> None:
        self.refresh()


def _fit_to_texts(page: EmployeesPage, column: int) -> None:
    """The "Logowanie" column as wide as its longest usual text, measured in the table's font (as
    the page sizes its own short columns); a longer one is shortened, its tooltip has it whole."""
    sample_time = datetime(2026, 12, 28, 23, 58, tzinfo=timezone.utc)
    samples = [
        password_text(None, False)[0],
        password_text(PasswordStatus(sample_time, True, 0, None, None), False)[0],
        password_text(PasswordStatus(sample_time, False, 0, None, None), False)[0],
    ]
    metrics = page.view.fontMetrics()
    width = max(metrics.horizontalAdvance(text) for text in samples) + 3 * metrics.averageCharWidth()
    page.view.horizontalHeader().resizeSection(column, width)


def install_people_admin(window: SettingsWindow, gate: PeopleGate) -> PeopleAdmin:
    return PeopleAdmin(window, gate)


def people_admin(window: QWidget) -> PeopleAdmin | None:
    return window.findChild(PeopleAdmin, "smtpdesk_people_admin", Qt.FindChildOption.FindDirectChildrenOnly)


def audit_action_last(window: SettingsWindow) -> None:
    """ "Dziennik zdarzeń…" goes back to the end of "Narzędzia" once the window's other tools,
    added after the sign-in's own parts, are in (the mail tests lead the menu)."""
    admin = people_admin(window)
    if admin is not None:
        window.tools_menu.removeAction(admin.audit_action)
        window.tools_menu.addAction(admin.audit_action)
