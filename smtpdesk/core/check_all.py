"""Checking every account of the office at once, on a small pool of threads.

Qt-free: the window wraps it and turns the callbacks (called on the pool's threads) into signals.
The pool is bounded because many accounts usually sit on one provider, which may refuse a burst
of simultaneous logins from one address.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from functools import partial

from smtpdesk.core.i18n import Lang, Msg, language
from smtpdesk.core.model import COMPANY_ACCOUNT, ContactMode, Employee, OfficeSettings, SmtpAccount
from smtpdesk.core.routing import Route, resolve, route_message
from smtpdesk.core.smtp.cancel import CancelToken
from smtpdesk.core.smtp.request import MailTestRequest, Timeouts
from smtpdesk.core.smtp.result import RunResult

log = logging.getLogger(__name__)

# At most this many connections to one server at a time. Servers cap simultaneous connections
# from one client address and answer a burst beyond the cap with 421 "too many connections":
# Postfix allows 50 by default (smtpd_client_connection_count_limit), hosting set-ups commonly
# 10-20; Exchange Online's cap of 3 is per mailbox, and each account here is its own mailbox.
# 10 stays under those while an office of ten agents on one provider is checked in one round.
PER_SERVER = 10
# Threads in all: each one mostly waits on the network, and a thread is made only when needed.
DEFAULT_WORKERS = 50

COMPANY_LABEL = Msg("Konto firmowe", "Company account")


@dataclass(frozen=True)
class CheckJob:
    """One test of one account. ``job_id`` is unique in a run; ``key`` names the account in the
    history and the secret store."""

    job_id: str
    key: str
    label: str
    account: SmtpAccount
    sender: str
    recipient: str = ""
    login_only: bool = True
    # With login_only: also MAIL FROM/RCPT TO with the sender, then RSET (nothing is sent).
    check_sender: bool = False
    message: bytes | None = None
    account_source: str = ""  # routing's Route.source, for the diagnosis' advice
    contact_mode: ContactMode | None = None


@dataclass(frozen=True)
class OfficePlan:
    """The jobs for the whole office and, per employee id, the job whose result is theirs
    (employees routed through a shared account share one job; None: nothing to check)."""

    jobs: tuple[CheckJob, ...]
    employee_jobs: dict[int, str | None] = field(default_factory=dict)
    company_job: str | None = None


def plan_office(
    settings: OfficeSettings,
    employees: Sequence[Employee],
    *,
    login_only: bool = True,
    include_company: bool = True,
    lang: Lang | None = None,
) -> OfficePlan:
    """The account each employee's mail really leaves through (the routing rules), checked once.

    Sending test mails checks each distinct From address separately: a shared account may accept
    its own address as sender and refuse the agents' ones.
    """
    lang = lang or language()
    jobs: dict[str, CheckJob] = {}
    employee_jobs: dict[int, str | None] = {}
    company_job: str | None = None

    def add(
        key: str,
        label: str,
        account: SmtpAccount,
        sender: str,
        build: Callable[[], bytes] | None,
        source: str,
    ) -> str:
        job_id = key if login_only else f"{key}|{sender}"
        if job_id not in jobs:
            jobs[job_id] = CheckJob(
                job_id=job_id,
                key=key,
                label=label,
                account=account,
                sender=sender,
                recipient=sender,
                login_only=login_only,
                check_sender=login_only and "@" in sender,
                message=None if login_only or build is None else _built(build),
                account_source=source,
                contact_mode=settings.contact_mode,
            )
        return job_id

    if include_company and settings.has_company_smtp and settings.company_smtp is not None:
        # With a company account set, the office's own route always goes through it.
        company_route = resolve(settings, None)
        sender = company_route.sender or settings.company.email or settings.company_smtp.username
        build = partial(_test_message, company_route, lang) if company_route.sender else None
        company_job = add(
            COMPANY_ACCOUNT, COMPANY_LABEL.text(lang), settings.company_smtp, sender, build, "company"
        )

    for employee in employees:
        if employee.id is None:
            continue
        route = resolve(settings, employee)
        if route.account is None or route.account_key is None or not route.account.configured:
            employee_jobs[employee.id] = None
            continue
        label = account_label(route, employee, lang)
        sender = route.sender or route.account.username
        build = partial(_test_message, route, lang)
        employee_jobs[employee.id] = add(route.account_key, label, route.account, sender, build, route.source)
    return OfficePlan(jobs=tuple(jobs.values()), employee_jobs=employee_jobs, company_job=company_job)


def _built(build: Callable[[], bytes]) -> bytes | None:
    """The message, or None when an address cannot make one (e.g. a login used as From that is
    no valid address): the engine then stops that one check with a diagnosis of the settings."""
    try:
        return build()
    except ValueError:
        return None


def _test_message(route: Route, lang: Lang) -> bytes:
    return route_message(route, route.sender, lang)


def route_label(source: str, lang: Lang | None = None) -> str:
    labels = {
        "company": COMPANY_LABEL,
        "default": Msg("Serwer domyślny", "Default server"),
    }
    return labels.get(source, Msg(source, source)).text(lang)


def account_label(route: Route, employee: Employee | None, lang: Lang | None = None) -> str:
    """How the history names the account ``route`` sends through: the employee for their own
    account, else the shared account's name."""
    if route.source == "employee" and employee is not None:
        return employee.full_name
    return route_label(route.source, lang)


