"""The agent's own window: the one-click test as clients would get the mail, no way to the office's
settings or a colleague's account, and clients' contacts masked when the office says so."""

from __future__ import annotations

from dataclasses import replace
from email import message_from_bytes, policy

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import QApplication, QLineEdit

from smtpdesk.core.diagnosis.model import Fix, FixKind
from smtpdesk.core.model import AuthMethod
from smtpdesk.core.store import Store
from smtpdesk.ui.mailtest.diagnosis_dialog import DiagnosisDialog
from smtpdesk.ui.mailtest.history_view import HistoryDialog
from smtpdesk.ui.oauth.apps_dialog import OAuthAppsDialog
from smtpdesk.ui.oauth.section_tools import tools_of
from smtpdesk.ui.people.my_mail_window import MyMailWindow
from smtpdesk.ui.settings_window import SettingsWindow
from tests.fixtures.people import AGENT_EMAIL, AGENT_PASSWORD, WAIT_MS, sign_in
from tests.ui.people.conftest import CLIENT, start


def agent_window(qtbot, sessions, office, clock) -> MyMailWindow:
    session = start(sessions, office, clock)
    window = sign_in(qtbot, session, AGENT_EMAIL, AGENT_PASSWORD)
    assert isinstance(window, MyMailWindow)
    return window


def run(qtbot, window: MyMailWindow, *, login_only: bool = False):
    button = window.login_button if login_only else window.send_button
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    dialog = window.dialog
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.run_result is not None, timeout=WAIT_MS)
    return dialog


def test_one_click_sends_the_test_mail_as_the_agent_with_their_footer(qtbot, sessions, office, clock):
    window = agent_window(qtbot, sessions, office, clock)
    assert window.windowTitle() == "Moja poczta — Anna Wiśniewska"
    assert window.route_view.via.text() == "Twoje własne konto SMTP"
    assert window.route_view.sender_label.text() == f"Anna Wiśniewska <{AGENT_EMAIL}>"
    assert "tel. +48 602 311 422" in window.route_view.footer.text()

    dialog = run(qtbot, window)

    assert dialog.run_result.ok
    assert dialog.recipient_edit.text() == AGENT_EMAIL  # to the agent's own address
    [received] = office.server.messages
    assert received.login == AGENT_EMAIL and received.rcpt_tos == [AGENT_EMAIL]
    mail = message_from_bytes(received.data, policy=policy.default)
    assert str(mail["From"]) == f"Anna Wiśniewska <{AGENT_EMAIL}>"
    body = mail.get_body(preferencelist=("plain",)).get_content()
    for line in ("Anna Wiśniewska", "tel. +48 602 311 422", AGENT_EMAIL, "Biuro Pod Lipą"):
        assert line in body
    qtbot.waitUntil(lambda: window.history.table.rowCount() == 1, timeout=WAIT_MS)
    assert "Ostatni test:" in window.last_result.text() and "✓" in window.last_result.text()


def test_without_own_account_the_agent_tests_through_the_company_account(qtbot, sessions, office, clock):
    with Store.open(office.data_dir) as store:
        store.save_employee(replace(office.staff.agent, smtp=None))
    window = agent_window(qtbot, sessions, office, clock)
    assert window.route_view.via.text() == "konto firmowe biura"
    dialog = run(qtbot, window, login_only=True)
    assert dialog.run_result.ok
    assert office.server.auth_logins == ["biuro@biuro.test"]
    assert window.history.table.rowCount() == 1  # the run they made is in their own history


