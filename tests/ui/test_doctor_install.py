""" "Doktor konfiguracji" from the settings window: it checks the stored settings, and a fix it
applies shows up in the window's forms."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from smtpdesk.core.model import COMPANY_ACCOUNT, Company, ContactMode, OfficeSettings, Security, SmtpAccount
from smtpdesk.core.secrets import SecretStore
from smtpdesk.core.store import Store
from smtpdesk.ui.doctor_install import DoctorLauncher, install_doctor
from smtpdesk.ui.settings_window import SettingsWindow
from smtpdesk.ui.widgets.unsaved_changes import UnsavedChangesBox

WAIT_MS = 3000
COMPANY = Company(name="Biuro Źródło", email="biuro@zrodlo.pl")
BROKEN_COMPANY_SMTP = SmtpAccount(
    host="smtp.zrodlo.pl", port=465, username="biuro@zrodlo.pl", security=Security.STARTTLS
)


@pytest.fixture
def store(store: Store) -> Store:
    """The shared store, with a company account the doctor can fix."""
    store.save_settings(
        OfficeSettings(company=COMPANY, contact_mode=ContactMode.COMPANY, company_smtp=BROKEN_COMPANY_SMTP)
    )
    return store


@pytest.fixture
def window(qtbot, store: Store, secrets: SecretStore) -> Iterator[tuple[SettingsWindow, DoctorLauncher]]:
    secrets.set(COMPANY_ACCOUNT, "Hasło-łódź-1")
    opened = SettingsWindow(store, secrets)
    qtbot.addWidget(opened)
    launcher = install_doctor(opened)
    opened.show()
    yield opened, launcher
    opened.discard_and_close()


def visible_boxes() -> list[UnsavedChangesBox]:
    widgets = QApplication.topLevelWidgets()
    return [w for w in widgets if isinstance(w, UnsavedChangesBox) and w.isVisible()]


def open_box(qtbot) -> UnsavedChangesBox:
    qtbot.waitUntil(lambda: bool(visible_boxes()), timeout=WAIT_MS)
    return visible_boxes()[0]


def test_the_doctor_is_in_the_tools_menu_and_a_fix_reaches_the_form(qtbot, window) -> None:
    settings_window, launcher = window
    assert launcher.action in settings_window.tools_menu.actions()
    section = settings_window.other_settings_page.smtp_section
    assert section.security() is Security.STARTTLS

    launcher.action.trigger()
    dialog = launcher.dialog
    assert dialog is not None and dialog.isVisible()
    card = dialog.card_for("port_security_mismatch")
    assert card is not None and card.fix_button is not None
    with qtbot.waitSignal(dialog.settings_changed, timeout=WAIT_MS):
        qtbot.mouseClick(card.fix_button, Qt.MouseButton.LeftButton)

    assert section.security() is Security.SSL
    assert not settings_window.is_modified()


def test_unsaved_edits_are_settled_before_the_doctor_reads_the_stored_settings(qtbot, window, store) -> None:
    settings_window, launcher = window
    settings_window.company_page.name_edit.setText("Biuro Źródło i Syn")
    assert settings_window.is_modified()

    launcher.action.trigger()
    box = open_box(qtbot)
    assert launcher.dialog is None  # nothing opens before the answer
    assert "zapisane ustawienia" in box.informativeText()
    qtbot.mouseClick(box.save_button, Qt.MouseButton.LeftButton)

    qtbot.waitUntil(lambda: launcher.dialog is not None and launcher.dialog.isVisible(), timeout=WAIT_MS)
    assert store.load_settings().company.name == "Biuro Źródło i Syn"


def test_cancelling_the_question_keeps_the_edits_and_opens_nothing(qtbot, window, store) -> None:
    settings_window, launcher = window
    settings_window.company_page.name_edit.setText("Inna nazwa")

    launcher.action.trigger()
    box = open_box(qtbot)
    qtbot.mouseClick(box.cancel_button, Qt.MouseButton.LeftButton)

    qtbot.waitUntil(lambda: not box.isVisible(), timeout=WAIT_MS)
    assert launcher.dialog is None
    assert settings_window.company_page.name_edit.text() == "Inna nazwa"
    assert store.load_settings().company.name == "Biuro Źródło"


def test_the_application_window_offers_the_doctor(qtbot, data_dir: Path) -> None:
    from smtpdesk.ui.application import start_gui
    from tests.fixtures.people import enter_as_admin

    session = start_gui(["--data-dir", str(data_dir)])
    try:
        window = enter_as_admin(qtbot, session)
        texts = [a.text() for a in window.tools_menu.actions()]
        assert "Doktor konfiguracji…" in texts
    finally:
        session.close()
