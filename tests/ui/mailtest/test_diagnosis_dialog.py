"""One test from an SMTP form against real servers: live progress, the diagnosis, one-click fixes,
cancel, closing mid-run, and the report for the IT person."""

from __future__ import annotations

import base64
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QFileDialog, QMessageBox, QVBoxLayout, QWidget

from smtpdesk.core.model import Security
from smtpdesk.ui.mailtest.buttons import attach_mail_test_buttons
from smtpdesk.ui.mailtest.progress_view import RowState
from smtpdesk.ui.widgets.smtp_section import SmtpSection
from tests.ui.mailtest.conftest import PASSWORD, SLOW_TIMEOUTS, WAIT_MS, fill, run_to_end


def _no_password_anywhere(text: str) -> None:
    raw = PASSWORD.encode()
    for form in (
        PASSWORD,
        base64.b64encode(raw).decode(),
        base64.b64encode(b"\0anna@biuro.test\0" + raw).decode(),
        repr(raw)[2:-1],
    ):
        assert form not in text


def test_a_working_account_sends_and_says_acceptance_is_not_delivery(
    qtbot, form, store, secrets, smtp_server, fast_timeouts
):
    server = smtp_server()
    fill(form, server.account(), PASSWORD)
    buttons = attach_mail_test_buttons(form, store, secrets, timeouts=fast_timeouts)

    dialog = run_to_end(qtbot, buttons)

    assert dialog.run_result is not None and dialog.run_result.ok
    assert dialog.recipient_edit.text() == "anna@biuro.test"  # the sender's own address
    assert [m.rcpt_tos for m in server.messages] == [["anna@biuro.test"]]
    progress = dialog.progress
    assert progress.row_names() == [
        "Łączenie",
        "Powitanie serwera",
        "Szyfrowanie",
        "Logowanie",
        "Nadawca",
        "Odbiorca",
        "Wiadomość",
    ]
    assert all(progress.row_state(name) is RowState.OK for name in progress.row_names())
    assert progress.row_text("Logowanie").startswith("✓ Logowanie") and " ms" in progress.row_text(
        "Logowanie"
    )
    view = dialog.diagnosis
    assert view.isVisible()
    assert "Serwer przyjął wiadomość testową" in view.headline.text()
    shown = " ".join(label.text() for label in (view.explanation, view.delivery_note) if label.isVisible())
    assert "doręcz" in shown and "administrator" in shown
    assert f"port {server.port}" in view.server_line.text()


def test_a_wrong_password_is_explained_with_the_users_server_and_steps(
    qtbot, form, store, secrets, smtp_server, fast_timeouts
):
    server = smtp_server()
    fill(form, server.account(), "nie-to-hasło")
    buttons = attach_mail_test_buttons(form, store, secrets, timeouts=fast_timeouts)

    dialog = run_to_end(qtbot, buttons, login_only=True)

    view = dialog.diagnosis
    assert "Serwer nie przyjął loginu lub hasła" in view.headline.text()
    assert "127.0.0.1" in view.explanation.text()
    assert view.steps.isVisible() and "<ol" in view.steps.text() and "<li>Sprawdź hasło" in view.steps.text()
    assert dialog.progress.row_state("Logowanie") is RowState.FAILED
    assert dialog.progress.row_state("Szyfrowanie") is RowState.OK
    # A login check also asks about the sender, but sends nothing: no message row.
    assert dialog.progress.row_names()[-2:] == ["Nadawca", "Odbiorca"]
    assert dialog.progress.row_state("Nadawca") is RowState.PENDING  # the login failed first
    assert "Wiadomość" not in dialog.progress.row_names()
    assert not dialog.recipient_row.isVisible()
    assert server.messages == []
    assert not view.delivery_note.isVisible()


