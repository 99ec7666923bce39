"""What every tab of "Ustawienia firmy" does: load, check, save (in that order, for all tabs).

The window checks every page before it saves any, so a mistake on one tab never leaves the
others half-saved.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLineEdit, QWidget

from smtpdesk.core.model import OfficeSettings
from smtpdesk.core.secrets import SecretStore
from smtpdesk.core.validation import FieldError
from smtpdesk.ui.widgets.field_error import FieldErrors


@dataclass(frozen=True)
class Problem:
    """One bad field and what is wrong with it (already shown next to the field)."""

    field: QWidget
    message: str


def field_problem(errors: FieldErrors, field: QWidget, message: str) -> Problem:
    """Shows ``message`` under ``field`` and returns it as a problem."""
    errors.show(field, message)
    return Problem(field, message)


def check_field(errors: FieldErrors, field: QLineEdit, validate: Callable[[str], object]) -> Problem | None:
    """Runs ``validate`` on the field's text: its ``FieldError`` is shown under the field and
    returned; a valid field loses an earlier message."""
    try:
        validate(field.text())
    except FieldError as error:
        return field_problem(errors, field, error.message.text())
    errors.clear(field)
    return None


class SettingsPage(QWidget):
    """A tab of the settings window.

    ``load`` fills the fields, ``check`` shows a message next to every bad field and returns them,
    ``save`` returns the settings with this page's values (only called when no page has problems),
    ``save_secrets`` writes passwords after the settings themselves were saved.
    """

    changed = Signal()
    # False for pages that save at once (employees) and so take no part in "Zapisz".
    holds_settings = True

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.errors = FieldErrors()

    def title(self) -> str:
        raise NotImplementedError

    def load(self, settings: OfficeSettings) -> None:
        raise NotImplementedError

    def check(self) -> list[Problem]:
        return []

    def save(self, settings: OfficeSettings) -> OfficeSettings:
        return settings

    def save_secrets(self, secrets: SecretStore) -> None:
        """Writes passwords to the keychain; called after the settings were stored."""

    def state(self) -> object:
        """A comparable snapshot of what the user sees, to tell whether anything changed."""
        return ()
