"""Names of the places and choices the user sees, shared by routing and the doctor.

The Polish labels are the reference help page's, verbatim, so a sentence can point at the exact
field to change. English sentences name the labels as the English window shows them (the English
catalogue, resources/i18n/smtpdesk_en.ts), never a Polish one.
"""

from __future__ import annotations

from typing import Any

from smtpdesk.core.i18n import Msg
from smtpdesk.core.model import Employee

AGENT_MODE = Msg(
    pl="„Kontakt do aktualnie zalogowanego agenta”",
    en='"Contact of the currently signed-in agent"',
)
COMPANY_MODE = Msg(
    pl="„Kontakt do firmy / biura”",
    en='"Contact of the company / office"',
)
COMPANY_SMTP_PLACE = Msg(
    pl="„Pozostałe ustawienia” → „Ustawienia wysyłania poczty (SMTP)”",
    en='"Other settings" → "Outgoing mail settings (SMTP)"',
)
EMPLOYEE_SMTP_PLACE = Msg(
    pl="„Pracownicy” → edycja pracownika → „Ustawienia wysyłania poczty (SMTP)”",
    en='"Employees" → edit the employee → "Outgoing mail settings (SMTP)"',
)
COMPANY_DATA_PLACE = Msg(pl="„Dane firmy”", en='"Company data"')

COMPANY_ACCOUNT_LABEL = Msg(
    pl="firmowe konto SMTP („Pozostałe ustawienia”)",
    en='the company SMTP account ("Other settings")',
)
DEFAULT_SERVER_LABEL = Msg(pl="serwer domyślny aplikacji", en="the application's default server")
EMPLOYEE_ACCOUNT_LABEL = Msg(pl="konto SMTP pracownika {name}", en="the SMTP account of {name}")


def fill(msg: Msg, /, **values: Any) -> Msg:
    """A copy of ``msg`` with the user's values already in both languages.

    A value that is itself a ``Msg`` (a label above) goes in in the matching language. Values are
    substituted once, here, so braces typed by a user never act as placeholders later.
    """
    pl = {key: value.pl if isinstance(value, Msg) else value for key, value in values.items()}
    en = {key: value.en if isinstance(value, Msg) else value for key, value in values.items()}
    return Msg(pl=msg.pl.format(**pl), en=msg.en.format(**en))


def employee_name(employee: Employee) -> str:
    """How an employee is named in a sentence: full name, else e-mail, else the record number."""
    if employee.full_name:
        return employee.full_name
    if employee.email:
        return employee.email
    return f"#{employee.id}" if employee.id is not None else "?"
