"""Puts the test features into the settings window.

``install_mail_tests(window)``: the test buttons under the company's SMTP form, "Sprawdź wszystkich"
and the status column on the Pracownicy tab, "Testuj pocztę pracownika" (through the routing
rules: the account, From and footer clients would really get) and the history, in the toolbar
and in "Narzędzia".
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QModelIndex, QObject, Qt, Slot
from PySide6.QtGui import QAction, QColor, QKeySequence
from PySide6.QtWidgets import QHeaderView, QMessageBox, QPushButton, QWidget

from smtpdesk.core.check_all import COMPANY_LABEL, DEFAULT_WORKERS
from smtpdesk.core.model import Employee
from smtpdesk.core.routing import resolve
from smtpdesk.core.smtp.request import Timeouts
from smtpdesk.ui import background
from smtpdesk.ui.mailtest.buttons import MailTestButtons, attach_mail_test_buttons
from smtpdesk.ui.mailtest.check_all import (
    CheckAllController,
    CheckAllPanel,
    EmployeeStatus,
    StatusCell,
)
from smtpdesk.ui.mailtest.dialog import MailTestDialog
from smtpdesk.ui.mailtest.history_view import HistoryDialog
from smtpdesk.ui.mailtest.plan import route_plan
from smtpdesk.ui.msgbox import show_message
from smtpdesk.ui.pages.employees_model import EmployeesModel

if TYPE_CHECKING:
    from smtpdesk.ui.settings_window import SettingsWindow


@dataclass
class MailTestTools:
    """What ``install_mail_tests`` added to a window."""

    controller: CheckAllController
    panel: CheckAllPanel
    status: EmployeeStatus
    status_column: int
    company_buttons: MailTestButtons
    test_button: QPushButton
    employee_test_action: QAction
    check_all_action: QAction
    history_action: QAction


class WindowMailTests(QObject):
    """The window's test features; a child of the window, so it goes with it."""

    def __init__(self, window: SettingsWindow, timeouts: Timeouts | None) -> None:
        super().__init__(window)
        self.setObjectName("smtpdesk_mail_tests")
        self.window = window
        self.timeouts = timeouts
        self.dialog: MailTestDialog | None = None
        self.history: HistoryDialog | None = None
        self.tools: MailTestTools | None = None

    def test_selected_employee(self, login_only: bool = False) -> MailTestDialog | None:
        employee = self.window.employees_page.selected_employee()
        if employee is None:
            self.window.show_page(self.window.employees_page)
            self._tell(
                self.tr("Wybierz pracownika"),
                self.tr("Zaznacz pracownika na liście w zakładce „Pracownicy”, a potem kliknij test."),
            )
            return None
        return self.test_employee(employee, login_only=login_only)

    def test_employee(self, employee: Employee, *, login_only: bool = False) -> MailTestDialog | None:
        """Tests the saved settings exactly as ``employee``'s mail would leave."""
        store, secrets = self.window.store, self.window.secrets
        settings = store.load_settings()
        route = resolve(settings, employee)
        if route.account is None or route.account_key is None:
            reason = " ".join(w.text() for w in route.warnings) or self.tr("Nie ustawiono serwera poczty.")
            self._tell(self.tr("Brak serwera poczty"), reason)
            return None
        plan = route_plan(
            route,
            employee,
            settings,
            secrets,
            login_only=login_only,
            timeouts=self.timeouts,
            through=self.tr("{name} (przez: {account})"),
        )
        dialog = MailTestDialog(plan, store, self.window)
        self.dialog = dialog
        dialog.show()
        dialog.start()
        return dialog

    @Slot()
    def send_test_to_selected(self) -> None:
        self.test_selected_employee(login_only=False)

    @Slot()
    def check_all(self) -> None:
        if self.tools is not None:
            self.window.show_page(self.window.employees_page)
            self.tools.panel.start()

    def show_history(self) -> HistoryDialog:
        if self.history is not None:
            self.history.raise_()
            return self.history
        dialog = HistoryDialog(self.window.store, self.window)
        dialog.destroyed.connect(self._history_closed)
        self.history = dialog
        dialog.show()
        return dialog

    def open_status(self, index: QModelIndex) -> None:
        """A click on the status column opens the diagnosis behind it."""
        tools = self.tools
        if tools is None or index.column() != tools.status_column:
            return
        employee = index.data(EmployeesModel.EMPLOYEE_ROLE)
        if isinstance(employee, Employee):
            tools.status.open_diagnosis(employee, self.window)

    @Slot()
    def _history_closed(self) -> None:
        self.history = None

    def _tell(self, title: str, text: str) -> None:
        show_message(self.window, QMessageBox.Icon.Information, title, text)


