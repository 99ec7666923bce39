"""``smtpdesk check`` for a server given on the command line: the advice names the options that
change a value (--port, --user, --password-env …), not the window's fields; and --check-sender."""

from __future__ import annotations

import pytest

from smtpdesk.app import main
from tests.fixtures.smtp_servers import DEFAULT_LOGIN as ANNA
from tests.fixtures.smtp_servers import DEFAULT_PASSWORD as PASSWORD

PASSWORD_ENV = "SMTPDESK_TEST_PASSWORD"


@pytest.fixture(autouse=True)
def password_env(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(PASSWORD_ENV, PASSWORD)


def check(capsys, *argv: str) -> tuple[int, str]:
    status = main(["check", *argv])
    out, _err = capsys.readouterr()
    return status, out


@pytest.mark.parametrize("lang", ["pl", "en"])
def test_a_wrong_password_is_advised_with_the_options(smtp_server, monkeypatch, capsys, lang):
    server = smtp_server()
    monkeypatch.setenv(PASSWORD_ENV, "not-the-password")

    status, out = check(
        capsys,
        *("--host", server.host, "--port", str(server.port), "--user", ANNA, "--password-env", PASSWORD_ENV),
        *("--ca-file", server.ca_file, "--login-only", "--lang", lang),
    )

    assert status == 1
    assert "--password-env" in out
    assert "„Hasło”" not in out and "“Password”" not in out


def test_check_sender_logs_in_and_asks_about_the_sender_without_sending(smtp_server, capsys):
    server = smtp_server(own_address_only=True)

    status, out = check(
        capsys,
        *("--host", server.host, "--port", str(server.port), "--user", ANNA, "--password-env", PASSWORD_ENV),
        *("--ca-file", server.ca_file, "--from", "jan.kowalski@biuro.test", "--check-sender", "--lang", "en"),
    )

    assert status == 1
    assert "Code: sender_not_allowed" in out
    assert server.messages == []


def test_saved_settings_keep_the_windows_field_names(smtp_server):
    from smtpdesk.core.diagnosis import DiagnosisContext, diagnose
    from smtpdesk.core.smtp.result import Facts, Stage

    facts = Facts(
        stage=Stage.AUTH, exception="SMTPAuthenticationError", reply_code=535, reply_text="5.7.8 Bad"
    )
    window = diagnose(facts, DiagnosisContext(host="smtp.firma.pl", port=587, username="a@firma.pl"))
    cli = diagnose(
        facts, DiagnosisContext(host="smtp.firma.pl", port=587, username="a@firma.pl", shown_in="cli")
    )

    assert any("„Hasło”" in step for step in window.steps)
    assert not any("„Hasło”" in step for step in cli.steps)
    assert any("--password-env" in step for step in cli.steps)
