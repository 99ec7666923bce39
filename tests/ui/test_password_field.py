"""The "Hasło:" field: masked with a show toggle, and a line that says where the password is kept,
including on computers without a usable keychain."""

from __future__ import annotations

import sys

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit

from smtpdesk.core.model import COMPANY_ACCOUNT, SmtpAccount
from smtpdesk.core.secrets import SecretState, SecretStore
from smtpdesk.ui.widgets.password_field import PasswordField
from smtpdesk.ui.widgets.smtp_section import SmtpSection

PASSWORD = "Hasło-łódź-1"
NO_KEYCHAIN = "Hasła nie można zapisać na tym komputerze"


@pytest.fixture
def field(qtbot) -> PasswordField:
    widget = PasswordField()
    qtbot.addWidget(widget)
    widget.show()
    return widget


@pytest.fixture
def section(qtbot, secrets: SecretStore) -> SmtpSection:
    widget = SmtpSection(secrets)
    qtbot.addWidget(widget)
    widget.show()
    return widget


def test_the_password_is_masked_until_the_user_asks_to_see_it(qtbot, field):
    qtbot.keyClicks(field.line_edit, "tajne")
    assert field.line_edit.echoMode() is QLineEdit.EchoMode.Password
    assert field.show_button.text() == "Pokaż"
    qtbot.mouseClick(field.show_button, Qt.MouseButton.LeftButton)
    assert field.line_edit.echoMode() is QLineEdit.EchoMode.Normal
    assert field.show_button.text() == "Ukryj"
    qtbot.mouseClick(field.show_button, Qt.MouseButton.LeftButton)
    assert field.line_edit.echoMode() is QLineEdit.EchoMode.Password


def test_the_label_focuses_the_text_field(field):
    assert field.focusProxy() is field.line_edit


def test_a_stored_password_shows_as_a_placeholder_with_a_remove_button(field):
    field.set_stored(SecretState.STORED)
    assert field.line_edit.text() == ""
    assert field.line_edit.placeholderText() == "•••••• (zapisane w pęku kluczy)"
    assert field.remove_button.isVisible()
    assert field.status_label.text() == "Hasło zapisane w pęku kluczy systemu"


def test_a_new_account_shows_no_placeholder_and_no_remove_button(field):
    field.set_stored(None)
    assert field.line_edit.placeholderText() == ""
    assert not field.remove_button.isVisible()
    assert not field.status_label.isVisible()


def test_typing_says_the_password_will_be_saved_on_zapisz(qtbot, field):
    field.set_stored(SecretState.MISSING)
    qtbot.keyClicks(field.line_edit, "tajne")
    assert "po kliknięciu „Zapisz”" in field.status_label.text()


def test_usun_haslo_is_explicit_and_announced(qtbot, field):
    field.set_stored(SecretState.STORED)
    with qtbot.waitSignal(field.changed, timeout=1000):
        qtbot.mouseClick(field.remove_button, Qt.MouseButton.LeftButton)
    assert field.clear_requested
    assert not field.remove_button.isVisible()
    assert field.status_label.text() == "Hasło zostanie usunięte po kliknięciu „Zapisz”"
    # Typing a new password instead cancels the removal.
    qtbot.keyClicks(field.line_edit, "nowe")
    assert not field.clear_requested


@pytest.mark.usefixtures("no_keyring")
def test_without_a_keychain_the_field_says_so_and_keeps_the_password_for_this_run(section):
    secrets = section.secrets
    section.load(None, None)
    assert NO_KEYCHAIN in section.password_field.status_label.text()

    section.host_edit.setText("smtp.biuro.pl")
    section.password_field.set_text(PASSWORD)
    assert section.save_password(secrets, COMPANY_ACCOUNT) is SecretState.SESSION_ONLY
    status = section.password_field.status_label.text()
    assert NO_KEYCHAIN in status and "do zamknięcia programu" in status
    # Kept for the running program: the test buttons can still use it …
    assert section.password() == PASSWORD
    assert secrets.get(COMPANY_ACCOUNT) == PASSWORD
    # … but a new program run (a new secret store) does not have it.
    assert SecretStore().get(COMPANY_ACCOUNT) is None


@pytest.mark.usefixtures("no_keyring")
def test_without_a_keychain_a_reloaded_form_still_shows_the_session_password(section):
    secrets = section.secrets
    secrets.set(COMPANY_ACCOUNT, PASSWORD)
    section.load(SmtpAccount(host="smtp.biuro.pl"), COMPANY_ACCOUNT)
    # The placeholder and the line under it say the same: kept until the program closes.
    assert section.password_field.line_edit.placeholderText() == "•••••• (pamiętane do zamknięcia programu)"
    status = section.password_field.status_label.text()
    assert "zapamiętane do zamknięcia programu" in status
    if sys.platform.startswith("linux"):
        assert "gnome-keyring" in status and "KWallet" in status  # what to install here


@pytest.mark.usefixtures("locked_keyring")
def test_a_locked_keychain_is_named_as_such(section):
    section.load(SmtpAccount(host="smtp.biuro.pl"), COMPANY_ACCOUNT)
    assert "zablokowany" in section.password_field.status_label.text()
