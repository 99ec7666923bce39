"""``smtpdesk check --employee EMAIL | --company``: the saved settings, a real store and real servers.

The settings are saved into a real SQLite store in the test's data directory, the passwords into
the in-memory keychain; the check must send exactly what a mail client of the office would send.
"""

from __future__ import annotations

import email
import json
from email import policy
from email.message import EmailMessage
from pathlib import Path

import pytest

from smtpdesk.app import main
from smtpdesk.core.model import (
    COMPANY_ACCOUNT,
    Company,
    ContactMode,
    Employee,
    OfficeSettings,
    employee_account,
)
from smtpdesk.core.secrets import SecretStore
from smtpdesk.core.store import Store

JAN = "jan@biuro.test"
JAN_PASSWORD = "Jan-hasło-ąę-2"
OFFICE = "biuro@biuro.test"
OFFICE_PASSWORD = "Biuro-hasło-źż-3"
COMPANY = Company(
    name="Biuro Nieruchomości Łódź",
    address="ul. Piotrkowska 1, 90-001 Łódź",
    phone="+48 42 123 45 67",
    email=OFFICE,
    website="https://biuro.test",
)


def check(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(["check", *argv])
    out, err = capsys.readouterr()
    return status, out, err


def seed(directory: Path, settings: OfficeSettings, *employees: Employee) -> list[Employee]:
    store = Store.open(directory)
    try:
        store.save_settings(settings)
        return [store.save_employee(e) for e in employees]
    finally:
        store.close()


def jan(**changes: object) -> Employee:
    values: dict = dict(first_name="Jan", last_name="Kowalski", email=JAN, phone="+48 600 100 200")
    values.update(changes)
    return Employee(**values)


def parsed(data: bytes) -> EmailMessage:
    message = email.message_from_bytes(data, policy=policy.default)
    assert isinstance(message, EmailMessage)
    return message


def plain_body(message: EmailMessage) -> str:
    part = message.get_body(preferencelist=("plain",))
    assert part is not None
    return part.get_content()


def test_agent_with_own_smtp_sends_as_the_agent_with_the_agents_footer(smtp_server, data_dir, capsys):
    server = smtp_server(users={JAN: JAN_PASSWORD}, own_address_only=True)
    settings = OfficeSettings(company=COMPANY, contact_mode=ContactMode.AGENT)
    [saved] = seed(data_dir, settings, jan(smtp=server.account(username=JAN)))
    assert saved.id is not None
    SecretStore().set(employee_account(saved.id), JAN_PASSWORD)

    status, out, err = check(capsys, "--employee", "Jan@Biuro.Test", "--json")

    assert status == 0, out + err
    data = json.loads(out)
    assert data["ok"] is True
    assert data["sender"] == JAN
    [received] = server.messages
    assert received.login == JAN
    assert received.mail_from == JAN
    assert received.rcpt_tos == [JAN]
    message = parsed(received.data)
    assert message["From"].addresses[0].addr_spec == JAN
    body = plain_body(message)
    assert "Jan Kowalski" in body
    assert "+48 600 100 200" in body
    assert JAN_PASSWORD not in out + err


def test_company_account_sends_as_the_company_with_the_company_footer(smtp_server, data_dir, capsys):
    server = smtp_server(users={OFFICE: OFFICE_PASSWORD})
    settings = OfficeSettings(
        company=COMPANY, contact_mode=ContactMode.COMPANY, company_smtp=server.account(username=OFFICE)
    )
    seed(data_dir, settings)
    SecretStore().set(COMPANY_ACCOUNT, OFFICE_PASSWORD)

    status, out, err = check(capsys, "--company", "--to", "klient@przyklad.test", "--json")

    assert status == 0, out + err
    [received] = server.messages
    assert received.login == OFFICE
    assert received.mail_from == OFFICE
    assert received.rcpt_tos == ["klient@przyklad.test"]
    message = parsed(received.data)
    assert message["From"].addresses[0].addr_spec == OFFICE
    assert message["To"].addresses[0].addr_spec == "klient@przyklad.test"
    body = plain_body(message)
    assert "Biuro Nieruchomości Łódź" in body
    assert "+48 42 123 45 67" in body
    html = message.get_body(preferencelist=("html",))
    assert html is not None and "biuro.test" in html.get_content()
    assert OFFICE_PASSWORD not in out + err


def test_employee_in_company_mode_goes_through_the_company_account(smtp_server, data_dir, capsys):
    server = smtp_server(users={OFFICE: OFFICE_PASSWORD})
    settings = OfficeSettings(
        company=COMPANY, contact_mode=ContactMode.COMPANY, company_smtp=server.account(username=OFFICE)
    )
    seed(data_dir, settings, jan())
    SecretStore().set(COMPANY_ACCOUNT, OFFICE_PASSWORD)

    status, out, err = check(capsys, "--employee", JAN)

    assert status == 0, out + err
    assert "firmowe konto SMTP" in out  # which account was used is said before the stages
    [received] = server.messages
    message = parsed(received.data)
    assert message["From"].addresses[0].addr_spec == OFFICE
    assert message["Reply-To"].addresses[0].addr_spec == JAN


def test_agent_on_a_shared_account_that_sends_only_as_itself(smtp_server, data_dir, capsys):
    """The reference page's "Sender address reject": the routing warning and the diagnosis both say it."""
    server = smtp_server(users={OFFICE: OFFICE_PASSWORD}, own_address_only=True)
    settings = OfficeSettings(
        company=COMPANY, contact_mode=ContactMode.AGENT, company_smtp=server.account(username=OFFICE)
    )
    seed(data_dir, settings, jan())
    SecretStore().set(COMPANY_ACCOUNT, OFFICE_PASSWORD)

    status, out, _ = check(capsys, "--employee", JAN, "--json")

    assert status == 1
    data = json.loads(out)
    assert data["code"] == "sender_not_allowed"
    assert any("Sender address reject" in note for note in data["notes"])
    assert server.messages == []


def test_login_only_with_saved_settings(smtp_server, data_dir, capsys):
    server = smtp_server(users={JAN: JAN_PASSWORD})
    [saved] = seed(data_dir, OfficeSettings(company=COMPANY), jan(smtp=server.account(username=JAN)))
    assert saved.id is not None
    SecretStore().set(employee_account(saved.id), JAN_PASSWORD)
    status, out, _ = check(capsys, "--employee", JAN, "--login-only", "--json")
    assert status == 0, out
    assert json.loads(out)["login_only"] is True
    assert server.messages == []


def test_data_dir_option_picks_another_settings_folder(smtp_server, tmp_path, capsys):
    server = smtp_server(users={OFFICE: OFFICE_PASSWORD})
    elsewhere = tmp_path / "inne-biuro"
    settings = OfficeSettings(company=COMPANY, company_smtp=server.account(username=OFFICE))
    seed(elsewhere, settings)
    SecretStore().set(COMPANY_ACCOUNT, OFFICE_PASSWORD)

    status, out, _ = check(capsys, "--company", "--data-dir", str(elsewhere), "--json")
    assert status == 0, out
    assert len(server.messages) == 1
    # Without it the (empty) default folder is used: nothing is configured there.
    status, out, _ = check(capsys, "--company", "--json")
    assert status == 1
    assert json.loads(out)["code"] == "no_server_configured"


def test_no_server_configured(data_dir, capsys):
    status, out, err = check(capsys, "--company", "--json")
    assert status == 1, err
    data = json.loads(out)
    assert data["ok"] is False
    assert data["code"] == "no_server_configured"
    assert data["stage"] == "config"
    assert data["title"]
    assert data["transcript"] == []
    status, out, _ = check(capsys, "--company")
    assert status == 1
    assert "✗ " in out
    assert "Kod: no_server_configured" in out
    assert list(data_dir.iterdir()) == []  # checking never creates a settings file


def test_data_dir_without_settings_is_a_usage_error(tmp_path, capsys):
    typo = tmp_path / "biuor"
    status, out, err = check(capsys, "--company", "--data-dir", str(typo))
    assert status == 2
    assert out == ""
    assert "--data-dir" in err
    assert str(typo) in err
    assert not typo.exists()


def test_saved_account_without_a_saved_password(smtp_server, data_dir, capsys):
    server = smtp_server(users={OFFICE: OFFICE_PASSWORD})
    seed(data_dir, OfficeSettings(company=COMPANY, company_smtp=server.account(username=OFFICE)))

    status, out, _ = check(capsys, "--company")

    assert status == 1
    assert "Brak zapisanego hasła" in out
    assert OFFICE in out
    assert "„Pozostałe ustawienia” → „Ustawienia wysyłania poczty (SMTP)”" in out
    assert "Kod: invalid_settings" in out
    assert server.messages == []


@pytest.mark.usefixtures("locked_keyring")
def test_locked_keychain_is_named(smtp_server, data_dir, capsys):
    server = smtp_server(users={OFFICE: OFFICE_PASSWORD})
    seed(data_dir, OfficeSettings(company=COMPANY, company_smtp=server.account(username=OFFICE)))
    status, out, _ = check(capsys, "--company", "--json")
    assert status == 1
    data = json.loads(out)
    assert data["code"] == "invalid_settings"
    assert "zablokowany" in data["title"]


def test_unknown_employee_is_a_usage_error(data_dir, capsys):
    seed(data_dir, OfficeSettings(company=COMPANY), jan())
    status, out, err = check(capsys, "--employee", "ewa@biuro.test")
    assert status == 2
    assert out == ""
    assert "ewa@biuro.test" in err
    assert JAN in err  # the saved addresses are listed to pick from


@pytest.mark.usefixtures("no_keyring")
def test_no_keychain_on_this_computer_suggests_checking_with_the_password(smtp_server, data_dir, capsys):
    server = smtp_server(users={OFFICE: OFFICE_PASSWORD})
    seed(data_dir, OfficeSettings(company=COMPANY, company_smtp=server.account(username=OFFICE)))
    status, out, _ = check(capsys, "--company")
    assert status == 1
    assert "nie ma dostępnego pęku kluczy" in out
    assert f"smtpdesk check --host {server.host} --port {server.port} --user {OFFICE} --password-stdin" in out
    assert "Kod: invalid_settings" in out


def test_a_check_of_saved_settings_becomes_the_accounts_last_result(smtp_server, data_dir, capsys):
    server = smtp_server(users={JAN: JAN_PASSWORD})
    settings = OfficeSettings(company=COMPANY, contact_mode=ContactMode.AGENT)
    [saved] = seed(data_dir, settings, jan(smtp=server.account(username=JAN)))
    assert saved.id is not None
    SecretStore().set(employee_account(saved.id), "Złe-hasło-9")

    status, _, _ = check(capsys, "--employee", JAN, "--login-only")

    assert status == 1
    store = Store.open(data_dir)
    try:
        last = store.last_results()[employee_account(saved.id)]
    finally:
        store.close()
    assert (last.code, last.login_only, last.account_label) == ("auth_failed", True, "Jan Kowalski")
    assert "Złe-hasło-9" not in repr(last)
