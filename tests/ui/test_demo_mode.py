"""Demo mode in the settings window: the banner, the demo inbox, and the first-start welcome."""

from __future__ import annotations

import gc
import shlex
import socket
from collections.abc import Iterator
from dataclasses import replace

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtWidgets import QDialog

from smtpdesk.cli.main import main as cli_main
from smtpdesk.core.message import build_test_message
from smtpdesk.core.model import ContactMode
from smtpdesk.core.routing import resolve
from smtpdesk.core.smtp import engine
from smtpdesk.demo.accounts import ANNA_MAILBOX, PEOPLE
from smtpdesk.demo.session import DemoSession
from smtpdesk.ui.application import GuiSession, start_gui
from smtpdesk.ui.demo_cli import PASSWORD_VARIABLE, DemoCliDialog, demo_command
from smtpdesk.ui.demo_inbox import DemoInbox
from smtpdesk.ui.demo_mode import DemoBanner, attach_demo
from smtpdesk.ui.first_run import FirstRunDialog
from smtpdesk.ui.people.my_mail_window import MyMailWindow
from smtpdesk.ui.people.sign_in_dialog import SignInDialog
from smtpdesk.ui.settings_window import SettingsWindow
from tests.fixtures.people import sign_in

WAIT_MS = 5000


@pytest.fixture
def welcome(qtbot) -> Iterator[FirstRunDialog]:
    dialog = FirstRunDialog()
    qtbot.addWidget(dialog)
    dialog.open()
    yield dialog


def test_the_welcome_offers_both_ways_in(welcome):
    assert welcome.isVisible()
    assert welcome.setup_button.text() == "Skonfiguruj swoje biuro"
    assert welcome.demo_button.text() == "Wypróbuj wersję demo"
    assert "Nic nie jest wysyłane do internetu" in welcome.demo_button.description()


@pytest.mark.parametrize(
    ("button", "signal", "other"),
    [("demo", "demo_chosen", "setup_chosen"), ("setup", "setup_chosen", "demo_chosen")],
)
def test_each_choice_emits_its_signal_while_the_welcome_is_still_open_then_closes_it(
    qtbot, welcome, button, signal, other
):
    visible_when_chosen: list[bool] = []
    getattr(welcome, signal).connect(lambda: visible_when_chosen.append(welcome.isVisible()))
    with (
        qtbot.assertNotEmitted(getattr(welcome, other)),
        qtbot.waitSignal(getattr(welcome, signal), timeout=WAIT_MS),
    ):
        qtbot.mouseClick(getattr(welcome, f"{button}_button"), Qt.MouseButton.LeftButton)

    assert visible_when_chosen == [True]
    assert not welcome.isVisible()
    assert welcome.result() == QDialog.DialogCode.Accepted


def test_closing_the_welcome_chooses_nothing(qtbot, welcome):
    with qtbot.assertNotEmitted(welcome.setup_chosen), qtbot.assertNotEmitted(welcome.demo_chosen):
        welcome.reject()
    assert not welcome.isVisible()


@pytest.fixture
def session() -> Iterator[DemoSession]:
    running = DemoSession.start()
    try:
        yield running
    finally:
        running.stop()


@pytest.fixture
def window(qtbot, session: DemoSession) -> SettingsWindow:
    settings_window = SettingsWindow(session.store, session.secrets)
    qtbot.addWidget(settings_window)
    attach_demo(settings_window, session)
    settings_window.show()
    qtbot.waitExposed(settings_window)
    return settings_window


def send_company_mode_test_mail(session: DemoSession) -> None:
    """A test mail of the office in company contact mode, as the window's test button sends it."""
    settings = replace(session.store.load_settings(), contact_mode=ContactMode.COMPANY)
    route = resolve(settings, None)
    assert route.account is not None and route.account_key is not None
    message = build_test_message(
        sender=route.sender,
        sender_name=route.sender_name,
        recipient=route.sender,
        footer=route.footer,
        reply_to=route.reply_to,
    )
    request = engine.MailTestRequest(
        account=route.account,
        password=session.secrets.get(route.account_key),
        sender=route.sender,
        recipient=route.sender,
        message=message,
    )
    assert engine.run_test(request).code == "ok"


def test_the_banner_says_it_is_a_demo_and_nothing_leaves_the_computer(window):
    banner = window.findChild(DemoBanner)
    assert banner is not None and banner.isVisible()
    assert banner.message.text().startswith("Tryb demonstracyjny — przykładowe biuro")
    assert "Nic nie jest wysyłane do internetu; zmiany znikną po zamknięciu." in banner.message.text()
    for person in PEOPLE:
        assert f"{person.first_name} {person.last_name}" in banner.hints.text()


def test_the_banner_button_and_the_tools_menu_open_one_live_demo_inbox(qtbot, window, session):
    banner = window.findChild(DemoBanner)
    qtbot.mouseClick(banner.inbox_button, Qt.MouseButton.LeftButton)
    inbox = window.findChild(DemoInbox)
    assert inbox is not None and inbox.isVisible()
    inbox.close()
    [action] = [a for a in window.tools_menu.actions() if a.text() == "Skrzynka demo"]
    assert window.tools_menu.menuAction().isVisible()
    action.trigger()
    assert inbox.isVisible()
    assert window.findChildren(DemoInbox) == [inbox]

    send_company_mode_test_mail(session)

    qtbot.waitUntil(lambda: inbox.message_count() == 1, timeout=WAIT_MS)
    shown = inbox.browser.toPlainText()
    company = session.store.load_settings().company
    for line in (company.name, company.address, company.website):
        assert line in shown
    assert inbox.from_label.text() == f"{company.name} <{company.email}>"


