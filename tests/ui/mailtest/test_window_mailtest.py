"""The test features inside the real settings window: toolbar and "Narzędzia", the status column
of "Pracownicy" after check-all, the routed test of one employee, and the employee dialog."""

from __future__ import annotations

import dataclasses
import email
import email.policy
import sqlite3
from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QSpinBox,
    QWidget,
)

from smtpdesk.core.model import (
    COMPANY_ACCOUNT,
    Company,
    ContactMode,
    Employee,
    OfficeSettings,
    SmtpAccount,
    employee_account,
)
from smtpdesk.core.secrets import SecretStore
from smtpdesk.core.store import Store
from smtpdesk.ui.application import start_gui
from smtpdesk.ui.mailtest.buttons import buttons_of
from smtpdesk.ui.mailtest.diagnosis_dialog import DiagnosisDialog
from smtpdesk.ui.mailtest.dialog import MailTestDialog
from smtpdesk.ui.mailtest.history_view import HistoryDialog
from smtpdesk.ui.mailtest.install import MailTestTools, install_mail_tests, window_mail_tests
from smtpdesk.ui.mailtest.plan import MailTestPlan
from smtpdesk.ui.settings_window import SettingsWindow
from tests.fixtures.people import enter_as_admin
from tests.fixtures.samples import T0, run
from tests.ui.mailtest.conftest import PASSWORD, WAIT_MS, fill

ACTIONS = ["Testuj pocztę pracownika", "Sprawdź wszystkich", "Historia testów…"]


@pytest.fixture
def window(
    qtbot, store: Store, secrets: SecretStore, fast_timeouts
) -> Iterator[tuple[SettingsWindow, MailTestTools]]:
    shown = SettingsWindow(store, secrets)
    qtbot.addWidget(shown)
    tools = install_mail_tests(shown, timeouts=fast_timeouts)
    shown.show()
    shown.show_page(shown.employees_page)
    yield shown, tools


def test_the_application_puts_the_tests_into_its_window(qtbot, data_dir):
    session = start_gui(["--data-dir", str(data_dir)])
    try:
        window = enter_as_admin(qtbot, session)  # the session owns the window and closes it
        assert window is not None
        assert [a.text() for a in window.toolbar.actions()][: len(ACTIONS)] == ACTIONS
        assert [a.text() for a in window.tools_menu.actions()][: len(ACTIONS)] == ACTIONS
        company = buttons_of(window.other_settings_page.smtp_section)
        assert company is not None and company.send_button.text() == "Wyślij wiadomość testową"
        model = window.employees_page.model
        headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
        assert "Poczta" in headers
        assert window_mail_tests(window) is not None
    finally:
        session.close()


def test_check_all_fills_the_status_column_and_a_click_opens_the_diagnosis(qtbot, window, office):
    shown, tools = window
    shown.reload()  # the office was stored after the window opened
    page = shown.employees_page
    assert page.model.rowCount() == 20
    column = tools.status_column

    with qtbot.waitSignal(tools.controller.finished, timeout=10_000):
        qtbot.mouseClick(tools.panel.check_button, Qt.MouseButton.LeftButton)

    view = page.view
    for row in range(page.proxy.rowCount()):
        index = page.proxy.index(row, column)
        employee = index.data(page.model.EMPLOYEE_ROLE)
        assert index.data().startswith(office.expected[employee.id]), (employee.full_name, index.data())
    wrong = next(e for e in office.employees if office.expected[e.id].startswith("✗ Serwer nie przyjął"))
    row = page.proxy.mapFromSource(page.model.index(page.model.row_of(wrong.id), column)).row()
    cell = page.proxy.index(row, column)
    assert cell.data(Qt.ItemDataRole.ForegroundRole).name() == "#cf222e"

    view.scrollTo(cell)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(cell).center())

    dialog = shown.findChild(DiagnosisDialog)
    assert dialog is not None and dialog.isVisible()
    assert "Serwer nie przyjął loginu lub hasła" in dialog.view.headline.text()


def test_stored_results_show_in_the_status_column_after_a_restart(
    qtbot, window, office, store, secrets, fast_timeouts
):
    shown, tools = window
    with qtbot.waitSignal(tools.controller.finished, timeout=10_000):
        tools.controller.start()
    shown.close()

    again = SettingsWindow(store, secrets)
    qtbot.addWidget(again)
    later = install_mail_tests(again, timeouts=fast_timeouts)
    texts = [
        again.employees_page.proxy.index(row, later.status_column).data()
        for row in range(again.employees_page.proxy.rowCount())
    ]
    assert all(text.startswith(("✓", "✗")) for text in texts)


@pytest.fixture
def anna(store: Store) -> Employee:
    """An employee with an own sending account."""
    saved = store.save_employee(
        Employee(
            first_name="Anna",
            last_name="Nowak",
            email="anna@biuro.test",
            smtp=SmtpAccount(host="smtp.biuro.test", username="anna@biuro.test"),
        )
    )
    assert saved.id is not None
    return saved


