"""Check-all ("Sprawdź wszystkich"): every account of the office checked at once, on a bounded pool.

``CheckAllController`` runs the checks (login only by default) and stores each result;
``CheckAllPanel`` is the button row with the progress bar and "Anuluj"; ``EmployeeStatus`` says
what the employees table's status column shows, and opens the diagnosis behind a status.
"""

from __future__ import annotations

import itertools
import logging
from dataclasses import dataclass
from functools import partial

from PySide6.QtCore import QObject, Qt, QTimer, Signal, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from smtpdesk.core.check_all import DEFAULT_WORKERS, CheckAll, CheckJob, OfficePlan, plan_office
from smtpdesk.core.history import HistoryEntry
from smtpdesk.core.i18n import language
from smtpdesk.core.model import COMPANY_ACCOUNT, Employee, OfficeSettings
from smtpdesk.core.oauth.tokens import TokenSource
from smtpdesk.core.routing import resolve
from smtpdesk.core.secrets import SecretStore
from smtpdesk.core.smtp.request import Timeouts
from smtpdesk.core.smtp.result import RunResult
from smtpdesk.core.store import Store, StoreError
from smtpdesk.ui import background
from smtpdesk.ui.mailtest.diagnosis_dialog import DiagnosisDialog
from smtpdesk.ui.mailtest.history_events import history_events, record_result
from smtpdesk.ui.mailtest.last_result import LastResultLabel, outcome_text

log = logging.getLogger(__name__)

_UNKNOWN = object()

# How often a running check-all redraws the status column and the progress bar.
REDRAW_MS = 100
# How long after the employees were listed again the stored results are read again: after the
# table's first paint (a zero timer could run before it, as the view lays itself out on one too).
REREAD_AFTER_MS = 100

_run_ids = itertools.count(1)


