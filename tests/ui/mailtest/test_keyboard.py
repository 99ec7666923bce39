"""The test windows with the keyboard only: a finished test with a one-click fix, a test still
running, a diagnosis on its own, the history and the question before clearing it."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from smtpdesk.core.model import COMPANY_ACCOUNT, Security
from smtpdesk.core.secrets import SecretStore
from smtpdesk.core.store import Store
from smtpdesk.ui.mailtest.buttons import attach_mail_test_buttons
from smtpdesk.ui.mailtest.diagnosis_dialog import DiagnosisDialog
from smtpdesk.ui.mailtest.history_view import HistoryDialog
from smtpdesk.ui.mailtest.progress_view import RowState
from tests.fixtures.keyboard import accessible_name, walk_window
from tests.fixtures.samples import T0, failed_auth_result, run
from tests.fixtures.typing import type_text
from tests.ui.mailtest.conftest import PASSWORD, SLOW_TIMEOUTS, WAIT_MS, fill, run_to_end


def test_a_failed_test_is_walked_and_enter_tests_again_without_the_fix(
    qtbot, form, store, secrets, smtp_server, fast_timeouts
):
    server = smtp_server(mode="implicit")
    fill(form, server.account(security=Security.STARTTLS), PASSWORD)
    buttons = attach_mail_test_buttons(form, store, secrets, timeouts=fast_timeouts)
    dialog = run_to_end(qtbot, buttons)
    assert not dialog.run_result.ok
    fix = dialog.diagnosis.fix_buttons[0]
    assert fix.text() == f"Ustaw SSL/TLS na porcie {server.port}"

    walk = walk_window(qtbot, dialog, main=dialog.again_button)
    assert walk.problems() == []
    assert walk.mnemonics_pressed == ["Odbiorca:"]
    assert accessible_name(dialog.diagnosis_area) == "Diagnoza"

    # Enter means "Wyślij ponownie" even on the fix: a fix changes the form only when pressed.
    fix.setFocus(Qt.FocusReason.TabFocusReason)
    with qtbot.waitSignal(dialog.run_finished, timeout=WAIT_MS):
        qtbot.keyClick(fix, Qt.Key.Key_Return)
    assert dialog.runs_started == 2
    assert form.security() is Security.STARTTLS

    # Space presses the focused fix: the form changes and the test runs again, now working.
    fix = dialog.diagnosis.fix_buttons[0]
    fix.setFocus(Qt.FocusReason.TabFocusReason)
    with qtbot.waitSignal(dialog.run_finished, timeout=WAIT_MS):
        qtbot.keyClick(fix, Qt.Key.Key_Space)
    assert form.security() is Security.SSL
    assert dialog.run_result is not None and dialog.run_result.ok

    # A new recipient typed key by key, then Enter: sent again, there.
    dialog.recipient_edit.setFocus()
    dialog.recipient_edit.selectAll()
    type_text(qtbot, dialog.recipient_edit, "klient@łąka.test")
    with qtbot.waitSignal(dialog.run_finished, timeout=WAIT_MS):
        qtbot.keyClick(dialog.recipient_edit, Qt.Key.Key_Return)
    assert dialog.runs_started == 4
    qtbot.keyClick(dialog.recipient_edit, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: buttons.dialog is None, timeout=WAIT_MS)


def test_a_running_test_takes_no_enter_and_escape_stops_it(qtbot, form, store, secrets, silent_server):
    fill(form, silent_server.account(username="anna@biuro.test"), PASSWORD)
    buttons = attach_mail_test_buttons(form, store, secrets, timeouts=SLOW_TIMEOUTS)
    dialog = buttons.test(login_only=False)
    assert dialog is not None
    qtbot.waitUntil(
        lambda: dialog.progress.row_state("Powitanie serwera") is RowState.RUNNING, timeout=WAIT_MS
    )

    walk = walk_window(qtbot, dialog, main=None)
    assert walk.problems() == []
    assert dialog.cancel_button.isVisible()
    qtbot.keyClick(dialog.recipient_edit, Qt.Key.Key_Return)
    assert dialog.running and dialog.runs_started == 1  # neither cancelled nor started again

    run = dialog.run
    assert run is not None
    qtbot.keyClick(dialog.recipient_edit, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: run.thread_finished and run.result is not None, timeout=WAIT_MS)
    assert run.result.code == "cancelled"
    assert buttons.dialog is None


def test_a_diagnosis_on_its_own_is_closed_with_enter_or_escape(qtbot, show_window):
    for key in (Qt.Key.Key_Return, Qt.Key.Key_Escape):
        dialog = DiagnosisDialog.for_result(failed_auth_result(), account_label="Anna Łęcka")
        show_window(dialog)
        walk = walk_window(qtbot, dialog, main=dialog.close_button)
        assert walk.problems() == []
        assert accessible_name(dialog.view.details) == "Szczegóły techniczne"
        with qtbot.waitSignal(dialog.finished, timeout=WAIT_MS):
            qtbot.keyClick(dialog.view.copy_button, key)


def test_the_fixes_of_a_sign_in_failure_take_no_enter(qtbot, show_window):
    # As "Zaloguj przez …" shows a failed sign-in: fixes offered, added before the window shows.
    dialog = DiagnosisDialog()
    dialog.view.show_result(failed_auth_result(), account_label="biuro@łąka.test", fixes_enabled=True)
    fixes = list(dialog.view.fix_buttons)
    assert fixes
    show_window(dialog)
    walk = walk_window(qtbot, dialog, main=dialog.close_button)
    assert walk.problems() == []
    with qtbot.assertNotEmitted(dialog.view.fix_requested):
        fixes[0].setFocus(Qt.FocusReason.TabFocusReason)
        with qtbot.waitSignal(dialog.finished, timeout=WAIT_MS):
            qtbot.keyClick(fixes[0], Qt.Key.Key_Return)


def test_the_history_is_cleared_only_when_asked_and_confirmed(
    qtbot, show_window, store: Store, secrets: SecretStore
):
    store.add_history(run(COMPANY_ACCOUNT, T0, label="Konto firmowe"))
    store.add_history(run("employee:1", T0, ok=False))
    dialog = HistoryDialog(store)
    show_window(dialog)
    walk = walk_window(qtbot, dialog, main=dialog.close_button)
    assert walk.problems() == []
    assert walk.mnemonics_pressed == ["Konto:"]
    assert accessible_name(dialog.table) == "Zapisane testy"

    for answer in (Qt.Key.Key_Return, Qt.Key.Key_Escape):
        dialog.clear_button.setFocus(Qt.FocusReason.TabFocusReason)
        qtbot.keyClick(dialog.clear_button, Qt.Key.Key_Space)
        box = dialog._confirm
        assert isinstance(box, QMessageBox)
        qtbot.waitExposed(box)
        walk = walk_window(qtbot, box, main=box.button(QMessageBox.StandardButton.No))
        assert walk.problems() == []
        with qtbot.waitSignal(box.finished, timeout=WAIT_MS):
            qtbot.keyClick(box.focusWidget() or box, answer)
        assert len(store.history()) == 2  # "Anuluj" is the answer to both

    with qtbot.waitSignal(dialog.finished, timeout=WAIT_MS):
        qtbot.keyClick(dialog.table, Qt.Key.Key_Escape)
