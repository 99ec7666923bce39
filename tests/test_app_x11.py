"""The real program, started again and again under a real X server: typed into key by key, saved,
tested against a loopback SMTP server and closed — every run must end with exit code 0.

The Qt binding once lost a reference on every signal, and typing emits signals on every key: the
interpreter aborted at exit after a few thousand keys. Only whole sessions of real key presses
show such a fault, so this test does not take shortcuts: a fresh process per run, keys through
the X server, the sign-in typed, the window's own shortcuts (Alt+N to the name field, Enter to
save, F5 to check every account, Ctrl+W to close). Every fourth run is the demo, with its embedded
server and the "Niezapisane zmiany" question on closing.

``SMTPDESK_X11_RUNS`` sets the number of runs (200 by default); they are spread over
``SMTPDESK_X11_WORKERS`` X servers (4), each running its sessions one after another.
"""

from __future__ import annotations

import os
import subprocess
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from smtpdesk.core.model import COMPANY_ACCOUNT, Company, OfficeSettings, Role
from smtpdesk.core.people.accounts import People
from smtpdesk.core.store import Store
from smtpdesk.demo.accounts import PEOPLE
from smtpdesk.paths import database_path
from tests.fixtures.file_keyring import FileKeyring, keyring_env
from tests.fixtures.people import ADMIN_EMAIL, ADMIN_PASSWORD
from tests.fixtures.smtp_servers import RunningServer
from tests.fixtures.xsession import (
    XServer,
    ended,
    history_count,
    killed_if_left,
    require_x_tools,
    start_program,
    wait_for,
    x_server,
)

RUNS = int(os.environ.get("SMTPDESK_X11_RUNS", "200"))
WORKERS = int(os.environ.get("SMTPDESK_X11_WORKERS", "4"))
DEMO_EVERY = 4
CLOSE_TIMEOUT_S = 30.0
# About 250 key presses a run; 200 runs type about 50,000 keys, many times what once aborted.
NAMES = (
    "Biuro Nieruchomości Żółć & Synowie - Łódź, ul. Piękna 12",
    "Agencja Źródło Gąszcz Śląsk sp. z o.o., Kraków ąęćłńóśźż",
    "ZAŻÓŁĆ GĘŚLĄ JAŹŃ - Nieruchomości Pod Dębem, Wrocław 2024",
)
DEMO_ADMIN = next(p for p in PEOPLE if p.role is Role.ADMIN)
FATAL_MARKERS = ("Fatal Python error", "Traceback", "QObject::~QObject", "QThread: Destroyed")


@dataclass
class Outcome:
    run: int
    demo: bool
    code: int
    stderr: str
    problem: str = ""


def office_folder(root: Path, server: RunningServer) -> tuple[Path, dict[str, str]]:
    """A configured office whose company account is the loopback server (password in the file
    keychain the started program uses)."""
    data = root / "data"
    keychain = root / "keychain.json"
    with Store.open(data) as store:
        store.save_settings(
            OfficeSettings(
                company=Company(name="Biuro", email=server.login),
                company_smtp=server.account(),
            )
        )
        People(store).create_administrator("Katarzyna", "Nowicka", ADMIN_EMAIL, ADMIN_PASSWORD)
    FileKeyring(keychain).set_password("smtpdesk", COMPANY_ACCOUNT, server.password)
    return data, {**keyring_env(keychain), "SMTPDESK_LOG_DIR": str(root / "log")}


def type_name(x: XServer, process: subprocess.Popen[str], run: int) -> str:
    """Alt+N (the "Nazwa firmy" field), then a company name typed three times over."""
    x.start_typing_in(process, "Ustawienia firmy", "alt+n")
    text = ""
    for round_ in range(3):
        text = f"{NAMES[(run + round_) % len(NAMES)]} {run}"
        x.key("ctrl+a")
        x.type(text)
    return text


