"""„Pracownicy”: the employees, each with an optional own sending account.

Changes here are stored at once (the Employee dialog saves on "Zapisz", removal after a
question), so this page takes no part in the window's "Zapisz".
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QItemSelection, QModelIndex, QPersistentModelIndex, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from smtpdesk.core.model import Employee, OfficeSettings, employee_account
from smtpdesk.core.secrets import SecretStore
from smtpdesk.core.store import Store, StoreError
from smtpdesk.ui.employee_dialog import EmployeeDialog
from smtpdesk.ui.msgbox import show_message
from smtpdesk.ui.pages.base import SettingsPage
from smtpdesk.ui.pages.employees_model import EmployeesFilter, EmployeesModel
from smtpdesk.ui.widgets.default_button import settle_message_box
from smtpdesk.ui.widgets.form_rows import buddy_label


class MiddleElidingDelegate(QStyledItemDelegate):
    """ "anna.wisniew…@poddebem.test": the start and the domain of an address stay visible."""

    def initStyleOption(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        super().initStyleOption(option, index)
        option.textElideMode = Qt.TextElideMode.ElideMiddle


class EmployeesPage(SettingsPage):
    holds_settings = False
    dialog_opened = Signal(object)  # the EmployeeDialog just created (features extend it)

    def __init__(self, store: Store, secrets: SecretStore, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.secrets = secrets
        self.dialog: EmployeeDialog | None = None
        self.confirm_box: QMessageBox | None = None
        self._removing: int | None = None  # the employee the open confirm_box asks about
        # Says why an employee may not be removed (e.g. the last administrator), None when they may.
        self.removal_guard: Callable[[Employee], str | None] | None = None

        self.model = EmployeesModel()
        self.proxy = EmployeesFilter(self.model)
        self.search_edit = QLineEdit()
        self.search_edit.setPlaceholderText(self.tr("imię, nazwisko, e-mail lub telefon"))
        self.search_edit.setClearButtonEnabled(True)
        search_label = buddy_label(self.tr("&Szukaj:"), self.search_edit)
        self.count_label = QLabel()

        self.view = QTableView()
        self.view.setModel(self.proxy)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setSortingEnabled(True)
        self.view.sortByColumn(EmployeesModel.NAME, Qt.SortOrder.AscendingOrder)
        self.view.setAlternatingRowColors(True)
        # Tab leaves the list (a read-only table has no cells to type into); arrows move in it.
        self.view.setTabKeyNavigation(False)
        self.view.setWordWrap(False)
        self.view.verticalHeader().hide()
        # Fixed row heights and column widths: no per-row measuring, so thousands of rows stay fast.
        self.view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.view.verticalHeader().setDefaultSectionSize(self.view.fontMetrics().height() + 10)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(EmployeesModel.EMAIL, QHeaderView.ResizeMode.Stretch)
        # The short columns get what their longest usual text needs, measured in this font; the
        # e-mail column (and the mail status a feature may add) share the rest. A long address
        # is shortened in the middle, so its domain stays readable; the tooltip has it whole.
        metrics = self.view.fontMetrics()
        padding = 3 * metrics.averageCharWidth()
        for column, samples in (
            (EmployeesModel.NAME, ("Katarzyna Wiśniewska-Nowak",)),
            (EmployeesModel.PHONE, ("+48 602 311 422",)),
            (EmployeesModel.ROLE, (self.tr("Administrator"), self.tr("Rola"))),
            (EmployeesModel.OWN_SMTP, (self.tr("Własny SMTP"),)),
        ):
            header.resizeSection(column, max(metrics.horizontalAdvance(s) for s in samples) + padding)
        self.view.setItemDelegateForColumn(EmployeesModel.EMAIL, MiddleElidingDelegate(self.view))
        self.view.setAccessibleName(self.tr("Lista pracowników"))

        self.add_button = QPushButton(self.tr("&Dodaj…"))
        self.edit_button = QPushButton(self.tr("&Edytuj…"))
        self.remove_button = QPushButton(self.tr("&Usuń"))

        top = QHBoxLayout()
        top.addWidget(search_label)
        top.addWidget(self.search_edit, 1)
        top.addWidget(self.count_label)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.edit_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.view, 1)
        layout.addLayout(buttons)
        self.setTabOrder(self.search_edit, self.view)
        self.setTabOrder(self.view, self.add_button)
        self.setTabOrder(self.add_button, self.edit_button)
        self.setTabOrder(self.edit_button, self.remove_button)

        self.search_edit.textChanged.connect(self._search)
        # Double-click or Enter (or a single click where the desktop is set up that way).
        self.view.activated.connect(self._activated)
        self.view.selectionModel().selectionChanged.connect(self._selection_changed)
        self.add_button.clicked.connect(self.add_employee)
        self.edit_button.clicked.connect(self.edit_selected)
        self.remove_button.clicked.connect(self.remove_selected)
        self.model.modelReset.connect(self._update_count)
        self.model.rowsInserted.connect(self._update_count)
        self.model.rowsRemoved.connect(self._update_count)
        self._selection_changed()

    def title(self) -> str:
        return self.tr("Pracownicy")

    def load(self, settings: OfficeSettings) -> None:
        self.model.set_employees(self.store.list_employees())

    # -- contract -------------------------------------------------------------------------------

    def selected_employee(self) -> Employee | None:
        rows = self.view.selectionModel().selectedRows()
        if not rows:
            return None
        employee = self.proxy.data(rows[0], EmployeesModel.EMPLOYEE_ROLE)
        return employee if isinstance(employee, Employee) else None

    def select_employee(self, employee_id: int | None) -> None:
        row = self.model.row_of(employee_id)
        if row < 0:
            return
        index = self.proxy.mapFromSource(self.model.index(row, 0))
        if index.isValid():
            self.view.selectRow(index.row())
            self.view.scrollTo(index)

    # -- actions --------------------------------------------------------------------------------

    def add_employee(self) -> EmployeeDialog:
        return self.open_employee(None)

    def edit_selected(self) -> EmployeeDialog | None:
        employee = self.selected_employee()
        return self.open_employee(employee) if employee is not None else None

    def remove_selected(self) -> QMessageBox | None:
        """Asks first; the employee and its keychain entry go when the user confirms."""
        if self.confirm_box is not None:  # one question at a time
            self.confirm_box.raise_()
            return self.confirm_box
        employee = self.selected_employee()
        if employee is None or employee.id is None:
            return None
        refusal = self.removal_guard(employee) if self.removal_guard is not None else None
        if refusal:
            return show_message(self, QMessageBox.Icon.Information, self.tr("Nie można usunąć"), refusal)
        box = QMessageBox(self)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.setIcon(QMessageBox.Icon.Question)
        box.setTextFormat(Qt.TextFormat.PlainText)  # the name is typed by a user, not markup
        box.setWindowTitle(self.tr("Usuwanie pracownika"))
        box.setText(self.tr("Usunąć pracownika {name}?").format(name=employee.full_name or employee.email))
        box.setInformativeText(
            self.tr("Zapisane hasło SMTP tego pracownika zostanie usunięte z pęku kluczy.")
        )
        box.addButton(self.tr("&Usuń"), QMessageBox.ButtonRole.DestructiveRole)
        cancel = box.addButton(self.tr("Anuluj"), QMessageBox.ButtonRole.RejectRole)
        settle_message_box(box, cancel)
        box.setEscapeButton(cancel)
        # A bound slot, not a closure over the box and its buttons: a closure keeps wrappers of a
        # box that deletes itself on close, which has crashed PySide at teardown.
        box.finished.connect(self._remove_answered)
        self.confirm_box = box
        self._removing = employee.id
        box.open()
        return box

    @Slot()
    def _remove_answered(self) -> None:
        box, employee_id = self.confirm_box, self._removing
        self.confirm_box, self._removing = None, None
        if box is None or employee_id is None:
            return
        clicked = box.clickedButton()
        if clicked is not None and box.buttonRole(clicked) == QMessageBox.ButtonRole.DestructiveRole:
            self._remove(employee_id)

    def _remove(self, employee_id: int) -> None:
        try:
            self.store.delete_employee(employee_id)
        except (StoreError, OSError) as error:
            show_message(
                self,
                QMessageBox.Icon.Critical,
                self.tr("Nie usunięto pracownika"),
                self.tr("Nie udało się usunąć pracownika: {reason}").format(reason=error),
            )
            return
        self.secrets.delete(employee_account(employee_id))
        self.model.remove(employee_id)

    def open_employee(self, employee: Employee | None) -> EmployeeDialog:
        """The dialog of ``employee`` (None: a new one); the one already open comes to the front."""
        if self.dialog is not None:
            self.dialog.raise_()
            self.dialog.activateWindow()
            return self.dialog
        dialog = EmployeeDialog(self.store, self.secrets, employee, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.saved.connect(self._employee_saved)
        dialog.finished.connect(self._dialog_closed)
        self.dialog = dialog
        self.dialog_opened.emit(dialog)
        dialog.open()
        return dialog

    def _dialog_closed(self) -> None:
        self.dialog = None

    def _employee_saved(self, employee: Employee) -> None:
        self.model.upsert(employee)
        self.select_employee(employee.id)

    def _activated(self, index: QModelIndex) -> None:
        if index.isValid():
            self.view.selectRow(index.row())
            self.edit_selected()

    def _search(self, text: str) -> None:
        self.proxy.set_search(text)
        self._update_count()

    def _selection_changed(self, *_args: QItemSelection) -> None:
        has_selection = self.selected_employee() is not None
        self.edit_button.setEnabled(has_selection)
        self.remove_button.setEnabled(has_selection)

    def _update_count(self) -> None:
        total = self.model.rowCount()
        shown = self.proxy.rowCount()
        if shown == total:
            self.count_label.setText(self.tr("Pracowników: {total}").format(total=total))
        else:
            self.count_label.setText(self.tr("Pokazano {shown} z {total}").format(shown=shown, total=total))
