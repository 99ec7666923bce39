"""Rules about where mail goes and as whom: the contact mode, the company and own accounts."""

from __future__ import annotations

from collections.abc import Iterator

from smtpdesk.core.doctor.context import (
    DELIVERABILITY,
    Context,
    for_employee,
    names,
)
from smtpdesk.core.doctor.findings import (
    SUBJECT_APP,
    SUBJECT_COMPANY,
    DoctorFix,
    DoctorFixKind,
    Finding,
    Severity,
)
from smtpdesk.core.i18n import Msg
from smtpdesk.core.model import (
    COMPANY_ACCOUNT,
    ContactMode,
    employee_account,
)
from smtpdesk.core.routing import login_may_differ
from smtpdesk.core.wording import (
    AGENT_MODE,
    COMPANY_ACCOUNT_LABEL,
    COMPANY_DATA_PLACE,
    COMPANY_MODE,
    COMPANY_SMTP_PLACE,
    EMPLOYEE_SMTP_PLACE,
    employee_name,
    fill,
)

# --- where mail goes --------------------------------------------------------------------------------


def no_server_at_all(ctx: Context) -> Iterator[Finding]:
    if ctx.settings.has_company_smtp or ctx.default_server is not None:
        return
    if any(e.has_own_smtp for e in ctx.employees):
        return
    place = EMPLOYEE_SMTP_PLACE if ctx.agent_mode else COMPANY_SMTP_PLACE
    yield Finding(
        "no_server_at_all",
        Severity.ERROR,
        SUBJECT_APP,
        Msg(pl="Nie ustawiono żadnego serwera poczty wychodzącej", en="No outgoing mail server is set"),
        fill(
            Msg(
                pl=(
                    "Ani firma, ani żaden pracownik nie ma konta SMTP, a serwer domyślny aplikacji nie "
                    "jest ustawiony — żadnego maila nie da się wysłać. Uzupełnij: {place}."
                ),
                en=(
                    "Neither the company nor any employee has an SMTP account and the application's "
                    "default server is not set — no mail can be sent. Fill in: {place}."
                ),
            ),
            place=place,
        ),
    )


def agent_mode_company_smtp(ctx: Context) -> Iterator[Finding]:
    company = ctx.settings.company_smtp
    if not ctx.agent_mode or not ctx.settings.has_company_smtp or company is None:
        return
    office_addresses = {ctx.company_email, company.username.strip().lower()}
    without_own = [e for e in ctx.employees if not e.has_own_smtp and e.email.strip()]
    # Sending as the company address (or as the login itself) is what this account is for; the
    # page asks for it when an employee's address is the company's.
    risky = [e for e in without_own if e.email.strip().lower() not in office_addresses]
    justified = any(e.email.strip().lower() in office_addresses for e in ctx.employees)
    title = Msg(
        pl="Firmowe SMTP jest wypełnione przy kontakcie do agenta",
        en="The company SMTP is filled in while mails carry the agent's contact",
    )
    if risky:
        yield Finding(
            "agent_mode_company_smtp",
            Severity.WARNING,
            SUBJECT_COMPANY,
            title,
            fill(
                Msg(
                    pl=(
                        "Wybrano {mode}, a w {place} jest konto {login} na serwerze {host}. Pracownicy "
                        "bez własnego konta SMTP ({names}) wyślą przez nie pocztę ze swoich adresów — "
                        "zadziała to tylko, jeśli to konto może wysyłać z innych adresów, inaczej serwer "
                        "odpowie „Sender address reject”. Strona pomocy zaleca przy tym ustawieniu "
                        "zostawić firmowe SMTP puste i uzupełnić konta pracowników: {employee_place}."
                    ),
                    en=(
                        "{mode} is chosen and {place} holds the account {login} on {host}. Employees "
                        "without their own SMTP account ({names}) will send through it from their own "
                        "addresses — that works only if this account may send from other addresses, "
                        'otherwise the server answers "Sender address reject". With this setting the '
                        "help page recommends leaving the company SMTP empty and filling in each "
                        "employee's account: {employee_place}."
                    ),
                ),
                mode=AGENT_MODE,
                place=COMPANY_SMTP_PLACE,
                login=company.username or "—",
                host=company.host,
                names=names(risky),
                employee_place=EMPLOYEE_SMTP_PLACE,
            ),
        )
    elif not without_own and ctx.employees and not justified:
        yield Finding(
            "agent_mode_company_smtp",
            Severity.INFO,
            SUBJECT_COMPANY,
            title,
            fill(
                Msg(
                    pl=(
                        "Wybrano {mode}, a wszyscy pracownicy mają własne konta SMTP, więc konto {login} "
                        "na serwerze {host} w {place} nie jest używane do ich poczty. Strona pomocy "
                        "zaleca przy tym ustawieniu zostawić tę sekcję pustą."
                    ),
                    en=(
                        "{mode} is chosen and every employee has their own SMTP account, so the account "
                        "{login} on {host} in {place} is not used for their mail. With this setting the "
                        "help page recommends leaving that section empty."
                    ),
                ),
                mode=AGENT_MODE,
                place=COMPANY_SMTP_PLACE,
                login=company.username or "—",
                host=company.host,
            ),
            fix=DoctorFix(
                DoctorFixKind.CLEAR_COMPANY_SMTP,
                Msg(pl="Wyczyść firmowe SMTP", en="Clear the company SMTP"),
                forget_secret=COMPANY_ACCOUNT,
            ),
        )


