"""Every run is remembered across restarts, can be browsed per account, and cleared."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from smtpdesk.core.model import COMPANY_ACCOUNT, employee_account
from smtpdesk.core.secrets import SecretStore
from smtpdesk.core.store import Store
from smtpdesk.ui.mailtest.buttons import attach_mail_test_buttons
from smtpdesk.ui.mailtest.history_view import HistoryDialog
from smtpdesk.ui.mailtest.last_result import LastResultLabel
from tests.ui.mailtest.conftest import PASSWORD, fill, run_to_end


def test_history_survives_a_restart_and_never_holds_the_password(
    qtbot, form, data_dir: Path, secrets: SecretStore, smtp_server, fast_timeouts
):
    server = smtp_server()
    first = Store.open(data_dir)
    form.load(None, employee_account(4))
    fill(form, server.account(), PASSWORD)
    buttons = attach_mail_test_buttons(
        form, first, secrets, label_for=lambda: "Anna Nowak", timeouts=fast_timeouts
    )
    run_to_end(qtbot, buttons, login_only=False).close()
    form.password_field.set_text("złe-hasło")
    run_to_end(qtbot, buttons, login_only=True).close()
    first.close()

    # A new start of the application: a new store on the same folder.
    second = Store.open(data_dir)
    try:
        entries = second.history()
        assert [(e.ok, e.login_only, e.account_label) for e in entries] == [
            (False, True, "Anna Nowak"),
            (True, False, "Anna Nowak"),
        ]
        assert entries[0].stage == "auth" and entries[0].code == "auth_failed"
        assert entries[1].timings_ms["data"] >= 0 and entries[1].transcript
        stored = b"".join(path.read_bytes() for path in data_dir.iterdir() if path.is_file())
        assert PASSWORD.encode() not in stored and "złe-hasło".encode() not in stored

        label = LastResultLabel(second, lambda: employee_account(4))
        qtbot.addWidget(label)
        assert "✗ Serwer nie przyjął loginu lub hasła" in label.plain_text()
        assert "logowanie" in label.plain_text()

        dialog = HistoryDialog(second, account_key=employee_account(4))
        qtbot.addWidget(dialog)
        dialog.show()
        assert dialog.table.rowCount() == 2
        cells = [[dialog.table.model().index(row, column).data() for column in (2, 3)] for row in range(2)]
        assert cells[0][0] == "logowanie"
        assert cells[1] == ["wysyłka", "✓ Serwer przyjął wiadomość testową"]
        # The newest run is selected and its details shown, as stored.
        assert dialog.selected_entry() == entries[0]
        assert "Serwer nie przyjął loginu lub hasła" in dialog.details.headline.text()
        dialog.table.selectRow(1)
        details = dialog.details.details.toPlainText()
        assert "MAIL FROM:<anna@biuro.test>" in details
        report = dialog.details.report_text()
        assert PASSWORD not in report and "złe-hasło" not in report
    finally:
        second.close()


def test_history_is_browsed_per_account_and_cleared_after_asking(
    qtbot, form, store: Store, secrets: SecretStore, smtp_server, fast_timeouts
):
    server = smtp_server()
    form.load(None, COMPANY_ACCOUNT)
    fill(form, server.account(), PASSWORD)
    company = attach_mail_test_buttons(
        form, store, secrets, label_for=lambda: "Konto firmowe", timeouts=fast_timeouts
    )
    run_to_end(qtbot, company, login_only=True).close()
    form.account_key = employee_account(1)
    run_to_end(qtbot, company, login_only=True).close()

    dialog = HistoryDialog(store)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.table.rowCount() == 2
    assert dialog.account_combo.itemText(0) == "Wszystkie konta"
    dialog.account_combo.setCurrentIndex(dialog.account_combo.findData(COMPANY_ACCOUNT))
    assert dialog.table.rowCount() == 1

    # Asked first; "Anuluj" keeps everything.
    box = dialog.ask_clear()
    assert isinstance(box, QMessageBox) and box.isVisible()
    assert "Konto firmowe" in box.text()
    qtbot.mouseClick(box.button(QMessageBox.StandardButton.No), Qt.MouseButton.LeftButton)
    assert len(store.history()) == 2

    box = dialog.ask_clear()
    qtbot.mouseClick(box.button(QMessageBox.StandardButton.Yes), Qt.MouseButton.LeftButton)
    assert [e.account_key for e in store.history()] == [employee_account(1)]
    # The open windows follow: the list of the chosen account is empty, the label says so.
    assert dialog.table.rowCount() == 0 and dialog.empty_label.isVisible()
    label = LastResultLabel(store, lambda: COMPANY_ACCOUNT)
    qtbot.addWidget(label)
    assert label.plain_text() == "Ostatni test: jeszcze nie testowano"
    assert "✓" in company.last_result.plain_text()  # the form now shows employee 1's account

    dialog.account_combo.setCurrentIndex(0)
    box = dialog.ask_clear()
    assert "wszystkich kont" in box.text()
    qtbot.mouseClick(box.button(QMessageBox.StandardButton.Yes), Qt.MouseButton.LeftButton)
    assert store.history() == []
    assert company.last_result.plain_text() == "Ostatni test: jeszcze nie testowano"


def test_the_last_result_label_opens_the_accounts_history(
    qtbot, form, store, secrets, smtp_server, fast_timeouts
):
    server = smtp_server()
    form.load(None, employee_account(2))
    fill(form, server.account(), PASSWORD)
    buttons = attach_mail_test_buttons(form, store, secrets, timeouts=fast_timeouts)
    run_to_end(qtbot, buttons, login_only=True).close()

    buttons.last_result.linkActivated.emit("history")

    dialog = form.window().findChild(HistoryDialog)
    assert dialog is not None and dialog.isVisible()
    qtbot.addWidget(dialog)
    assert dialog.account_key() == employee_account(2)
    assert dialog.table.rowCount() == 1


def test_a_failed_clear_is_explained_and_the_list_stays(
    qtbot, form, store: Store, secrets: SecretStore, smtp_server, fast_timeouts
):
    server = smtp_server()
    form.load(None, COMPANY_ACCOUNT)
    fill(form, server.account(), PASSWORD)
    buttons = attach_mail_test_buttons(form, store, secrets, timeouts=fast_timeouts)
    run_to_end(qtbot, buttons, login_only=True).close()
    dialog = HistoryDialog(store)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.table.rowCount() == 1

    store.close()  # e.g. the application is quitting, or the file went away
    box = dialog.ask_clear()
    qtbot.mouseClick(box.button(QMessageBox.StandardButton.Yes), Qt.MouseButton.LeftButton)

    error = dialog.error_box
    assert error is not None and error.isVisible()
    assert "Nie udało się wyczyścić historii testów" in error.text()
    assert dialog.table.rowCount() == 1
    error.accept()
