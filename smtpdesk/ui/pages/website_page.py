"""„Strona WWW”: the agency's website, shown in the mail footer."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtWidgets import QLineEdit, QVBoxLayout, QWidget

from smtpdesk.core.model import OfficeSettings
from smtpdesk.core.validation import normalise_website
from smtpdesk.ui.pages.base import Problem, SettingsPage, check_field
from smtpdesk.ui.widgets.form_rows import add_row, hint_label, new_form


class WebsitePage(SettingsPage):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.website_edit = QLineEdit()
        self.website_edit.setPlaceholderText(self.tr("np. www.twoje-biuro.pl"))
        form = new_form()
        add_row(
            form,
            self.tr("&Adres strony WWW:"),
            self.website_edit,
            self.errors,
            hint=hint_label(self.tr("Adres pojawia się w stopce wysyłanych maili.")),
        )
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addStretch(1)
        self.website_edit.textEdited.connect(self._edited)
        self.website_edit.editingFinished.connect(self._normalise_field)

    def title(self) -> str:
        return self.tr("Strona WWW")

    def load(self, settings: OfficeSettings) -> None:
        self.errors.clear()
        self.website_edit.setText(settings.company.website)

    def check(self) -> list[Problem]:
        problem = self._check()
        return [problem] if problem is not None else []

    def save(self, settings: OfficeSettings) -> OfficeSettings:
        company = replace(settings.company, website=normalise_website(self.website_edit.text()))
        return replace(settings, company=company)

    def state(self) -> object:
        return self.website_edit.text()

    def _edited(self) -> None:
        self.errors.clear(self.website_edit)
        self.changed.emit()

    def _normalise_field(self) -> None:
        if self._check() is None:
            normalised = normalise_website(self.website_edit.text())
            if normalised != self.website_edit.text():
                self.website_edit.setText(normalised)
                self.changed.emit()

    def _check(self) -> Problem | None:
        return check_field(self.errors, self.website_edit, normalise_website)
