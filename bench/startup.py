"""Cold start of the settings window against a bare PySide6 window with the same tabs.

Each start is a fresh interpreter, as when a user opens the program: the time from launching the
process to the window's first paint, and the process's peak memory (maximum resident set size)
at that moment. The bare window is a QMainWindow with a menu bar, the five tabs of "Ustawienia
firmy" (empty) and the same buttons — what any PySide6 program pays for showing a window. Both
kinds run alternately in the same command, so the machine's load affects them alike, and both
read their byte code from .pyc files (a warm-up start of each kind comes first).

    python bench/startup.py [--runs 10] [--json FILE] [--platform offscreen]

Prints a table and writes the figures as JSON (to FILE, else bench/startup.json). A configured
office is used (company data, an SMTP account, three employees, an administrator who signs in)
with the machine's real keychain backend, since detecting it is part of what a start costs. The
sign-in is answered as soon as it is there, so the figure includes its password check (Argon2id,
about 0.1–0.2 s) as well as the window.
"""

from __future__ import annotations

import argparse
import compileall
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
ADMIN = ("ewa@biuro.test", "Mocne-Haslo-Biura-7")  # who signs in at each start
sys.path.insert(0, str(REPO))

TABS = ("Dane firmy", "Logo Firmy", "Pozostałe ustawienia", "Pracownicy", "Strona WWW")

# The child reports "<seconds since the epoch at first paint> <peak RSS in KiB>" and exits.
_REPORT = """
import resource, sys, time
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow

class FirstPaint(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint and isinstance(watched, QMainWindow):
            peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
            print(f"{time.time():.6f} {peak}", flush=True)
            QApplication.instance().removeEventFilter(self)
            QTimer.singleShot(0, lambda: QApplication.instance().exit(0))
        return False
"""

BARE = (
    _REPORT
    + """
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QTabWidget, QVBoxLayout, QWidget
app = QApplication(["bare"])
watcher = FirstPaint(); app.installEventFilter(watcher)
window = QMainWindow()
window.setWindowTitle("Ustawienia firmy")
for menu in ("Plik", "Narzędzia", "Pomoc"):
    window.menuBar().addMenu(menu)
tabs = QTabWidget()
for title in TABS:
    tabs.addTab(QWidget(), title)
central = QWidget(); layout = QVBoxLayout(central)
layout.addWidget(QLabel("Ustawienia firmy")); layout.addWidget(tabs, 1)
row = QHBoxLayout(); row.addStretch(1)
row.addWidget(QPushButton("Zapisz")); row.addWidget(QPushButton("Anuluj"))
layout.addLayout(row)
window.setCentralWidget(central); window.statusBar(); window.resize(940, 700); window.show()
sys.exit(app.exec())
""".replace("TABS", repr(TABS))
)

SMTPDESK = (
    _REPORT
    + f"""
EMAIL, PASSWORD = {ADMIN!r}
"""
    + """
from smtpdesk.ui.application import start_gui
app = QApplication(["smtpdesk"])
watcher = FirstPaint(); app.installEventFilter(watcher)
session = start_gui(sys.argv[1:], defer_features=True)  # as run_gui
way_in = session.gate.dialog  # the sign-in, answered at once (as if typed before it was painted)
way_in.email_edit.setText(EMAIL)
way_in.password_edit.setText(PASSWORD)
way_in.submit()
code = app.exec()
session.close()
sys.exit(code)
"""
)


def _office(folder: Path) -> Path:
    from smtpdesk.core.model import Company, Employee, OfficeSettings, SmtpAccount
    from smtpdesk.core.people.accounts import People
    from smtpdesk.core.store import Store

    data = folder / "data"
    with Store.open(data) as store:
        account = SmtpAccount(host="smtp.biuro.test", port=587, username="biuro@biuro.test")
        store.save_settings(
            OfficeSettings(company=Company(name="Biuro", email="biuro@biuro.test"), company_smtp=account)
        )
        for number in range(3):
            store.save_employee(
                Employee(first_name=f"Anna{number}", last_name="Nowak", email=f"a{number}@biuro.test")
            )
        People(store).create_administrator("Ewa", "Zając", *ADMIN)
    return data


def _start(code: str, args: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Seconds from launch to first paint, and peak memory in MiB."""
    launched = time.time()
    done = subprocess.run(
        [sys.executable, "-c", code, *args], env=env, capture_output=True, text=True, timeout=120
    )
    if done.returncode != 0 or not done.stdout.strip():
        raise SystemExit(f"a start failed (exit {done.returncode}):\n{done.stderr}")
    painted, peak_kib = done.stdout.split()[:2]
    return float(painted) - launched, int(peak_kib) / 1024


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--json", type=Path, default=REPO / "bench" / "startup.json")
    parser.add_argument("--platform", default=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
    options = parser.parse_args()

    # As after an install (which compiles them): no start may compile a module that changed since.
    compileall.compile_dir(str(REPO / "smtpdesk"), quiet=1)
    with tempfile.TemporaryDirectory(prefix="smtpdesk-bench-") as tmp:
        data = _office(Path(tmp))
        env = dict(os.environ, QT_QPA_PLATFORM=options.platform, SMTPDESK_LOG_DIR=str(Path(tmp) / "log"))
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO), env.get("PYTHONPATH", "")]))
        env.setdefault("QT_LOGGING_RULES", "qt.qpa.*=false")
        args = ["--data-dir", str(data)]
        _start(BARE, [], env)  # warm-up: .pyc files and the disk cache
        _start(SMTPDESK, args, env)
        bare: list[tuple[float, float]] = []
        app: list[tuple[float, float]] = []
        for _ in range(options.runs):
            bare.append(_start(BARE, [], env))
            app.append(_start(SMTPDESK, args, env))

    def median(values: list[tuple[float, float]], index: int) -> float:
        return statistics.median(v[index] for v in values)

    result = {
        "runs": options.runs,
        "platform": options.platform,
        "python": sys.version.split()[0],
        "bare": {"start_s": round(median(bare, 0), 4), "peak_mib": round(median(bare, 1), 1)},
        "smtpdesk": {"start_s": round(median(app, 0), 4), "peak_mib": round(median(app, 1), 1)},
    }
    result["ratio"] = {
        "start": round(result["smtpdesk"]["start_s"] / result["bare"]["start_s"], 3),
        "peak_memory": round(result["smtpdesk"]["peak_mib"] / result["bare"]["peak_mib"], 3),
    }
    print(f"cold start to first paint, median of {options.runs} alternating runs ({options.platform})")
    print(f"{'':<22}{'start':>10}{'peak memory':>14}")
    for name in ("bare", "smtpdesk"):
        row = result[name]
        label = "bare PySide6 window" if name == "bare" else "smtpdesk"
        print(f"{label:<22}{row['start_s']:>9.3f}s{row['peak_mib']:>10.1f} MiB")
    ratio = result["ratio"]
    print(f"{'ratio':<22}{ratio['start']:>9.2f}×{ratio['peak_memory']:>10.2f}×")
    options.json.write_text(json.dumps(result, indent=2) + "\n")
    print(f"written: {options.json}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
