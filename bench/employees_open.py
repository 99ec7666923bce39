"""How long "Pracownicy" takes to show 10,000 employees, from each backend (goal: 200 ms).

The real settings window, as the application builds it (with the mail-test "Poczta" column), is
shown offscreen on the "Pracownicy" tab of an office with ``--employees`` employees (about 60 %
with an own SMTP account, a stored login check with its transcript for most of those). Measured,
``--rounds`` times:

* open: from the moment the page asks the store for the list (``EmployeesPage.load``) until the
  table's viewport has painted its first rows — what a user waits for; "complete" goes on until
  the status column has read the stored results again (it does so once the table is on screen);
* its parts, each timed on its own: the ``SELECT`` of the employees alone, decoding the rows into
  ``Employee`` objects, the model reset (sorted by name, as the table shows it; the proxy and the
  view taking the rows), the first paint, and the status column's reading of the stored results;
* the baseline, in the same round: the same table filled from a list already in memory, painted;
* once: the whole window opened on "Pracownicy", and the first opening (cold caches).

Against a throw-away PostgreSQL server on 127.0.0.1 (TLS; the cluster the tests use) and against
the local SQLite file. Wall-clock milliseconds; "cpu" is this process's processor time (without
the PostgreSQL server's), which other work on the machine disturbs less.

    python bench/employees_open.py [--employees 10000] [--rounds 7] [--backend both] [--json PATH]
                                   [--shot PNG]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_LOGGING_RULES", "qt.qpa.*=false")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import sqlalchemy as sa

from bench.report import table, write_json
from smtpdesk.core.history import HistoryEntry
from smtpdesk.core.model import Employee, Role, Security, SmtpAccount, employee_account
from smtpdesk.core.store import Location, Snapshot, Store
from smtpdesk.core.store.engines import make_engine
from smtpdesk.core.store.schema import employee_flat

# Seeding 10,000 rows through one save each would take minutes; the rows are built the way the
# store builds them and written in one transaction (``Store.restore``).
from smtpdesk.core.store.store import (
    _EMPLOYEE_COLUMNS,
    _employee_columns,
    _employee_from_row,
    _history_values,
)
from smtpdesk.core.store.tables import employees as employees_table

GOAL_MS = 200.0
BACKENDS = ("postgresql", "sqlite")
FIRST_NAMES = (
    "Anna", "Łukasz", "Zofia", "Michał", "Katarzyna", "Paweł", "Małgorzata", "Piotr", "Żaneta", "Jan",
    "Agnieszka", "Tomasz", "Ewa", "Krzysztof", "Barbara", "Grzegorz", "Joanna", "Marcin", "Dorota",
    "Wojciech", "Beata", "Jakub", "Magdalena", "Stanisław", "Elżbieta", "Andrzej", "Iwona", "Rafał",
)  # fmt: skip
LAST_NAMES = (
    "Nowak", "Kowalski", "Wiśniewski", "Wójcik", "Kamiński", "Lewandowski", "Zieliński", "Szymański",
    "Woźniak", "Dąbrowski", "Kozłowski", "Jankowski", "Mazur", "Kwiatkowski", "Krawczyk", "Piotrowski",
    "Grabowski", "Nowakowski", "Pawłowski", "Michalski", "Król", "Wieczorek", "Jabłoński", "Wróbel",
    "Majewski", "Olszewski", "Stępień", "Malinowski", "Jaworski", "Adamczyk", "Dudek", "Nowicki",
    "Pawlak", "Górski", "Witkowski", "Walczak", "Sikora", "Baran", "Rutkowski", "Michalak", "Szewczyk",
    "Ostrowski", "Tomaszewski", "Pietrzak", "Zalewski", "Wróblewski", "Jasiński", "Ząbek", "Śliwa",
)  # fmt: skip
PROVIDERS = (("smtp.gmail.com", 587), ("smtp.office365.com", 587), ("poczta.o2.pl", 465), ("smtp.wp.pl", 465))
ASCII = str.maketrans("ąćęłńóśźżĄĆĘŁŃÓŚŹŻ", "acelnoszzACELNOSZZ")


def office_employees(count: int) -> list[Employee]:
    """Names drawn from common Polish ones (many people share one), 60 % with an own account."""
    people = []
    for n in range(count):
        first = FIRST_NAMES[(n * 7) % len(FIRST_NAMES)]
        last = LAST_NAMES[(n * 13 + n // len(FIRST_NAMES)) % len(LAST_NAMES)]
        if first.endswith("a") and last.endswith("ski"):
            last = last[:-1] + "a"
        email = f"{first}.{last}.{n}@biuro-nieruchomosci.pl".lower().translate(ASCII)
        smtp = None
        if n % 5 < 3:
            host, port = PROVIDERS[n % len(PROVIDERS)]
            smtp = SmtpAccount(host=host, port=port, username=email, security=Security.AUTO)
        people.append(
            Employee(
                id=n + 1,
                first_name=first,
                last_name=last,
                email=email,
                phone=f"+48 600 {n // 1000:03d} {n % 1000:03d}",
                role=Role.ADMIN if n % 50 == 0 else Role.AGENT,
                smtp=smtp,
            )
        )
    return people


def login_transcript(host: str, username: str, ok: bool) -> list[dict[str, Any]]:
    """What a stored login check holds: the conversation with the server, AUTH redacted."""
    lines = [
        ("info", f"Łączenie z {host}:587…"),
        ("server", f"220 {host} ESMTP ready"),
        ("client", "EHLO biuro.local"),
        ("server", f"250-{host} Hello\n250-SIZE 35882577\n250-8BITMIME\n250-STARTTLS\n250 SMTPUTF8"),
        ("client", "STARTTLS"),
        ("server", "220 2.0.0 Ready to start TLS"),
        ("info", "TLS 1.3, TLS_AES_256_GCM_SHA384, certyfikat poprawny"),
        ("client", "EHLO biuro.local"),
        ("server", f"250-{host} Hello\n250-AUTH LOGIN PLAIN XOAUTH2\n250 SMTPUTF8"),
        ("client", "AUTH PLAIN ••••••••"),
        ("server", "235 2.7.0 Accepted" if ok else "535 5.7.8 Username and Password not accepted"),
        ("client", "QUIT"),
        ("server", "221 2.0.0 closing connection"),
    ]
    return [{"dir": d, "text": text, "t_ms": 12.5 * n} for n, (d, text) in enumerate(lines)] + [
        {"dir": "info", "text": f"Użytkownik {username}", "t_ms": 170.0}
    ]


def office_history(people: list[Employee]) -> list[HistoryEntry]:
    """Two login checks (an older failure, a newer outcome) for four in five own accounts."""
    runs = []
    start = datetime(2025, 3, 1, 9, 0, tzinfo=timezone.utc)
    for n, person in enumerate(people):
        if person.smtp is None or person.id is None or n % 5 == 2:
            continue
        key = employee_account(person.id)
        for attempt, ok in enumerate((False, n % 7 != 0)):
            runs.append(
                HistoryEntry(
                    at=start + timedelta(minutes=n, seconds=attempt),
                    account_key=key,
                    account_label=person.full_name,
                    login_only=True,
                    ok=ok,
                    code="ok" if ok else "auth_failed",
                    stage="done" if ok else "auth",
                    title="Działa" if ok else "Serwer odrzucił login lub hasło",
                    host=person.smtp.host,
                    port=person.smtp.port,
                    security="starttls",
                    username=person.smtp.username,
                    timings_ms={"connect": 21.0, "greeting": 35.5, "tls": 61.2, "auth": 48.9},
                    transcript=login_transcript(person.smtp.host, person.smtp.username, ok),
                    elapsed_ms=180.0,
                )
            )
    return runs


def fill(store: Store, count: int) -> None:
    people = office_employees(count)
    rows = [{"id": p.id, **_employee_columns(employee_flat(p)), "version": 1} for p in people]
    runs = [_history_values(entry, "bench") for entry in office_history(people)]
    store.restore(Snapshot(sections={}, employees=rows, history=runs, changes=[], highest_employee_id=count))


@contextmanager
def sqlite_store(count: int) -> Iterator[tuple[Store, str | None]]:
    """The office in a local file; with no password, as the file has none."""
    with tempfile.TemporaryDirectory(prefix="smtpdesk-bench-") as folder:
        store = Store.open(Path(folder))
        try:
            fill(store, count)
            yield store, None
        finally:
            store.close()


@contextmanager
def postgresql_store(count: int) -> Iterator[tuple[Store, str | None]]:
    """The office in a database of a throw-away server, and the password to sign in with."""
    from tests.fixtures.postgres import OWNER, PostgresCluster

    cluster = PostgresCluster.start()
    try:
        password = cluster.passwords[OWNER]
        store = Store.connect(Location.parse(cluster.url(cluster.create_database())), password=password)
        try:
            fill(store, count)
            yield store, password
        finally:
            store.close()
    finally:
        cluster.stop()


STORES = {"postgresql": postgresql_store, "sqlite": sqlite_store}


# -- measuring ---------------------------------------------------------------------------------------


@dataclass
class Timing:
    """Wall-clock and this process's CPU milliseconds of one measured step."""

    wall: float
    cpu: float


