"""Unsaved input survives an ending from outside: kept in draft.json (never a password) and offered
back on the next start."""

from __future__ import annotations

import json

from PySide6.QtCore import Qt

from smtpdesk.ui.application import GuiSession, start_gui
from smtpdesk.ui.draft import DRAFT_FILE_NAME, DraftRestoreBox
from tests.fixtures.keyboard import walk_window
from tests.fixtures.people import AGENT_EMAIL, AGENT_PASSWORD, FakeClock, add_staff, enter_as_admin, sign_in
from tests.fixtures.typing import type_text

WAIT_MS = 5000
PASSWORD = "Nie-Zapisuj-Mnie-9"


def start(qtbot, data_dir) -> GuiSession:
    """Starts the program and signs in as the administrator (created on the first start)."""
    session = start_gui(["--data-dir", str(data_dir)])
    enter_as_admin(qtbot, session)
    assert session.window is not None
    qtbot.waitExposed(session.window)
    return session


def test_quitting_from_outside_keeps_typed_input_but_no_password(qtbot, data_dir):
    session = start(qtbot, data_dir)
    window = session.window
    assert window is not None
    type_text(qtbot, window.company_page.name_edit, "Biuro Żółć i Syn")
    smtp = window.other_settings_page.smtp_section
    type_text(qtbot, smtp.host_edit, "smtp.zolc.pl")
    type_text(qtbot, smtp.password_field.line_edit, PASSWORD)
    smtp.password_field.show_button.click()  # even a password shown in clear text stays out

    session.quit_now()

    text = (data_dir / DRAFT_FILE_NAME).read_text(encoding="utf-8")
    assert PASSWORD not in text
    pages = json.loads(text)["pages"]
    assert "Biuro Żółć i Syn" in pages["CompanyPage"]
    assert "smtp.zolc.pl" in pages["OtherSettingsPage"]
    assert "WebsitePage" not in pages  # unchanged tabs are not kept
    assert (data_dir / DRAFT_FILE_NAME).stat().st_mode & 0o077 == 0


def test_the_next_start_offers_the_draft_and_enter_restores_it(qtbot, data_dir):
    first = start(qtbot, data_dir)
    assert first.window is not None
    type_text(qtbot, first.window.company_page.name_edit, "Biuro Żółć i Syn")
    first.quit_now()

    second = start(qtbot, data_dir)
    try:
        box = second.draft_box
        assert isinstance(box, DraftRestoreBox)
        assert second.gate.dialog is None  # offered once the administrator is in
        assert box.text() == "Przywróć niezapisane zmiany?"
        assert "Dane firmy" in box.informativeText()
        qtbot.waitExposed(box)
        walk = walk_window(qtbot, box, main=box.restore_button)  # "Odrzuć" never answers Enter
        assert walk.problems() == []
        with qtbot.waitSignal(box.finished, timeout=WAIT_MS):
            qtbot.keyClick(box, Qt.Key.Key_Return)
        window = second.window
        assert window is not None
        assert window.company_page.name_edit.text() == "Biuro Żółć i Syn"
        assert window.is_modified()  # restored into the form, to be checked and saved
        assert not (data_dir / DRAFT_FILE_NAME).exists()
    finally:
        second.close()


def test_escape_keeps_the_draft_for_later_and_discard_drops_it(qtbot, data_dir):
    first = start(qtbot, data_dir)
    assert first.window is not None
    type_text(qtbot, first.window.company_page.name_edit, "Biuro Later")
    first.quit_now()

    second = start(qtbot, data_dir)
    box = second.draft_box
    assert box is not None
    qtbot.waitExposed(box)
    with qtbot.waitSignal(box.finished, timeout=WAIT_MS):
        qtbot.keyClick(box, Qt.Key.Key_Escape)
    assert (data_dir / DRAFT_FILE_NAME).exists()
    assert second.window is not None and second.window.company_page.name_edit.text() == ""
    second.close()

    third = start(qtbot, data_dir)
    box = third.draft_box
    assert box is not None
    with qtbot.waitSignal(box.finished, timeout=WAIT_MS):
        box.discard_button.click()
    assert not (data_dir / DRAFT_FILE_NAME).exists()
    third.close()


def test_nothing_changed_leaves_no_draft(qtbot, data_dir):
    session = start(qtbot, data_dir)
    session.quit_now()
    assert not (data_dir / DRAFT_FILE_NAME).exists()


def test_the_draft_waits_for_an_administrator_and_is_never_shown_to_an_agent(qtbot, data_dir, store):
    add_staff(store, FakeClock())
    first = start(qtbot, data_dir)
    type_text(qtbot, first.window.company_page.name_edit, "Biuro Żółć i Syn")
    first.quit_now()

    second = start_gui(["--data-dir", str(data_dir)])
    try:
        sign_in(qtbot, second, AGENT_EMAIL, AGENT_PASSWORD)
        assert second.draft_box is None  # the office's settings are not the agent's to see
        second.window.session.sign_out_action.trigger()
        window = enter_as_admin(qtbot, second)
        box = second.draft_box
        assert isinstance(box, DraftRestoreBox) and box.parent() is window
        with qtbot.waitSignal(box.finished, timeout=WAIT_MS):
            qtbot.keyClick(box, Qt.Key.Key_Return)
        assert window.company_page.name_edit.text() == "Biuro Żółć i Syn"
    finally:
        second.close()


def test_a_draft_of_an_earlier_version_without_dialogs_is_still_offered(qtbot, data_dir):
    first = start(qtbot, data_dir)
    assert first.window is not None
    type_text(qtbot, first.window.company_page.name_edit, "Biuro Stare")
    first.quit_now()
    text = (data_dir / DRAFT_FILE_NAME).read_text(encoding="utf-8")
    earlier = json.loads(text)
    del earlier["dialogs"]  # as the earlier version wrote it
    (data_dir / DRAFT_FILE_NAME).write_text(json.dumps(earlier), encoding="utf-8")

    second = start(qtbot, data_dir)
    try:
        box = second.draft_box
        assert isinstance(box, DraftRestoreBox)
        assert box.items == ["Zakładka „Dane firmy”"]
        with qtbot.waitSignal(box.finished, timeout=WAIT_MS):
            qtbot.keyClick(box, Qt.Key.Key_Return)
        assert second.window is not None
        assert second.window.company_page.name_edit.text() == "Biuro Stare"
    finally:
        second.close()
