"""„Wykryj ustawienia” and „Zaloguj przez Microsoft” in the real settings window, against loopback
servers: a DNS server, the authorization server over HTTPS, an XOAUTH2-only SMTP server. The
browser step is the test's own HTTP client. With SMTPDESK_SHOTS=DIR the screens are saved as PNGs."""

from __future__ import annotations

import os
import threading
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from smtpdesk.core.model import (
    COMPANY_ACCOUNT,
    AuthMethod,
    Company,
    ContactMode,
    OfficeSettings,
    Security,
    oauth_token_key,
)
from smtpdesk.paths import database_path
from smtpdesk.ui import background
from smtpdesk.ui.mailtest import install_mail_tests
from smtpdesk.ui.mailtest.diagnosis_dialog import DiagnosisDialog
from smtpdesk.ui.oauth import section_tools
from smtpdesk.ui.oauth.detect_dialog import DetectDialog
from smtpdesk.ui.oauth.install import install_account_tools
from smtpdesk.ui.oauth.signin_dialog import SignInDialog
from smtpdesk.ui.settings_window import SettingsWindow
from tests.fixtures.detect_servers import loopback_network
from tests.fixtures.oauth_servers import USER

WAIT_MS = 10000


def shot(widget: QWidget, name: str) -> None:
    directory = os.environ.get("SMTPDESK_SHOTS")
    if directory:
        Path(directory).mkdir(parents=True, exist_ok=True)
        widget.grab().save(str(Path(directory) / f"{name}.png"))


@pytest.fixture
def environment(monkeypatch, dns_server, browser):
    monkeypatch.setattr(
        section_tools,
        "ENVIRONMENT",
        section_tools.Environment(
            open_browser=browser, network=loopback_network(dns_server.port), detect_budget=3.0
        ),
    )
    return section_tools.ENVIRONMENT


@pytest.fixture(autouse=True)
def no_call_left_running() -> Iterator[None]:
    yield
    assert background.cancel_all(), "a detection or sign-in thread did not end"


@pytest.fixture
def window(qtbot, store, secrets, environment) -> Iterator[SettingsWindow]:
    store.save_settings(OfficeSettings(company=Company(name="Biuro Pod Dębem", email="biuro@firma.test")))
    opened = SettingsWindow(store, secrets)
    qtbot.addWidget(opened)
    install_mail_tests(opened)
    install_account_tools(opened)
    opened.resize(940, 760)
    opened.show()
    opened.show_page(opened.other_settings_page)
    yield opened
    opened.discard_and_close()


def company_section(window: SettingsWindow):
    return window.other_settings_page.smtp_section


def open_dialog(window: QWidget, kind: type[QWidget]) -> object | None:
    shown = [w for w in window.findChildren(kind) if w.isVisible()]
    return shown[-1] if shown else None


def test_detection_shows_what_was_found_and_fills_the_form_only_when_asked(qtbot, window, dns_server) -> None:
    dns_server.zone.add("firma.test", "MX", "10 firma-test.mail.protection.outlook.com.")
    section = company_section(window)
    section.host_edit.setText("smtp.stary-serwer.pl")
    qtbot.keyClicks(section.username_edit, "jan@firma.test")

    qtbot.mouseClick(section.detect_button, Qt.MouseButton.LeftButton)
    dialog = open_dialog(window, DetectDialog)
    assert isinstance(dialog, DetectDialog)
    qtbot.waitUntil(lambda: dialog.report is not None, timeout=WAIT_MS)

    assert "rekordy MX domeny" in dialog.heading.text()
    assert "smtp.office365.com" in dialog.settings_label.text() and "587" in dialog.settings_label.text()
    assert "Skąd: MX firma-test.mail.protection.outlook.com" in dialog.found_label.text()
    assert "zalogować się przez Microsoft" in dialog.note_label.text()
    assert "smtp.stary-serwer.pl" in dialog.current_label.text()  # what would be replaced is said
    assert section.host_edit.text() == "smtp.stary-serwer.pl"  # nothing changed yet
    dialog.adjustSize()
    shot(dialog, "detect-result")

    qtbot.mouseClick(dialog.use_button, Qt.MouseButton.LeftButton)

    assert section.host_edit.text() == "smtp.office365.com"
    assert section.port_edit.text() == "587"
    assert section.security() is Security.STARTTLS
    assert section.microsoft_button.isVisibleTo(section) and not section.google_button.isVisibleTo(section)