def office_run(x: XServer, root: Path, server: RunningServer, run: int) -> Outcome:
    folder = root / f"office-{run}"
    folder.mkdir()
    data, env = office_folder(folder, server)
    database = database_path(data)
    with killed_if_left(start_program(x, ["--data-dir", str(data)], env)) as process:
        x.sign_in(process, ADMIN_EMAIL, ADMIN_PASSWORD)
        x.focus(x.wait_window("Ustawienia firmy"))
        name = type_name(x, process, run)
        x.wait_visible("Ustawienia firmy\\*", process, "the typed name (the title marks unsaved changes)")
        x.key("Return")  # Enter in a field saves
        before = history_count(database)
        x.key("F5")  # "Sprawdź wszystkich": logs in to the loopback server
        wait_for(lambda: history_count(database) > before, process, "the check of every account")
        x.key("ctrl+w")
        code, stderr = ended(process, CLOSE_TIMEOUT_S)
    with Store.open(data) as store:
        saved = store.load_settings().company.name
    problem = "" if saved == name else f"saved name {saved!r}, typed {name!r}"
    return Outcome(run, False, code, stderr, problem)


def demo_run(x: XServer, root: Path, run: int) -> Outcome:
    tmp = root / f"demo-{run}"
    tmp.mkdir()
    # The demo never uses the computer's keychain; the fail backend makes sure of it.
    env = {
        "TMPDIR": str(tmp),
        "SMTPDESK_LOG_DIR": str(tmp / "log"),
        "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring",
    }
    with killed_if_left(start_program(x, ["--demo", "--data-dir", str(tmp / "unused")], env)) as process:
        x.sign_in(process, DEMO_ADMIN.email, DEMO_ADMIN.sign_in_password)
        x.focus(x.wait_window("Ustawienia firmy"))
        databases = lambda: list(tmp.glob("smtpdesk-demo-*/smtpdesk.sqlite3"))  # noqa: E731
        wait_for(lambda: bool(databases()), process, "the demo's settings file")
        database = databases()[0]
        type_name(x, process, run)
        x.wait_visible("Ustawienia firmy\\*", process, "the typed name (the title marks unsaved changes)")
        before = history_count(database)
        x.key("F5")
        wait_for(lambda: history_count(database) > before, process, "the demo's check of every account")
        x.key("ctrl+w")  # unsaved: the question comes, Enter answers "Zapisz"
        x.focus(x.wait_visible("Niezapisane zmiany", process, "the unsaved-changes question"))
        x.key("Return")
        code, stderr = ended(process, CLOSE_TIMEOUT_S)
    left = [p.name for p in tmp.glob("smtpdesk-demo-*")]
    return Outcome(run, True, code, stderr, f"demo folder left behind: {left}" if left else "")


def worker(index: int, runs: list[int], servers: list[RunningServer], root: Path) -> list[Outcome]:
    outcomes: list[Outcome] = []
    with x_server() as x:
        for run in runs:
            if run % DEMO_EVERY == DEMO_EVERY - 1:
                outcomes.append(demo_run(x, root, run))
            else:
                outcomes.append(office_run(x, root, servers[index], run))
    return outcomes


def test_two_hundred_typed_sessions_all_exit_cleanly(smtp_server, tmp_path):
    require_x_tools()
    servers = [smtp_server() for _ in range(WORKERS)]
    runs = {index: list(range(index, RUNS, WORKERS)) for index in range(WORKERS)}
    with ThreadPoolExecutor(max_workers=WORKERS) as pool:
        futures = [pool.submit(worker, i, runs[i], servers, tmp_path) for i in range(WORKERS)]
        outcomes = [outcome for future in futures for outcome in future.result()]

    assert len(outcomes) == RUNS
    failed = [
        o for o in outcomes if o.code != 0 or o.problem or any(marker in o.stderr for marker in FATAL_MARKERS)
    ]
    report = "\n".join(
        f"run {o.run} ({'demo' if o.demo else 'office'}): exit {o.code} {o.problem}\n{o.stderr[-2000:]}"
        for o in failed[:5]
    )
    assert not failed, f"{len(failed)} of {RUNS} runs did not end cleanly:\n{report}"
    assert sum(o.demo for o in outcomes) == RUNS // DEMO_EVERY