def test_the_own_account_is_read_only_unless_the_administrator_allows_it(qtbot, sessions, office, clock):
    window = agent_window(qtbot, sessions, office, clock)
    section = window.smtp_section
    assert section.host_edit.isReadOnly() and not window.save_button.isVisible()
    assert "zmienia administrator biura" in window.own_note.text()

    with Store.open(office.data_dir) as store:
        store.save_settings(replace(store.load_settings(), agents_edit_own_smtp=True))
    window.reload()
    assert not section.host_edit.isReadOnly() and not window.save_button.isHidden()
    section.port_edit.setText("abc")
    assert not window.save()
    section.port_edit.setText(str(office.server.port))
    section.username_edit.setText("anna-login")
    assert window.save()
    with Store.open(office.data_dir) as store:
        stored = store.get_employee(office.staff.agent.id)
        assert stored.smtp.username == "anna-login"
        record = [r for r in store.changes_after(0) if r.field == "smtp.username"][-1]
        assert record.new == "anna-login"
        assert record.person_id == office.staff.agent.id and record.actor.startswith("Anna Wiśniewska <")


def test_a_failure_of_the_company_account_tells_the_agent_to_ask_the_administrator(
    qtbot, sessions, office, clock
):
    with Store.open(office.data_dir) as store:
        store.save_employee(replace(office.staff.agent, smtp=None))
        settings = store.load_settings()
        store.save_settings(replace(settings, company_smtp=replace(settings.company_smtp, port=465)))
    window = agent_window(qtbot, sessions, office, clock)
    dialog = run(qtbot, window, login_only=True)
    assert not dialog.run_result.ok
    view = dialog.diagnosis
    assert view.fix_buttons == []
    if view.fixes_hint.isVisible():
        assert "Tę zmianę wprowadza administrator biura" in view.fixes_hint.text()
        assert "Kopiuj raport" in view.fixes_hint.text()
    assert view.copy_button.isVisible()


def all_actions(window) -> list[QAction]:
    return window.findChildren(QAction)


def test_an_agent_cannot_reach_company_settings_a_colleague_or_the_office_history(
    qtbot, sessions, office, clock
):
    window = agent_window(qtbot, sessions, office, clock)
    texts = {a.text().replace("&", "") for a in all_actions(window) if a.text()}
    for forbidden in (
        "Zapisz",
        "Historia testów…",
        "Dziennik zdarzeń…",
        "Baza danych biura…",
        "Doktor konfiguracji…",
        "Logowanie Microsoft i Google…",
    ):
        assert forbidden not in texts
    before = {id(w) for w in QApplication.topLevelWidgets()}
    # Every action and every shortcut of the window, pressed in turn.
    for action in all_actions(window):
        if action.objectName() in ("sign_out_action",) or action.text().replace("&", "") == "Zamknij":
            continue
        action.trigger()
    for key in (
        QKeySequence.StandardKey.Save,
        QKeySequence.StandardKey.Open,
        QKeySequence.StandardKey.Preferences,
    ):
        for sequence in QKeySequence.keyBindings(key):
            combination = sequence[0]
            qtbot.keyClick(window, combination.key(), combination.keyboardModifiers())
    opened = [w for w in QApplication.topLevelWidgets() if id(w) not in before and w.isVisible()]
    assert not [w for w in opened if isinstance(w, (SettingsWindow, HistoryDialog, OAuthAppsDialog))]
    # Nothing of the colleague is anywhere in the window: not the login, not the server.
    shown = " ".join(e.text() for e in window.findChildren(QLineEdit)) + " ".join(
        label.text() for label in window.findChildren(type(window.last_result))
    )
    assert "piotr-sekret-login" not in shown and "smtp.piotra.test" not in shown
    assert not [w for w in QApplication.topLevelWidgets() if isinstance(w, SettingsWindow) and w.isVisible()]