def test_a_stored_results_diagnosis_shows_its_whole_conversation_with_the_server(qtbot, store, secrets, anna):
    failed = dataclasses.replace(
        run(employee_account(anna.id), T0, ok=False),
        transcript=[{"dir": "server", "text": "535 5.7.8 Hasło odrzucone przez serwer", "t_ms": 42.0}],
    )
    store.add_history(failed)
    shown = SettingsWindow(store, secrets)
    qtbot.addWidget(shown)
    tools = install_mail_tests(shown)
    shown.show()
    shown.show_page(shown.employees_page)
    view = shown.employees_page.view
    cell = shown.employees_page.proxy.index(0, tools.status_column)
    assert cell.data() == f"✗ {failed.title}"

    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(cell).center())

    dialog = shown.findChild(DiagnosisDialog)
    assert dialog is not None and dialog.isVisible()
    assert "535 5.7.8 Hasło odrzucone przez serwer" in dialog.view.details.toPlainText()
    dialog.close()
    shown.discard_and_close()


def test_results_stored_by_another_program_appear_when_the_window_lists_the_employees_again(
    qtbot, window, store, data_dir, anna
):
    shown, tools = window
    shown.reload()

    def status() -> object:  # asked afresh: a reload replaces the table's rows
        return shown.employees_page.proxy.index(0, tools.status_column).data()

    assert status() == "—"

    with Store.open(data_dir) as elsewhere:  # e.g. "smtpdesk check" in a terminal
        stored = elsewhere.add_history(run(employee_account(anna.id), T0, ok=False))
    shown.reload()
    qtbot.waitUntil(lambda: status() == f"✗ {run('', T0, ok=False).title}", timeout=WAIT_MS)
    assert tools.status.last_entry(anna) is not None and tools.status.last_entry(anna).id == stored


def test_a_database_that_fails_while_the_results_are_read_again_leaves_the_column_as_it_was(
    qtbot, window, store, caplog, anna
):
    shown, tools = window
    store.add_history(run(employee_account(anna.id), T0, ok=True))
    shown.reload()

    def status() -> str:  # asked afresh: a reload replaces the table's rows
        return str(shown.employees_page.proxy.index(0, tools.status_column).data())

    qtbot.waitUntil(lambda: status().startswith("✓"), timeout=WAIT_MS)

    assert store.path is not None
    with sqlite3.connect(store.path) as raw:
        raw.execute("DROP TABLE history")
    raw.close()
    with qtbot.waitSignal(tools.status._reread.timeout, timeout=WAIT_MS):
        shown.reload()
    assert status().startswith("✓")
    assert "could not read the test results again" in caplog.text


def test_a_window_closing_with_the_results_about_to_be_read_again_closes_quietly(qtbot, window, store):
    shown, tools = window
    with qtbot.waitSignal(tools.status._reread.timeout, timeout=WAIT_MS):
        shown.reload()
        store.close()


def test_the_toolbar_tests_an_employee_the_way_clients_get_the_mail(
    qtbot, window, store, secrets, smtp_server
):
    shown, tools = window
    server = smtp_server(users={"biuro@biuro.test": PASSWORD})
    store.save_settings(
        OfficeSettings(
            company=Company(name="Biuro Łódź", email="biuro@biuro.test", phone="42 600 100 200"),
            contact_mode=ContactMode.COMPANY,
            company_smtp=server.account(username="biuro@biuro.test"),
        )
    )
    secrets.set(COMPANY_ACCOUNT, PASSWORD)
    agent = store.save_employee(Employee(first_name="Zofia", last_name="Żak", email="zofia@biuro.test"))
    shown.reload()
    shown.employees_page.select_employee(agent.id)

    tools.employee_test_action.trigger()

    dialog = shown.findChild(MailTestDialog)
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.run_result is not None, timeout=WAIT_MS)
    assert dialog.run_result.ok
    assert "Zofia Żak (przez: Konto firmowe)" in dialog.heading.text()
    message = email.message_from_bytes(server.messages[0].data, policy=email.policy.default)
    # Company contact mode: From is the office, replies go to the agent, the footer is the office's.
    assert message["From"].addresses[0].addr_spec == "biuro@biuro.test"
    assert message["Reply-To"].addresses[0].addr_spec == "zofia@biuro.test"
    assert "42 600 100 200" in message.get_body(("plain",)).get_content()
    assert store.history()[0].account_key == COMPANY_ACCOUNT


def test_without_a_chosen_employee_the_toolbar_says_what_to_do(qtbot, window):
    shown, tools = window
    shown.show_page(shown.company_page)

    tools.employee_test_action.trigger()

    assert shown.findChild(MailTestDialog) is None
    box = shown.findChild(QMessageBox)
    assert box is not None and box.isVisible()
    assert "Zaznacz pracownika na liście" in box.text()
    assert shown.tabs.currentWidget() is shown.page_tab(shown.employees_page)
    box.accept()