@contextmanager
def timed(into: list[Timing]) -> Iterator[None]:
    wall, cpu = time.perf_counter(), time.process_time()
    yield
    into.append(Timing((time.perf_counter() - wall) * 1000, (time.process_time() - cpu) * 1000))


PARTS = ("query", "decode", "model reset", "first paint", "status column")


@dataclass
class Figures:
    backend: str
    employees: int
    window: Timing
    first_open: Timing
    opens: list[Timing] = field(default_factory=list)
    completes: list[Timing] = field(default_factory=list)
    parts: dict[str, list[Timing]] = field(default_factory=lambda: {name: [] for name in PARTS})
    baseline: list[Timing] = field(default_factory=list)

    def summary(self) -> dict[str, Any]:
        walls = [t.wall for t in self.opens]

        def median(samples: list[Timing]) -> float:
            return round(statistics.median(t.wall for t in samples), 1)

        return {
            "backend": self.backend,
            "employees": self.employees,
            "window_ms": round(self.window.wall, 1),
            "first_open_ms": round(self.first_open.wall, 1),
            "open_ms": {"best": round(min(walls), 1), "median": median(self.opens)},
            "open_cpu_ms_median": round(statistics.median(t.cpu for t in self.opens), 1),
            "complete_ms_median": median(self.completes),
            "parts_ms_median": {name: median(samples) for name, samples in self.parts.items()},
            "baseline_ms_median": median(self.baseline),
            "goal_ms": GOAL_MS,
            "goal_met_median": statistics.median(walls) <= GOAL_MS,
            "samples": asdict(self),
        }