def test_a_rejected_sender_offers_sending_as_the_login(
    qtbot, form, store, secrets, smtp_server, fast_timeouts
):
    server = smtp_server(own_address_only=True)
    fill(form, server.account(), PASSWORD)
    sender = {"address": "biuro@biuro.test"}
    buttons = attach_mail_test_buttons(
        form, store, secrets, sender_for=lambda: sender["address"], timeouts=fast_timeouts
    )

    dialog = run_to_end(qtbot, buttons)

    view = dialog.diagnosis
    assert "nie pozwala wysyłać jako biuro@biuro.test" in view.headline.text()
    assert dialog.progress.row_state("Nadawca") is RowState.FAILED
    assert [b.text() for b in view.fix_buttons] == ["Wysyłaj jako anna@biuro.test"]

    # The fix sends as the login: the server takes it.
    qtbot.mouseClick(view.fix_buttons[0], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.run_result is not None, timeout=WAIT_MS)
    assert dialog.run_result.ok
    assert [m.mail_from for m in server.messages] == ["anna@biuro.test"]


def test_a_security_mismatch_is_fixed_with_one_click_and_then_works(
    qtbot, form, store, secrets, smtp_server, fast_timeouts
):
    server = smtp_server(mode="implicit")
    fill(form, server.account(security=Security.STARTTLS), PASSWORD)
    buttons = attach_mail_test_buttons(form, store, secrets, timeouts=fast_timeouts)

    dialog = run_to_end(qtbot, buttons)
    view = dialog.diagnosis
    assert not dialog.run_result.ok
    assert f"Port {server.port} wymaga zabezpieczenia SSL/TLS" in view.headline.text()
    fix = view.fix_buttons[0]
    assert fix.text() == f"Ustaw SSL/TLS na porcie {server.port}"

    qtbot.mouseClick(fix, Qt.MouseButton.LeftButton)

    # The form itself changed (so "Zapisz" keeps the fix), and the test ran again by itself.
    assert form.security() is Security.SSL
    assert form.port_edit.text() == str(server.port)
    qtbot.waitUntil(lambda: dialog.run_result is not None, timeout=WAIT_MS)
    assert dialog.run_result.ok
    assert dialog.runs_started == 2
    assert len(server.messages) == 1
    assert "Serwer przyjął wiadomość testową" in view.headline.text()


def test_cancel_during_a_silent_server_stops_within_a_second(qtbot, form, store, secrets, silent_server):
    fill(form, silent_server.account(username="anna@biuro.test"), PASSWORD)
    buttons = attach_mail_test_buttons(form, store, secrets, timeouts=SLOW_TIMEOUTS)
    dialog = buttons.test(login_only=True)
    assert dialog is not None
    qtbot.addWidget(dialog)
    qtbot.waitUntil(
        lambda: dialog.progress.row_state("Powitanie serwera") is RowState.RUNNING, timeout=WAIT_MS
    )
    assert dialog.cancel_button.isVisible()
    assert dialog.progress.row_state("Łączenie") is RowState.OK

    with qtbot.waitSignal(dialog.run_finished, timeout=1000):
        qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)

    assert dialog.run_result is not None and dialog.run_result.code == "cancelled"
    assert dialog.progress.row_state("Powitanie serwera") is RowState.STOPPED
    assert dialog.diagnosis.isVisible()
    assert dialog.again_button.isVisible() and not dialog.cancel_button.isVisible()
    qtbot.waitUntil(lambda: dialog.run.thread_finished, timeout=1000)
    [entry] = store.history()  # kept as history, but it says nothing about the account
    assert (entry.code, entry.stage) == ("cancelled", "greeting")
    assert store.last_results() == {}
    assert buttons.last_result.plain_text() == "Ostatni test: jeszcze nie testowano"