def test_masking_on_hides_clients_in_the_dialog_history_and_a_saved_report(
    qtbot, sessions, office, clock, tmp_path
):
    window = agent_window(qtbot, sessions, office, clock)
    window.send_button.click()
    dialog = window.dialog
    qtbot.waitUntil(lambda: dialog.run_result is not None, timeout=WAIT_MS)
    dialog.recipient_edit.setText(CLIENT)
    dialog.start()
    qtbot.waitUntil(lambda: dialog.run_result is not None and dialog.runs_started == 2, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: not dialog.running, timeout=WAIT_MS)
    view = dialog.diagnosis
    shown = view.delivery_note.text() + view.details.toPlainText() + view.report_text()
    assert CLIENT not in shown
    assert "j***@k***.pl" in view.delivery_note.text()
    assert AGENT_EMAIL in view.report_text()  # the office's own addresses stay readable
    view.copy_report()
    assert (
        CLIENT not in QGuiApplication.clipboard().text()
        and "j***@k***.pl" in QGuiApplication.clipboard().text()
    )
    saved = tmp_path / "raport.txt"
    view.write_report(str(saved))
    assert CLIENT not in saved.read_text(encoding="utf-8")
    assert "j***@k***.pl" in saved.read_text(encoding="utf-8")

    qtbot.waitUntil(lambda: window.history.table.rowCount() == 2, timeout=WAIT_MS)
    window.history.table.selectRow(0)
    details = window.history.show_selected()
    assert details is not None
    assert CLIENT not in details.view.report_text() and "j***@k***.pl" in details.view.report_text()


def test_masking_off_shows_clients_to_the_agent_and_administrators_always_see_them(
    qtbot, sessions, office, clock
):
    with Store.open(office.data_dir) as store:
        settings = store.load_settings()
        store.save_settings(replace(settings, giodo=replace(settings.giodo, hide_client_contacts=False)))
    window = agent_window(qtbot, sessions, office, clock)
    window.send_button.click()
    dialog = window.dialog
    qtbot.waitUntil(lambda: dialog.run_result is not None, timeout=WAIT_MS)
    dialog.recipient_edit.setText(CLIENT)
    dialog.start()
    qtbot.waitUntil(lambda: dialog.runs_started == 2 and not dialog.running, timeout=WAIT_MS)
    assert CLIENT in dialog.diagnosis.report_text()


def allow_own_edits(office) -> None:
    with Store.open(office.data_dir) as store:
        store.save_settings(replace(store.load_settings(), agents_edit_own_smtp=True))


def test_the_sign_in_buttons_of_a_read_only_account_do_nothing_an_agent_could_use(
    qtbot, sessions, office, clock
):
    with Store.open(office.data_dir) as store:
        store.save_employee(
            replace(
                office.staff.agent,
                smtp=replace(office.staff.agent.smtp, auth_method=AuthMethod.OAUTH_MICROSOFT),
            )
        )
    window = agent_window(qtbot, sessions, office, clock)
    section = window.smtp_section
    assert section.microsoft_button.isVisibleTo(section)
    for button in (section.microsoft_button, section.password_button, section.detect_button):
        assert not button.isEnabled()

    allow_own_edits(office)
    window.reload()
    assert section.microsoft_button.isEnabled() and section.detect_button.isEnabled()


def test_an_agents_sign_in_leaves_the_office_app_registration_to_the_administrator(
    qtbot, sessions, office, clock
):
    allow_own_edits(office)
    window = agent_window(qtbot, sessions, office, clock)
    section = window.smtp_section
    section.host_edit.setText("smtp.office365.com")
    before = {id(w) for w in QApplication.topLevelWidgets()}

    qtbot.mouseClick(section.microsoft_button, Qt.MouseButton.LeftButton)  # no registration yet

    [dialog] = [w for w in QApplication.topLevelWidgets() if isinstance(w, DiagnosisDialog) and w.isVisible()]
    assert "Logowanie przez Microsoft nie jest skonfigurowane" in dialog.view.report_text()
    assert dialog.view.fix_buttons == []  # the registration's fix is not offered ...
    assert "Tę zmianę wprowadza administrator biura" in dialog.view.fixes_hint.text()  # ... but named
    tools = tools_of(section)
    assert tools is not None
    tools.apply_fix(Fix(FixKind.OAUTH_SETTINGS, {"method": "oauth_microsoft"}, "Ustawienia logowania"))
    opened = [w for w in QApplication.topLevelWidgets() if id(w) not in before and w.isVisible()]
    assert not [w for w in opened if isinstance(w, OAuthAppsDialog)]
    assert window._fix_allowed(Fix(FixKind.OAUTH_SETTINGS, {}, "")) is False
    dialog.close()
