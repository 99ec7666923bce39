"""The "Doktor konfiguracji" window on a real store: findings shown, "Napraw" fixes and saves."""

from __future__ import annotations

from PySide6.QtCore import Qt

from smtpdesk.core import i18n
from smtpdesk.core.model import (
    Company,
    ContactMode,
    Employee,
    OfficeSettings,
    Security,
    SmtpAccount,
    employee_account,
)
from smtpdesk.core.secrets import SecretStore
from smtpdesk.core.store import Store
from smtpdesk.ui.doctor_view import DoctorDialog

PASSWORD = "Hasło-łódź-1"
WAIT_MS = 3000
COMPANY = Company(name="Biuro Nieruchomości Źródło", email="biuro@zrodlo.pl")


def seed_broken(store: Store, secrets: SecretStore) -> tuple[Employee, Employee]:
    """Anna: 465 with STARTTLS (fixable error). Jan: no password in the keychain (not fixable)."""
    store.save_settings(OfficeSettings(company=COMPANY, contact_mode=ContactMode.AGENT))
    anna = store.save_employee(
        Employee(
            first_name="Anna",
            last_name="Łęcka",
            email="anna@zrodlo.pl",
            smtp=SmtpAccount(
                host="smtp.zrodlo.pl", port=465, username="anna@zrodlo.pl", security=Security.STARTTLS
            ),
        )
    )
    jan = store.save_employee(
        Employee(
            first_name="Jan",
            last_name="Żółw",
            email="jan@zrodlo.pl",
            smtp=SmtpAccount(host="smtp.zrodlo.pl", port=587, username="jan@zrodlo.pl"),
        )
    )
    assert anna.id is not None
    secrets.set(employee_account(anna.id), PASSWORD)
    return anna, jan


def open_doctor(qtbot, store: Store, secrets: SecretStore) -> DoctorDialog:
    dialog = DoctorDialog(store, secrets)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def test_findings_are_listed_with_severity_explanation_and_fix_buttons(qtbot, store, secrets) -> None:
    seed_broken(store, secrets)
    dialog = open_doctor(qtbot, store, secrets)

    assert dialog.windowTitle() == "Doktor konfiguracji"
    assert not dialog.isModal()
    assert dialog.summary_label.text() == "Znaleziono: 2 błędy"
    mismatch = dialog.card_for("port_security_mismatch")
    missing = dialog.card_for("password_missing")
    assert mismatch is not None and missing is not None
    assert mismatch.isVisible() and missing.isVisible()
    assert mismatch.title.text() == "Port 465 z szyfrowaniem STARTTLS"
    assert "Anna Łęcka" in mismatch.about.text()
    assert "smtp.zrodlo.pl" in mismatch.explanation.text()
    assert mismatch.severity.text() == "Błąd"
    assert not mismatch.icon.pixmap().isNull()
    assert mismatch.fix_button is not None and mismatch.fix_button.text() == "Napraw"
    assert "Jan Żółw" in missing.about.text()
    assert missing.fix_button is None  # only the user can type the password


def test_napraw_fixes_saves_and_the_finding_disappears(qtbot, store, secrets) -> None:
    anna, _ = seed_broken(store, secrets)
    dialog = open_doctor(qtbot, store, secrets)
    card = dialog.card_for("port_security_mismatch")
    assert card is not None and card.fix_button is not None

    with qtbot.waitSignal(dialog.settings_changed, timeout=WAIT_MS):
        qtbot.mouseClick(card.fix_button, Qt.MouseButton.LeftButton)

    assert dialog.card_for("port_security_mismatch") is None
    assert dialog.card_for("password_missing") is not None
    assert dialog.summary_label.text() == "Znaleziono: 1 błąd"
    assert anna.id is not None
    saved = store.get_employee(anna.id)
    assert saved is not None and saved.smtp is not None and saved.smtp.security is Security.SSL
    assert not dialog.error_label.isVisible()


def test_refresh_shows_changes_made_elsewhere(qtbot, store, secrets) -> None:
    _, jan = seed_broken(store, secrets)
    dialog = open_doctor(qtbot, store, secrets)
    assert jan.id is not None
    secrets.set(employee_account(jan.id), PASSWORD)

    qtbot.mouseClick(dialog.refresh_button, Qt.MouseButton.LeftButton)

    assert dialog.card_for("password_missing") is None
    assert [f.code for f in dialog.findings()] == ["port_security_mismatch"]
    assert len(dialog.cards()) == 1


def test_a_healthy_configuration_says_so(qtbot, store, secrets) -> None:
    store.save_settings(
        OfficeSettings(
            company=COMPANY,
            contact_mode=ContactMode.COMPANY,
            company_smtp=SmtpAccount(host="smtp.zrodlo.pl", port=587, username="biuro@zrodlo.pl"),
        )
    )
    secrets.set("smtp:company", PASSWORD)
    dialog = open_doctor(qtbot, store, secrets)
    assert dialog.cards() == []
    assert dialog.summary_label.text() == "Nie znaleziono problemów w konfiguracji poczty."


def test_a_fix_that_can_no_longer_be_applied_is_explained_not_crashed_on(qtbot, store, secrets) -> None:
    anna, _ = seed_broken(store, secrets)
    dialog = open_doctor(qtbot, store, secrets)
    card = dialog.card_for("port_security_mismatch")
    assert card is not None and card.fix_button is not None
    assert anna.id is not None
    store.delete_employee(anna.id)  # removed in the main window meanwhile

    with qtbot.assertNotEmitted(dialog.settings_changed):
        qtbot.mouseClick(card.fix_button, Qt.MouseButton.LeftButton)

    assert dialog.error_label.isVisible()
    assert dialog.error_label.text().startswith("Nie udało się wprowadzić poprawki")
    assert dialog.card_for("port_security_mismatch") is None  # the list was checked again


def test_findings_follow_the_language(qtbot, store, secrets) -> None:
    seed_broken(store, secrets)
    i18n.set_language("en")
    dialog = open_doctor(qtbot, store, secrets)
    card = dialog.card_for("port_security_mismatch")
    assert card is not None
    assert card.title.text() == "Port 465 with STARTTLS"
    assert dialog.summary_label.text().endswith("2 errors")


def test_close_hides_the_window(qtbot, store, secrets) -> None:
    seed_broken(store, secrets)
    dialog = open_doctor(qtbot, store, secrets)
    qtbot.mouseClick(dialog.close_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