def test_cancel_keeps_the_form_as_it_was(qtbot, window, dns_server) -> None:
    dns_server.zone.add("firma.test", "MX", "10 mx1.mail.ovh.net.")
    section = company_section(window)
    section.host_edit.setText("smtp.stary-serwer.pl")
    section.username_edit.setText("jan@firma.test")

    dialog = section_tools.tools_of(section).detect()  # type: ignore[union-attr]
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.report is not None, timeout=WAIT_MS)
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)

    assert section.host_edit.text() == "smtp.stary-serwer.pl"
    assert section.port_edit.text() == ""


def test_leaving_the_server_field_empty_offers_detection(qtbot, window) -> None:
    section = company_section(window)
    qtbot.keyClicks(section.username_edit, "anna@gmail.com")
    section.host_edit.setFocus()
    qtbot.waitUntil(section.host_edit.hasFocus, timeout=WAIT_MS)
    qtbot.keyClick(section.host_edit, Qt.Key.Key_Tab)

    assert section.detect_offer.isVisible()
    assert "Wykryj ustawienia dla gmail.com" in section.detect_offer.text()
    section.detect_offer.linkActivated.emit("detect")
    dialog = open_dialog(window, DetectDialog)
    assert isinstance(dialog, DetectDialog)
    qtbot.waitUntil(lambda: dialog.report is not None, timeout=WAIT_MS)
    report = dialog.report
    assert report is not None and report.found is not None and report.found.best.host == "smtp.gmail.com"


def test_detection_without_an_address_says_what_to_enter(qtbot, window) -> None:
    from PySide6.QtWidgets import QMessageBox

    window.company_page.email_edit.clear()
    section = company_section(window)
    section.username_edit.setText("biuro")

    assert section_tools.tools_of(section).detect() is None  # type: ignore[union-attr]
    boxes = [b for b in window.findChildren(QMessageBox) if b.isVisible()]
    assert boxes and "Wpisz pełny adres e-mail" in boxes[0].text()


def save_registration(window: SettingsWindow, apps) -> None:
    window.store.save_settings(replace(window.store.load_settings(), oauth=apps))
    section_tools.remember_apps(window, apps)


def test_sign_in_with_microsoft_then_a_test_mail_with_xoauth2(
    qtbot, window, store, secrets, oauth_server, oauth_apps, oauth_smtp, browser, monkeypatch
) -> None:
    server = oauth_smtp()
    save_registration(window, oauth_apps)
    section = company_section(window)
    account = server.account()
    section.load(replace(account, auth_method=AuthMethod.PASSWORD, ca_file=account.ca_file), COMPANY_ACCOUNT)
    section.host_edit.setText("smtp.office365.com")  # the provider's name shows the sign-in
    assert section.microsoft_button.isVisibleTo(section)
    section.host_edit.setText(account.host)
    section.offer_oauth(AuthMethod.OAUTH_MICROSOFT)
    section.username_edit.setText(USER)

    gate = threading.Event()

    def slow_browser(url: str) -> None:
        gate.wait(WAIT_MS / 1000)  # the user is still in the browser
        browser(url)

    monkeypatch.setattr(section_tools.ENVIRONMENT, "open_browser", slow_browser)
    qtbot.mouseClick(section.microsoft_button, Qt.MouseButton.LeftButton)
    dialog = open_dialog(window, SignInDialog)
    assert isinstance(dialog, SignInDialog)
    qtbot.waitUntil(lambda: bool(dialog.url), timeout=WAIT_MS)
    assert "Zaloguj się kontem jan@biuro-oauth.test" in dialog.message.text()
    shot(dialog, "sign-in-waiting")
    gate.set()
    qtbot.waitUntil(lambda: "Zalogowano przez Microsoft" in section.auth_status.text(), timeout=WAIT_MS)

    assert not section.password_field.isVisibleTo(section)
    assert section.account().auth_method is AuthMethod.OAUTH_MICROSOFT
    shot(window, "signed-in-account")
    assert window.save()
    token = secrets.get(oauth_token_key(COMPANY_ACCOUNT))
    assert token in oauth_server.refresh_tokens()
    assert token.encode() not in database_path(store.path.parent).read_bytes()
    assert "zapisane w pęku kluczy" in section.auth_status.text()

    from smtpdesk.ui.mailtest.buttons import buttons_of

    buttons = buttons_of(section)
    assert buttons is not None
    test = buttons.test(login_only=False)
    assert test is not None
    qtbot.waitUntil(lambda: test.run_result is not None, timeout=WAIT_MS)
    result = test.run_result
    assert result is not None and result.ok, result
    assert server.handler.oauth_logins == [USER]
    assert token not in test.diagnosis.report_text()


