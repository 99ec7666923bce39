"""SIGTERM (logout, `kill`) and Ctrl+C end the program within a couple of seconds without asking:
input that was not saved is kept as a draft the next start offers back, and the demo's server and
temporary folder go as when the window is closed."""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from smtpdesk.core.model import Company, Employee, OfficeSettings, Role
from smtpdesk.core.people.accounts import People
from smtpdesk.core.store import Store
from smtpdesk.demo.accounts import PEOPLE
from tests.fixtures.people import ADMIN_EMAIL, ADMIN_PASSWORD
from tests.fixtures.xsession import (
    CREATE_ADMIN_TITLE,
    ended,
    killed_if_left,
    require_x_tools,
    start_program,
    wait_for,
    x_server,
)

STARTUP_LIMIT_S = 60.0
QUIT_LIMIT_S = 3.0
DEMO_ADMIN = next(p for p in PEOPLE if p.role is Role.ADMIN)


def demo_dirs(tmp: Path) -> list[Path]:
    return list(tmp.glob("smtpdesk-demo-*"))


def test_sigterm_quits_the_demo_and_leaves_nothing_behind(tmp_path: Path, data_dir: Path) -> None:
    tmp = tmp_path / "tmp"
    tmp.mkdir()
    env = dict(os.environ, TMPDIR=str(tmp), QT_QPA_PLATFORM="offscreen")
    proc = subprocess.Popen(
        [sys.executable, "-m", "smtpdesk", "--demo", "--data-dir", str(data_dir)],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    try:
        deadline = time.monotonic() + STARTUP_LIMIT_S
        while not demo_dirs(tmp):
            assert proc.poll() is None, proc.communicate()[1].decode(errors="replace")
            assert time.monotonic() < deadline, "the demo did not start"
            with contextlib.suppress(subprocess.TimeoutExpired):
                proc.wait(timeout=0.05)  # returns early only if the program ended
        assert demo_dirs(tmp)

        proc.send_signal(signal.SIGTERM)
        _, stderr = proc.communicate(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.communicate()

    assert proc.returncode == 0, stderr.decode(errors="replace")
    assert demo_dirs(tmp) == []
    assert b"Traceback" not in stderr


# -- under a real X server, with input typed and not saved -----------------------------------------


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT])
def test_a_signal_ends_the_program_at_once_and_the_next_start_offers_the_typed_input(
    tmp_path: Path, signum: int
) -> None:
    require_x_tools()
    data = tmp_path / "data"
    env = {
        "SMTPDESK_LOG_DIR": str(tmp_path / "log"),
        "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring",
    }
    with x_server() as x, contextlib.ExitStack() as stack:
        process = start_program(x, ["--data-dir", str(data)], env)
        stack.enter_context(killed_if_left(process))
        # Enter: "Skonfiguruj swoje biuro", then the office's administrator is created.
        x.answer(process, "Witamy w smtpdesk", "Return")
        x.fill_in(
            process,
            CREATE_ADMIN_TITLE,
            [
                ("alt+i", "Katarzyna"),
                ("alt+n", "Nowicka"),
                ("alt+e", ADMIN_EMAIL),
                ("alt+h", ADMIN_PASSWORD),
                ("alt+p", ADMIN_PASSWORD),
            ],
        )
        x.start_typing_in(process, "Ustawienia firmy", "alt+n")
        x.key("ctrl+a")
        x.type("Biuro Żółć")
        x.key("Tab")
        x.type("ul. Łąkowa 5")
        x.wait_window("Ustawienia firmy\\*")  # the title marks unsaved changes: the input arrived
        draft = data / "draft.json"
        assert not draft.exists()

        sent = time.monotonic()
        process.send_signal(signum)
        code, stderr = ended(process, QUIT_LIMIT_S)
        took = time.monotonic() - sent

        assert code == 0, stderr
        assert took < QUIT_LIMIT_S
        assert "Traceback" not in stderr
        text = draft.read_text(encoding="utf-8")
        assert "Biuro Żółć" in text and "ul. Łąkowa 5" in text

        again = stack.enter_context(killed_if_left(start_program(x, ["--data-dir", str(data)], env)))
        x.sign_in(again, ADMIN_EMAIL, ADMIN_PASSWORD)
        x.answer(again, "Niezapisane zmiany", "Return")  # "Przywróć"
        window = x.wait_window("Ustawienia firmy\\*")  # restored, not saved yet
        x.focus(window)
        wait_for(lambda: not draft.exists(), again, "the draft to be taken back")
        x.key("ctrl+s")
        x.key("ctrl+w")
        code, stderr = ended(again, QUIT_LIMIT_S)
        assert code == 0, stderr
    with Store.open(data) as store:
        company = store.load_settings().company
    assert company.name == "Biuro Żółć"
    assert company.address == "ul. Łąkowa 5"


