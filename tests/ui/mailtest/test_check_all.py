"""Check-all ("Sprawdź wszystkich") over a whole office against real servers: concurrent, cancellable, each
employee's status shows the diagnosis title, and a click opens the diagnosis."""

from __future__ import annotations

from PySide6.QtCore import Qt

from smtpdesk.core.model import (
    COMPANY_ACCOUNT,
    Employee,
    employee_account,
)
from smtpdesk.ui.mailtest.check_all import CheckAllController, CheckAllPanel, EmployeeStatus
from smtpdesk.ui.mailtest.diagnosis_dialog import DiagnosisDialog
from tests.ui.mailtest.conftest import PASSWORD, SLOW_TIMEOUTS, WAIT_MS


def test_twenty_employees_with_mixed_outcomes(qtbot, store, secrets, office, fast_timeouts):
    controller = CheckAllController(store, secrets, timeouts=fast_timeouts, max_workers=6)
    status = EmployeeStatus(store, controller)
    panel = CheckAllPanel(controller)
    qtbot.addWidget(panel)
    panel.show()
    assert panel.check_button.text() == "Sprawdź wszystkich"
    assert not panel.send_check.isChecked()  # login only unless asked

    progress: list[tuple[int, int]] = []
    controller.progress_changed.connect(lambda done, total: progress.append((done, total)))
    with qtbot.waitSignal(controller.finished, timeout=10_000) as finished:
        qtbot.mouseClick(panel.check_button, Qt.MouseButton.LeftButton)
        assert panel.cancel_button.isVisible() and panel.progress.isVisible()
        assert not panel.check_button.isEnabled()

    assert finished.args == [False]
    # 17 own accounts plus the company account, each checked once.
    assert controller.total == 18
    assert progress[-1] == (18, 18)
    titles = {}
    for employee in office.employees:
        cell = status.cell(employee)
        titles[employee.id] = cell.text
        assert cell.text.startswith(office.expected[employee.id]), (employee.last_name, cell.text)
    # Every failure names what went wrong, not just that something did.
    assert len({text for text in titles.values() if text.startswith("✗")}) >= 3
    assert panel.summary.text() == (
        "Sprawdzone konta pocztowe: 18 z 18 — działa 10, z błędami 8. Wysyła przez nie pracowników: 20."
    )
    assert not panel.cancel_button.isVisible() and panel.check_button.isEnabled()
    assert office.servers["good"].messages == []
    # Every result is in the history, under its account.
    assert len(store.history()) == 18
    assert store.last_results()[COMPANY_ACCOUNT].ok
    assert panel.company.isVisible() and "✓" in panel.company.plain_text()


def test_a_status_opens_its_diagnosis(qtbot, store, secrets, office, fast_timeouts):
    controller = CheckAllController(store, secrets, timeouts=fast_timeouts)
    status = EmployeeStatus(store, controller)
    with qtbot.waitSignal(controller.finished, timeout=10_000):
        controller.start()
    wrong = next(e for e in office.employees if office.expected[e.id].startswith("✗ Serwer nie przyjął"))

    dialog = status.open_diagnosis(wrong, None)

    assert isinstance(dialog, DiagnosisDialog)
    qtbot.addWidget(dialog)
    assert dialog.isVisible()
    assert "Serwer nie przyjął loginu lub hasła" in dialog.view.headline.text()
    assert wrong.full_name in dialog.windowTitle()
    assert "Sprawdź hasło" in dialog.view.steps.text()
    # The fix of a form cannot be applied from here; it is offered as advice instead.
    assert dialog.view.fix_buttons == []


def test_sending_test_mails_is_an_option(qtbot, store, secrets, office, fast_timeouts):
    controller = CheckAllController(store, secrets, timeouts=fast_timeouts)
    panel = CheckAllPanel(controller)
    qtbot.addWidget(panel)
    panel.send_check.setChecked(True)

    with qtbot.waitSignal(controller.finished, timeout=10_000):
        qtbot.mouseClick(panel.check_button, Qt.MouseButton.LeftButton)

    good = office.servers["good"]
    received = sorted(m.rcpt_tos[0] for m in good.messages)
    # Nine agents with working own accounts, three through the company account, and the company.
    assert len(received) == 13
    assert "biuro@biuro.test" in received and "agent17@biuro.test" in received


