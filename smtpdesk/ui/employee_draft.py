"""An open "Edycja pracownika" / "Nowy pracownik" dialog in a draft (see ``draft``).

The draft names the employee by id ("new" for one not saved yet) and the settings it belongs to,
and keeps every field of the form besides the password, with the ones the user changed. Reopened
for the same employee, only the changed fields are put back, so what others saved meanwhile in
the rest stays. An employee deleted meanwhile (or one of other settings, e.g. the office database
instead of this computer's file) comes back as a new employee with all the kept values — the
question says so first.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog

from smtpdesk.core.model import Employee
from smtpdesk.core.store import Store, StoreError
from smtpdesk.ui.dialog_drafts import DialogDraft, changed_fields
from smtpdesk.ui.draft_fields import set_field_values
from smtpdesk.ui.employee_dialog import EmployeeDialog

if TYPE_CHECKING:
    from smtpdesk.ui.settings_window import SettingsWindow

KIND = "employee"
NEW = "new"
LOCAL = "local"
# Why a kept employee cannot be edited again.
DELETED = "deleted"
ELSEWHERE = "elsewhere"


def settings_of(store: Store) -> str:
    """Which settings employee ids belong to. The draft of the local file lies next to that file;
    an office database keeps its drafts in this desktop's data folder, so its address is noted."""
    return store.location.url() if store.is_office else LOCAL


def kept_name(draft: DialogDraft) -> str:
    """The employee's name as it was in the form (the e-mail when no name was typed)."""
    parts = (draft.fields.get("first_name"), draft.fields.get("last_name"))
    name = " ".join(" ".join(p for p in parts if isinstance(p, str)).split())
    email = draft.fields.get("email")
    return name or (email.strip() if isinstance(email, str) else "")


def _employee_id(draft: DialogDraft) -> int | None:
    value = draft.about.get("employee")
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def target(window: SettingsWindow, draft: DialogDraft) -> tuple[Employee | None, str]:
    """The employee to edit again (None: the values go to a new one) and, for a kept employee
    that cannot be edited again, why (``DELETED`` / ``ELSEWHERE``)."""
    employee_id = _employee_id(draft)
    if employee_id is None:
        return None, ""
    if draft.about.get("settings") != settings_of(window.store):
        return None, ELSEWHERE
    try:
        employee = window.store.get_employee(employee_id)
    except StoreError:
        employee = None
    return (employee, "") if employee is not None else (None, DELETED)


class EmployeeDrafts:
    name = KIND
    dialog_type: type[QDialog] = EmployeeDialog

    def capture(self, dialog: QDialog) -> DialogDraft | None:
        assert isinstance(dialog, EmployeeDialog)
        employee = dialog.employee
        about = {
            "employee": employee.id if employee is not None and employee.id is not None else NEW,
            "settings": settings_of(dialog.store),
        }
        return changed_fields(KIND, dialog.draft_fields(), dialog.loaded_values, about)

    def describe(self, window: SettingsWindow, draft: DialogDraft) -> str:
        name = kept_name(draft)
        if _employee_id(draft) is None:
            return (
                QCoreApplication.translate("EmployeeDrafts", "Nowy pracownik: {name}").format(name=name)
                if name
                else QCoreApplication.translate("EmployeeDrafts", "Nowy pracownik")
            )
        line = QCoreApplication.translate("EmployeeDrafts", "Edycja pracownika: {name}").format(
            name=name or QCoreApplication.translate("EmployeeDrafts", "(bez nazwiska)")
        )
        _employee, lost = target(window, draft)
        if lost == DELETED:
            return line + QCoreApplication.translate(
                "EmployeeDrafts",
                " — ten pracownik został w międzyczasie usunięty; wpisane dane wrócą jako nowy pracownik",
            )
        if lost == ELSEWHERE:
            return line + QCoreApplication.translate(
                "EmployeeDrafts", " — z innej bazy ustawień; wpisane dane wrócą jako nowy pracownik"
            )
        return line

    def reopen(self, window: SettingsWindow, draft: DialogDraft) -> None:
        page = window.employees_page
        window.show_page(page)
        employee, _lost = target(window, draft)
        if employee is not None:
            page.select_employee(employee.id)
        dialog = page.open_employee(employee)
        # The same employee: only what the user changed, over what is stored now.
        names = draft.changed if employee is not None else tuple(draft.fields)
        set_field_values(dialog.draft_fields(), draft.fields, names)
