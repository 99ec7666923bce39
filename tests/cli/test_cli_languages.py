"""The command line in the chosen language: ``--lang``, else the language chosen in the window on
this computer, else the system's. Its help, argparse's own words ("usage:", "options", "show this
help message and exit", its errors) and what a check prints are all in that language."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from smtpdesk.cli.main import main as cli_main
from smtpdesk.language import save_language
from tests.fixtures.smtp_servers import DEFAULT_LOGIN, DEFAULT_PASSWORD
from tests.fixtures.visible_texts import POLISH_LETTERS, english_in, polish_in

REPO = Path(__file__).resolve().parents[2]
PASSWORD_ENV = "SMTPDESK_TEST_PASSWORD"
RUN_TIMEOUT_S = 60
# argparse's English words, which a Polish help or error must not show.
ARGPARSE_ENGLISH = ("usage:", "options:", "positional arguments", "show this help", "error:", "argument ")
COMMANDS = ("check", "doctor", "detect")


def cli(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = cli_main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


def lines(text: str) -> list[tuple[str, str]]:
    return [("line", line) for line in text.splitlines() if line.strip()]


def test_the_list_of_commands_follows_the_system_unless_lang_says_otherwise(capsys, monkeypatch):
    monkeypatch.setenv("LANGUAGE", "pl_PL")
    status, out, _ = cli(capsys, "--help")
    assert status == 0
    assert out.startswith("użycie: smtpdesk-cli <polecenie> [opcje]")
    assert "detect" in out
    assert cli(capsys, "--lang", "en", "--help")[1].startswith("usage: smtpdesk-cli <command> [options]")
    monkeypatch.setenv("LANGUAGE", "en_US")
    assert cli(capsys, "--help")[1].startswith("usage: smtpdesk-cli <command> [options]")
    assert cli(capsys, "--lang=pl", "--help")[1].startswith("użycie:")


@pytest.mark.parametrize("command", COMMANDS)
def test_the_help_of_each_command_is_wholly_polish_on_a_polish_system(capsys, monkeypatch, command):
    monkeypatch.setenv("LANGUAGE", "pl_PL")
    status, out, _ = cli(capsys, command, "--help")
    assert status == 0
    assert out.startswith("użycie:")
    assert "opcje:" in out or command == "check"  # check lists its options in named groups
    assert [word for word in ARGPARSE_ENGLISH if word in out] == []


@pytest.mark.parametrize("command", COMMANDS)
def test_the_help_of_each_command_is_wholly_english_on_another_system(capsys, monkeypatch, command):
    monkeypatch.setenv("LANGUAGE", "en_US")
    status, out, _ = cli(capsys, command, "--help")
    assert status == 0
    assert out.startswith("usage:")
    assert "options:" in out or command == "check"
    assert not POLISH_LETTERS.search(out), out


def test_a_language_chosen_in_the_window_is_the_command_lines_too(capsys, monkeypatch):
    monkeypatch.setenv("LANGUAGE", "pl_PL")
    save_language("en")
    status, out, _ = cli(capsys, "doctor")
    assert out.startswith("Configuration doctor: ")
    assert cli(capsys, "doctor", "--lang", "pl")[1].startswith("Doktor konfiguracji: ")
    assert status in (0, 1)


def test_argparse_errors_are_polish_on_a_polish_system(capsys, monkeypatch):
    monkeypatch.setenv("LANGUAGE", "pl_PL")
    status, _, err = cli(capsys, "doctor", "--data-dir")
    assert status == 2
    assert "smtpdesk doctor: błąd: opcja --data-dir wymaga wartości" in err
    status, _, err = cli(capsys, "check", "--login-only=yes", "--host", "smtp.example.com")
    assert status == 2
    assert "opcja --login-only nie przyjmuje wartości" in err
    assert "yes" not in err.split("błąd:")[1]  # a value given by mistake is never repeated
    assert [word for word in ARGPARSE_ENGLISH if word in err] == []


def run_window_program(*argv: str, language: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", LANGUAGE=language, PYTHONPATH=str(REPO))
    return subprocess.run(
        [sys.executable, "-m", "smtpdesk", *argv],
        env=env,
        capture_output=True,
        text=True,
        timeout=RUN_TIMEOUT_S,
        cwd=REPO,
    )


def test_the_window_programs_help_and_errors_follow_the_language():
    polish = run_window_program("--help", language="pl_PL")
    assert polish.returncode == 0, polish.stderr
    assert polish.stdout.startswith("użycie: smtpdesk")
    assert "pokaż tę pomoc i zakończ" in polish.stdout
    assert [word for word in ARGPARSE_ENGLISH if word in polish.stdout] == []
    english = run_window_program("--help", language="en_US")
    assert english.stdout.startswith("usage: smtpdesk")
    assert "show this help message and exit" in english.stdout
    assert not POLISH_LETTERS.search(english.stdout.replace("Język / Language", ""))
    wrong = run_window_program("--lang", "xx", language="pl_PL")
    assert wrong.returncode == 2
    assert "smtpdesk: błąd: opcja --lang ma nieznaną wartość 'xx'" in wrong.stderr


@pytest.fixture
def password_env(monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.setenv(PASSWORD_ENV, "Złe-hasło-7")  # a refused login: a diagnosis to read
    return PASSWORD_ENV


def server_args(server) -> list[str]:
    return [
        "--host",
        server.host,
        "--port",
        str(server.port),
        "--user",
        DEFAULT_LOGIN,
        "--password-env",
        PASSWORD_ENV,
        "--ca-file",
        server.ca_file,
    ]


def test_a_check_in_polish_says_everything_of_its_own_in_polish(smtp_server, password_env, capsys):
    server = smtp_server()
    status, out, _ = cli(capsys, "check", *server_args(server), "--lang", "pl")
    assert status == 1
    assert "✗ Logowanie" in out
    # The server's reply is quoted as it came; everything else is smtpdesk's.
    own = out.split("Odpowiedź serwera:")[0]
    left = english_in(lines(own), data={server.host, DEFAULT_LOGIN, server.ca_file})
    assert left == [], left


def test_a_check_in_english_says_everything_of_its_own_in_english(smtp_server, password_env, capsys):
    server = smtp_server()
    status, out, _ = cli(capsys, "check", *server_args(server), "--lang", "en")
    assert status == 1
    assert "✗ Login" in out
    left = polish_in(lines(out), data={server.host, DEFAULT_LOGIN, server.ca_file, DEFAULT_PASSWORD})
    assert left == [], left
