"""„Pozostałe ustawienia”: whose contact a mail carries, the company's sending account and the
GIODO options."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QGroupBox,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from smtpdesk.core.model import COMPANY_ACCOUNT, ContactMode, Giodo, OfficeSettings
from smtpdesk.core.secrets import SecretStore
from smtpdesk.core.store.schema import MAX_IDLE_LOCK_MINUTES, MAX_PASSWORD_CHANGE_DAYS
from smtpdesk.ui.pages.base import Problem, SettingsPage
from smtpdesk.ui.widgets.form_rows import add_row, hint_label, new_form
from smtpdesk.ui.widgets.smtp_section import SmtpSection


class OtherSettingsPage(SettingsPage):
    def __init__(self, secrets: SecretStore, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # -- Ustawienia wyświetlania kontaktów
        self.agent_radio = QRadioButton(self.tr("Kontakt do aktualnie zalogowanego agenta"))
        self.company_radio = QRadioButton(self.tr("Kontakt do firmy / biura"))
        self.contact_group = QButtonGroup(self)
        self.contact_group.addButton(self.agent_radio)
        self.contact_group.addButton(self.company_radio)
        self.agent_radio.setChecked(True)
        radios = QWidget()
        radios_layout = QVBoxLayout(radios)
        radios_layout.setContentsMargins(0, 0, 0, 0)
        radios_layout.addWidget(self.agent_radio)
        radios_layout.addWidget(self.company_radio)
        self.contact_hint = hint_label("")
        contacts = QGroupBox(self.tr("Ustawienia wyświetlania kontaktów"))
        contacts_form = new_form()
        add_row(
            contacts_form,
            self.tr("W mailach (stopka i adres mailowy):"),
            radios,
            self.errors,
            hint=self.contact_hint,
            buddy=self.agent_radio,
        )
        contacts.setLayout(contacts_form)

        # -- Ustawienia wysyłania poczty (SMTP): the company's one sending account
        self.smtp_section = SmtpSection(secrets)

        # -- Ustawienia GIODO
        self.password_days_spin = QSpinBox()
        self.password_days_spin.setRange(0, MAX_PASSWORD_CHANGE_DAYS)
        self.password_days_spin.setSpecialValueText(self.tr("wyłączone"))
        self.password_days_spin.setSuffix(self.tr(" dni"))
        digit = self.password_days_spin.fontMetrics().horizontalAdvance("0")
        self.password_days_spin.setMaximumWidth(digit * 16 + 40)
        self.password_days_spin.setAccessibleDescription(
            self.tr("0 oznacza, że zmiana hasła nie jest wymuszana")
        )
        self.password_format_check = QCheckBox()
        self.hide_contacts_check = QCheckBox()
        giodo = QGroupBox(self.tr("Ustawienia GIODO"))
        giodo_layout = QVBoxLayout(giodo)
        giodo_layout.addWidget(
            hint_label(
                self.tr(
                    "Poniższe ustawienia możesz wykorzystać do wspomagania procedur GIODO w Twojej agencji"
                )
            )
        )
        giodo_form = new_form()
        add_row(
            giodo_form,
            self.tr("Wymuś zmianę hasła: częstotliwość zmian (liczba dni)"),
            self.password_days_spin,
            self.errors,
        )
        add_row(
            giodo_form, self.tr("Wymuś format hasła zgodny z GIODO:"), self.password_format_check, self.errors
        )
        add_row(
            giodo_form, self.tr("Ukryj emaile i telefony klientów:"), self.hide_contacts_check, self.errors
        )
        giodo_layout.addLayout(giodo_form)

        # -- Logowanie do programu: what agents may do, and locking an unattended desk
        self.agents_edit_check = QCheckBox(self.tr("Agenci mogą sami zmieniać swoje konto SMTP"))
        self.agents_edit_check.setToolTip(
            self.tr("W oknie „Moja poczta” agent zmieni wtedy serwer, login i hasło swojego konta")
        )
        self.idle_minutes_spin = QSpinBox()
        self.idle_minutes_spin.setRange(0, MAX_IDLE_LOCK_MINUTES)
        self.idle_minutes_spin.setSpecialValueText(self.tr("nigdy"))
        self.idle_minutes_spin.setSuffix(self.tr(" min"))
        self.idle_minutes_spin.setMaximumWidth(digit * 16 + 40)
        sign_in = QGroupBox(self.tr("Logowanie do programu"))
        sign_in_form = new_form()
        add_row(sign_in_form, self.tr("Konta agentów:"), self.agents_edit_check, self.errors)
        add_row(
            sign_in_form,
            self.tr("Blokada po bezczynności:"),
            self.idle_minutes_spin,
            self.errors,
            hint=hint_label(
                self.tr("Po tylu minutach bez użycia program ukrywa okna do ponownego wpisania hasła.")
            ),
        )
        sign_in.setLayout(sign_in_form)

        layout = QVBoxLayout(self)
        layout.addWidget(contacts)
        layout.addWidget(self.smtp_section)
        layout.addWidget(giodo)
        layout.addWidget(sign_in)
        layout.addStretch(1)

        self.contact_group.buttonToggled.connect(self._contact_mode_changed)
        self.smtp_section.changed.connect(self.changed)
        self.password_days_spin.valueChanged.connect(lambda _value: self.changed.emit())
        self.idle_minutes_spin.valueChanged.connect(lambda _value: self.changed.emit())
        self.agents_edit_check.toggled.connect(lambda _on: self.changed.emit())
        for check in (self.password_format_check, self.hide_contacts_check):
            check.toggled.connect(lambda _on: self.changed.emit())
        self._contact_mode_changed()

    def title(self) -> str:
        return self.tr("Pozostałe ustawienia")

    def contact_mode(self) -> ContactMode:
        return ContactMode.COMPANY if self.company_radio.isChecked() else ContactMode.AGENT

    def load(self, settings: OfficeSettings) -> None:
        self.errors.clear()
        radio = self.company_radio if settings.contact_mode is ContactMode.COMPANY else self.agent_radio
        radio.setChecked(True)
        self.smtp_section.load(settings.company_smtp, COMPANY_ACCOUNT)
        self.password_days_spin.setValue(settings.giodo.password_change_days)
        self.password_format_check.setChecked(settings.giodo.giodo_password_format)
        self.hide_contacts_check.setChecked(settings.giodo.hide_client_contacts)
        self.agents_edit_check.setChecked(settings.agents_edit_own_smtp)
        self.idle_minutes_spin.setValue(settings.idle_lock_minutes)

    def check(self) -> list[Problem]:
        return self.smtp_section.check()

    def save(self, settings: OfficeSettings) -> OfficeSettings:
        giodo = Giodo(
            password_change_days=self.password_days_spin.value(),
            giodo_password_format=self.password_format_check.isChecked(),
            hide_client_contacts=self.hide_contacts_check.isChecked(),
        )
        return replace(
            settings,
            contact_mode=self.contact_mode(),
            company_smtp=self.smtp_section.account(),
            giodo=giodo,
            agents_edit_own_smtp=self.agents_edit_check.isChecked(),
            idle_lock_minutes=self.idle_minutes_spin.value(),
        )

    def save_secrets(self, secrets: SecretStore) -> None:
        self.smtp_section.save_password(secrets, COMPANY_ACCOUNT)

    def state(self) -> object:
        return (
            self.contact_mode(),
            self.smtp_section.state(),
            self.password_days_spin.value(),
            self.password_format_check.isChecked(),
            self.hide_contacts_check.isChecked(),
            self.agents_edit_check.isChecked(),
            self.idle_minutes_spin.value(),
        )

    def _contact_mode_changed(self) -> None:
        if self.contact_mode() is ContactMode.COMPANY:
            hint = self.tr(
                "Maile wychodzą z adresu firmy przez konto SMTP poniżej — musi ono pozwalać na wysyłkę "
                "dla różnych adresów nadawców."
            )
        else:
            hint = self.tr(
                "Maile wychodzą z adresu agenta: serwer SMTP ustaw każdemu pracownikowi (zakładka "
                "„Pracownicy” → Edytuj), a sekcję SMTP poniżej zostaw pustą."
            )
        self.contact_hint.setText(hint)
        self.changed.emit()
