"""Ten desktops saving at once: throughput, conflicts and proof that no update is lost.

Against a throw-away PostgreSQL server on 127.0.0.1 (TLS, password sign-in; the same cluster the
tests use) and against the local SQLite file, in turn, ``--processes`` processes each open their
own ``Store`` and, for ``--seconds``, do what a person at a desktop does, as fast as they can:
load, change one field, save with the loaded state as the base. The work is mixed:

* own setting (30 %): a settings field only this process edits (company address, phone, …, the
  company account's user name, …) — several processes edit the same sections at once, but never
  the same field, so a conflict here would be a false alarm;
* shared setting (20 %): the company name, which every process edits — conflicts are expected;
* own employee (30 %): the phone number of an employee only this process edits;
* shared employee (20 %): the surname of one employee everybody edits — conflicts expected.

On a conflict the process reloads and saves its value again on the new state, as a user choosing
"keep mine" after "reload" would. Afterwards the database is checked against what the processes
were told; an acknowledged save counts as a lost update when

* it has no record in the change log (or more than one),
* the value it replaced is not the value its process had loaded (it overwrote something its user
  never saw), or the log of that field does not chain (each record replacing the previous one),
* the field's final value is not the newest logged one (for an own field: not its owner's last
  successful value),

and a section's or employee's version must have moved by exactly the number of successful saves
of it. Reported per backend: successful saves per second, conflicts (and false ones), errors, lost
updates (must be 0) and save latency (p50, p99 and the longest; the save call alone, without the
load before it).

    python bench/concurrent_saves.py [--processes 10] [--seconds 30] [--backend both] [--json PATH]
"""

from __future__ import annotations

import argparse
import itertools
import multiprocessing
import queue
import random
import sys
import tempfile
import time
from collections import Counter, defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.report import percentile, table, write_json
from smtpdesk.core.model import Employee, OfficeSettings, SmtpAccount
from smtpdesk.core.store import ConflictError, Location, Store, StoreError
from smtpdesk.core.store.schema import (
    PRESENT,
    SETTINGS_KEYS,
    employee_flat,
    employee_with_values,
    field_for,
    settings_flat,
    with_values,
)

SHARED_SETTING = "company.name"
SHARED_EMPLOYEE_FIELD = "last_name"
OWN_EMPLOYEE_FIELD = "phone"
# Every text setting but the shared one: one per process, so own edits never meet.
OWN_SETTINGS = tuple(
    key
    for key in SETTINGS_KEYS
    if key != SHARED_SETTING and not key.endswith(f".{PRESENT}") and field_for(key).kind == "text"
)
MIX = (("own_setting", 30), ("shared_setting", 20), ("own_employee", 30), ("shared_employee", 20))
READY_TIMEOUT_S = 120
BACKENDS = ("postgresql", "sqlite")


@dataclass(frozen=True)
class Target:
    """A database every process opens for itself."""

    backend: str
    url: str
    password: str | None = None

    def open(self) -> Store:
        return Store.connect(Location.parse(self.url), password=self.password)


@dataclass(frozen=True)
class Assignment:
    index: int
    own_setting: str
    own_employee: int
    shared_employee: int
    seconds: float
    seed: int


@dataclass
class Save:
    """One save the store acknowledged."""

    kind: str  # "settings" | "employee"
    subject: str  # the section, or the employee's id
    key: str
    base: Any  # the value the process had loaded
    new: Any
    ms: float


@dataclass
class WorkerReport:
    index: int
    saves: list[Save] = field(default_factory=list)
    conflicts: int = 0
    false_conflicts: int = 0  # a conflict on a field only this process edits
    conflict_ms: list[float] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> WorkerReport:
        report = cls(**{k: v for k, v in data.items() if k != "saves"})
        report.saves = [Save(**s) for s in data["saves"]]
        return report


# -- one desktop (a child process) -----------------------------------------------------------------