def test_the_employee_dialog_has_the_test_buttons_and_tests_its_form(
    qtbot, window, store, secrets, smtp_server
):
    shown, _tools = window
    server = smtp_server()
    employee = store.save_employee(
        Employee(first_name="Anna", last_name="Nowak", email="anna@biuro.test", smtp=server.account())
    )
    secrets.set(employee_account(employee.id or 0), PASSWORD)
    shown.reload()
    shown.employees_page.select_employee(employee.id)
    dialog = shown.employees_page.edit_selected()
    assert dialog is not None
    buttons = buttons_of(dialog.smtp_section)
    assert buttons is not None

    qtbot.mouseClick(buttons.send_button, Qt.MouseButton.LeftButton)

    test = buttons.dialog
    assert test is not None
    qtbot.waitUntil(lambda: test.run_result is not None, timeout=WAIT_MS)
    assert test.run_result.ok
    assert "Anna Nowak" in test.heading.text()
    assert server.messages[0].mail_from == "anna@biuro.test"
    # The window's short timeouts reach the dialog's buttons too.
    assert test.plan.timeouts is not None and test.plan.timeouts.probe == 0.5
    assert "✓" in buttons.last_result.plain_text()
    dialog.reject()


def test_employees_without_own_account_show_the_company_accounts_last_result(
    qtbot, window, store, secrets, smtp_server
):
    shown, tools = window
    server = smtp_server(users={"biuro@biuro.test": PASSWORD})
    agent = store.save_employee(Employee(first_name="Jan", last_name="Nowak", email="jan@biuro.test"))
    shown.reload()
    column = tools.status_column
    page = shown.employees_page
    assert page.proxy.index(0, column).data() == "—"

    # The company account is typed in and saved in "Pozostałe ustawienia", then tested there.
    fill(shown.other_settings_page.smtp_section, server.account(username="biuro@biuro.test"), PASSWORD)
    assert shown.save()
    qtbot.mouseClick(tools.company_buttons.login_button, Qt.MouseButton.LeftButton)
    test = tools.company_buttons.dialog
    assert test is not None
    qtbot.waitUntil(lambda: test.run_result is not None, timeout=WAIT_MS)
    assert test.run_result.ok

    # Jan's mail goes through the company account: its result is his.
    qtbot.waitUntil(lambda: str(page.proxy.index(0, column).data()).startswith("✓"), timeout=WAIT_MS)
    assert page.proxy.index(0, column).data(page.model.EMPLOYEE_ROLE).id == agent.id


def focus_chain(window: QWidget) -> list[QWidget]:
    """The widgets Tab visits, in order (only those on screen)."""
    chain: list[QWidget] = []
    widget = window.nextInFocusChain()
    while widget is not None and widget is not window:
        if widget.isVisible() and widget.focusPolicy() & Qt.FocusPolicy.TabFocus:
            chain.append(widget)
        widget = widget.nextInFocusChain()
    return chain


def test_tab_reaches_the_test_buttons_where_they_are_on_screen(qtbot, window):
    shown, tools = window
    other = shown.other_settings_page
    shown.show_page(other)
    chain = focus_chain(shown)
    buttons = tools.company_buttons
    # Right after the SMTP form's last field, before the GIODO settings below it.
    start = chain.index(other.smtp_section.security_combo)
    assert chain[start + 1 : start + 3] == [buttons.send_button, buttons.login_button]
    assert chain.index(buttons.login_button) < chain.index(other.password_days_spin)

    page = shown.employees_page
    shown.show_page(page)
    chain = focus_chain(shown)
    start = chain.index(page.remove_button)
    row = [tools.test_button, tools.panel.check_button, tools.panel.send_check]
    assert chain[start + 1 : start + 4] == row


def unlabelled_fields(root: QWidget) -> list[QWidget]:
    """Input fields under ``root`` that no QLabel has as its buddy (or as its buddy's focus proxy)."""
    buddies: list[QWidget] = []
    for label in root.findChildren(QLabel):
        buddy = label.buddy()
        if buddy is not None:
            buddies.append(buddy)
            proxy = buddy.focusProxy()
            if proxy is not None:
                buddies.append(proxy)
    fields: list[QWidget] = []
    for kind in (QLineEdit, QPlainTextEdit, QComboBox, QSpinBox, QCheckBox):
        for field in root.findChildren(kind):
            internal = field.objectName().startswith("qt_")
            read_only = isinstance(field, QPlainTextEdit) and field.isReadOnly()
            self_labelled = isinstance(field, QCheckBox) and bool(field.text())
            if not (internal or read_only or self_labelled):
                fields.append(field)
    return [field for field in fields if field not in buddies]


def test_every_field_of_the_window_and_its_dialogs_has_a_label_whose_buddy_it_is(qtbot, window, store):
    shown, _tools = window
    employee_dialog = shown.employees_page.add_employee()
    plan = MailTestPlan(
        account=SmtpAccount(host="smtp.biuro.test", username="anna@biuro.test"),
        password=None,
        sender="anna@biuro.test",
        account_key=COMPANY_ACCOUNT,
        account_label="Konto firmowe",
    )
    test_dialog = MailTestDialog(plan, store, shown)
    history = HistoryDialog(store, shown)

    for root in (shown, employee_dialog, test_dialog, history):
        assert unlabelled_fields(root) == [], root.windowTitle()
    assert test_dialog.recipient_edit in [label.buddy() for label in test_dialog.findChildren(QLabel)]
    employee_dialog.reject()
