"""Rules about the employees' own data."""

from __future__ import annotations

from collections.abc import Iterator

from smtpdesk.core.doctor.context import (
    Context,
    for_employee,
)
from smtpdesk.core.doctor.findings import (
    Finding,
    Severity,
)
from smtpdesk.core.i18n import Msg
from smtpdesk.core.model import (
    Employee,
)
from smtpdesk.core.wording import (
    AGENT_MODE,
    COMPANY_MODE,
    employee_name,
    fill,
)

# --- employees ------------------------------------------------------------------------------------


def employee_without_email(ctx: Context) -> Iterator[Finding]:
    for employee in ctx.employees:
        if employee.email.strip():
            continue
        name = employee_name(employee)
        if ctx.agent_mode:
            severity = Severity.ERROR
            text = fill(
                Msg(
                    pl=(
                        "Przy ustawieniu {mode} maile pracownika wychodzą z jego adresu i podają go w "
                        "stopce, a pracownik {name} nie ma adresu e-mail. Uzupełnij go w „Pracownicy”."
                    ),
                    en=(
                        "With {mode} an employee's mails are sent from their address and show it in the "
                        'footer, but {name} has no e-mail address. Fill it in under "Employees".'
                    ),
                ),
                mode=AGENT_MODE,
                name=name,
            )
        else:
            severity = Severity.WARNING
            text = fill(
                Msg(
                    pl=(
                        "Przy ustawieniu {mode} maile wychodzą z adresu firmy, a odpowiedzi klientów mają "
                        "trafić do pracownika — ale {name} nie ma adresu e-mail. Uzupełnij go w „Pracownicy”."
                    ),
                    en=(
                        "With {mode} mails are sent from the company address and clients' replies "
                        "should reach the employee — but {name} has no e-mail address. Fill it in under "
                        '"Employees".'
                    ),
                ),
                mode=COMPANY_MODE,
                name=name,
            )
        yield for_employee(
            "employee_without_email",
            severity,
            employee,
            fill(Msg(pl="{name} nie ma adresu e-mail", en="{name} has no e-mail address"), name=name),
            text,
        )


def duplicate_email(ctx: Context) -> Iterator[Finding]:
    first: dict[str, Employee] = {}
    for employee in ctx.employees:
        email = employee.email.strip().lower()
        if not email:
            continue
        if email not in first:
            first[email] = employee
            continue
        other = first[email]
        yield for_employee(
            "duplicate_email",
            Severity.WARNING,
            employee,
            fill(
                Msg(pl="Powtórzony adres {email}", en="Duplicate address {email}"),
                email=employee.email,
            ),
            fill(
                Msg(
                    pl=(
                        "{name} i {other} mają ten sam adres e-mail {email}. Klienci nie odróżnią ich "
                        "maili, a odpowiedzi trafią do jednej skrzynki. Każdy pracownik powinien mieć "
                        "własny adres."
                    ),
                    en=(
                        "{name} and {other} have the same e-mail address {email}. Clients cannot tell "
                        "their mails apart and replies reach one mailbox. Each employee should have their "
                        "own address."
                    ),
                ),
                name=employee_name(employee),
                other=employee_name(other),
                email=employee.email,
            ),
        )