class Desktop:
    """The loop of one process; also used in-process by the tests."""

    def __init__(self, store: Store, job: Assignment) -> None:
        self.store = store
        self.job = job
        self.report = WorkerReport(job.index)
        self._random = random.Random(job.seed)
        self._counter = 0

    def run(self, deadline: float) -> WorkerReport:
        kinds = [name for name, _ in MIX]
        weights = [weight for _, weight in MIX]
        job = self.job
        while time.monotonic() < deadline:
            kind = self._random.choices(kinds, weights)[0]
            try:
                if kind == "own_setting":
                    self.edit_setting(job.own_setting, shared=False, deadline=deadline)
                elif kind == "shared_setting":
                    self.edit_setting(SHARED_SETTING, shared=True, deadline=deadline)
                elif kind == "own_employee":
                    self.edit_employee(job.own_employee, OWN_EMPLOYEE_FIELD, shared=False, deadline=deadline)
                else:
                    self.edit_employee(
                        job.shared_employee, SHARED_EMPLOYEE_FIELD, shared=True, deadline=deadline
                    )
            except StoreError as error:
                self.report.errors.append(f"{kind}: {error.message.en}")
        return self.report

    def edit_setting(self, key: str, *, shared: bool, deadline: float) -> None:
        self._edit("settings", key.partition(".")[0], key, shared, deadline)

    def edit_employee(self, employee_id: int, key: str, *, shared: bool, deadline: float) -> None:
        self._edit("employee", str(employee_id), key, shared, deadline)

    def _edit(self, kind: str, subject: str, key: str, shared: bool, deadline: float) -> None:
        """Load, change ``key``, save with the loaded state as the base; on a conflict over a
        field others edit too, load again and save the same value once more."""
        self._counter += 1
        value = f"p{self.job.index}-{self._counter}"
        while True:
            loaded: OfficeSettings | Employee | None
            loaded = (
                self.store.load_settings() if kind == "settings" else self.store.get_employee(int(subject))
            )
            if loaded is None:
                self.report.errors.append(f"employee {subject} is gone")
                return
            flat = settings_flat(loaded) if isinstance(loaded, OfficeSettings) else employee_flat(loaded)
            base = flat[key]
            started = time.perf_counter()
            try:
                if isinstance(loaded, OfficeSettings):
                    self.store.save_settings(with_values(loaded, {key: value}), base=loaded)
                else:
                    self.store.save_employee(employee_with_values(loaded, {key: value}), base=loaded)
            except ConflictError:
                if self._conflict(started, shared, deadline):
                    continue
                return
            ms = (time.perf_counter() - started) * 1000
            self.report.saves.append(Save(kind, subject, key, base, value, ms))
            return

    def _conflict(self, started: float, shared: bool, deadline: float) -> bool:
        """Counts a conflict; True when the user would reload and save their value again."""
        self.report.conflict_ms.append((time.perf_counter() - started) * 1000)
        if not shared:
            self.report.false_conflicts += 1
            return False
        self.report.conflicts += 1
        return time.monotonic() < deadline


def _desktop_process(target: Target, job: Assignment, ready: Any, start: Any, results: Any) -> None:
    try:
        store = target.open()
    except Exception as error:  # the parent reports it instead of waiting for a report
        ready.put((job.index, f"{type(error).__name__}: {error}"))
        return
    try:
        ready.put((job.index, ""))
        if not start.wait(READY_TIMEOUT_S):
            return
        report = Desktop(store, job).run(time.monotonic() + job.seconds)
        results.put(asdict(report))
    finally:
        store.close()


# -- the office (this process) ---------------------------------------------------------------------


@dataclass
class Start:
    """The state before the desktops start, to compare the end with."""

    change_id: int
    section_versions: dict[str, int]
    employee_versions: dict[int, int]
    shared_employee: int
    own_employees: list[int]


def seed(store: Store, processes: int) -> Start:
    """A configured office: both optional accounts present (so their fields can be edited), one
    employee everybody edits and one per process."""
    if processes > len(OWN_SETTINGS):
        raise ValueError(f"at most {len(OWN_SETTINGS)} processes (one own setting each)")
    account = SmtpAccount(host="smtp.biuro.test", username="biuro@biuro.test")
    store.save_settings(OfficeSettings(company_smtp=account, default_server=account))
    shared = store.save_employee(
        Employee(first_name="Anna", last_name="Wspólna", email="anna@biuro.test", phone="600100200")
    )
    own = [
        store.save_employee(
            Employee(first_name="Agent", last_name=f"Numer {n}", email=f"agent{n}@biuro.test")
        )
        for n in range(processes)
    ]
    assert shared.id is not None and all(e.id is not None for e in own)
    return Start(
        change_id=store.last_change_id(),
        section_versions=store.section_versions(),
        employee_versions=store.employee_versions(),
        shared_employee=shared.id,
        own_employees=[int(e.id or 0) for e in own],
    )


def assignments(start: Start, processes: int, seconds: float, seed_base: int = 0) -> list[Assignment]:
    return [
        Assignment(
            index=n,
            own_setting=OWN_SETTINGS[n],
            own_employee=start.own_employees[n],
            shared_employee=start.shared_employee,
            seconds=seconds,
            seed=seed_base + n,
        )
        for n in range(processes)
    ]


@dataclass
class Verdict:
    """What the database holds compared with what the desktops were told."""

    saves: int
    lost: int
    problems: list[str]

    @property
    def ok(self) -> bool:
        return self.lost == 0 and not self.problems


