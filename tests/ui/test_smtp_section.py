"""The "Ustawienia wysyłania poczty (SMTP)" section: labels, cleaning what people paste, messages
next to the fields, the security choice, fixes from a diagnosis and the password's keychain entry."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QLineEdit

from smtpdesk.core.diagnosis.model import Fix, FixKind
from smtpdesk.core.model import COMPANY_ACCOUNT, Security, SmtpAccount
from smtpdesk.core.secrets import SecretState
from smtpdesk.core.validation import FieldError
from smtpdesk.ui.widgets.smtp_section import SmtpSection

PASSWORD = "Hasło-łódź-1"
REFERENCE_LABELS = [
    "Serwer poczty wychodzącej:",
    "Port serwera poczty wychodzącej:",
    "Nazwa użytkownika:",
    "Hasło:",
]


@pytest.fixture
def section(qtbot, secrets) -> SmtpSection:
    widget = SmtpSection(secrets)
    qtbot.addWidget(widget)
    widget.show()
    widget.load(None, None)
    return widget


def type_into(qtbot, edit: QLineEdit, text: str) -> None:
    """Types like a user and leaves the field with Enter (which ends editing).

    QTest can only type Latin-1 keys, so Polish letters arrive as a paste would.
    """
    edit.setFocus()
    edit.selectAll()
    if text.isascii():
        qtbot.keyClicks(edit, text)
    else:
        edit.insert(text)
    qtbot.keyClick(edit, Qt.Key.Key_Return)


def label_texts(section: SmtpSection) -> list[str]:
    return [label.text() for label in section.findChildren(QLabel) if label.buddy() is not None]


def test_the_section_carries_the_reference_pages_title_and_labels_each_the_buddy_of_its_field(section):
    assert section.title() == "Ustawienia wysyłania poczty (SMTP)"
    assert label_texts(section)[:4] == REFERENCE_LABELS
    buddies = {label.text(): label.buddy() for label in section.findChildren(QLabel) if label.buddy()}
    assert buddies["Serwer poczty wychodzącej:"] is section.host_edit
    assert buddies["Port serwera poczty wychodzącej:"] is section.port_edit
    assert buddies["Nazwa użytkownika:"] is section.username_edit
    assert buddies["Hasło:"] is section.password_field
    assert buddies["Zabezpieczenie połączenia:"] is section.security_combo


def test_tab_moves_through_the_fields_in_reading_order(section):
    order = [section.host_edit]
    widget = section.host_edit
    for _ in range(4):
        widget = widget.nextInFocusChain()
        # Tab skips what is hidden ("Wykryj ustawienia" until the sign-in tools show it).
        while not widget.focusPolicy() & Qt.FocusPolicy.TabFocus or widget.isHidden():
            widget = widget.nextInFocusChain()
        order.append(widget)
    assert order[:3] == [section.host_edit, section.port_edit, section.username_edit]
    assert order[3] is section.password_field.line_edit


def test_an_empty_section_means_no_own_account(section):
    assert section.account() is None
    assert section.check() == []


def test_the_port_hint_repeats_the_reference_pages_advice(section):
    hint = section.port_hint.text()
    assert "587" in hint and "25" in hint and "465" in hint


@pytest.mark.parametrize(
    ("typed", "host", "port"),
    [
        ("smtp://smtp.biuro.pl", "smtp.biuro.pl", ""),
        ("  smtp.biuro.pl  ", "smtp.biuro.pl", ""),
        ("smtp.biuro.pl:587", "smtp.biuro.pl", "587"),
        ("smtps://Poczta.Biuro.PL:465/", "poczta.biuro.pl", "465"),
    ],
)
def test_a_pasted_scheme_spaces_and_port_are_cleaned_when_leaving_the_field(
    qtbot, section, typed, host, port
):
    type_into(qtbot, section.host_edit, typed)
    assert section.host_edit.text() == host
    assert section.port_edit.text() == port
    assert section.errors.message(section.host_edit) == ""


def test_a_polish_domain_name_stays_readable_and_says_how_it_is_stored(qtbot, section):
    type_into(qtbot, section.host_edit, "poczta.źródło.pl")
    assert section.host_edit.text() == "poczta.źródło.pl"
    assert section.host_note.isVisible()
    assert "poczta.xn--rdo-gna01bwk.pl" in section.host_note.text()
    account = section.account()
    assert account is not None and account.host == "poczta.xn--rdo-gna01bwk.pl"


def test_a_stored_idna_name_is_shown_in_polish_letters(section):
    section.load(SmtpAccount(host="poczta.xn--rdo-gna01bwk.pl", port=587), COMPANY_ACCOUNT)
    assert section.host_edit.text() == "poczta.źródło.pl"


def test_a_port_pasted_into_the_server_that_differs_from_the_port_field_is_explained(qtbot, section):
    section.port_edit.setText("587")
    type_into(qtbot, section.host_edit, "smtp.biuro.pl:465")
    message = section.errors.message(section.host_edit)
    assert "465" in message and "587" in message
    assert section.port_edit.text() == "587"


@pytest.mark.parametrize(
    ("host", "expected"),
    [
        ("smtp.biu ro.pl", "nie może zawierać spacji"),
        ("jan@biuro.pl", "wygląda na adres e-mail"),
        ("smtp..biuro.pl", "dwie kropki"),
        ("smtp.biuro.pl:99999", "numer portu"),
        ("ftp://smtp.biuro.pl", "bez „ftp://”"),
    ],
)
def test_a_server_name_that_cannot_be_cleaned_gets_a_message_under_the_field(qtbot, section, host, expected):
    type_into(qtbot, section.host_edit, host)
    assert expected in section.errors.message(section.host_edit)
    with pytest.raises(FieldError) as raised:
        section.account()
    assert raised.value.field == "host"
    assert expected in section.errors.message(section.host_edit)


@pytest.mark.parametrize("port", ["0", "70000", "abc", "58 7", "-1"])
def test_a_port_outside_1_to_65535_gets_a_message_under_the_field(qtbot, section, port):
    section.host_edit.setText("smtp.biuro.pl")
    type_into(qtbot, section.port_edit, port)
    assert section.errors.message(section.port_edit) == "Port to liczba od 1 do 65535 (zwykle 587)"
    problems = section.check()
    assert [problem.field for problem in problems] == [section.port_edit]


def test_one_check_shows_every_bad_field_of_the_section(section):
    section.host_edit.setText("smtp://smtp.biu ro.pl")
    section.port_edit.setText("70000")
    problems = section.check()
    assert [problem.field for problem in problems] == [section.host_edit, section.port_edit]
    assert section.errors.message(section.host_edit)
    assert section.errors.message(section.port_edit)


def test_typing_in_a_field_clears_its_message(qtbot, section):
    section.host_edit.setText("smtp.biuro.pl")
    type_into(qtbot, section.port_edit, "0")
    assert section.errors.message(section.port_edit)
    qtbot.keyClicks(section.port_edit, "5")
    assert section.errors.message(section.port_edit) == ""


def test_a_password_without_a_server_is_not_silently_dropped(section):
    section.password_field.set_text(PASSWORD)
    with pytest.raises(FieldError):
        section.account()
    assert "Wpisz nazwę serwera" in section.errors.message(section.host_edit)


def test_the_account_from_the_form(section):
    section.host_edit.setText("smtp.biuro.pl")
    section.username_edit.setText("anna@biuro.pl")
    assert section.account() == SmtpAccount(host="smtp.biuro.pl", port=587, username="anna@biuro.pl")


def test_security_defaults_to_automatic_and_offers_the_four_choices(section):
    combo = section.security_combo
    assert section.security() is Security.AUTO
    assert [combo.itemText(i) for i in range(combo.count())] == [
        "Automatycznie (465 → SSL/TLS, inaczej STARTTLS)",
        "STARTTLS",
        "SSL/TLS",
        "Brak",
    ]


def test_consent_to_an_unencrypted_login_is_offered_only_for_brak_and_is_per_account(section):
    assert not section.plaintext_check.isVisible()
    section.security_combo.setCurrentIndex(section.security_combo.findData(Security.NONE.value))
    assert section.plaintext_check.isVisible()
    section.host_edit.setText("relay.biuro.lan")
    account = section.account()
    assert account is not None and account.port == 25 and not account.allow_plaintext_auth
    section.plaintext_check.setChecked(True)
    account = section.account()
    assert account is not None and account.allow_plaintext_auth
    # Switching back to an encrypted mode drops the consent from the account.
    section.security_combo.setCurrentIndex(section.security_combo.findData(Security.STARTTLS.value))
    assert not section.plaintext_check.isVisible()
    account = section.account()
    assert account is not None and not account.allow_plaintext_auth


def test_an_empty_port_uses_the_usual_port_of_the_chosen_security(section):
    section.host_edit.setText("smtp.biuro.pl")
    section.security_combo.setCurrentIndex(section.security_combo.findData(Security.SSL.value))
    assert section.port_edit.placeholderText() == "465"
    account = section.account()
    assert account is not None and account.port == 465


def test_load_shows_an_account_and_keeps_what_the_form_does_not_edit(section):
    stored = SmtpAccount(
        host="smtp.biuro.pl",
        port=465,
        username="anna@biuro.pl",
        security=Security.SSL,
        pinned_fingerprint="ab" * 32,
        ca_file="/etc/ssl/biuro.pem",
    )
    section.load(stored, COMPANY_ACCOUNT)
    assert section.host_edit.text() == "smtp.biuro.pl"
    assert section.port_edit.text() == "465"
    assert section.username_edit.text() == "anna@biuro.pl"
    assert section.security() is Security.SSL
    assert section.account() == stored
    assert section.account_key == COMPANY_ACCOUNT


def test_a_trusted_certificate_is_forgotten_when_the_server_changes(section):
    section.load(SmtpAccount(host="smtp.biuro.pl", pinned_fingerprint="ab" * 32), COMPANY_ACCOUNT)
    section.host_edit.setText("smtp.inny.pl")
    account = section.account()
    assert account is not None and account.pinned_fingerprint == ""


@pytest.mark.parametrize(
    ("fix", "check"),
    [
        (
            Fix(FixKind.SET_SECURITY, {"security": "ssl", "port": 465}, "SSL/TLS"),
            lambda s: s.security() is Security.SSL and s.port_edit.text() == "465",
        ),
        (Fix(FixKind.SET_PORT, {"port": 587}, "587"), lambda s: s.port_edit.text() == "587"),
        (
            Fix(FixKind.SET_HOST, {"host": "poczta.xn--rdo-gna01bwk.pl"}, "host"),
            lambda s: s.host_edit.text() == "poczta.źródło.pl",
        ),
        (
            Fix(FixKind.SET_USERNAME, {"username": "anna@biuro.pl"}, "login"),
            lambda s: s.username_edit.text() == "anna@biuro.pl",
        ),
        (
            Fix(FixKind.PIN_CERTIFICATE, {"sha256": "AB:" * 31 + "AB", "host": "smtp.biuro.pl"}, "pin"),
            lambda s: s.account().pinned_fingerprint == "ab" * 32,
        ),
        (
            Fix(FixKind.CLEAR_CREDENTIALS, {}, "bez logowania"),
            lambda s: s.username_edit.text() == "" and s.password_field.clear_requested,
        ),
    ],
)
def test_a_fix_from_a_diagnosis_changes_the_form(qtbot, section, secrets, fix, check):
    secrets.set(COMPANY_ACCOUNT, PASSWORD)
    section.load(SmtpAccount(host="smtp.biuro.pl", port=25, username="anna"), COMPANY_ACCOUNT)
    with qtbot.waitSignal(section.changed, timeout=1000):
        section.apply_fix(fix)
    assert check(section)


def test_a_sender_fix_is_handed_to_the_owner_of_the_sender_field(qtbot, section):
    with qtbot.waitSignal(section.sender_change_requested, timeout=1000) as signal:
        section.apply_fix(Fix(FixKind.SET_SENDER, {"sender": "anna@biuro.pl"}, "nadawca"))
    assert signal.args == ["anna@biuro.pl"]


def test_editing_emits_changed_but_loading_does_not(qtbot, section):
    with qtbot.assertNotEmitted(section.changed):
        section.load(SmtpAccount(host="smtp.biuro.pl"), COMPANY_ACCOUNT)
    with qtbot.waitSignal(section.changed, timeout=1000):
        qtbot.keyClicks(section.username_edit, "a")


def test_actions_layout_takes_buttons_of_other_features(section):
    from PySide6.QtWidgets import QPushButton

    button = QPushButton("Wyślij test")
    section.actions_layout.addWidget(button)
    assert section.isAncestorOf(button)


# --- the password's keychain entry ----------------------------------------------------------------


def test_a_typed_password_is_written_once_on_save_under_the_given_key(section, secrets, memory_keyring):
    section.host_edit.setText("smtp.biuro.pl")
    section.password_field.set_text(PASSWORD)
    assert memory_keyring.entries == {}  # typing alone never reaches the keychain
    assert section.save_password(secrets, COMPANY_ACCOUNT) is SecretState.STORED
    assert memory_keyring.entries == {("smtpdesk", COMPANY_ACCOUNT): PASSWORD}
    assert section.password_field.text() == ""
    assert section.password_field.status_label.text() == "Hasło zapisane w pęku kluczy systemu"


def test_an_empty_field_keeps_the_stored_password_and_password_returns_it(section, secrets, memory_keyring):
    secrets.set(COMPANY_ACCOUNT, PASSWORD)
    section.load(SmtpAccount(host="smtp.biuro.pl", username="anna"), COMPANY_ACCOUNT)
    assert section.password_field.line_edit.placeholderText() == "•••••• (zapisane w pęku kluczy)"
    assert section.password() == PASSWORD
    section.save_password(secrets, COMPANY_ACCOUNT)
    assert memory_keyring.entries == {("smtpdesk", COMPANY_ACCOUNT): PASSWORD}


def test_usun_haslo_removes_the_stored_password_on_save(qtbot, section, secrets, memory_keyring):
    secrets.set(COMPANY_ACCOUNT, PASSWORD)
    section.load(SmtpAccount(host="smtp.biuro.pl", username="anna"), COMPANY_ACCOUNT)
    qtbot.mouseClick(section.password_field.remove_button, Qt.MouseButton.LeftButton)
    assert section.password() == ""
    assert memory_keyring.entries  # still there until the owner saves
    section.save_password(secrets, COMPANY_ACCOUNT)
    assert memory_keyring.entries == {}


def test_clearing_the_whole_section_removes_its_password(section, secrets, memory_keyring):
    secrets.set(COMPANY_ACCOUNT, PASSWORD)
    section.load(SmtpAccount(host="smtp.biuro.pl", username="anna"), COMPANY_ACCOUNT)
    section.host_edit.clear()
    section.username_edit.clear()
    section.port_edit.clear()
    assert section.account() is None
    section.save_password(secrets, COMPANY_ACCOUNT)
    assert memory_keyring.entries == {}
