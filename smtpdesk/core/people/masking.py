"""Clients' e-mail addresses and phone numbers, hidden from agents when "Ukryj emaile i telefony
klientów" is on.

Everything that is not the office's own — an employee's or the company's address or phone, or the
login of one of the office's sending accounts — is a client's, and is shown masked:
``jan.kowalski@domena.pl`` → ``j***@d***.pl``, ``+48 600 123 456`` → ``+48 *** *** 456``. The same
functions mask a single field and any free text (a diagnosis, a server's reply, a report, a
received mail), so whatever an agent can see, copy or save is masked the same way.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from typing import Any

from smtpdesk.core.history import HistoryEntry
from smtpdesk.core.model import Employee, OfficeSettings
from smtpdesk.core.report import ReportInput

HIDDEN = "***"
# A national number is 9 digits in Poland; what is in front of them is the country code.
_NATIONAL_DIGITS = 9

# Not after "cid:": an inline image's Content-ID looks like an address but names a part of the mail.
_EMAIL = re.compile(r"(?<!cid:)(?<![\w.%+'-])[\w.%+'-]+@[\w-]+(?:\.[\w-]+)+", re.UNICODE)
# 600 123 456 / 600-123-456 / 600123456 / +48 600 123 456 / (+48) 12 345 67 89 / 12 345 67 89.
# Digits glued to letters or other digits are left alone (ids, times, SMTP codes).
_PHONE = re.compile(
    r"(?<![\w+])"
    r"(?:\(?\+\d{2,3}\)?[ -]?)?"
    r"(?:\d{3}[ -]?\d{3}[ -]?\d{3}|\d{2}[ -]\d{3}[ -]\d{2}[ -]\d{2})"
    r"(?![\w-])"
)


def mask_email(address: str) -> str:
    """``j***@d***.pl``: the first letter of the name and of the domain, and the top-level domain."""
    local, _, domain = address.partition("@")
    labels = domain.split(".")
    head = f"{local[:1]}{HIDDEN}" if local else HIDDEN
    if len(labels) < 2:
        return f"{head}@{domain[:1]}{HIDDEN}"
    return f"{head}@{labels[0][:1]}{HIDDEN}.{labels[-1]}"


def mask_phone(number: str) -> str:
    """``+48 *** *** 123``: the country code (when given) and the last three digits."""
    digits = re.sub(r"\D", "", number)
    tail = digits[-3:]
    country = ""
    if number.strip().lstrip("(").startswith("+") and len(digits) > _NATIONAL_DIGITS:
        country = f"+{digits[: len(digits) - _NATIONAL_DIGITS]} "
    return f"{country}{HIDDEN} {HIDDEN} {tail}"


def _phone_key(number: str) -> str:
    return re.sub(r"\D", "", number)[-_NATIONAL_DIGITS:]


@dataclass(frozen=True)
class Masker:
    """Masks everything but the office's own addresses and phone numbers; ``enabled`` False
    (an administrator, or the option off) shows everything as it is."""

    own_addresses: frozenset[str] = frozenset()
    own_phones: frozenset[str] = frozenset()
    enabled: bool = True

    def is_own_address(self, address: str) -> bool:
        return address.strip().casefold() in self.own_addresses

    def email(self, address: str) -> str:
        if not self.enabled or not address.strip() or self.is_own_address(address):
            return address
        return mask_email(address.strip())

    def phone(self, number: str) -> str:
        key = _phone_key(number)
        if not self.enabled or not key or key in self.own_phones:
            return number
        return mask_phone(number)

    def text(self, text: str) -> str:
        """``text`` with every client's address and phone number in it masked."""
        if not self.enabled or not text:
            return text
        text = _EMAIL.sub(lambda m: self.email(m.group(0)), text)
        return _PHONE.sub(lambda m: self.phone(m.group(0)), text)

    def texts(self, texts: Sequence[str]) -> tuple[str, ...]:
        return tuple(self.text(t) for t in texts)

    # -- whole records ------------------------------------------------------------------------

    def report(self, data: ReportInput) -> ReportInput:
        """A report's data as an agent may see, copy and save it."""
        if not self.enabled:
            return data
        return replace(
            data,
            account_label=self.text(data.account_label),
            title=self.text(data.title),
            sender=self.email(data.sender),
            recipient=self.email(data.recipient),
            username=self.text(data.username),
            explanation=self.text(data.explanation),
            steps=self.texts(data.steps),
            server_reply=self.text(data.server_reply) if data.server_reply else data.server_reply,
            transcript=[self._line(line) for line in data.transcript],
            notes=self.texts(data.notes),
        )

    def entry(self, entry: HistoryEntry) -> HistoryEntry:
        """A stored test run as an agent may see it."""
        if not self.enabled:
            return entry
        return replace(
            entry,
            account_label=self.text(entry.account_label),
            title=self.text(entry.title),
            sender=self.email(entry.sender),
            recipient=self.email(entry.recipient),
            username=self.text(entry.username),
            transcript=[self._line(line) for line in entry.transcript],
        )

    def _line(self, line: Any) -> dict[str, Any]:
        masked = dict(line)
        if isinstance(masked.get("text"), str):
            masked["text"] = self.text(masked["text"])
        return masked


SHOW_ALL = Masker(enabled=False)


def office_masker(settings: OfficeSettings, employees: Iterable[Employee], *, for_agent: bool) -> Masker:
    """The masker for a person of this office: an agent's when the option is on, else one that
    shows everything."""
    if not for_agent or not settings.giodo.hide_client_contacts:
        return SHOW_ALL
    people = list(employees)
    addresses = {settings.company.email, settings.default_server_sender}
    accounts = [settings.company_smtp, settings.default_server, *(e.smtp for e in people)]
    addresses |= {a.username for a in accounts if a is not None}
    addresses |= {e.email for e in people}
    phones = {settings.company.phone, *(e.phone for e in people)}
    return Masker(
        own_addresses=frozenset(a.strip().casefold() for a in addresses if "@" in a),
        own_phones=frozenset(k for k in (_phone_key(p) for p in phones) if k),
        enabled=True,
    )