def test_a_refused_consent_is_diagnosed_with_a_sign_in_again_button(
    qtbot, window, oauth_server, oauth_apps
) -> None:
    save_registration(window, oauth_apps)
    oauth_server.behaviour.consent = False
    section = company_section(window)
    section.host_edit.setText("smtp.office365.com")
    section.username_edit.setText(USER)

    qtbot.mouseClick(section.microsoft_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: open_dialog(window, DiagnosisDialog) is not None, timeout=WAIT_MS)
    dialog = open_dialog(window, DiagnosisDialog)
    assert isinstance(dialog, DiagnosisDialog)
    text = dialog.view.report_text()
    assert "Nie udzielono zgody na wysyłanie poczty" in text
    assert "AADSTS65004" in text
    shot(dialog, "diagnosis-consent")
    assert section.auth_method is AuthMethod.PASSWORD  # nothing changed


def test_without_a_registration_the_diagnosis_points_to_the_settings(qtbot, window) -> None:
    section = company_section(window)
    section.host_edit.setText("smtp.gmail.com")
    section.username_edit.setText("anna@gmail.com")

    qtbot.mouseClick(section.google_button, Qt.MouseButton.LeftButton)
    dialog = open_dialog(window, DiagnosisDialog)
    assert isinstance(dialog, DiagnosisDialog)
    text = dialog.view.report_text()
    assert "Logowanie przez Google nie jest skonfigurowane" in text, text
    shot(dialog, "diagnosis-not-configured")


def test_a_revoked_sign_in_fails_the_test_with_its_diagnosis(
    qtbot, window, secrets, oauth_server, oauth_apps, oauth_smtp, browser
) -> None:
    from smtpdesk.core.oauth import endpoints_for, sign_in
    from smtpdesk.ui.mailtest.buttons import buttons_of

    server = oauth_smtp()
    save_registration(window, oauth_apps)
    secrets.set(
        oauth_token_key(COMPANY_ACCOUNT),
        sign_in(endpoints_for(AuthMethod.OAUTH_MICROSOFT, oauth_apps), browser, timeout=10).refresh_token,
    )
    window.store.save_settings(
        replace(window.store.load_settings(), company_smtp=server.account(), contact_mode=ContactMode.COMPANY)
    )
    window.reload()
    oauth_server.revoke_all()

    test = buttons_of(company_section(window)).test(login_only=True)  # type: ignore[union-attr]
    assert test is not None
    qtbot.waitUntil(lambda: test.run_result is not None, timeout=WAIT_MS)

    assert test.run_result is not None and test.run_result.code == "oauth_sign_in_expired"
    assert "Zaloguj ponownie przez Microsoft" in test.diagnosis.report_text()
    test.adjustSize()
    shot(test, "diagnosis-sign-in-expired")


