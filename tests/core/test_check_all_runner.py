"""Checking the whole office at once, without a window: the plan and the bounded pool."""

from __future__ import annotations

import threading
import time

from smtpdesk.core.check_all import CheckAll, CheckJob, plan_office
from smtpdesk.core.model import (
    COMPANY_ACCOUNT,
    Company,
    ContactMode,
    Employee,
    OfficeSettings,
    SmtpAccount,
    employee_account,
)
from smtpdesk.core.smtp.engine import Timeouts
from smtpdesk.core.smtp.result import RunResult
from tests.fixtures.smtp_servers import DEFAULT_PASSWORD as PASSWORD


def _employee(n: int, smtp: SmtpAccount | None = None) -> Employee:
    return Employee(id=n, first_name="Agent", last_name=f"Nr {n}", email=f"agent{n}@biuro.test", smtp=smtp)


def test_plan_checks_each_account_in_use_once() -> None:
    company = SmtpAccount(host="smtp.biuro.test", port=587, username="biuro@biuro.test")
    own = SmtpAccount(host="smtp.biuro.test", port=587, username="agent1@biuro.test")
    settings = OfficeSettings(
        company=Company(name="Biuro", email="biuro@biuro.test"),
        contact_mode=ContactMode.AGENT,
        company_smtp=company,
    )
    employees = [_employee(1, own), _employee(2), _employee(3)]

    plan = plan_office(settings, employees, login_only=True)

    keys = sorted(job.key for job in plan.jobs)
    assert keys == sorted([COMPANY_ACCOUNT, employee_account(1)])
    assert plan.employee_jobs[1] == employee_account(1)
    # Employees without their own account send through the company one: its result is theirs.
    assert plan.employee_jobs[2] == plan.employee_jobs[3] == plan.company_job == COMPANY_ACCOUNT
    assert all(job.login_only and job.message is None for job in plan.jobs)


def test_sending_checks_every_from_address_through_a_shared_account() -> None:
    settings = OfficeSettings(
        company=Company(name="Biuro", email="biuro@biuro.test"),
        contact_mode=ContactMode.AGENT,
        company_smtp=SmtpAccount(host="smtp.biuro.test", port=587, username="biuro@biuro.test"),
    )
    plan = plan_office(settings, [_employee(2), _employee(3)], login_only=False)

    senders = sorted(job.sender for job in plan.jobs)
    # A shared account may accept its own address and refuse the agents' ones.
    assert senders == ["agent2@biuro.test", "agent3@biuro.test", "biuro@biuro.test"]
    job = next(job for job in plan.jobs if job.sender == "agent2@biuro.test")
    assert job.recipient == "agent2@biuro.test"
    assert job.message is not None and b"agent2@biuro.test" in job.message


def test_no_server_anywhere_means_nothing_to_check() -> None:
    plan = plan_office(OfficeSettings(), [_employee(1)], login_only=True)
    assert plan.jobs == ()
    assert plan.employee_jobs == {1: None}


def test_pool_runs_every_job_and_reports_each_outcome(smtp_server, closed_port, fast_timeouts) -> None:
    server = smtp_server()
    jobs = [
        CheckJob("ok", "ok", "Działa", server.account(), server.login),
        CheckJob("bad", "bad", "Złe hasło", server.account(), server.login),
        CheckJob("closed", "closed", "Zamknięty", closed_port.account(), "a@biuro.test"),
    ]
    passwords = {"ok": PASSWORD, "bad": "nie-to-hasło", "closed": PASSWORD}
    results: dict[str, RunResult] = {}
    threads: set[str] = set()
    finished = threading.Event()
    outcome: list[bool] = []

    def on_result(job: CheckJob, result: RunResult) -> None:
        threads.add(threading.current_thread().name)
        results[job.job_id] = result

    def on_finished(cancelled: bool) -> None:
        outcome.append(cancelled)
        finished.set()

    runner = CheckAll(
        jobs,
        password_for=passwords.__getitem__,
        on_result=on_result,
        on_finished=on_finished,
        max_workers=2,
        timeouts=fast_timeouts,
    )
    runner.start()

    assert finished.wait(10)
    assert outcome == [False]
    assert results["ok"].ok
    assert not results["bad"].ok and results["bad"].stage.value == "auth"
    assert not results["closed"].ok and results["closed"].stage.value == "connect"
    assert all(name.startswith("smtpdesk-check") for name in threads)
    assert server.messages == []  # login only: nothing was sent
    assert runner.done


def test_cancel_stops_running_checks_within_a_second_and_skips_the_rest(silent_server) -> None:
    jobs = [
        CheckJob(
            f"j{n}", f"k{n}", f"Konto {n}", silent_server.account(username="a@biuro.test"), "a@biuro.test"
        )
        for n in range(6)
    ]
    results: list[RunResult] = []
    runner = CheckAll(
        jobs,
        password_for=lambda _key: PASSWORD,
        on_result=lambda _job, result: results.append(result),
        max_workers=2,
        timeouts=Timeouts(connect=2, greeting=30, command=30, data=30, probe=30),
    )
    runner.start()
    assert silent_server.wait_accepted(2, timeout=5)
    assert silent_server.accepted == 2  # the pool never runs more than its size at once

    started = time.monotonic()
    runner.cancel()
    assert runner.wait(1.5)
    assert time.monotonic() - started < 1.0
    assert runner.cancelled
    assert len(results) == 2  # the four queued jobs never started
    assert all(result.code == "cancelled" for result in results)


def test_an_empty_office_finishes_at_once() -> None:
    done: list[bool] = []
    runner = CheckAll([], password_for=lambda _key: None, on_result=lambda *_: None, on_finished=done.append)
    runner.start()
    assert runner.wait(0) and done == [False]


def test_a_from_address_no_message_can_carry_is_diagnosed_not_raised() -> None:
    # Company e-mail left empty: the company login becomes the From address, and this one has a
    # domain no mail can be sent from.
    login = "jan@firma_biuro.pl"
    settings = OfficeSettings(
        company=Company(name="Biuro"),
        contact_mode=ContactMode.COMPANY,
        company_smtp=SmtpAccount(host="127.0.0.1", port=9, username=login),
    )
    plan = plan_office(settings, [_employee(1)], login_only=False)
    (job,) = plan.jobs
    assert job.sender == login and job.message is None
    done = threading.Event()
    results: list[RunResult] = []
    runner = CheckAll(
        plan.jobs,
        password_for=lambda _key: PASSWORD,
        on_result=lambda _job, result: results.append(result),
        on_finished=lambda _cancelled: done.set(),
        timeouts=Timeouts(connect=1, greeting=1, command=1, data=1, probe=0.5),
    )
    runner.start()
    assert done.wait(5)
    (result,) = results
    assert not result.ok
    assert result.stage.value == "config"  # nothing was sent anywhere
    assert result.code == "invalid_settings"