def test_closing_the_window_during_a_run_neither_crashes_nor_hangs(qtbot, store, secrets, silent_server):
    # A window that deletes itself on close, as the application's windows do.
    window = QWidget()
    window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    section = SmtpSection(secrets)
    QVBoxLayout(window).addWidget(section)
    window.show()
    fill(section, silent_server.account(username="anna@biuro.test"), PASSWORD)
    buttons = attach_mail_test_buttons(section, store, secrets, timeouts=SLOW_TIMEOUTS)
    dialog = buttons.test(login_only=True)
    assert dialog is not None
    qtbot.waitUntil(
        lambda: dialog.progress.row_state("Powitanie serwera") is RowState.RUNNING, timeout=WAIT_MS
    )
    run = dialog.run
    assert run is not None

    # The whole window goes, the test window (its child) with it; the run stops by itself.
    with qtbot.waitSignal(window.destroyed, timeout=WAIT_MS):
        window.close()
    qtbot.waitUntil(lambda: run.thread_finished and run.result is not None, timeout=1000)
    assert run.result.code == "cancelled"
    assert [entry.code for entry in store.history()] == ["cancelled"]


def test_the_report_is_copied_and_saved_without_the_password(
    qtbot, form, store, secrets, smtp_server, fast_timeouts, tmp_path: Path
):
    server = smtp_server()
    fill(form, server.account(), PASSWORD)
    buttons = attach_mail_test_buttons(
        form, store, secrets, label_for=lambda: "Anna Nowak", timeouts=fast_timeouts
    )
    dialog = run_to_end(qtbot, buttons)
    view = dialog.diagnosis

    # The technical details open on click: the redacted conversation and the timings.
    assert not view.details.isVisible()
    qtbot.mouseClick(view.details_toggle, Qt.MouseButton.LeftButton)
    assert view.details.isVisible()
    details = view.details.toPlainText()
    assert "AUTH PLAIN" in details and "Czasy etapów" in details
    _no_password_anywhere(details)

    qtbot.mouseClick(view.copy_button, Qt.MouseButton.LeftButton)
    copied = QGuiApplication.clipboard().text()
    assert "Raport z testu poczty wychodzącej" in copied
    assert f"Port serwera poczty wychodzącej: {server.port}" in copied
    assert "Konto: Anna Nowak" in copied
    _no_password_anywhere(copied)
    assert view.status.text() == "Skopiowano do schowka."

    qtbot.mouseClick(view.save_button, Qt.MouseButton.LeftButton)
    chooser = view.save_dialog
    assert isinstance(chooser, QFileDialog) and chooser.isVisible()
    assert chooser.acceptMode() is QFileDialog.AcceptMode.AcceptSave
    target = tmp_path / "raport.txt"
    with qtbot.waitSignal(view.report_saved, timeout=WAIT_MS) as saved:
        chooser.selectFile(str(target))
        chooser.accept()
    assert saved.args == [str(target)]
    text = target.read_text(encoding="utf-8")
    assert text == view.report_text()
    assert "Serwer przyjął wiadomość testową" in text
    _no_password_anywhere(text)


def test_a_report_that_cannot_be_written_says_so(
    qtbot, form, store, secrets, smtp_server, fast_timeouts, tmp_path
):
    server = smtp_server()
    fill(form, server.account(), PASSWORD)
    dialog = run_to_end(
        qtbot, attach_mail_test_buttons(form, store, secrets, timeouts=fast_timeouts), login_only=True
    )

    dialog.diagnosis.write_report(str(tmp_path / "no-such-folder" / "raport.txt"))

    box = dialog.diagnosis.findChild(QMessageBox)
    assert box is not None and box.isVisible()
    assert "Nie udało się zapisać raportu" in box.text()
    assert dialog.diagnosis.status.text() == ""


def test_the_login_check_also_checks_the_sender_and_says_what_it_cannot_see(
    qtbot, form, store, secrets, smtp_server, fast_timeouts
):
    server = smtp_server()
    fill(form, server.account(), PASSWORD)
    buttons = attach_mail_test_buttons(form, store, secrets, timeouts=fast_timeouts)

    dialog = run_to_end(qtbot, buttons, login_only=True)

    view = dialog.diagnosis
    assert "Logowanie i adres nadawcy działają" in view.headline.text()
    assert "wyślij jako" in view.steps.text()  # checked only after the content: needs a real mail
    assert dialog.progress.row_state("Nadawca") is RowState.OK
    assert dialog.progress.row_state("Odbiorca") is RowState.OK
    assert server.messages == []