def test_the_registration_dialog_keeps_the_google_secret_in_the_keychain(
    qtbot, window, store, secrets
) -> None:
    from smtpdesk.core.model import GOOGLE_CLIENT_SECRET
    from smtpdesk.ui.oauth.install import account_tools_of

    tools = account_tools_of(window)
    assert tools is not None and tools.action in window.tools_menu.actions()
    dialog = tools.open_apps()
    qtbot.keyClicks(dialog.ms_client, "0b1c2d3e-aaaa-bbbb-cccc-000000000001")
    dialog.ms_tenant.clear()
    qtbot.keyClicks(dialog.ms_tenant, "firma.onmicrosoft.com")
    qtbot.keyClicks(dialog.google_client, "1234-abc.apps.googleusercontent.com")
    qtbot.keyClicks(dialog.google_secret, "GOCSPX-sekret")
    shot(dialog, "oauth-apps")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    apps = store.load_settings().oauth
    assert apps.microsoft_client_id == "0b1c2d3e-aaaa-bbbb-cccc-000000000001"
    assert apps.microsoft_tenant == "firma.onmicrosoft.com"
    assert secrets.get(GOOGLE_CLIENT_SECRET) == "GOCSPX-sekret"
    assert b"GOCSPX-sekret" not in database_path(store.path.parent).read_bytes()
    assert window.settings.oauth == apps  # the window's next save keeps it
    assert window.save() and store.load_settings().oauth == apps


def test_a_pasted_url_is_refused_next_to_the_field(qtbot, window, store) -> None:
    from smtpdesk.ui.oauth.install import account_tools_of

    dialog = account_tools_of(window).open_apps()  # type: ignore[union-attr]
    qtbot.keyClicks(dialog.ms_client, "https://portal.azure.com/#view")
    assert not dialog.save()
    assert "Wklej sam identyfikator" in dialog.errors.message(dialog.ms_client)
    assert store.load_settings().oauth.microsoft_client_id == ""


def test_going_back_to_a_password_forgets_the_sign_in_on_save(qtbot, window, store, secrets) -> None:
    section = company_section(window)
    section.host_edit.setText("smtp.office365.com")
    section.port_edit.setText("587")
    section.username_edit.setText(USER)
    section.signed_in(AuthMethod.OAUTH_MICROSOFT, "rt-test-token", USER)
    assert window.is_modified()
    assert window.save()
    assert secrets.get(oauth_token_key(COMPANY_ACCOUNT)) == "rt-test-token"
    assert store.load_settings().company_smtp.auth_method is AuthMethod.OAUTH_MICROSOFT

    qtbot.mouseClick(section.password_button, Qt.MouseButton.LeftButton)
    assert section.password_field.isVisibleTo(section)
    assert window.save()

    assert secrets.get(oauth_token_key(COMPANY_ACCOUNT)) is None
    assert store.load_settings().company_smtp.auth_method is AuthMethod.PASSWORD


def test_the_doctors_switch_opens_the_microsoft_sign_in_for_the_company_account(
    qtbot, window, store, oauth_apps
) -> None:
    from smtpdesk.core.model import SmtpAccount
    from smtpdesk.ui.doctor_install import install_doctor

    settings = replace(
        store.load_settings(),
        contact_mode=ContactMode.COMPANY,
        company_smtp=SmtpAccount(host="smtp.office365.com", port=587, username="biuro@firma.test"),
        oauth=oauth_apps,
    )
    store.save_settings(settings)
    window.reload()
    launcher = install_doctor(window)
    launcher.open()
    doctor = launcher.dialog
    assert doctor is not None
    card = doctor.card_for("microsoft_password_sign_in", "company")
    assert card is not None and card.fix_button is not None
    shot(doctor, "doctor-microsoft-password")

    qtbot.mouseClick(card.fix_button, Qt.MouseButton.LeftButton)

    dialog = open_dialog(window, SignInDialog)
    assert isinstance(dialog, SignInDialog)
    assert dialog.endpoints.client_id == oauth_apps.microsoft_client_id
    dialog.reject()