class CheckAllController(QObject):
    started = Signal()
    job_finished = Signal(object, object)  # CheckJob, RunResult
    progress_changed = Signal(int, int)  # done, total
    finished = Signal(bool)  # cancelled

    def __init__(
        self,
        store: Store,
        secrets: SecretStore,
        *,
        timeouts: Timeouts | None = None,
        max_workers: int = DEFAULT_WORKERS,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.secrets = secrets
        self.timeouts = timeouts
        self.max_workers = max_workers
        self.plan: OfficePlan | None = None
        self.results: dict[str, RunResult] = {}
        self.failed_jobs: set[str] = set()
        self.done_count = 0
        self._runner: CheckAll | None = None
        self._run_id = 0
        # Results come from the pool's threads through a channel (see smtpdesk.ui.background):
        # the threads hold its number, never this object.
        self._channel = background.open_channel(self._receive)
        self.destroyed.connect(partial(background.close_channel, self._channel))

    @property
    def running(self) -> bool:
        return self._runner is not None and not self._runner.done

    @property
    def runner(self) -> CheckAll | None:
        """The pool of the last run (it outlives this object when a window closes mid-run)."""
        return self._runner

    @property
    def total(self) -> int:
        return len(self.plan.jobs) if self.plan is not None else 0

    def start(self, *, login_only: bool = True) -> bool:
        """Checks every account in use; False when a check is already running."""
        if self.running:
            return False
        settings = self.store.load_settings()
        plan = plan_office(settings, self.store.list_employees(), login_only=login_only)
        tokens = TokenSource(settings.oauth, self.secrets)
        self.plan = plan
        self.results = {}
        self.failed_jobs = set()
        self.done_count = 0

        run_id = next(_run_ids)
        self._run_id = run_id
        store, secrets, channel = self.store, self.secrets, self._channel
        tracked = _Tracked()

        def on_result(job: CheckJob, result: RunResult) -> None:
            record_result(store, result, job.key, job.label)
            background.post(channel, ("job_done", run_id, job, result))

        def on_finished(cancelled: bool) -> None:
            background.post(channel, ("all_done", run_id, None, cancelled))
            tracked.finished()

        runner = CheckAll(
            plan.jobs,
            password_for=secrets.get,
            password_state_for=lambda key: secrets.state(key).value,
            on_result=on_result,
            on_error=lambda job, _exc: background.post(channel, ("job_error", run_id, job, None)),
            on_finished=on_finished,
            max_workers=self.max_workers,
            timeouts=self.timeouts,
            lang=language(),
            token_provider_for=lambda job: (
                tokens.stored(job.account.auth_method, job.key) if job.account.uses_oauth else None
            ),
        )
        self._runner = runner
        tracked.track(runner)
        # If the window goes away mid-run, the checks must still stop promptly.
        self.destroyed.connect(runner.cancel)
        self.started.emit()
        self.progress_changed.emit(0, len(plan.jobs))
        runner.start()
        return True

    def cancel(self) -> None:
        if self._runner is not None:
            self._runner.cancel()

    def wait(self, timeout: float | None = None) -> bool:
        return self._runner.wait(timeout) if self._runner is not None else True

    def job_of_employee(self, employee_id: int | None) -> str | None:
        if self.plan is None or employee_id is None:
            return None
        return self.plan.employee_jobs.get(employee_id)

    def result_of_employee(self, employee_id: int | None) -> RunResult | None:
        job_id = self.job_of_employee(employee_id)
        return self.results.get(job_id) if job_id is not None else None

    def job(self, job_id: str) -> CheckJob | None:
        if self.plan is None:
            return None
        return next((job for job in self.plan.jobs if job.job_id == job_id), None)

    def _receive(self, message: tuple[str, int, CheckJob | None, object]) -> None:
        kind, run_id, job, value = message
        if run_id != self._run_id:
            return  # a run this controller has replaced
        if kind == "job_done" and job is not None and isinstance(value, RunResult):
            self.results[job.job_id] = value
            self.done_count += 1
            self.job_finished.emit(job, value)
            self.progress_changed.emit(self.done_count, self.total)
        elif kind == "job_error" and job is not None:
            self.failed_jobs.add(job.job_id)
            self.done_count += 1
            self.progress_changed.emit(self.done_count, self.total)
        elif kind == "all_done":
            self.finished.emit(bool(value))


class _Tracked:
    """Keeps a check-all run in ``background``'s registry until its end reaches the GUI thread,
    whether or not the window that started it still exists. Plain Python: the pool's threads may
    hold it."""

    def __init__(self) -> None:
        self.runner: CheckAll | None = None
        self.channel = background.open_channel(self._ended)

    def track(self, runner: CheckAll) -> None:
        self.runner = runner
        background.track(runner)

    def finished(self) -> None:
        """Called on the thread that ended last."""
        background.post(self.channel, None)

    def _ended(self, _value: object) -> None:
        background.close_channel(self.channel)
        if self.runner is not None:
            background.untrack(self.runner)


def cancel_all_checks(wait_s: float = 3.0) -> bool:
    """Cancel every check-all still going and wait for it (application shutdown)."""
    return background.cancel_all(wait_s)


# -- the status column -------------------------------------------------------------------------


@dataclass(frozen=True)
class StatusCell:
    text: str
    tooltip: str = ""
    ok: bool | None = None  # None: neither (not checked, running, no server)


class EmployeeStatus(QObject):
    """What the status column says for each employee: the live check-all result, else the last
    stored result of the account the employee's mail goes through. ``changed``: redraw."""

    changed = Signal()

    def __init__(
        self,
        store: Store,
        controller: CheckAllController,
        parent: QObject | None = None,
        *,
        settings: OfficeSettings | None = None,
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.controller = controller
        self._settings = OfficeSettings()
        self._keys: dict[Employee, object] = {}
        self._last: dict[str, HistoryEntry] = {}
        self.reload(settings)
        # Results can arrive faster than a table should repaint: redraws are batched.
        self._redraw = QTimer(self)
        self._redraw.setSingleShot(True)
        self._redraw.setInterval(REDRAW_MS)
        self._redraw.timeout.connect(self.changed)
        # Reading the stored results again waits until the refilled table has been drawn.
        self._reread = QTimer(self)
        self._reread.setSingleShot(True)
        self._reread.setInterval(REREAD_AFTER_MS)
        self._reread.timeout.connect(self._reread_results)
        controller.started.connect(self._check_started)
        controller.job_finished.connect(self._job_finished)
        controller.finished.connect(self._check_finished)
        events = history_events()
        events.recorded.connect(self._recorded)
        events.cleared.connect(self._cleared)

    @Slot()
    def _check_started(self) -> None:
        # While a check runs, its own plan says which account is whose; no need to reload here.
        self.changed.emit()

    @Slot(object, object)
    def _job_finished(self, _job: CheckJob, _result: RunResult) -> None:
        if not self._redraw.isActive():
            self._redraw.start()

    @Slot(bool)
    def _check_finished(self, _cancelled: bool) -> None:
        self._redraw.stop()
        self.changed.emit()

    @Slot(object, object)
    def _recorded(self, store: object, entry: HistoryEntry) -> None:
        if store is self.store and entry.has_outcome:
            self._last[entry.account_key] = entry
            # During check-all the live results are shown; each one also redraws on its own.
            if not self.controller.running:
                self.changed.emit()

    @Slot(object, object)
    def _cleared(self, store: object, key: str | None) -> None:
        if store is self.store:
            self._last = {} if key is None else {k: v for k, v in self._last.items() if k != key}
            self.changed.emit()

    def reload(self, settings: OfficeSettings | None = None) -> None:
        """Takes ``settings`` (the ones just saved; else re-read from the store) and re-reads the
        stored results, then redraws."""
        self._settings = settings if settings is not None else self.store.load_settings()
        self._keys = {}
        # Outcomes only: the column shows them; the diagnosis behind one reads its run in full.
        self._last = self.store.last_results(details=False)
        self.changed.emit()

    def employees_listed(self) -> None:
        """The table was filled again: each employee's account is looked up afresh now, while the
        stored results are read again a moment later, once the table is on screen (thousands of
        them take a while; until then the column shows those read before, which a new list of
        employees does not change)."""
        self._keys = {}
        self._reread.start()

    @Slot()
    def _reread_results(self) -> None:
        if self.store.closed:  # the window is going away
            return
        try:
            self.reload()
        except StoreError as error:
            # A refresh nobody asked for: the column keeps the results it shows, and the next
            # action on the database says what is wrong with it.
            log.warning("could not read the test results again: %s", error.message.en)

    def key_of(self, employee: Employee) -> str | None:
        """The account the employee's mail leaves through, as the table shows them now."""
        key = self._keys.get(employee, _UNKNOWN)
        if key is _UNKNOWN:
            key = resolve(self._settings, employee).account_key
            self._keys[employee] = key
        return key if isinstance(key, str) else None

    def last_entry(self, employee: Employee) -> HistoryEntry | None:
        key = self.key_of(employee)
        return self._last.get(key) if key is not None else None

    def cell(self, employee: Employee) -> StatusCell:
        controller = self.controller
        job_id = controller.job_of_employee(employee.id)
        if controller.plan is not None and employee.id in controller.plan.employee_jobs:
            if job_id is None:
                return StatusCell(self.tr("Brak serwera poczty"), ok=False)
            result = controller.results.get(job_id)
            if result is not None:
                title = result.diagnosis.title if result.diagnosis is not None else result.code
                return StatusCell(
                    f"{'✓' if result.ok else '✗'} {title}",
                    self.tr("Kliknij, aby zobaczyć diagnozę"),
                    ok=result.ok if result.code != "cancelled" else None,
                )
            if job_id in controller.failed_jobs:
                return StatusCell(self.tr("Błąd programu podczas sprawdzania"), ok=False)
            if controller.running:
                return StatusCell(self.tr("Sprawdzanie…"))
            return StatusCell(self.tr("Nie sprawdzono (przerwano)"))
        entry = self.last_entry(employee)
        if entry is not None:
            return StatusCell(
                outcome_text(entry),
                self.tr("Ostatni zapisany test — kliknij, aby zobaczyć szczegóły"),
                ok=entry.ok,
            )
        return StatusCell(self.tr("—"), self.tr("Jeszcze nie sprawdzono"))

    def open_diagnosis(self, employee: Employee, parent: QWidget | None) -> DiagnosisDialog | None:
        """The diagnosis behind a status cell: the live result, else the stored one."""
        result = self.controller.result_of_employee(employee.id)
        if result is not None:
            job = self.controller.job(self.controller.job_of_employee(employee.id) or "")
            dialog = DiagnosisDialog.for_result(
                result,
                parent,
                account_label=job.label if job is not None else employee.full_name,
                account_key=job.key if job is not None else "",
            )
        else:
            entry = self.last_entry(employee)
            if entry is None:
                return None
            dialog = DiagnosisDialog.for_entry(self._in_full(entry), parent)
        dialog.show()
        return dialog

    def _in_full(self, entry: HistoryEntry) -> HistoryEntry:
        """The run with its transcript and timings (the column holds outcomes only)."""
        if entry.id is None:
            return entry
        try:
            full = self.store.history_entry(entry.id)
        except StoreError:
            return entry  # the outcome alone still says what happened
        return full if full is not None else entry


class CheckAllPanel(QWidget):
    """ "Sprawdź wszystkich" with its options, progress bar, "Anuluj" and the company account."""

    def __init__(
        self,
        controller: CheckAllController,
        parent: QWidget | None = None,
        *,
        settings: OfficeSettings | None = None,
    ) -> None:
        super().__init__(parent)
        self.controller = controller
        self.check_button = QPushButton(self.tr("Sprawdź wszystkich"))
        self.check_button.setToolTip(
            self.tr(
                "Sprawdza logowanie i adres nadawcy na kontach wszystkich pracowników i na koncie "
                "firmowym — bez wysyłania wiadomości"
            )
        )
        self.check_button.clicked.connect(self.start)
        self.send_check = QCheckBox(self.tr("wysyłaj też wiadomości testowe"))
        self.send_check.setToolTip(
            self.tr(
                "Każdy pracownik dostanie wiadomość testową na swój adres; bez tego tylko logowanie i "
                "sprawdzenie adresu nadawcy"
            )
        )
        self.send_check.toggled.connect(self._show_scope)
        self.scope_note = QLabel(
            self.tr(
                "Bez wysyłania sprawdzane jest logowanie i to, czy serwer przyjmie adres nadawcy. "
                "Ograniczenia, które serwer stosuje dopiero po treści wiadomości (np. uprawnienie "
                "„Wyślij jako” w Exchange), wykaże tylko wiadomość testowa."
            )
        )
        self.scope_note.setWordWrap(True)
        self.scope_note.setTextFormat(Qt.TextFormat.PlainText)
        self.scope_note.setStyleSheet("color: #57606a;")
        self.progress = QProgressBar()
        self.progress.setTextVisible(True)
        self.progress.setFormat(self.tr("%v z %m"))
        self.progress.setMaximumWidth(220)
        self.cancel_button = QPushButton(self.tr("Anuluj"))
        self.cancel_button.clicked.connect(self.cancel)
        self.summary = QLabel()
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.summary.setWordWrap(True)  # it shares the row with the company account's last test
        self.company = LastResultLabel(controller.store, lambda: COMPANY_ACCOUNT)
        self.company.setWordWrap(False)
        self.company_caption = QLabel(self.tr("Konto firmowe:"))

        actions = QHBoxLayout()
        actions.setContentsMargins(0, 0, 0, 0)
        actions.addWidget(self.check_button)
        actions.addWidget(self.send_check)
        actions.addWidget(self.progress)
        actions.addWidget(self.cancel_button)
        actions.addStretch(1)
        self._actions = actions
        outcome = QHBoxLayout()
        outcome.setContentsMargins(0, 0, 0, 0)
        outcome.addWidget(self.summary, 1)
        outcome.addWidget(self.company_caption)
        outcome.addWidget(self.company)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(actions)
        layout.addWidget(self.scope_note)
        layout.addLayout(outcome)

        self._pending_progress = (0, 0)
        self._progress_timer = QTimer(self)
        self._progress_timer.setSingleShot(True)
        self._progress_timer.setInterval(REDRAW_MS)
        self._progress_timer.timeout.connect(self._show_progress)
        controller.started.connect(self._started)
        controller.progress_changed.connect(self._progress)
        controller.finished.connect(self._finished)
        self._set_running(False)
        self._show_company(settings)

    @Slot(bool)
    def _show_scope(self, sending: bool) -> None:
        self.scope_note.setVisible(not sending)

    def add_leading(self, widget: QWidget) -> None:
        """Puts ``widget`` first in the row (e.g. the single-employee test button)."""
        self._actions.insertWidget(0, widget)

    def start(self) -> None:
        self.controller.start(login_only=not self.send_check.isChecked())

    def cancel(self) -> None:
        self.controller.cancel()
        self.cancel_button.setEnabled(False)
        self.summary.setText(self.tr("Przerywanie…"))

    @Slot()
    def _started(self) -> None:
        self._show_company()
        self._set_running(True)
        self.summary.setText(self.tr("Sprawdzanie…"))

    @Slot(int, int)
    def _progress(self, done: int, total: int) -> None:
        # QProgressBar repaints at once on every value; a burst of results is drawn once.
        self._pending_progress = (done, total)
        if not self._progress_timer.isActive():
            self._progress_timer.start()

    def _show_progress(self) -> None:
        done, total = self._pending_progress
        self.progress.setMaximum(max(total, 1))
        self.progress.setValue(done)

    @Slot(bool)
    def _finished(self, cancelled: bool) -> None:
        self._progress_timer.stop()
        self._show_progress()
        self._set_running(False)
        controller = self.controller
        results = controller.results.values()
        working = sum(1 for r in results if r.ok)
        # A check that hit a defect in the program was checked and did not work either.
        failing = sum(1 for r in results if not r.ok and r.code != "cancelled") + len(controller.failed_jobs)
        plan = controller.plan
        people = sum(1 for job in plan.employee_jobs.values() if job is not None) if plan else 0
        # The units are accounts, not employees: several employees may share one (the company's).
        if cancelled:
            text = self.tr(
                "Przerwano. Sprawdzone konta pocztowe: {done} z {total} — działa {ok}, z błędami {bad}."
            )
        else:
            text = self.tr("Sprawdzone konta pocztowe: {done} z {total} — działa {ok}, z błędami {bad}.")
        text = text.format(done=working + failing, total=controller.total, ok=working, bad=failing)
        if people:
            text += " " + self.tr("Wysyła przez nie pracowników: {people}.").format(people=people)
        self.summary.setText(text)
        self.summary.setToolTip(
            self.tr(
                "Konto używane przez kilku pracowników (np. konto firmowe) jest sprawdzane raz; "
                "pracownik bez serwera poczty nie ma czego sprawdzić."
            )
        )

    def _set_running(self, running: bool) -> None:
        self.check_button.setEnabled(not running)
        self.send_check.setEnabled(not running)
        self.progress.setVisible(running)
        self.cancel_button.setVisible(running)
        self.cancel_button.setEnabled(running)

    def _show_company(self, settings: OfficeSettings | None = None) -> None:
        """The company account's last result, when there is one (``settings``: else re-read)."""
        if settings is None:
            settings = self.controller.store.load_settings()
        shown = settings.has_company_smtp
        self.company_caption.setVisible(shown)
        self.company.setVisible(shown)
        if shown:
            self.company.refresh()