def verify(store: Store, start: Start, reports: list[WorkerReport]) -> Verdict:
    saves = [s for r in reports for s in r.saves]
    records = []
    after = start.change_id
    while batch := store.changes_after(after, limit=5000):
        records.extend(batch)
        after = batch[-1].id
    problems: list[str] = []
    lost: set[int] = set()

    logged: dict[tuple[str, str, str, Any], list[Any]] = defaultdict(list)
    for record in records:
        logged[(record.kind, record.subject, record.field, record.new)].append(record)
    claimed = Counter((s.kind, s.subject, s.key, s.new) for s in saves)
    for n, s in enumerate(saves):
        found = logged.get((s.kind, s.subject, s.key, s.new), [])
        if len(found) != 1 or claimed[(s.kind, s.subject, s.key, s.new)] != 1:
            lost.add(n)
            problems.append(f"{s.key}={s.new!r}: {len(found)} change records")
        elif found[0].old != s.base:
            lost.add(n)
            problems.append(f"{s.key}={s.new!r} replaced {found[0].old!r}, its user had loaded {s.base!r}")
    unclaimed = [r for r in records if (r.kind, r.subject, r.field, r.new) not in claimed]
    problems += [f"{r.field}={r.new!r} saved but never acknowledged" for r in unclaimed]

    # Each field's records chain: every save replaced exactly the value the previous one wrote.
    by_field: dict[tuple[str, str, str], list[Any]] = defaultdict(list)
    for record in records:
        by_field[(record.kind, record.subject, record.field)].append(record)
    for (_kind, subject, key), chain in by_field.items():
        for previous, record in itertools.pairwise(chain):
            if record.old != previous.new:
                problems.append(
                    f"{subject}/{key}: {record.new!r} replaced {record.old!r}, not {previous.new!r}"
                )

    # The database ends with the newest logged value of every field; an own field with its
    # owner's last acknowledged one.
    final_settings = settings_flat(store.load_settings())
    final_employees = {str(e.id): employee_flat(e) for e in store.list_employees()}

    def stored(kind: str, subject: str, key: str) -> Any:
        return final_settings[key] if kind == "settings" else final_employees[subject][key]

    index_of = {(s.kind, s.subject, s.key, s.new): n for n, s in enumerate(saves)}
    for (kind, subject, key), chain in by_field.items():
        now = stored(kind, subject, key)
        if now != chain[-1].new:
            problems.append(f"{subject}/{key} holds {now!r}, the last save wrote {chain[-1].new!r}")
            lost.add(index_of.get((kind, subject, key, chain[-1].new), -1))
    for r in reports:
        last_own: dict[str, Save] = {}
        for s in r.saves:
            if s.key in OWN_SETTINGS or s.key == OWN_EMPLOYEE_FIELD:
                last_own[s.key] = s
        for s in last_own.values():
            now = stored(s.kind, s.subject, s.key)
            if now != s.new:
                problems.append(f"process {r.index}: {s.key} holds {now!r}, its last save was {s.new!r}")
                lost.add(index_of[(s.kind, s.subject, s.key, s.new)])

    # Versions move once per successful save.
    per_section = Counter(s.subject for s in saves if s.kind == "settings")
    for name, version in store.section_versions().items():
        expected = start.section_versions[name] + per_section[name]
        if version != expected:
            problems.append(f"section {name}: version {version}, {expected} expected")
    per_employee = Counter(int(s.subject) for s in saves if s.kind == "employee")
    for employee_id, version in store.employee_versions().items():
        expected = start.employee_versions[employee_id] + per_employee[employee_id]
        if version != expected:
            problems.append(f"employee {employee_id}: version {version}, {expected} expected")
    return Verdict(saves=len(saves), lost=len(lost), problems=problems)


def run_desktops(target: Target, jobs: list[Assignment]) -> list[WorkerReport]:
    """Starts one process per job, lets them all begin at once, returns their reports."""
    context = multiprocessing.get_context("spawn")
    ready, results = context.Queue(), context.Queue()
    start = context.Event()
    processes = [
        context.Process(target=_desktop_process, args=(target, job, ready, start, results), daemon=True)
        for job in jobs
    ]
    for process in processes:
        process.start()
    try:
        failures = []
        for _ in jobs:
            index, failure = ready.get(timeout=READY_TIMEOUT_S)
            if failure:
                failures.append(f"process {index}: {failure}")
        if failures:
            raise RuntimeError("; ".join(failures))
        start.set()
        limit = max(job.seconds for job in jobs) + READY_TIMEOUT_S
        reports = [WorkerReport.from_dict(results.get(timeout=limit)) for _ in jobs]
    except queue.Empty:
        raise RuntimeError("a desktop process stopped without a report") from None
    finally:
        start.set()
        for process in processes:
            process.join(timeout=30)
            if process.is_alive():
                process.kill()
                process.join()
        for channel in (ready, results):
            channel.close()
            channel.join_thread()
    return sorted(reports, key=lambda r: r.index)