def _agent_mode_fix(ctx: Context) -> DoctorFix | None:
    """Switching to agent mode, offered only when every employee with an address has an own
    account (nobody would be left without a way out)."""
    with_email = [e for e in ctx.employees if e.email.strip()]
    if not with_email or not all(e.has_own_smtp for e in with_email):
        return None
    return DoctorFix(
        DoctorFixKind.SET_CONTACT_MODE,
        fill(Msg(pl="Przełącz na {mode}", en="Switch to {mode}"), mode=AGENT_MODE),
        {"mode": ContactMode.AGENT.value},
    )


def company_mode_without_company_smtp(ctx: Context) -> Iterator[Finding]:
    if ctx.agent_mode or ctx.settings.has_company_smtp:
        return
    default = ctx.default_server
    fix = _agent_mode_fix(ctx)
    email = ctx.settings.company.email or "—"
    if default is not None:
        text = fill(
            Msg(
                pl=(
                    "Wybrano {mode}, ale sekcja {place} jest pusta, więc poczta z adresu {email} wyjdzie "
                    "przez serwer domyślny aplikacji ({host}). {deliverability} Uzupełnij tam konto, "
                    "które może wysyłać jako {email}."
                ),
                en=(
                    "{mode} is chosen but {place} is empty, so mail from {email} goes out through the "
                    "application's default server ({host}). {deliverability} Fill in an account there "
                    "that may send as {email}."
                ),
            ),
            mode=COMPANY_MODE,
            place=COMPANY_SMTP_PLACE,
            email=email,
            host=default.host,
            deliverability=DELIVERABILITY,
        )
        severity = Severity.WARNING
    else:
        text = fill(
            Msg(
                pl=(
                    "Wybrano {mode}, ale sekcja {place} jest pusta, a serwer domyślny aplikacji nie jest "
                    "ustawiony — poczty z adresu {email} nie da się wysłać. Uzupełnij tam konto, które "
                    "może wysyłać jako {email}."
                ),
                en=(
                    "{mode} is chosen but {place} is empty and the application's default server is not "
                    "set — mail from {email} cannot be sent. Fill in an account there that may send "
                    "as {email}."
                ),
            ),
            mode=COMPANY_MODE,
            place=COMPANY_SMTP_PLACE,
            email=email,
        )
        severity = Severity.ERROR
    title = Msg(
        pl="Brak firmowego SMTP przy kontakcie do firmy",
        en="No company SMTP while mails carry the company contact",
    )
    yield Finding("company_mode_without_company_smtp", severity, SUBJECT_COMPANY, title, text, fix=fix)


def company_email_missing(ctx: Context) -> Iterator[Finding]:
    if ctx.agent_mode or ctx.company_email:
        return
    yield Finding(
        "company_email_missing",
        Severity.ERROR,
        SUBJECT_COMPANY,
        Msg(pl="Brak adresu e-mail firmy", en="The company e-mail address is missing"),
        fill(
            Msg(
                pl=(
                    "Przy ustawieniu {mode} maile wychodzą z adresu firmy, ale pole e-mail w {place} "
                    "jest puste. Uzupełnij je."
                ),
                en=(
                    "With {mode} mails are sent from the company address, but the e-mail field in "
                    "{place} is empty. Fill it in."
                ),
            ),
            mode=COMPANY_MODE,
            place=COMPANY_DATA_PLACE,
        ),
    )


