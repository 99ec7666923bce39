"""In the Polish window, what the Qt-free core writes is Polish too: the stages of a test, the lines
smtpdesk adds to the conversation record ("Wyszukiwanie adresu…", "Łączenie z…"), the diagnosis,
the doctor's findings and what detection says of each source. Only the server's own replies, host
names and the user's data may be in another language."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from smtpdesk.core.smtp.result import RunResult
from smtpdesk.ui.application import GuiSession, start_gui
from smtpdesk.ui.doctor_install import DoctorLauncher
from smtpdesk.ui.mailtest.install import WindowMailTests
from smtpdesk.ui.oauth.detect_dialog import DetectDialog
from smtpdesk.ui.settings_window import SettingsWindow
from tests.fixtures.detect_servers import loopback_network
from tests.fixtures.people import enter_demo_as_admin
from tests.fixtures.visible_texts import demo_data, english_in, shown_texts

WAIT_MS = 15_000


@pytest.fixture
def demo(qtbot) -> Iterator[GuiSession]:
    """The demo office as a Polish system starts it (no --lang)."""
    session = start_gui(["--demo"])
    try:
        qtbot.waitExposed(enter_demo_as_admin(qtbot, session))
        yield session
    finally:
        session.close()


def own_lines(result: RunResult) -> list[tuple[str, str]]:
    """What smtpdesk itself wrote about the run (the server's replies are the server's)."""
    lines = [("transcript", line.text) for line in result.transcript if line.dir == "info"]
    return lines + [("note", note) for note in result.notes]


def test_failing_and_passing_test_mails_are_described_in_polish(qtbot, demo):
    window = demo.window
    assert isinstance(window, SettingsWindow)
    data = demo_data(demo)
    testing = window.findChild(WindowMailTests)
    assert testing is not None
    codes = set()
    for employee in window.store.list_employees():
        dialog = testing.test_employee(employee)
        assert dialog is not None
        qtbot.waitUntil(lambda dialog=dialog: dialog.run_result is not None, timeout=WAIT_MS)
        result = dialog.run_result
        assert result is not None
        codes.add(result.code)
        lines = own_lines(result)
        assert any(text.startswith("Wyszukiwanie adresu") for _, text in lines)
        assert any(text.startswith("Łączenie z") for _, text in lines)
        # The whole dialog but the record of the conversation, which quotes the server.
        shown = shown_texts(dialog, skip=(dialog.diagnosis.details,))
        rows = [text for where, text in shown if where == "label"]
        assert any("Łączenie" in text for text in rows), rows
        left = english_in(lines + shown, data=data)
        assert left == [], "\n".join(f"{where}: {text!r}" for where, text in left)
        dialog.close()
    assert {"ok", "auth_failed", "sender_not_allowed"} <= codes


def test_the_doctor_and_detection_speak_polish(qtbot, demo, dns_server):
    window = demo.window
    assert isinstance(window, SettingsWindow)
    data = demo_data(demo)
    launcher = window.findChild(DoctorLauncher)
    assert launcher is not None
    launcher.action.trigger()
    assert launcher.dialog is not None
    texts = shown_texts(launcher.dialog)
    assert any(text.startswith("Znaleziono: ") for _, text in texts)
    left = english_in(texts, data=data)
    assert left == [], "\n".join(f"{where}: {text!r}" for where, text in left)

    detect = DetectDialog(
        "anna@northwind.test", "", window, network=loopback_network(dns_server.port), budget=3.0
    )
    qtbot.addWidget(detect)
    detect.show()
    detect.start()
    qtbot.waitUntil(lambda: detect.report is not None, timeout=WAIT_MS)
    texts = shown_texts(detect)
    assert any("nie ma takiej domeny" in text for _, text in texts), texts
    left = english_in(texts, data={"anna@northwind.test", "northwind.test"})
    assert left == [], "\n".join(f"{where}: {text!r}" for where, text in left)