def test_sigterm_with_an_employee_dialog_open_keeps_its_input_for_the_next_start(tmp_path: Path) -> None:
    require_x_tools()
    data = tmp_path / "data"
    with Store.open(data) as store:
        store.save_settings(OfficeSettings(company=Company(name="Biuro", email="biuro@biuro.pl")))
        anna = store.save_employee(Employee(first_name="Anna", last_name="Nowak", email="anna@biuro.pl"))
        People(store).create_administrator("Katarzyna", "Nowicka", ADMIN_EMAIL, ADMIN_PASSWORD)
    env = {
        "SMTPDESK_LOG_DIR": str(tmp_path / "log"),
        "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring",
    }
    with x_server() as x, contextlib.ExitStack() as stack:
        process = start_program(x, ["--data-dir", str(data)], env)
        stack.enter_context(killed_if_left(process))
        x.sign_in(process, ADMIN_EMAIL, ADMIN_PASSWORD)
        x.start_typing_in(process, "Ustawienia firmy", "alt+n")
        x.key("ctrl+a")
        x.type("Biuro Żółć")
        x.key("ctrl+Tab", "ctrl+Tab", "ctrl+Tab")  # "Dane firmy" → "Pracownicy"
        x.key("alt+s")
        x.type("Nowak")
        x.key("Tab", "Return")  # to the list, Enter on her row: "Edycja pracownika"
        x.focus(x.wait_visible("Edycja pracownika", process, "the employee dialog"))
        x.key("alt+t")
        x.type("601 222 333")

        process.send_signal(signal.SIGTERM)
        code, stderr = ended(process, QUIT_LIMIT_S)
        assert code == 0, stderr
        assert "Traceback" not in stderr
        text = (data / "draft.json").read_text(encoding="utf-8")
        assert "601 222 333" in text and "Biuro Żółć" in text

        again = stack.enter_context(killed_if_left(start_program(x, ["--data-dir", str(data)], env)))
        x.sign_in(again, ADMIN_EMAIL, ADMIN_PASSWORD)
        x.answer(again, "Niezapisane zmiany", "Return")  # "Przywróć"
        dialog = x.wait_visible("Edycja pracownika", again, "the employee dialog, opened again")
        x.focus(dialog)
        x.key("Return")  # "Zapisz" in the dialog
        wait_for(lambda: not x.visible("Edycja pracownika"), again, "the employee to be saved")
        x.focus(x.wait_window("Ustawienia firmy\\*"))  # the restored tab, not saved yet
        x.key("ctrl+s")
        x.key("ctrl+w")
        code, stderr = ended(again, QUIT_LIMIT_S)
        assert code == 0, stderr
    with Store.open(data) as store:
        assert store.load_settings().company.name == "Biuro Żółć"
        stored = store.get_employee(anna.id) if anna.id is not None else None
    assert stored is not None and stored.phone == "601 222 333"


def test_sigterm_ends_the_demo_with_unsaved_changes_and_its_cleanup_runs(tmp_path: Path) -> None:
    require_x_tools()
    tmp = tmp_path / "tmp"
    tmp.mkdir()
    env = {"TMPDIR": str(tmp), "SMTPDESK_LOG_DIR": str(tmp_path / "log")}
    with (
        x_server() as x,
        killed_if_left(start_program(x, ["--demo", "--data-dir", str(tmp_path / "unused")], env)) as process,
    ):
        wait_for(lambda: bool(demo_dirs(tmp)), process, "the demo folder")
        x.sign_in(process, DEMO_ADMIN.email, DEMO_ADMIN.sign_in_password)
        x.start_typing_in(process, "Ustawienia firmy", "alt+n")  # unsaved changes from here on
        x.key("ctrl+a")
        x.type("Zmiana, której nikt nie zapisał")
        process.send_signal(signal.SIGTERM)
        code, stderr = ended(process, QUIT_LIMIT_S)
    assert code == 0, stderr
    assert demo_dirs(tmp) == []
    assert not list(tmp.rglob("draft.json"))  # the demo is throw-away: nothing to restore
