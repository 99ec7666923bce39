"""``smtpdesk doctor`` run in-process through the real entry point, on a real store."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from smtpdesk.app import main
from smtpdesk.core.model import (
    COMPANY_ACCOUNT,
    Company,
    ContactMode,
    Employee,
    OfficeSettings,
    Security,
    SmtpAccount,
    employee_account,
)
from smtpdesk.core.secrets import SecretStore
from smtpdesk.core.store import Store

PASSWORD = "Hasło-łódź-1"
COMPANY = Company(name="Biuro Nieruchomości Źródło", email="biuro@zrodlo.pl")


def seed(directory: Path, settings: OfficeSettings, *employees: Employee) -> None:
    secrets = SecretStore()
    with Store.open(directory) as store:
        store.save_settings(settings)
        if settings.company_smtp is not None:
            secrets.set(COMPANY_ACCOUNT, PASSWORD)
        for employee in employees:
            saved = store.save_employee(employee)
            if saved.smtp is not None and saved.id is not None:
                secrets.set(employee_account(saved.id), PASSWORD)


def healthy(directory: Path) -> None:
    smtp = SmtpAccount(host="smtp.zrodlo.pl", port=587, username="biuro@zrodlo.pl")
    seed(directory, OfficeSettings(company=COMPANY, contact_mode=ContactMode.COMPANY, company_smtp=smtp))


def broken(directory: Path) -> None:
    """An error (465 with STARTTLS) and a warning (port 25)."""
    seed(
        directory,
        OfficeSettings(company=COMPANY, contact_mode=ContactMode.AGENT),
        Employee(
            first_name="Anna",
            last_name="Łęcka",
            email="anna@zrodlo.pl",
            smtp=SmtpAccount(
                host="smtp.zrodlo.pl", port=465, username="anna@zrodlo.pl", security=Security.STARTTLS
            ),
        ),
        Employee(
            first_name="Jan",
            last_name="Żółw",
            email="jan@zrodlo.pl",
            smtp=SmtpAccount(host="smtp.zrodlo.pl", port=25, username="jan@zrodlo.pl"),
        ),
    )


def test_a_healthy_configuration_exits_0(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    healthy(data_dir)
    assert main(["doctor"]) == 0
    out = capsys.readouterr().out
    assert "Nie znaleziono problemów" in out


def test_errors_are_listed_for_a_person_and_exit_1(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    broken(data_dir)
    assert main(["doctor"]) == 1
    out = capsys.readouterr().out
    assert out.startswith("Doktor konfiguracji: 1 błąd, 1 ostrzeżenie")
    assert out.index("[BŁĄD] Port 465 z szyfrowaniem STARTTLS") < out.index("[UWAGA] Port 25 bywa blokowany")
    assert "Anna Łęcka" in out and "smtp.zrodlo.pl" in out
    assert "Ustaw szyfrowanie SSL/TLS" in out  # the fix the window can apply
    assert "(port_security_mismatch)" in out
    assert PASSWORD not in out


def test_warnings_alone_exit_0(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    seed(
        data_dir,
        OfficeSettings(company=COMPANY, contact_mode=ContactMode.AGENT),
        Employee(
            first_name="Jan",
            email="jan@zrodlo.pl",
            smtp=SmtpAccount(host="smtp.zrodlo.pl", port=25, username="jan@zrodlo.pl"),
        ),
    )
    assert main(["doctor", "--lang", "en"]) == 0
    out = capsys.readouterr().out
    assert "[WARNING] Port 25 is often blocked" in out


def test_json_is_one_object_with_findings_and_counts(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    broken(data_dir)
    assert main(["doctor", "--json", "--lang", "en"]) == 1
    document = json.loads(capsys.readouterr().out)
    assert set(document) == {"findings", "counts"}
    assert document["counts"] == {"error": 1, "warning": 1, "info": 0}
    first = document["findings"][0]
    assert first["code"] == "port_security_mismatch"
    assert first["severity"] == "error"
    assert first["subject"].startswith("employee:") and isinstance(first["employee_id"], int)
    assert first["title"] == "Port 465 with STARTTLS"
    assert "smtp.zrodlo.pl" in first["explanation"]
    assert first["fix"] == {
        "kind": "set_security",
        "params": {"security": "ssl"},
        "label": "Set security to SSL/TLS",
    }
    assert document["findings"][1]["code"] == "port_25"


def test_json_of_a_healthy_configuration(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    healthy(data_dir)
    assert main(["doctor", "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == {
        "findings": [],
        "counts": {"error": 0, "warning": 0, "info": 0},
    }


def test_data_dir_option_wins_over_the_environment(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    healthy(data_dir)
    other = tmp_path / "other"
    broken(other)
    assert main(["doctor", "--data-dir", str(other), "--json"]) == 1
    assert json.loads(capsys.readouterr().out)["counts"]["error"] == 1


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--bogus"], "nieznane argumenty: --bogus"),
        (["--bogus=Tajne1", "Tajne2"], "nieznane argumenty: --bogus …"),
        (["--lang", "de"], "nieznany język 'de'"),
        (["--data-dir"], "opcja --data-dir wymaga wartości"),
    ],
)
def test_bad_usage_exits_2_with_a_clear_message(
    args: list[str], message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["doctor", *args]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert message in captured.err
    assert "smtpdesk doctor --help" in captured.err
    assert "Tajne" not in captured.err  # a stray value may be a password: never repeated


def test_help_exits_0(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["doctor", "--help", "--lang", "en"]) == 0
    out = capsys.readouterr().out
    assert "smtpdesk doctor [--json] [--data-dir DIR | --database URL] [--lang pl|en]" in out
    assert "Exit status" in out


def test_a_damaged_settings_file_is_reported_not_crashed_on(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (data_dir / "smtpdesk.sqlite3").write_bytes(b"this is not a database" * 100)
    assert main(["doctor"]) == 2
    captured = capsys.readouterr()
    assert "smtpdesk.sqlite3" in captured.err
    assert captured.out == ""