def test_cancel_stops_the_check_within_a_second(qtbot, store, secrets, silent_server):
    for n in range(10):
        employee = store.save_employee(
            Employee(
                first_name="A",
                last_name=str(n),
                email=f"a{n}@biuro.test",
                smtp=silent_server.account(username=f"a{n}@biuro.test"),
            )
        )
        secrets.set(employee_account(employee.id or 0), PASSWORD)
    controller = CheckAllController(store, secrets, timeouts=SLOW_TIMEOUTS, max_workers=4)
    panel = CheckAllPanel(controller)
    qtbot.addWidget(panel)
    qtbot.mouseClick(panel.check_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: silent_server.accepted == 4, timeout=WAIT_MS)

    with qtbot.waitSignal(controller.finished, timeout=1000) as finished:
        qtbot.mouseClick(panel.cancel_button, Qt.MouseButton.LeftButton)

    assert finished.args == [True]
    assert silent_server.accepted == 4  # the other six never started
    assert panel.summary.text().startswith("Przerwano.")
    # The interrupted runs are history, but none of them is an account's last result.
    assert {entry.code for entry in store.history()} <= {"cancelled"}
    assert store.last_results() == {}


def test_closing_during_check_all_stops_the_pool(qtbot, store, secrets, silent_server):
    employee = store.save_employee(
        Employee(
            first_name="A",
            last_name="B",
            email="a@biuro.test",
            smtp=silent_server.account(username="a@biuro.test"),
        )
    )
    secrets.set(employee_account(employee.id or 0), PASSWORD)
    controller = CheckAllController(store, secrets, timeouts=SLOW_TIMEOUTS)
    controller.start()
    qtbot.waitUntil(lambda: silent_server.accepted == 1, timeout=WAIT_MS)
    runner = controller.runner
    assert runner is not None

    with qtbot.waitSignal(controller.destroyed, timeout=WAIT_MS):
        controller.deleteLater()

    assert runner.wait(1.0)
    assert runner.cancelled


def test_an_account_whose_server_refuses_its_sender_is_not_shown_as_working(
    qtbot, store, secrets, smtp_server, fast_timeouts
):
    # The login works, but the server accepts mail only from the login's own address.
    server = smtp_server(own_address_only=True, users={"biuro@biuro.test": PASSWORD})
    from smtpdesk.core.model import Company, ContactMode, OfficeSettings

    store.save_settings(
        OfficeSettings(
            company=Company(name="Biuro", email="biuro@biuro.test"), contact_mode=ContactMode.AGENT
        )
    )
    jan = store.save_employee(
        Employee(
            first_name="Jan",
            last_name="Kowalski",
            email="jan.kowalski@biuro.test",
            smtp=server.account(username="biuro@biuro.test"),
        )
    )
    assert jan.id is not None
    secrets.set(employee_account(jan.id), PASSWORD)
    controller = CheckAllController(store, secrets, timeouts=fast_timeouts)
    status = EmployeeStatus(store, controller)
    panel = CheckAllPanel(controller)
    qtbot.addWidget(panel)
    panel.show()
    assert "wykaże tylko wiadomość testowa" in panel.scope_note.text()

    with qtbot.waitSignal(controller.finished, timeout=10_000):
        qtbot.mouseClick(panel.check_button, Qt.MouseButton.LeftButton)

    cell = status.cell(jan)
    assert cell.text.startswith("✗") and cell.ok is False
    assert "Logowanie działa" not in cell.text
    assert server.messages == []  # nothing was sent to find it out
    panel.send_check.setChecked(True)
    assert panel.scope_note.isHidden()