@dataclass
class BackendResult:
    backend: str
    processes: int
    seconds: float
    saves: int
    saves_per_second: float
    conflicts: int
    false_conflicts: int
    errors: int
    lost_updates: int
    p50_ms: float
    p99_ms: float
    max_ms: float
    conflict_p50_ms: float
    by_kind: dict[str, int]
    problems: list[str]
    error_samples: list[str]


def measure(target: Target, processes: int, seconds: float) -> BackendResult:
    """Seeds ``target``, runs the desktops and checks the outcome."""
    with target.open() as store:
        start = seed(store, processes)
    began = time.perf_counter()
    reports = run_desktops(target, assignments(start, processes, seconds))
    elapsed = time.perf_counter() - began
    with target.open() as store:
        verdict = verify(store, start, reports)
    saves = [s for r in reports for s in r.saves]
    latencies = [s.ms for s in saves]
    conflict_ms = [ms for r in reports for ms in r.conflict_ms]
    errors = [e for r in reports for e in r.errors]
    by_kind = Counter(
        ("shared " if s.key in (SHARED_SETTING, SHARED_EMPLOYEE_FIELD) else "own ") + s.kind for s in saves
    )
    return BackendResult(
        backend=target.backend,
        processes=processes,
        seconds=seconds,
        saves=len(saves),
        # The desktops run for ``seconds`` each; the start-up of the processes is not counted.
        saves_per_second=len(saves) / seconds if seconds else 0.0,
        conflicts=sum(r.conflicts for r in reports),
        false_conflicts=sum(r.false_conflicts for r in reports),
        errors=len(errors),
        lost_updates=verdict.lost,
        p50_ms=percentile(latencies, 50),
        p99_ms=percentile(latencies, 99),
        max_ms=max(latencies, default=0.0),
        conflict_p50_ms=percentile(conflict_ms, 50),
        by_kind=dict(sorted(by_kind.items())),
        problems=verdict.problems[:20] + ([f"wall time {elapsed:.1f} s"] if not verdict.ok else []),
        error_samples=sorted(set(errors))[:10],
    )


@contextmanager
def sqlite_target() -> Iterator[Target]:
    with tempfile.TemporaryDirectory(prefix="smtpdesk-bench-") as folder:
        with Store.open(Path(folder)) as store:
            url = store.location.url()
        yield Target("sqlite", url)


@contextmanager
def postgresql_target() -> Iterator[Target]:
    from tests.fixtures.postgres import OWNER, PostgresCluster

    cluster = PostgresCluster.start()
    try:
        database = cluster.create_database()
        yield Target("postgresql", cluster.url(database), cluster.passwords[OWNER])
    finally:
        cluster.stop()


TARGETS = {"postgresql": postgresql_target, "sqlite": sqlite_target}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--processes", type=int, default=10, help="desktops saving at once (default 10)")
    parser.add_argument("--seconds", type=float, default=30.0, help="how long each saves (default 30)")
    parser.add_argument("--backend", choices=(*BACKENDS, "both"), default="both")
    parser.add_argument("--json", type=Path, default=None, help="where to save the figures")
    args = parser.parse_args()
    if not 1 <= args.processes <= len(OWN_SETTINGS):
        parser.error(f"--processes must be from 1 to {len(OWN_SETTINGS)}")

    print(
        f"smtpdesk concurrent saves: {args.processes} processes × {args.seconds:g} s, "
        f"mix {', '.join(f'{name} {weight} %' for name, weight in MIX)}"
    )
    results: list[BackendResult] = []
    for backend in BACKENDS if args.backend == "both" else (args.backend,):
        with TARGETS[backend]() as target:
            results.append(measure(target, args.processes, args.seconds))
    print(
        table(
            (
                "backend",
                "saves",
                "saves/s",
                "conflicts",
                "false",
                "errors",
                "lost",
                "p50 ms",
                "p99 ms",
                "max ms",
            ),
            [
                (
                    r.backend,
                    r.saves,
                    r.saves_per_second,
                    r.conflicts,
                    r.false_conflicts,
                    r.errors,
                    r.lost_updates,
                    r.p50_ms,
                    r.p99_ms,
                    r.max_ms,
                )
                for r in results
            ],
        )
    )
    for r in results:
        print(f"{r.backend}: " + ", ".join(f"{kind} {n}" for kind, n in r.by_kind.items()))
        for line in r.problems + r.error_samples:
            print(f"  {r.backend}: {line}")
    path = write_json(
        "concurrent_saves",
        {"processes": args.processes, "seconds": args.seconds, "results": [asdict(r) for r in results]},
        args.json,
    )
    print(f"figures saved to {path}")
    clean = all(
        r.lost_updates == 0 and not r.problems and not r.errors and not r.false_conflicts for r in results
    )
    return 0 if clean else 1


if __name__ == "__main__":
    sys.exit(main())
