"""„Dane firmy”: the agency's name, address, phone and e-mail (used in mail footers)."""

from __future__ import annotations

from dataclasses import replace
from functools import partial

from PySide6.QtWidgets import QLineEdit, QPlainTextEdit, QVBoxLayout, QWidget

from smtpdesk.core.model import OfficeSettings
from smtpdesk.core.validation import normalise_email, normalise_phone
from smtpdesk.ui.pages.base import Problem, SettingsPage, check_field
from smtpdesk.ui.widgets.form_rows import add_row, hint_label, new_form

MAX_NAME_LENGTH = 200


class CompanyPage(SettingsPage):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.name_edit = QLineEdit()
        self.name_edit.setMaxLength(MAX_NAME_LENGTH)
        self.name_edit.setPlaceholderText(self.tr("np. Biuro Nieruchomości Kowalski"))
        self.address_edit = QPlainTextEdit()
        self.address_edit.setTabChangesFocus(True)
        self.address_edit.setPlaceholderText(self.tr("ulica i numer\nkod pocztowy i miejscowość"))
        self.address_edit.setFixedHeight(self.address_edit.fontMetrics().lineSpacing() * 4 + 12)
        self.phone_edit = QLineEdit()
        self.phone_edit.setPlaceholderText(self.tr("np. +48 22 123 45 67"))
        self.email_edit = QLineEdit()
        self.email_edit.setPlaceholderText(self.tr("np. biuro@twojadomena.pl"))

        form = new_form()
        add_row(form, self.tr("&Nazwa firmy:"), self.name_edit, self.errors)
        add_row(form, self.tr("&Adres:"), self.address_edit, self.errors)
        add_row(form, self.tr("&Telefon:"), self.phone_edit, self.errors)
        add_row(
            form,
            self.tr("&E-mail:"),
            self.email_edit,
            self.errors,
            hint=hint_label(
                self.tr(
                    "Jeśli ten adres jest też kontem, z którego wychodzą maile, ustaw jego serwer SMTP "
                    "w zakładce „Pozostałe ustawienia”."
                )
            ),
        )
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addStretch(1)

        for edit in (self.name_edit, self.phone_edit, self.email_edit):
            edit.textEdited.connect(lambda _text: self.changed.emit())
            edit.textEdited.connect(lambda _text, field=edit: self.errors.clear(field))
        self.address_edit.textChanged.connect(lambda: self.changed.emit())
        self.email_edit.editingFinished.connect(self._check_email)
        self.phone_edit.editingFinished.connect(self._check_phone)

    def title(self) -> str:
        return self.tr("Dane firmy")

    def load(self, settings: OfficeSettings) -> None:
        company = settings.company
        self.errors.clear()
        self.name_edit.setText(company.name)
        self.address_edit.setPlainText(company.address)
        self.phone_edit.setText(company.phone)
        self.email_edit.setText(company.email)

    def check(self) -> list[Problem]:
        self.errors.clear()
        problems = [self._check_phone(), self._check_email()]
        return [problem for problem in problems if problem is not None]

    def save(self, settings: OfficeSettings) -> OfficeSettings:
        address = "\n".join(line.strip() for line in self.address_edit.toPlainText().strip().splitlines())
        company = replace(
            settings.company,
            name=" ".join(self.name_edit.text().split()),
            address=address,
            phone=normalise_phone(self.phone_edit.text()),
            email=normalise_email(self.email_edit.text(), required=False),
        )
        return replace(settings, company=company)

    def state(self) -> object:
        return (
            self.name_edit.text(),
            self.address_edit.toPlainText(),
            self.phone_edit.text(),
            self.email_edit.text(),
        )

    def _check_email(self) -> Problem | None:
        return check_field(self.errors, self.email_edit, partial(normalise_email, required=False))

    def _check_phone(self) -> Problem | None:
        return check_field(self.errors, self.phone_edit, normalise_phone)