@pytest.fixture
def gui() -> Iterator[list[GuiSession]]:
    """Real starts of the application; whatever a test started is closed afterwards."""
    started: list[GuiSession] = []
    yield started
    for session in started:
        session.close()


def test_the_entry_point_with_demo_opens_the_agency_and_closing_the_window_leaves_nothing(qtbot, gui):
    session = start_gui(["--demo"])
    gui.append(session)
    sign_in(qtbot, session, "biuro@poddebem.test", "Demo-Admin-1")
    window, demo = session.window, session.demo
    assert window is not None and demo is not None
    qtbot.waitExposed(window)
    banner = window.findChild(DemoBanner)
    assert banner is not None and banner.isVisible()
    folder, port = demo.data_dir, demo.server.port
    assert folder.is_dir() and demo.server.running

    window.close()

    qtbot.waitUntil(lambda: demo.stopped, timeout=WAIT_MS)
    assert not folder.exists()
    assert not demo.server.running
    with pytest.raises(ConnectionRefusedError):
        socket.create_connection(("127.0.0.1", port), timeout=3).close()


def test_quitting_the_application_stops_the_demo(qtbot, gui):
    session = start_gui(["--demo"])
    gui.append(session)
    demo = session.demo
    assert demo is not None

    session.app.aboutToQuit.emit()  # what QApplication.quit() announces before the loop ends

    assert demo.stopped
    assert not demo.data_dir.exists()


def test_a_fresh_computer_is_welcomed_and_can_switch_to_the_demo(qtbot, gui, data_dir):
    session = start_gui([])
    gui.append(session)
    welcome = session.gate.dialog
    assert isinstance(welcome, FirstRunDialog)
    qtbot.waitUntil(welcome.isVisible, timeout=WAIT_MS)
    assert session.demo is None

    qtbot.mouseClick(welcome.demo_button, Qt.MouseButton.LeftButton)

    assert session.demo is not None
    sign_in(qtbot, session, "biuro@poddebem.test", "Demo-Admin-1")
    assert session.window.findChild(DemoBanner) is not None
    assert session.store is session.demo.store
    assert session.demo.data_dir != data_dir


def test_the_run_command_opens_the_demo_on_a_fresh_computer(qtbot, gui):
    session = start_gui(["--demo-if-unconfigured"])
    gui.append(session)
    assert session.demo is not None
    dialog = session.gate.dialog
    assert isinstance(dialog, SignInDialog)
    # The sign-in of demo mode says which sign-ins the sample agency has.
    for person in PEOPLE:
        assert person.email in dialog.demo_label.text()
        assert person.sign_in_password in dialog.demo_label.text()
    dialog.fill_demo("1")  # a click on Anna's name
    dialog.submit()
    qtbot.waitUntil(lambda: session.window is not None, timeout=WAIT_MS)
    assert session.window.findChild(DemoBanner).isVisible()
    assert isinstance(session.window, MyMailWindow)  # Anna is an agent


def test_signing_out_of_the_demo_keeps_it_running_for_the_next_person(qtbot, gui):
    session = start_gui(["--demo"])
    gui.append(session)
    sign_in(qtbot, session, "anna.wisniewska@poddebem.test", "Demo-Agent-1")
    demo = session.demo
    session.window.session.sign_out_action.trigger()
    assert session.window is None and isinstance(session.gate.dialog, SignInDialog)
    assert not demo.stopped
    window = sign_in(qtbot, session, "biuro@poddebem.test", "Demo-Admin-1")
    assert window.employees_page.model.rowCount() == len(PEOPLE)
    # The agent's window is deleted only now, after the next person is in: the demo stays.
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    gc.collect()
    assert not demo.stopped and session.demo is demo
    assert window.store.load_settings().company.name  # its database is still open


def test_the_banner_tells_how_the_command_line_reaches_the_demo_server(qtbot, monkeypatch):
    with DemoSession.start() as demo:
        dialog = DemoCliDialog(demo.server)
        qtbot.addWidget(dialog)
        text = dialog.text.toPlainText()
        assert f"127.0.0.1:{demo.server.port}" in text and str(demo.server.ca_file) in text
        assert ANNA_MAILBOX.password in text
        command = demo_command(demo.server)
        assert command.startswith(f"{PASSWORD_VARIABLE}=")
        # The command it shows works: run exactly its options against the running demo server.
        words = shlex.split(command)
        variable, _, password = words[0].partition("=")
        monkeypatch.setenv(variable, password)
        assert words[1] == "smtpdesk-cli"
        assert cli_main(words[2:]) == 0
        assert any(ANNA_MAILBOX.login in m.rcpt_tos for m in demo.server.messages())


def test_the_keychain_advice_shows_every_line_in_an_agents_narrow_window(qtbot, gui):
    """The demo keeps passwords for the run only, and says so in a sentence that wraps over
    several lines in "Moja poczta" at its first size; none of them is cut off."""
    session = start_gui(["--demo"])
    gui.append(session)
    window = sign_in(qtbot, session, "anna.wisniewska@poddebem.test", "Demo-Agent-1")
    assert isinstance(window, MyMailWindow)
    window.resize(900, 720)
    label = window.smtp_section.password_field.status_label
    qtbot.waitUntil(
        lambda: label.isVisible() and not window.smtp_section.password_field.checking, timeout=WAIT_MS
    )
    assert label.heightForWidth(label.width()) > 3 * label.fontMetrics().height()  # four lines here
    qtbot.waitUntil(lambda: label.height() >= label.heightForWidth(label.width()), timeout=WAIT_MS)
