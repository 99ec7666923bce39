"""How long the window's event loop stalls while "Sprawdź wszystkich" checks 50 accounts.

A 5 ms heartbeat QTimer runs on the GUI thread of the real settings window (offscreen). The gaps
between its ticks are recorded twice in the same process: on an idle event loop (baseline) and
while check-all logs in to 50 accounts against real SMTP servers on 127.0.0.1 with mixed outcomes
(working, wrong password, closed port, SSL/TLS on a STARTTLS port). The servers run in a child
process, as a provider's would, so they do not compete with the window for the interpreter.

    python bench/check_all_stall.py [--accounts 50] [--rounds 3] [--workers 6]
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_LOGGING_RULES", "qt.qpa.*=false")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.run import PASSWORD, _submission_server, free_port

HEARTBEAT_MS = 5


# -- the window (this process) ---------------------------------------------------------------------


@dataclass
class Gaps:
    samples: list[float]

    @property
    def max(self) -> float:
        return max(self.samples) if self.samples else 0.0

    def percentile(self, p: float) -> float:
        if not self.samples:
            return 0.0
        ordered = sorted(self.samples)
        return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]

    @property
    def median(self) -> float:
        return statistics.median(self.samples) if self.samples else 0.0


class Heartbeat:
    def __init__(self) -> None:
        from PySide6.QtCore import Qt, QTimer

        self.timer = QTimer()
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.timer.setInterval(HEARTBEAT_MS)
        self.timer.timeout.connect(self._tick)
        self.last = 0.0
        self.gaps: list[float] = []

    def start(self) -> None:
        self.gaps = []
        self.last = time.perf_counter()
        self.timer.start()

    def stop(self) -> Gaps:
        self.timer.stop()
        return Gaps(self.gaps)

    def _tick(self) -> None:
        now = time.perf_counter()
        self.gaps.append((now - self.last) * 1000)
        self.last = now


def _seed(store: Any, secrets: Any, count: int, port: int, ca_file: str) -> dict[str, int]:
    from smtpdesk.core.model import Employee, Security, SmtpAccount, employee_account

    closed = free_port()
    mix = {"działa": 0, "złe hasło": 0, "zamknięty port": 0, "SSL/TLS na porcie STARTTLS": 0}
    for n in range(count):
        kind = n % 10
        account = SmtpAccount(host="127.0.0.1", port=port, username=f"agent{n}@biuro.test", ca_file=ca_file)
        password = PASSWORD
        if kind == 7:
            password = "złe-hasło"
            mix["złe hasło"] += 1
        elif kind == 8:
            account = account.with_changes(port=closed)
            mix["zamknięty port"] += 1
        elif kind == 9:
            account = account.with_changes(security=Security.SSL)
            mix["SSL/TLS na porcie STARTTLS"] += 1
        else:
            mix["działa"] += 1
        employee = store.save_employee(
            Employee(first_name="Agent", last_name=f"Numer {n}", email=f"agent{n}@biuro.test", smtp=account)
        )
        secrets.set(employee_account(employee.id), password)
    return mix


def _measure(app: Any, panel: Any, heartbeat: Heartbeat, idle_s: float) -> tuple[Gaps, Gaps, float]:
    from PySide6.QtCore import QEventLoop, QTimer

    loop = QEventLoop()
    heartbeat.start()
    QTimer.singleShot(int(idle_s * 1000), loop.quit)
    loop.exec()
    idle = heartbeat.stop()

    done = QEventLoop()
    panel.controller.finished.connect(done.quit)
    heartbeat.start()
    started = time.perf_counter()
    panel.check_button.click()
    done.exec()
    busy = heartbeat.stop()
    panel.controller.finished.disconnect(done.quit)
    return idle, busy, time.perf_counter() - started


def _fmt(gaps: Gaps) -> str:
    return (
        f"max {gaps.max:6.1f} ms   p99 {gaps.percentile(99):5.1f} ms   "
        f"median {gaps.median:4.1f} ms   ticks {len(gaps.samples)}"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--accounts", type=int, default=50)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--workers", type=int, default=None, help="pool size (default: the app's)")
    args = parser.parse_args()

    from PySide6.QtCore import qInstallMessageHandler
    from PySide6.QtWidgets import QApplication

    from smtpdesk.core.check_all import DEFAULT_WORKERS
    from smtpdesk.core.secrets import SecretStore
    from smtpdesk.core.smtp.engine import Timeouts
    from smtpdesk.core.store import Store
    from smtpdesk.ui.mailtest import install_mail_tests
    from smtpdesk.ui.settings_window import SettingsWindow

    workers = args.workers or DEFAULT_WORKERS
    context = multiprocessing.get_context("spawn")
    with tempfile.TemporaryDirectory(prefix="smtpdesk-bench-") as folder:
        ports = context.Queue()
        stop = context.Event()
        server = context.Process(target=_submission_server, args=(folder, ports, stop), daemon=True)
        server.start()
        try:
            info = ports.get(timeout=30)
            # The offscreen platform's notes about window hints are noise here.
            qInstallMessageHandler(lambda _kind, _context, _message: None)
            app = QApplication.instance() or QApplication(["bench"])
            data = Path(folder) / "data"
            data.mkdir()
            store = Store.open(data)
            secrets = SecretStore(session_only=True)
            mix = _seed(store, secrets, args.accounts, info["port"], info["ca_file"])
            window = SettingsWindow(store, secrets)
            testing = install_mail_tests(
                window,
                timeouts=Timeouts(connect=3, greeting=3, command=3, data=5, probe=0.5),
                max_workers=workers,
            )
            window.show()
            window.show_page(window.employees_page)
            app.processEvents()
            heartbeat = Heartbeat()

            heading = f"smtpdesk check-all stall: {args.accounts} accounts, pool of {workers}"
            print(f"{heading}, heartbeat {HEARTBEAT_MS} ms")
            print("  accounts: " + ", ".join(f"{name} {n}" for name, n in mix.items()))
            worst: tuple[Gaps, Gaps] | None = None
            for round_no in range(1, args.rounds + 1):
                idle, busy, took = _measure(app, testing.panel, heartbeat, idle_s=2.0)
                results = testing.controller.results.values()
                ok = sum(1 for r in results if r.ok)
                ratio_max = busy.max / idle.max if idle.max else float("inf")
                ratio_p99 = busy.percentile(99) / idle.percentile(99) if idle.percentile(99) else float("inf")
                if worst is None or busy.max > worst[1].max:
                    worst = (idle, busy)
                print(f"round {round_no}: check-all took {took:.2f} s, {ok}/{len(results)} accounts working")
                print(f"  idle loop : {_fmt(idle)}")
                print(f"  check-all : {_fmt(busy)}")
                print(f"  ratio     : max ×{ratio_max:.2f}   p99 ×{ratio_p99:.2f}")
            if worst is not None:
                idle, busy = worst
                print(
                    f"worst round: longest stall {busy.max:.1f} ms during check-all "
                    f"vs {idle.max:.1f} ms idle "
                    f"(p99 {busy.percentile(99):.1f} vs {idle.percentile(99):.1f} ms)"
                )
            # Qt objects go before the interpreter finalises (PySide crashes when they go later).
            heartbeat.timer.deleteLater()
            window.discard_and_close()
            window.deleteLater()
            app.processEvents()
            del heartbeat, window, testing
            store.close()
        finally:
            stop.set()
            server.join(timeout=10)
    return 0


if __name__ == "__main__":
    sys.exit(main())
