"""Missing password, no keychain and a locked keychain are told apart wherever a password is
missing: the form, check-all and the diagnosis; and the first paint does not wait for the keychain."""

from __future__ import annotations

import sys

import pytest

from smtpdesk.core.model import Employee, OfficeSettings, SmtpAccount, employee_account
from smtpdesk.core.secrets import SecretStore
from smtpdesk.ui.application import start_gui
from smtpdesk.ui.mailtest.check_all import CheckAllController, EmployeeStatus
from tests.fixtures.people import enter_as_admin

WAIT_MS = 5000


def office_with_own_account(store, smtp_server) -> Employee:
    server = smtp_server()
    store.save_settings(OfficeSettings())
    return store.save_employee(
        Employee(first_name="Anna", last_name="Łęcka", email=server.login, smtp=server.account())
    )


def check_all(qtbot, store, secrets, fast_timeouts) -> tuple[CheckAllController, EmployeeStatus]:
    controller = CheckAllController(store, secrets, timeouts=fast_timeouts)
    status = EmployeeStatus(store, controller)
    with qtbot.waitSignal(controller.finished, timeout=WAIT_MS):
        controller.start()
    return controller, status


@pytest.mark.usefixtures("no_keyring")
def test_after_a_restart_without_keychain_check_all_blames_the_keychain(
    qtbot, store, smtp_server, fast_timeouts
):
    employee = office_with_own_account(store, smtp_server)
    before = SecretStore()
    assert employee.id is not None
    before.set(employee_account(employee.id), "Hasło-tylko-w-pamięci")  # kept until the program closes

    after_restart = SecretStore()
    controller, status = check_all(qtbot, store, after_restart, fast_timeouts)

    assert status.cell(employee).text == "✗ Brak pęku kluczy — hasło nie jest dostępne"
    result = controller.result_of_employee(employee.id)
    assert result is not None and result.diagnosis is not None
    diagnosis = result.diagnosis
    assert "nie działa pęk kluczy" in diagnosis.explanation
    assert not any("Wpisz hasło skrzynki w polu „Hasło” i zapisz" in step for step in diagnosis.steps)
    if sys.platform.startswith("linux"):
        assert "gnome-keyring" in diagnosis.steps[0]


@pytest.mark.usefixtures("locked_keyring")
def test_a_locked_keychain_is_named_by_check_all(qtbot, store, smtp_server, fast_timeouts):
    employee = office_with_own_account(store, smtp_server)
    _, status = check_all(qtbot, store, SecretStore(), fast_timeouts)
    assert status.cell(employee).text == "✗ Pęk kluczy jest zablokowany"


def test_with_a_keychain_a_missing_password_asks_for_it(qtbot, store, smtp_server, fast_timeouts):
    employee = office_with_own_account(store, smtp_server)
    controller, status = check_all(qtbot, store, SecretStore(), fast_timeouts)
    assert status.cell(employee).text == "✗ Ustawienia są niepełne lub błędne"
    result = controller.result_of_employee(employee.id)
    assert result is not None and result.diagnosis is not None
    assert "Wpisz hasło skrzynki w polu „Hasło” i zapisz." in result.diagnosis.steps


def test_the_window_shows_checking_until_the_keychain_answered(qtbot, store, secrets, data_dir):
    store.save_settings(OfficeSettings(company_smtp=SmtpAccount(host="smtp.biuro.pl", username="b@biuro.pl")))
    secrets.set("smtp:company", "Hasło-firmy-1")
    session = start_gui(["--data-dir", str(data_dir)])
    try:
        window = enter_as_admin(qtbot, session)
        field = window.other_settings_page.smtp_section.password_field
        seen = [field.status_label.text()]
        qtbot.waitUntil(lambda: not field.checking, timeout=WAIT_MS)
        seen.append(field.status_label.text())
        # Either the keychain answered before the window was built, or the field waited for it.
        assert seen[0] in ("sprawdzam pęk kluczy…", "Hasło zapisane w pęku kluczy systemu")
        assert seen[-1] == "Hasło zapisane w pęku kluczy systemu"
        assert field.line_edit.placeholderText() == "•••••• (zapisane w pęku kluczy)"
    finally:
        session.close()