class Window:
    """The settings window as the application opens it, showing "Pracownicy"."""

    def __init__(self, store: Store) -> None:
        from PySide6.QtCore import QEvent, QObject
        from PySide6.QtWidgets import QApplication

        from smtpdesk.core.secrets import SecretStore
        from smtpdesk.ui.long_lived import freeze_start_up_objects
        from smtpdesk.ui.mailtest import install_mail_tests
        from smtpdesk.ui.settings_window import SettingsWindow

        self.app = QApplication.instance() or QApplication(["bench"])
        self.paints = 0
        window = self

        class PaintCounter(QObject):
            def eventFilter(self, watched: QObject, event: QEvent) -> bool:
                if event.type() == QEvent.Type.Paint:
                    window.paints += 1
                return False

        self._counter = PaintCounter()
        opened: list[Timing] = []
        with timed(opened):
            self.window = SettingsWindow(store, SecretStore(session_only=True))
            self.testing = install_mail_tests(self.window)
            self.page = self.window.employees_page
            self.page.view.viewport().installEventFilter(self._counter)
            self.window.show_page(self.page)
            self.window.show()
            self.painted()
        self.opened = opened[0]
        self.model = self.page.model
        self.status = self.testing.status
        self.refreshes: list[int] = []  # the paint count at each refresh of the status column
        self.status.changed.connect(self._changed)
        # As the application does once its window is up.
        freeze_start_up_objects()

    def painted(self) -> None:
        """Returns once the viewport has painted (what the user sees), after any change so far."""
        seen = self.paints
        deadline = time.monotonic() + 10
        while self.paints == seen and time.monotonic() < deadline:
            self.app.processEvents()
        if self.paints == seen:
            raise RuntimeError("the employees table never painted")

    def _changed(self) -> None:
        self.refreshes.append(self.paints)

    def status_refreshed(self, seen: int) -> None:
        """Returns once the status column has been refreshed after the first ``seen`` refreshes
        and, when there are rows to show, repainted."""
        deadline = time.monotonic() + 10
        while len(self.refreshes) <= seen and time.monotonic() < deadline:
            self.app.processEvents()
        if len(self.refreshes) <= seen:
            raise RuntimeError("the status column was never refreshed")
        painted_before = self.refreshes[seen]
        while self.model.rowCount() and self.paints == painted_before and time.monotonic() < deadline:
            self.app.processEvents()

    def empty(self) -> None:
        seen = len(self.refreshes)
        self.model.set_employees([])
        self.status_refreshed(seen)

    def rows_shown(self) -> int:
        view = self.page.view
        first = view.rowAt(0)
        last = view.rowAt(view.viewport().height() - 1)
        return 0 if first < 0 else (last if last >= 0 else self.page.proxy.rowCount() - 1) - first + 1

    def open_page(self, opens: list[Timing], completes: list[Timing] | None = None) -> None:
        """From ``load`` to the first paint of the rows it loaded (and on to the status column
        showing the results read again)."""
        seen = len(self.refreshes)
        wall, cpu = time.perf_counter(), time.process_time()
        self.page.load(self.window.settings)
        self.painted()
        opens.append(Timing((time.perf_counter() - wall) * 1000, (time.process_time() - cpu) * 1000))
        if self.model.rowCount() == 0 or self.rows_shown() == 0:
            raise RuntimeError("the employees table shows no rows")
        self.status_refreshed(seen)
        if completes is not None:
            completes.append(Timing((time.perf_counter() - wall) * 1000, (time.process_time() - cpu) * 1000))

    def close(self) -> None:
        import gc

        self.page.view.viewport().removeEventFilter(self._counter)
        self.window.discard_and_close()
        self.window.deleteLater()
        self.app.processEvents()
        gc.unfreeze()