def employee_email_is_company_email(ctx: Context) -> Iterator[Finding]:
    if ctx.settings.has_company_smtp or not ctx.company_email:
        return
    for employee in ctx.employees:
        if employee.email.strip().lower() != ctx.company_email:
            continue
        fix = None
        extra = Msg(pl="", en="")
        if employee.has_own_smtp and employee.smtp is not None and employee.id is not None:
            fix = DoctorFix(
                DoctorFixKind.COPY_SMTP_TO_COMPANY,
                Msg(pl="Skopiuj konto pracownika do firmowego SMTP", en="Copy the employee's account"),
                {"employee_id": employee.id},
                copy_secret=(employee_account(employee.id), COMPANY_ACCOUNT),
            )
            extra = fill(
                Msg(
                    pl=" Można tam skopiować konto SMTP pracownika ({login}, {host}) razem z hasłem.",
                    en=" The employee's account ({login}, {host}) can be copied there with its password.",
                ),
                login=employee.smtp.username or "—",
                host=employee.smtp.host,
            )
        yield for_employee(
            "employee_email_is_company_email",
            Severity.WARNING,
            employee,
            fill(
                Msg(pl="{name} używa adresu firmy", en="{name} uses the company address"),
                name=employee_name(employee),
            ),
            fill(
                Msg(
                    pl=(
                        "Adres {email} pracownika {name} jest też adresem firmy w {data}, a sekcja {place} "
                        "jest pusta. Strona pomocy mówi: jeśli Twój adres jest też w polu e-mail w {data}, "
                        "ustaw też konfigurację SMTP w „Pozostałe ustawienia”.{extra}"
                    ),
                    en=(
                        "{name}'s address {email} is also the company address in {data}, while {place} "
                        "is empty. The help page says: if your address is also in the e-mail field of "
                        '{data}, also set the SMTP configuration in "Other settings".{extra}'
                    ),
                ),
                email=employee.email,
                name=employee_name(employee),
                data=COMPANY_DATA_PLACE,
                place=COMPANY_SMTP_PLACE,
                extra=extra,
            ),
            fix,
        )


def employee_without_smtp(ctx: Context) -> Iterator[Finding]:
    # With a company SMTP in agent mode, ``agent_mode_company_smtp`` covers these employees.
    if not ctx.agent_mode or ctx.settings.has_company_smtp:
        return
    default = ctx.default_server
    for employee in ctx.employees:
        email = employee.email.strip().lower()
        if employee.has_own_smtp or not email or email == ctx.company_email:
            continue
        values = {
            "mode": AGENT_MODE,
            "name": employee_name(employee),
            "email": employee.email,
            "place": EMPLOYEE_SMTP_PLACE,
        }
        if default is not None:
            severity = Severity.WARNING
            text = fill(
                Msg(
                    pl=(
                        "Przy ustawieniu {mode} poczta pracownika {name} ({email}) wyjdzie przez serwer "
                        "domyślny aplikacji ({host}), bo ani pracownik, ani firma nie mają konta SMTP. "
                        "{deliverability} Uzupełnij: {place}."
                    ),
                    en=(
                        "With {mode} the mail of {name} ({email}) goes out through the application's "
                        "default server ({host}) because neither the employee nor the company has an "
                        "SMTP account. {deliverability} Fill in: {place}."
                    ),
                ),
                host=default.host,
                deliverability=DELIVERABILITY,
                **values,
            )
        else:
            severity = Severity.ERROR
            text = fill(
                Msg(
                    pl=(
                        "Przy ustawieniu {mode} poczta pracownika {name} ({email}) nie ma którędy wyjść: "
                        "ani pracownik, ani firma nie mają konta SMTP, a serwer domyślny aplikacji nie "
                        "jest ustawiony. Uzupełnij: {place}."
                    ),
                    en=(
                        "With {mode} the mail of {name} ({email}) has no way out: neither the employee "
                        "nor the company has an SMTP account and the application's default server is "
                        "not set. Fill in: {place}."
                    ),
                ),
                **values,
            )
        yield for_employee(
            "employee_without_smtp",
            severity,
            employee,
            fill(
                Msg(pl="{name} nie ma własnego konta SMTP", en="{name} has no own SMTP account"),
                name=employee_name(employee),
            ),
            text,
        )


