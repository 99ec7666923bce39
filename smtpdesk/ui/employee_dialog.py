"""Adding or editing an employee, with the employee's own sending account at the bottom.

The employee is stored as soon as the dialog is accepted (as in the reference CRM); ``saved``
tells the employee list. Open it with ``open()``: it never blocks.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from functools import partial
from typing import ClassVar

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from smtpdesk.core.model import Employee, Role, employee_account
from smtpdesk.core.secrets import SecretStore
from smtpdesk.core.store import ConflictError, Store, StoreError
from smtpdesk.core.store.display import when_text
from smtpdesk.core.store.merge import rebase_employee
from smtpdesk.core.validation import normalise_email, normalise_phone
from smtpdesk.ui.draft_fields import Value, field_values
from smtpdesk.ui.msgbox import show_message
from smtpdesk.ui.office.conflict_dialog import ConflictDialog
from smtpdesk.ui.pages.base import Problem, check_field, field_problem
from smtpdesk.ui.widgets.default_button import keep_default_button, settle_message_box
from smtpdesk.ui.widgets.field_error import FieldErrors
from smtpdesk.ui.widgets.form_rows import add_row, new_form
from smtpdesk.ui.widgets.smtp_section import SmtpSection
from smtpdesk.ui.widgets.tab_order import chain_tab_order, shown_buttons
from smtpdesk.ui.widgets.unsaved_changes import Choice, UnsavedChangesBox, ask_unsaved_changes

MAX_NAME_LENGTH = 100


class EmployeeDialog(QDialog):
    """Features add themselves with ``add_extension`` (the mail tests put their buttons under the
    SMTP form), so this dialog depends on none of them."""

    saved = Signal(object)  # the stored Employee (with its id)
    _extensions: ClassVar[list[Callable[[EmployeeDialog], object]]] = []

    @classmethod
    def add_extension(cls, extend: Callable[[EmployeeDialog], object]) -> None:
        """``extend(dialog)`` runs at the end of every new dialog's constructor."""
        if extend not in cls._extensions:
            cls._extensions.append(extend)

    def __init__(
        self,
        store: Store,
        secrets: SecretStore,
        employee: Employee | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.secrets = secrets
        self.employee = employee
        self.errors = FieldErrors()
        self._discarding = False
        self.unsaved_box: UnsavedChangesBox | None = None
        self.conflict_dialog: QDialog | None = None
        self._conflict: tuple[Employee, Employee, Employee, set[str]] | None = None
        self.setWindowTitle(
            self.tr("Edycja pracownika") if employee is not None else self.tr("Nowy pracownik")
        )

        self.first_name_edit = QLineEdit()
        self.last_name_edit = QLineEdit()
        self.email_edit = QLineEdit()
        self.email_edit.setPlaceholderText(self.tr("np. anna.kowalska@twojadomena.pl"))
        self.phone_edit = QLineEdit()
        self.phone_edit.setPlaceholderText(self.tr("np. 600 123 456"))
        for edit in (self.first_name_edit, self.last_name_edit):
            edit.setMaxLength(MAX_NAME_LENGTH)
        self.role_combo = QComboBox()
        self.role_combo.addItem(self.tr("Administrator"), Role.ADMIN.value)
        self.role_combo.addItem(self.tr("Agent"), Role.AGENT.value)

        person = QGroupBox(self.tr("Dane pracownika"))
        form = new_form()
        add_row(form, self.tr("&Imię:"), self.first_name_edit, self.errors)
        add_row(form, self.tr("&Nazwisko:"), self.last_name_edit, self.errors)
        add_row(form, self.tr("&E-mail:"), self.email_edit, self.errors)
        add_row(form, self.tr("&Telefon:"), self.phone_edit, self.errors)
        add_row(form, self.tr("&Rola:"), self.role_combo, self.errors)
        person.setLayout(form)
        self.person_form = form  # features add rows here (e.g. the application password)
        # More checks run by "Zapisz" (e.g. the last administrator keeps the role).
        self.extra_checks: list[Callable[[], list[Problem]]] = []

        self.smtp_section = SmtpSection(secrets)
        self.smtp_section.sender_change_requested.connect(self.email_edit.setText)

        self.buttons = QDialogButtonBox()
        self.save_button: QPushButton = self.buttons.addButton(
            self.tr("&Zapisz"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.cancel_button: QPushButton = self.buttons.addButton(
            self.tr("Anuluj"), QDialogButtonBox.ButtonRole.RejectRole
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        content = QWidget()
        content_layout = QVBoxLayout(content)
        content_layout.addWidget(person)
        content_layout.addWidget(self.smtp_section)
        content_layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(content)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes from field to field, not to the frame
        self._scroll = scroll
        self._content = content
        layout = QVBoxLayout(self)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.buttons)
        self.resize(720, 640)  # the password field's longest Polish placeholder shows whole

        for edit in (self.first_name_edit, self.last_name_edit, self.email_edit, self.phone_edit):
            edit.textEdited.connect(lambda _text, field=edit: self.errors.clear(field))
        self.email_edit.editingFinished.connect(self._check_email)
        self.phone_edit.editingFinished.connect(self._check_phone)
        self._load(employee or Employee())
        for extend in self._extensions:
            extend(self)
        # The test buttons and sign-in buttons the extensions added take no Enter either.
        keep_default_button(self, self.save_button)

    def showEvent(self, event: QShowEvent) -> None:
        self._buttons_last_in_tab_order()
        super().showEvent(event)

    def _buttons_last_in_tab_order(self) -> None:
        """ "Zapisz" and "Anuluj" come after every field, also after buttons features added to the form."""
        last: QWidget | None = None
        widget: QWidget | None = self.first_name_edit.nextInFocusChain()
        while widget is not None and widget is not self.first_name_edit:
            if self._content.isAncestorOf(widget) and widget.focusPolicy() & Qt.FocusPolicy.TabFocus:
                last = widget
            widget = widget.nextInFocusChain()
        if last is not None:
            chain_tab_order([last, *shown_buttons(self.buttons)])

    # -- form -----------------------------------------------------------------------------------

    def _load(self, employee: Employee) -> None:
        self.first_name_edit.setText(employee.first_name)
        self.last_name_edit.setText(employee.last_name)
        self.email_edit.setText(employee.email)
        self.phone_edit.setText(employee.phone)
        self.role_combo.setCurrentIndex(max(0, self.role_combo.findData(employee.role.value)))
        key = employee_account(employee.id) if employee.id is not None else None
        self.smtp_section.load(employee.smtp, key)
        self._mark_loaded()

    def _mark_loaded(self) -> None:
        self._loaded_state = self.state()
        self.loaded_values: dict[str, Value] = field_values(self.draft_fields())

    def draft_fields(self) -> dict[str, QWidget]:
        """The fields a draft keeps when the program is ended from outside; never the password."""
        smtp = self.smtp_section
        return {
            "first_name": self.first_name_edit,
            "last_name": self.last_name_edit,
            "email": self.email_edit,
            "phone": self.phone_edit,
            "role": self.role_combo,
            "host": smtp.host_edit,
            "port": smtp.port_edit,
            "username": smtp.username_edit,
            "security": smtp.security_combo,
            "allow_plaintext_auth": smtp.plaintext_check,
        }

    def state(self) -> object:
        return (
            self.first_name_edit.text(),
            self.last_name_edit.text(),
            self.email_edit.text(),
            self.phone_edit.text(),
            self.role_combo.currentData(),
            self.smtp_section.state(),
        )

    def is_modified(self) -> bool:
        return self.state() != self._loaded_state

    def check(self) -> list[Problem]:
        """Every bad field, each shown with its message (the SMTP section included)."""
        self.errors.clear()
        problems: list[Problem] = []
        for edit, message in (
            (self.first_name_edit, self.tr("Podaj imię.")),
            (self.last_name_edit, self.tr("Podaj nazwisko.")),
        ):
            if not edit.text().strip():
                problems.append(field_problem(self.errors, edit, message))
        for problem in (self._check_email(), self._check_phone()):
            if problem is not None:
                problems.append(problem)
        problems.extend(self.smtp_section.check())
        for extra in self.extra_checks:
            problems.extend(extra())
        return problems

    def _check_email(self) -> Problem | None:
        return check_field(self.errors, self.email_edit, partial(normalise_email, required=True))

    def _check_phone(self) -> Problem | None:
        return check_field(self.errors, self.phone_edit, normalise_phone)

    def employee_from_form(self) -> Employee:
        """The employee as entered; call only after ``check()`` found nothing."""
        base = self.employee or Employee()
        return replace(
            base,
            first_name=" ".join(self.first_name_edit.text().split()),
            last_name=" ".join(self.last_name_edit.text().split()),
            email=normalise_email(self.email_edit.text(), required=True),
            phone=normalise_phone(self.phone_edit.text()),
            role=Role(self.role_combo.currentData()),
            smtp=self.smtp_section.account(),
        )

    # -- accept / reject ------------------------------------------------------------------------

    def accept(self) -> None:
        """Checks, stores the employee and its password, then closes; stays open on any problem."""
        if not self.save():
            return
        super().accept()

    def save(self) -> bool:
        problems = self.check()
        if problems:
            self._focus(problems[0].field)
            return False
        return self._store(self.employee_from_form(), base=self.employee)

    def _store(self, employee: Employee, *, base: Employee | None) -> bool:
        """Writes what changed since ``base`` (the employee as the dialog loaded them); a conflict
        opens the choice of values instead."""
        try:
            stored = self.store.save_employee(employee, base=base)
        except ConflictError as conflict:
            self._show_conflict(conflict, employee)
            return False
        except (StoreError, OSError) as error:
            show_message(
                self,
                QMessageBox.Icon.Critical,
                self.tr("Nie zapisano pracownika"),
                self.tr("Nie udało się zapisać danych pracownika: {reason}").format(reason=error),
            )
            return False
        assert stored.id is not None
        self.smtp_section.save_password(self.secrets, employee_account(stored.id))
        self.employee = stored
        if stored != employee:
            self._load(stored)  # what others saved meanwhile, in fields this window left alone
        else:
            self._mark_loaded()
        self.saved.emit(stored)
        return True

    def _show_conflict(self, conflict: ConflictError, mine: Employee) -> None:
        base = self.employee
        current = conflict.current
        if current is None or base is None:
            self._ask_to_restore(conflict, mine)
            return
        assert isinstance(current, Employee)
        dialog = ConflictDialog(conflict.conflicts, self.tr("okna pracownika"), self)
        self._conflict = (base, mine, current, {c.key for c in conflict.conflicts})
        # Bound methods, not closures holding the dialog (see SettingsWindow._show_conflict).
        dialog.resolved.connect(self._conflict_resolved)
        dialog.reload_requested.connect(self._conflict_reload)
        self.conflict_dialog = dialog
        dialog.open()

    def _conflict_resolved(self, kept: set[str]) -> None:
        assert self._conflict is not None
        base, mine, current, taken = self._conflict
        if self._store(rebase_employee(base, mine, current, taken - kept), base=current):
            super().accept()

    def _conflict_reload(self) -> None:
        assert self._conflict is not None
        current = self._conflict[2]
        self.employee = current
        self._load(current)

    def _ask_to_restore(self, conflict: ConflictError, mine: Employee) -> None:
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            self.tr("Pracownik został usunięty"),
            self.tr("{who} usunął(-ęła) tego pracownika {when}. Nic nie zostało zapisane.").format(
                who=conflict.removed_by or self.tr("Ktoś"), when=when_text(conflict.removed_at)
            ),
            QMessageBox.StandardButton.NoButton,
            self,
        )
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.setInformativeText(self.tr("Zapisać go ponownie z danymi z tego okna?"))
        self._restore_button = box.addButton(self.tr("Zapisz ponownie"), QMessageBox.ButtonRole.AcceptRole)
        self._drop_button = box.addButton(self.tr("Porzuć zmiany"), QMessageBox.ButtonRole.DestructiveRole)
        box.setEscapeButton(box.addButton(self.tr("Wróć do edycji"), QMessageBox.ButtonRole.RejectRole))
        settle_message_box(box, self._restore_button)
        self._removed_mine = mine
        box.finished.connect(self._restore_answered)
        self.conflict_dialog = box
        box.open()

    def _restore_answered(self) -> None:
        box = self.conflict_dialog
        assert isinstance(box, QMessageBox)
        clicked = box.clickedButton()
        self.conflict_dialog = None
        if clicked is self._restore_button and self._store(self._removed_mine, base=None):
            super().accept()
        elif clicked is self._drop_button:
            self._discarding = True
            self.reject()

    def reject(self) -> None:
        """„Anuluj”, Esc and the close button: asks first when something was changed."""
        if self._discarding or not self.is_modified():
            super().reject()
            return
        # QDialog's close button and Esc come here too; one question at a time.
        if self.unsaved_box is None:
            self.unsaved_box = ask_unsaved_changes(self, self._unsaved_answer)

    def _unsaved_answer(self, choice: Choice) -> None:
        self.unsaved_box = None
        if choice is Choice.SAVE:
            self.accept()
        elif choice is Choice.DISCARD:
            self._discarding = True
            self.reject()

    def _focus(self, field: QWidget) -> None:
        field.setFocus(Qt.FocusReason.OtherFocusReason)
        self._scroll.ensureWidgetVisible(field)
