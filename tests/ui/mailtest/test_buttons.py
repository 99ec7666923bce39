"""The buttons "Wyślij wiadomość testową" and "Sprawdź logowanie" under an SMTP form: they test
what is in the form now, saved or not, and show the account's last result."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from smtpdesk.core.model import employee_account
from smtpdesk.ui.mailtest.buttons import attach_mail_test_buttons
from tests.ui.mailtest.conftest import PASSWORD, WAIT_MS, fill, run_to_end


def test_the_buttons_sit_in_the_forms_action_row(form, store, secrets):
    buttons = attach_mail_test_buttons(form, store, secrets)
    row = [form.actions_layout.itemAt(i).widget() for i in range(form.actions_layout.count())]
    assert row[:2] == [buttons.send_button, buttons.login_button]
    assert buttons.send_button.text() == "Wyślij wiadomość testową"
    assert buttons.login_button.text() == "Sprawdź logowanie"
    assert buttons.last_result.plain_text() == "Ostatni test: jeszcze nie testowano"


def test_unsaved_values_and_the_typed_password_are_tested(
    qtbot, form, store, secrets, smtp_server, fast_timeouts
):
    server = smtp_server()
    secrets.set(employee_account(7), "stare-hasło")  # what was saved before the edit
    form.load(None, employee_account(7))
    fill(form, server.account(), PASSWORD)
    buttons = attach_mail_test_buttons(
        form, store, secrets, label_for=lambda: "Anna Nowak", timeouts=fast_timeouts
    )

    qtbot.mouseClick(buttons.login_button, Qt.MouseButton.LeftButton)

    dialog = buttons.dialog
    assert dialog is not None
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.run_result is not None, timeout=WAIT_MS)
    assert dialog.run_result.ok
    assert dialog.windowTitle() == "Sprawdzanie logowania"
    assert "Anna Nowak" in dialog.heading.text()
    assert server.auth_logins == ["anna@biuro.test"]
    assert store.get_employee(7) is None  # testing never saves the form


def test_an_empty_password_field_uses_the_stored_password(
    qtbot, form, store, secrets, smtp_server, fast_timeouts
):
    server = smtp_server()
    secrets.set(employee_account(3), PASSWORD)
    form.load(server.account(), employee_account(3))
    assert form.password_field.text() == ""
    buttons = attach_mail_test_buttons(form, store, secrets, timeouts=fast_timeouts)

    qtbot.mouseClick(buttons.send_button, Qt.MouseButton.LeftButton)

    dialog = buttons.dialog
    assert dialog is not None
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.run_result is not None, timeout=WAIT_MS)
    assert dialog.run_result.ok
    assert len(server.messages) == 1
    # The result is stored under the account and shown next to it.
    assert [e.account_key for e in store.history()] == [employee_account(3)]
    qtbot.waitUntil(lambda: "✓ Serwer przyjął wiadomość testową" in buttons.last_result.plain_text())
    assert "wysyłka" in buttons.last_result.plain_text()


def test_a_bad_field_is_shown_next_to_it_and_nothing_runs(qtbot, form, store, secrets):
    buttons = attach_mail_test_buttons(form, store, secrets)
    form.host_edit.setText("http://smtp biuro.pl")
    form.port_edit.setText("587")

    qtbot.mouseClick(buttons.send_button, Qt.MouseButton.LeftButton)

    assert buttons.dialog is None
    label = form.errors.add(form.host_edit)
    assert label.isVisible() and label.text()


def test_an_empty_form_asks_for_the_server_first(qtbot, form, store, secrets):
    buttons = attach_mail_test_buttons(form, store, secrets)

    qtbot.mouseClick(buttons.login_button, Qt.MouseButton.LeftButton)

    assert buttons.dialog is None
    box = form.window().findChild(QMessageBox)
    assert box is not None and box.isVisible()
    assert "Najpierw wpisz serwer poczty wychodzącej" in box.text()
    box.accept()


def test_the_recipient_can_be_changed_and_is_checked(qtbot, form, store, secrets, smtp_server, fast_timeouts):
    server = smtp_server()
    fill(form, server.account(), PASSWORD)
    buttons = attach_mail_test_buttons(form, store, secrets, timeouts=fast_timeouts)
    dialog = run_to_end(qtbot, buttons)

    dialog.recipient_edit.setText("klient@przyklad\n.pl")
    qtbot.mouseClick(dialog.again_button, Qt.MouseButton.LeftButton)
    assert dialog.recipient_error.isVisible()
    assert dialog.runs_started == 1

    dialog.recipient_edit.setText("klient@przyklad.pl")
    qtbot.mouseClick(dialog.again_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.run_result is not None, timeout=WAIT_MS)
    assert not dialog.recipient_error.isVisible()
    assert [m.rcpt_tos for m in server.messages] == [["anna@biuro.test"], ["klient@przyklad.pl"]]