def server_of(job: CheckJob) -> tuple[str, int]:
    return (job.account.host.lower(), job.account.port)


def interleaved(jobs: Sequence[CheckJob]) -> list[CheckJob]:
    """The jobs taken one server at a time in turn, so the pool's threads spread over servers
    instead of queueing behind one server's limit."""
    by_server: dict[tuple[str, int], list[CheckJob]] = {}
    for job in jobs:
        by_server.setdefault(server_of(job), []).append(job)
    queues = list(by_server.values())
    order: list[CheckJob] = []
    while queues:
        order.extend(queue.pop(0) for queue in queues)
        queues = [queue for queue in queues if queue]
    return order


class CheckAll:
    """Runs ``jobs`` on at most ``max_workers`` threads, at most ``per_server`` at once against
    any one server (host and port).

    ``on_result(job, result)`` and ``on_error(job, exc)`` are called on a pool thread as each job
    ends; ``on_finished(cancelled)`` once, on the thread that ended last. ``password_for(key)`` (and
    ``password_state_for(key)`` when it gives none) is called on the pool thread too, so a slow
    keychain never holds up the caller.
    """

    def __init__(
        self,
        jobs: Sequence[CheckJob],
        *,
        password_for: Callable[[str], str | None],
        on_result: Callable[[CheckJob, RunResult], None],
        on_error: Callable[[CheckJob, BaseException], None] | None = None,
        on_finished: Callable[[bool], None] | None = None,
        password_state_for: Callable[[str], str] | None = None,
        max_workers: int = DEFAULT_WORKERS,
        per_server: int = PER_SERVER,
        timeouts: Timeouts | None = None,
        lang: Lang | None = None,
        token_provider_for: Callable[[CheckJob], Callable[[], str] | None] | None = None,
    ) -> None:
        self.jobs = tuple(jobs)
        self._per_server = max(1, per_server)
        self._server_slots: dict[tuple[str, int], threading.BoundedSemaphore] = {}
        self._password_for = password_for
        self._token_provider_for = token_provider_for
        self._password_state_for = password_state_for
        self._on_result = on_result
        self._on_error = on_error
        self._on_finished = on_finished
        self._max_workers = max(1, max_workers)
        self._timeouts = timeouts or Timeouts()
        self._lang: Lang = lang or language()
        self._lock = threading.Lock()
        self._tokens: list[CancelToken] = []
        self._cancelled = threading.Event()
        self._done = threading.Event()
        self._remaining = len(self.jobs)
        self._started = False

    @property
    def cancelled(self) -> bool:
        return self._cancelled.is_set()

    @property
    def done(self) -> bool:
        return self._done.is_set()

    def start(self) -> None:
        if self._started:
            raise RuntimeError("a check-all run starts once")
        self._started = True
        if not self.jobs:
            self._finish()
            return
        # Queued from a thread of its own: the pool's first workers start at once and would make
        # the caller (a window's event loop) wait for the interpreter while it queues the rest.
        threading.Thread(target=self._queue_all, name="smtpdesk-check-queue", daemon=True).start()

    def _queue_all(self) -> None:
        queued = 0
        try:
            pool = ThreadPoolExecutor(max_workers=self._max_workers, thread_name_prefix="smtpdesk-check")
            for job in interleaved(self.jobs):
                pool.submit(self._run_one, job)
                queued += 1
            # Threads exit on their own once the queue is empty; nobody has to wait for them here.
            pool.shutdown(wait=False)
        except RuntimeError:  # the interpreter is shutting down: the rest will never run
            log.warning(
                "check-all stopped: %d of %d checks could not be queued",
                len(self.jobs) - queued,
                len(self.jobs),
            )
            self._cancelled.set()
            with self._lock:
                self._remaining -= len(self.jobs) - queued
                last = self._remaining == 0
            if last:
                self._finish()

    def cancel(self) -> None:
        """Jobs not yet started are skipped; running ones end within about a second."""
        self._cancelled.set()
        with self._lock:
            tokens = list(self._tokens)
        for token in tokens:
            token.cancel()

    def wait(self, timeout: float | None = None) -> bool:
        return self._done.wait(timeout)

    def _slot(self, job: CheckJob) -> threading.BoundedSemaphore:
        with self._lock:
            return self._server_slots.setdefault(server_of(job), threading.BoundedSemaphore(self._per_server))

    def _run_one(self, job: CheckJob) -> None:
        slot = self._slot(job)
        # Cancel must not wait behind a busy server: the wait is sliced.
        while not slot.acquire(timeout=0.1):
            if self._cancelled.is_set():
                self._job_done()
                return
        try:
            self._run_job(job)
        finally:
            slot.release()

    def _run_job(self, job: CheckJob) -> None:
        try:
            if self._cancelled.is_set():
                return
            token = CancelToken()
            with self._lock:
                self._tokens.append(token)
            if self._cancelled.is_set():
                token.cancel()
            try:
                token_provider = self._token_provider_for(job) if self._token_provider_for else None
                password = None if token_provider is not None else self._password_for(job.key)
                # Why there is none (no keychain, a locked one, nothing saved) is what the advice is about.
                state = (
                    ""
                    if password or token_provider is not None or self._password_state_for is None
                    else self._password_state_for(job.key)
                )
                request = MailTestRequest(
                    account=job.account,
                    password=password,
                    password_state=state,
                    token_provider=token_provider,
                    sender=job.sender,
                    recipient=job.recipient or job.sender,
                    login_only=job.login_only,
                    check_sender=job.check_sender,
                    message=job.message,
                    timeouts=self._timeouts,
                    lang=self._lang,
                    account_source=job.account_source,
                    contact_mode=job.contact_mode,
                )
                # Loaded on first use, on a pool thread: the window starts without the engine.
                from smtpdesk.core.smtp.engine import run_test

                result = run_test(request, cancel=token)
            finally:
                with self._lock:
                    self._tokens.remove(token)
            self._on_result(job, result)
        except Exception as exc:  # a defect must not stop the other checks
            log.exception("check of %s failed", job.key)
            if self._on_error is not None:
                self._on_error(job, exc)
        finally:
            self._job_done()

    def _job_done(self) -> None:
        with self._lock:
            self._remaining -= 1
            last = self._remaining == 0
        if last:
            self._finish()

    def _finish(self) -> None:
        try:
            if self._on_finished is not None:
                self._on_finished(self._cancelled.is_set())
        finally:
            self._done.set()
