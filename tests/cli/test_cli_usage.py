"""``smtpdesk check`` with a command line it cannot use: exit status 2 and a message that says why.

None of these reach a server: every run here ends before the first connection.
"""

from __future__ import annotations

import io
import sys
from pathlib import Path

import pytest

from smtpdesk.app import main
from smtpdesk.cli.main import run_cli

SECRET = "Tajne-Hasło-9"


def check(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(["check", *argv])
    out, err = capsys.readouterr()
    return status, out, err


def assert_usage_error(status: int, out: str, err: str, *phrases: str) -> None:
    assert status == 2
    assert out == ""
    assert "smtpdesk check: błąd:" in err
    for phrase in phrases:
        assert phrase in err


def test_no_arguments_asks_for_the_host(capsys):
    status, out, err = check(capsys)
    assert_usage_error(status, out, err, "brak --host", "--employee", "--company")
    assert "użycie:" in err


def test_missing_port_is_named(capsys):
    status, out, err = check(capsys, "--host", "smtp.biuro.test", "--login-only")
    assert_usage_error(status, out, err, "brak --port", "587", "465")


@pytest.mark.parametrize("port", ["abc", "0", "70000", "58 7", "-1"])
def test_bad_port_is_refused_with_the_option_named(capsys, port):
    status, out, err = check(capsys, "--host", "smtp.biuro.test", "--port", port, "--login-only")
    assert_usage_error(status, out, err, "--port:", "65535")


def test_an_address_typed_as_the_server_is_explained(capsys):
    status, out, err = check(capsys, "--host", "anna@biuro.test", "--port", "587", "--login-only")
    assert_usage_error(status, out, err, "--host:", "adres e-mail")


def test_a_pasted_port_that_disagrees_with_port_is_refused(capsys):
    status, out, err = check(capsys, "--host", "smtp.biuro.test:465", "--port", "587", "--login-only")
    assert_usage_error(status, out, err, "--host:", "465", "587")


def test_unknown_security_mode_lists_the_allowed_ones(capsys):
    status, out, err = check(capsys, "--host", "h.test", "--port", "587", "--security", "tls", "--login-only")
    assert_usage_error(status, out, err, "--security", "auto, starttls, ssl, none")


def test_both_password_sources_are_refused(monkeypatch, capsys):
    monkeypatch.setenv("SMTP_PW", SECRET)
    monkeypatch.setattr(sys, "stdin", io.StringIO(SECRET + "\n"))
    status, out, err = check(
        capsys,
        "--host",
        "h.test",
        "--port",
        "587",
        "--user",
        "anna@biuro.test",
        "--password-env",
        "SMTP_PW",
        "--password-stdin",
    )
    assert_usage_error(status, out, err, "--password-env", "--password-stdin", "nie oba")
    assert SECRET not in err


def test_password_env_naming_an_unset_variable(monkeypatch, capsys):
    monkeypatch.delenv("SMTP_NOT_SET", raising=False)
    status, out, err = check(
        capsys,
        "--host",
        "h.test",
        "--port",
        "587",
        "--user",
        "anna@biuro.test",
        "--password-env",
        "SMTP_NOT_SET",
    )
    assert_usage_error(status, out, err, "SMTP_NOT_SET", "nie jest ustawiona")


def test_password_env_naming_an_empty_variable(monkeypatch, capsys):
    monkeypatch.setenv("SMTP_EMPTY", "")
    status, out, err = check(
        capsys,
        "--host",
        "h.test",
        "--port",
        "587",
        "--user",
        "anna@biuro.test",
        "--password-env",
        "SMTP_EMPTY",
    )
    assert_usage_error(status, out, err, "SMTP_EMPTY", "pusta")


def test_a_password_given_to_password_env_is_not_repeated(capsys):
    status, out, err = check(
        capsys, "--host", "h.test", "--port", "587", "--user", "anna@biuro.test", "--password-env", SECRET
    )
    assert_usage_error(status, out, err, "nazwy zmiennej")
    assert SECRET not in err


@pytest.mark.parametrize("password", ["Sekret2024", "haslo_do_poczty", "ZIMA2024"])
def test_a_password_passed_as_password_env_value_is_not_repeated(monkeypatch, capsys, password):
    # "--password-env $SMTP_PW" hands over the password itself, which looks like a variable name.
    monkeypatch.delenv(password, raising=False)
    status, out, err = check(
        capsys, "--host", "h.test", "--port", "587", "--user", "anna@biuro.test", "--password-env", password
    )
    assert_usage_error(status, out, err, "nie jest ustawiona", "nazwę zmiennej")
    assert password not in err


def test_user_without_any_password_source(capsys):
    status, out, err = check(capsys, "--host", "h.test", "--port", "587", "--user", "anna@biuro.test")
    assert_usage_error(status, out, err, "podaj hasło przez --password-env", "--password-stdin")


def test_password_without_user(monkeypatch, capsys):
    monkeypatch.setenv("SMTP_PW", SECRET)
    status, out, err = check(
        capsys, "--host", "h.test", "--port", "587", "--from", "anna@biuro.test", "--password-env", "SMTP_PW"
    )
    assert_usage_error(status, out, err, "bez --user")


def test_empty_password_on_stdin(monkeypatch, capsys):
    monkeypatch.setattr(sys, "stdin", io.StringIO("\n"))
    status, out, err = check(
        capsys, "--host", "h.test", "--port", "587", "--user", "anna@biuro.test", "--password-stdin"
    )
    assert_usage_error(status, out, err, "--password-stdin", "nie było hasła")


@pytest.mark.parametrize(
    "argv",
    [
        ["--password", SECRET],
        [f"--password={SECRET}"],
        ["--pass", SECRET],
        ["--pw", SECRET],
    ],
)
def test_a_password_on_the_command_line_is_refused_and_not_repeated(capsys, argv):
    status, out, err = check(capsys, "--host", "h.test", "--port", "587", "--user", "anna@biuro.test", *argv)
    assert_usage_error(status, out, err, "--password-env", "--password-stdin", "historii powłoki")
    assert SECRET not in err


def test_unknown_options_are_named_but_their_values_are_not_repeated(capsys):
    status, out, err = check(capsys, "--host", "h.test", "--port", "587", "-p", SECRET, "--login-only")
    assert_usage_error(status, out, err, "nieznane argumenty: -p …")
    assert SECRET not in err


def test_option_without_value(capsys):
    status, out, err = check(capsys, "--host")
    assert_usage_error(status, out, err, "opcja --host wymaga wartości")


def test_login_that_is_not_an_address_needs_from(monkeypatch, capsys):
    monkeypatch.setenv("SMTP_PW", SECRET)
    status, out, err = check(
        capsys, "--host", "h.test", "--port", "587", "--user", "anna", "--password-env", "SMTP_PW"
    )
    assert_usage_error(status, out, err, "--from", "'anna'", "--login-only")


def test_no_login_and_no_sender_needs_from(capsys):
    status, out, err = check(capsys, "--host", "h.test", "--port", "25")
    assert_usage_error(status, out, err, "--from", "--login-only")


@pytest.mark.parametrize("option", ["--from", "--to"])
def test_bad_addresses_are_refused(capsys, option):
    status, out, err = check(capsys, "--host", "h.test", "--port", "25", option, "Jan <jan@biuro.test>")
    assert_usage_error(status, out, err, f"{option}:")


def test_header_injection_in_an_address_is_refused(capsys):
    status, out, err = check(
        capsys, "--host", "h.test", "--port", "25", "--from", "jan@biuro.test\r\nBcc: x@y.z"
    )
    assert_usage_error(status, out, err, "--from:")


@pytest.mark.parametrize("timeout", ["0", "-3", "abc", "601", "nan"])
def test_bad_timeout(capsys, timeout):
    status, out, err = check(capsys, "--host", "h.test", "--port", "25", "--login-only", "--timeout", timeout)
    assert_usage_error(status, out, err, "--timeout")


def test_missing_ca_file(tmp_path, capsys):
    missing = tmp_path / "nie-ma.pem"
    status, out, err = check(
        capsys, "--host", "h.test", "--port", "25", "--login-only", "--ca-file", str(missing)
    )
    assert_usage_error(status, out, err, "--ca-file", str(missing))


def test_ca_file_that_is_not_pem(tmp_path: Path, capsys):
    junk = tmp_path / "ca.pem"
    junk.write_text("to nie jest certyfikat\n")
    status, out, err = check(
        capsys, "--host", "h.test", "--port", "25", "--login-only", "--ca-file", str(junk)
    )
    assert_usage_error(status, out, err, "PEM")


def test_unknown_language(capsys):
    status, out, err = check(capsys, "--host", "h.test", "--port", "25", "--login-only", "--lang", "de")
    assert_usage_error(status, out, err, "--lang", "pl", "en")


def test_stored_settings_do_not_mix_with_a_server_given_by_hand(capsys):
    status, out, err = check(capsys, "--company", "--host", "h.test", "--user", "anna@biuro.test")
    assert_usage_error(status, out, err, "--host", "--user", "zapisanych ustawień")


def test_employee_and_company_together(capsys):
    status, out, err = check(capsys, "--company", "--employee", "jan@biuro.test")
    assert_usage_error(status, out, err, "--employee", "--company", "nie oba")


def test_employee_needs_an_address(capsys):
    status, out, err = check(capsys, "--employee", "Jan Kowalski")
    assert_usage_error(status, out, err, "--employee:")


def test_data_dir_only_with_saved_settings(tmp_path, capsys):
    status, out, err = check(
        capsys, "--host", "h.test", "--port", "25", "--login-only", "--data-dir", str(tmp_path)
    )
    assert_usage_error(status, out, err, "--data-dir")


def test_errors_come_in_english_with_lang_en(capsys):
    status, _out, err = check(capsys, "--lang", "en", "--host", "h.test", "--login-only")
    assert status == 2
    assert "smtpdesk check: error: missing --port" in err
    assert "usage:" in err
    assert "błąd" not in err


def test_help_explains_the_options_and_why_no_password_option(capsys):
    status, out, err = check(capsys, "--help")
    assert status == 0
    assert err == ""
    assert "smtpdesk check --host HOST --port PORT [--security auto|starttls|ssl|none]" in out
    assert "smtpdesk check (--employee EMAIL | --company)" in out
    assert "historii powłoki" in out
    assert "--password-stdin" in out
    assert "Kod wyjścia: 0" in out
    assert "ą" in out or "ę" in out


def test_help_in_english(capsys):
    status, out, _ = check(capsys, "--lang", "en", "-h")
    assert status == 0
    assert "usage:" in out
    assert "shell history" in out
    assert "Exit status: 0" in out


def test_unknown_command_is_a_usage_error(capsys):
    assert run_cli(["chek"]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert "'chek'" in err
    assert "check" in err