def _status_data(cell: StatusCell, role: int) -> object:
    if role == Qt.ItemDataRole.DisplayRole:
        return cell.text
    if role == Qt.ItemDataRole.ToolTipRole:
        return cell.tooltip or cell.text
    if role == Qt.ItemDataRole.ForegroundRole:
        return QColor("#57606a" if cell.ok is None else "#1a7f37" if cell.ok else "#cf222e")
    return None


def install_mail_tests(
    window: SettingsWindow, *, timeouts: Timeouts | None = None, max_workers: int = DEFAULT_WORKERS
) -> MailTestTools:
    store, secrets = window.store, window.secrets
    testing = WindowMailTests(window, timeouts)
    page = window.employees_page

    company_buttons = attach_mail_test_buttons(
        window.other_settings_page.smtp_section,
        store,
        secrets,
        sender_for=window.company_page.email_edit.text,
        label_for=lambda: COMPANY_LABEL.text(),
        timeouts=timeouts,
        account_source="company",
    )

    controller = CheckAllController(
        store, secrets, timeouts=timeouts, max_workers=max_workers, parent=testing
    )
    # The window holds the settings it loaded from the store: the status column and the panel
    # start from them instead of reading them again.
    status = EmployeeStatus(store, controller, testing, settings=window.settings)
    panel = CheckAllPanel(controller, settings=window.settings)
    test_button = QPushButton(QCoreApplication.translate("Testing", "Testuj pocztę pracownika…"))
    test_button.setToolTip(
        QCoreApplication.translate(
            "Testing",
            "Wysyła wiadomość testową tak, jak wyszłaby od zaznaczonego pracownika: "
            "to samo konto, nadawca i stopka",
        )
    )
    test_button.clicked.connect(testing.send_test_to_selected)
    panel.add_leading(test_button)
    page_layout = page.layout()
    assert page_layout is not None
    page_layout.addWidget(panel)
    # Tab follows the reading order: the new row right after the page's own buttons (added to a
    # finished window, it would otherwise come last, after "Zapisz" and "Anuluj").
    previous: QWidget = page.remove_button
    for widget in (test_button, panel.check_button, panel.send_check, panel.cancel_button):
        QWidget.setTabOrder(previous, widget)
        previous = widget

    model = page.model
    column = model.add_column(
        QCoreApplication.translate("Testing", "Poczta"),
        lambda employee, role: _status_data(status.cell(employee), role),
    )
    # Shares the spare width with the e-mail column: long addresses and result titles both matter.
    page.view.horizontalHeader().setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
    status.changed.connect(lambda: model.refresh_column(column))
    model.modelReset.connect(status.employees_listed)
    # e.g. a company account set up: employees now use it (``saved`` carries the stored settings)
    window.saved.connect(status.reload)
    page.view.clicked.connect(testing.open_status)

    employee_test_action = QAction(QCoreApplication.translate("Testing", "Testuj pocztę pracownika"), testing)
    employee_test_action.setToolTip(test_button.toolTip())
    employee_test_action.triggered.connect(testing.send_test_to_selected)
    check_all_action = QAction(QCoreApplication.translate("Testing", "Sprawdź wszystkich"), testing)
    check_all_action.setShortcut(QKeySequence(Qt.Key.Key_F5))  # F5: check again, as "refresh"
    check_all_action.setToolTip(
        QCoreApplication.translate("Testing", "Sprawdza logowanie na kontach wszystkich pracowników (F5)")
    )
    check_all_action.triggered.connect(testing.check_all)
    history_action = QAction(QCoreApplication.translate("Testing", "Historia testów…"), testing)
    history_action.triggered.connect(testing.show_history)
    for action in (employee_test_action, check_all_action, history_action):
        window.toolbar.addAction(action)
        window.tools_menu.addAction(action)

    _stop_runs_on_quit()
    testing.tools = MailTestTools(
        controller=controller,
        panel=panel,
        status=status,
        status_column=column,
        company_buttons=company_buttons,
        test_button=test_button,
        employee_test_action=employee_test_action,
        check_all_action=check_all_action,
        history_action=history_action,
    )
    return testing.tools


def window_mail_tests(widget: QWidget | None) -> WindowMailTests | None:
    """The test features of the settings window ``widget`` belongs to (also from its dialogs)."""
    while widget is not None:
        found = widget.findChild(
            WindowMailTests, "smtpdesk_mail_tests", Qt.FindChildOption.FindDirectChildrenOnly
        )
        if found is not None:
            return found
        widget = widget.parentWidget()
    return None


_quit_hooked = False


def _stop_runs_on_quit() -> None:
    """When the application quits, runs still going are cancelled and their threads awaited."""
    global _quit_hooked
    app = QCoreApplication.instance()
    if _quit_hooked or app is None:
        return
    app.aboutToQuit.connect(_stop_all)
    _quit_hooked = True


def _stop_all() -> None:
    background.cancel_all()  # mail tests, detection and sign-ins still going