def company_mode_own_smtp_unused(ctx: Context) -> Iterator[Finding]:
    """An employee's own account that the contact mode leaves unused: in "Kontakt do firmy / biura"
    every mail leaves through the company account, whatever is set in the employee's form."""
    if ctx.agent_mode:
        return
    company = ctx.settings.company_smtp if ctx.settings.has_company_smtp else None
    through = company if company is not None else ctx.default_server
    if through is None:
        return  # company_mode_without_company_smtp says there is no way out at all
    switch = _agent_mode_fix(ctx)
    label = (
        COMPANY_ACCOUNT_LABEL
        if company is not None
        else Msg(pl="serwer domyślny aplikacji", en="the application's default server")
    )
    for employee in ctx.employees:
        own = employee.smtp
        if not employee.has_own_smtp or own is None:
            continue
        yield for_employee(
            "company_mode_own_smtp_unused",
            Severity.WARNING,
            employee,
            fill(
                Msg(
                    pl="Własne konto SMTP pracownika {name} nie jest używane",
                    en="The own SMTP account of {name} is not used",
                ),
                name=employee_name(employee),
            ),
            fill(
                Msg(
                    pl=(
                        "{name} ma własne konto SMTP ({login} na {own_host}), ale przy ustawieniu {mode} "
                        "cała poczta biura wychodzi przez {through} ({host}) z adresem firmy — ustawienia "
                        "pracownika są pomijane, a jego wiadomość testowa też pójdzie tą drogą. Jeśli "
                        "agenci mają wysyłać ze swoich skrzynek, wybierz {agent_mode} w „Pozostałe "
                        "ustawienia”."
                    ),
                    en=(
                        "{name} has an own SMTP account ({login} on {own_host}), but with {mode} all of the "
                        "office's mail leaves through {through} ({host}) with the company address — the "
                        "employee's settings are skipped and their test mail goes that way too. If agents "
                        'should send from their own mailboxes, choose {agent_mode} in "Other settings".'
                    ),
                ),
                name=employee_name(employee),
                login=own.username or "—",
                own_host=own.host,
                mode=COMPANY_MODE,
                through=label,
                host=through.host,
                agent_mode=AGENT_MODE,
            ),
            fix=switch,
        )


# --- who the accounts may send as ---------------------------------------------------------------


def company_login_differs(ctx: Context) -> Iterator[Finding]:
    company = ctx.settings.company_smtp
    if ctx.agent_mode or company is None or not company.configured:
        return
    if not login_may_differ(company.username, ctx.settings.company.email):
        return
    yield Finding(
        "company_login_differs",
        Severity.WARNING,
        SUBJECT_COMPANY,
        Msg(
            pl="Firmowe konto loguje się innym adresem niż adres nadawcy",
            en="The company account logs in with a different address than the sender's",
        ),
        fill(
            Msg(
                pl=(
                    "Przy ustawieniu {mode} maile wychodzą z adresu {email}, a firmowe konto SMTP loguje "
                    "się jako {login}. Takie konto musi pozwalać na wysyłkę z innych adresów nadawców — "
                    "inaczej serwer {host} odpowie „Sender address reject”. Sprawdź to u dostawcy poczty "
                    "albo użyj konta {email}."
                ),
                en=(
                    "With {mode} mails are sent from {email}, but the company SMTP account logs in as "
                    "{login}. Such an account must be allowed to send for other sender addresses — "
                    'otherwise {host} answers "Sender address reject". Check this with your mail '
                    "provider or use the account {email}."
                ),
            ),
            mode=COMPANY_MODE,
            email=ctx.settings.company.email,
            login=company.username,
            host=company.host,
        ),
        about=COMPANY_ACCOUNT_LABEL,
    )


def employee_login_differs(ctx: Context) -> Iterator[Finding]:
    if not ctx.agent_mode:
        return
    for employee in ctx.employees:
        smtp = employee.smtp
        if not employee.has_own_smtp or smtp is None or not login_may_differ(smtp.username, employee.email):
            continue
        yield for_employee(
            "employee_login_differs",
            Severity.WARNING,
            employee,
            fill(
                Msg(
                    pl="{name}: login SMTP różni się od adresu e-mail",
                    en="{name}: the SMTP login differs from the e-mail address",
                ),
                name=employee_name(employee),
            ),
            fill(
                Msg(
                    pl=(
                        "Maile pracownika {name} wychodzą z adresu {email}, a jego konto SMTP loguje się "
                        "jako {login}. Wiele serwerów pozwala wysyłać tylko z adresu loginu — wtedy {host} "
                        "odpowie „Sender address reject”. Zwykle loginem jest pełny adres e-mail."
                    ),
                    en=(
                        "{name}'s mails are sent from {email}, but their SMTP account logs in as {login}. "
                        "Many servers allow sending only from the login's address — then {host} answers "
                        '"Sender address reject". The login is usually the full e-mail address.'
                    ),
                ),
                name=employee_name(employee),
                email=employee.email,
                login=smtp.username,
                host=smtp.host,
            ),
        )