def measure_parts(
    window: Window, engine: Any, parts: dict[str, list[Timing]], baseline: list[Timing]
) -> None:
    """Each step of an opening on its own, then the baseline."""
    rows: list[Any] = []
    with engine.connect() as conn, timed(parts["query"]):
        rows.extend(conn.execute(sa.select(*_EMPLOYEE_COLUMNS).order_by(employees_table.c.id)).all())
    with timed(parts["decode"]):
        people = [_employee_from_row(row) for row in rows]
    window.empty()
    with timed(parts["model reset"]):
        window.model.set_employees(people)
    with timed(parts["first paint"]):
        window.page.view.viewport().repaint()
    seen = len(window.refreshes)
    with timed(parts["status column"]):
        window.status.reload()
    window.status_refreshed(seen)

    # The baseline: the same table filled from a list already in memory, and painted.
    window.empty()
    seen = len(window.refreshes)
    with timed(baseline):
        window.model.set_employees(people)
        window.painted()
    window.status_refreshed(seen)


def measure(
    store: Store, password: str | None, backend: str, count: int, rounds: int, shot: Path | None
) -> Figures:
    window = Window(store)
    engine = make_engine(store.location, password)
    try:
        # The new window has listed the employees already: empty it, so that the first measured
        # opening starts from nothing, as the window's own first load does.
        window.empty()
        first: list[Timing] = []
        window.open_page(first)
        figures = Figures(backend, count, window=window.opened, first_open=first[0])
        if shot is not None:
            shot.parent.mkdir(parents=True, exist_ok=True)
            window.window.grab().save(str(shot))
        for _ in range(rounds):
            window.empty()
            window.open_page(figures.opens, figures.completes)
            measure_parts(window, engine, figures.parts, figures.baseline)
        return figures
    finally:
        engine.dispose()
        window.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--employees", type=int, default=10_000)
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--backend", choices=(*BACKENDS, "both"), default="both")
    parser.add_argument("--json", type=Path, default=None, help="where to save the figures")
    parser.add_argument("--shot", type=Path, default=None, help="save a PNG of the window per backend")
    args = parser.parse_args()

    from PySide6.QtCore import qInstallMessageHandler
    from PySide6.QtWidgets import QApplication

    # The offscreen platform's notes about window hints are noise here.
    qInstallMessageHandler(lambda _kind, _context, _message: None)
    app = QApplication.instance() or QApplication(["bench"])
    print(
        f"smtpdesk opening Pracownicy: {args.employees:,} employees, {args.rounds} rounds, "
        f"goal {GOAL_MS:g} ms"
    )
    results: list[Figures] = []
    for backend in BACKENDS if args.backend == "both" else (args.backend,):
        with STORES[backend](args.employees) as (store, password):
            shot = args.shot.with_name(f"{args.shot.stem}-{backend}{args.shot.suffix}") if args.shot else None
            results.append(measure(store, password, backend, args.employees, args.rounds, shot))
    rows = []
    for f in results:
        summary = f.summary()
        rows.append(
            (
                f.backend,
                summary["window_ms"],
                summary["first_open_ms"],
                summary["open_ms"]["best"],
                summary["open_ms"]["median"],
                summary["open_cpu_ms_median"],
                *summary["parts_ms_median"].values(),
                summary["complete_ms_median"],
                summary["baseline_ms_median"],
                "yes" if summary["goal_met_median"] else "NO",
            )
        )
    print(
        "milliseconds, medians of the rounds; window: the whole window opened on Pracownicy; open: "
        "load to first paint (cpu: this process); complete: until the status column is refreshed"
    )
    headers = ("backend", "window", "first", "best", "open", "cpu", *PARTS, "complete", "baseline")
    print(table((*headers, f"open ≤ {GOAL_MS:g}"), rows))
    path = write_json(
        "employees_open",
        {"employees": args.employees, "rounds": args.rounds, "results": [f.summary() for f in results]},
        args.json,
    )
    print(f"figures saved to {path}")
    del app
    return 0 if all(f.summary()["goal_met_median"] for f in results) else 1


if __name__ == "__main__":
    sys.exit(main())
