"""``smtpdesk-cli`` without a command lists the commands and never loads Qt."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from smtpdesk.cli.main import main
from smtpdesk.core.store import Store

RUN_TIMEOUT_S = 60


@pytest.mark.parametrize("argv", [[], ["--help"], ["-h"], ["--lang", "pl"]])
def test_without_a_command_the_help_lists_check_and_doctor(capsys, argv):
    assert main(argv) == 0
    out, err = capsys.readouterr()
    assert out.startswith("użycie: smtpdesk-cli <polecenie>")
    assert "\n  check " in out and "\n  doctor " in out
    assert err == ""


def test_the_help_follows_the_language(capsys):
    assert main(["--lang", "en"]) == 0
    out, _ = capsys.readouterr()
    assert out.startswith("usage: smtpdesk-cli <command>")
    assert "checks the saved mail settings" in out


def test_an_unknown_command_is_a_usage_error_with_the_list(capsys):
    assert main(["send"]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert "nieznane polecenie 'send'" in err and "\n  doctor " in err


def test_language_before_the_command_reaches_the_command(capsys, data_dir):
    Store.open(data_dir).close()  # the command line reads saved settings, it never creates them
    status = main(["--lang", "en", "doctor", "--data-dir", str(data_dir)])
    out, _ = capsys.readouterr()
    assert status in (0, 1)
    assert "Nie " not in out  # English findings, not Polish


def test_the_console_launcher_works_without_a_display_and_without_qt(tmp_path):
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    code = (
        "import sys; from smtpdesk.cli.main import main; status = main([]); "
        "assert 'PySide6' not in sys.modules, 'Qt was loaded'; sys.exit(status)"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=RUN_TIMEOUT_S
    )
    assert done.returncode == 0, done.stderr
    assert "check" in done.stdout and "doctor" in done.stdout
    assert "qt.qpa" not in done.stderr
