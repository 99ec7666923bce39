"""The building blocks of the diagnosis texts: steps, texts, variants and the conditions of steps.

Written for an office manager, not an administrator: what happened, why, and which field to change
to what. Polish texts quote the window's labels verbatim („Serwer poczty wychodzącej”, „Pracownicy”…).
``{placeholders}`` are the user's own values (see ``values.text_values``). A step with a condition is
shown only when it applies; a variant (chosen by the rule that matched) replaces parts of a text.
"""

from __future__ import annotations

from dataclasses import dataclass

from smtpdesk.core.diagnosis.fixes import best_certificate_name, suggested_login
from smtpdesk.core.diagnosis.matchers import Predicate, host_of
from smtpdesk.core.diagnosis.model import DiagnosisContext
from smtpdesk.core.i18n import Msg
from smtpdesk.core.model import IMPLICIT_TLS_PORT, ContactMode, Security
from smtpdesk.core.smtp.result import Facts


@dataclass(frozen=True)
class Step:
    msg: Msg
    when: Predicate | None = None


@dataclass(frozen=True)
class Text:
    title: Msg
    explanation: Msg
    steps: tuple[Step, ...] = ()


@dataclass(frozen=True)
class Variant:
    """Replaces the parts it sets; ``extra_steps`` come after the code's own steps."""

    title: Msg | None = None
    explanation: Msg | None = None
    steps: tuple[Step, ...] | None = None
    extra_steps: tuple[Step, ...] = ()


def step(pl: str, en: str, when: Predicate | None = None) -> Step:
    return Step(Msg(pl=pl, en=en), when)


# --- conditions of individual steps ----------------------------------------------------------


def login_suggested(f: Facts, c: DiagnosisContext) -> bool:
    return suggested_login(c.username, c.sender) is not None


def login_without_at_no_suggestion(f: Facts, c: DiagnosisContext) -> bool:
    return bool(c.username) and "@" not in c.username and not login_suggested(f, c)


def no_username(f: Facts, c: DiagnosisContext) -> bool:
    return not c.username.strip()


def has_username(f: Facts, c: DiagnosisContext) -> bool:
    return bool(c.username.strip())


def login_is_address(f: Facts, c: DiagnosisContext) -> bool:
    login = c.username.strip().lower()
    return "@" in login and login != c.sender.strip().lower()


def starttls_offered(f: Facts, c: DiagnosisContext) -> bool:
    return bool(f.starttls_offered) and not f.tls_active


def starttls_not_offered(f: Facts, c: DiagnosisContext) -> bool:
    return not starttls_offered(f, c)


def not_encrypted(f: Facts, c: DiagnosisContext) -> bool:
    return not f.tls_active


def port(f: Facts, c: DiagnosisContext) -> int:
    return c.port or f.port


def port_25(f: Facts, c: DiagnosisContext) -> bool:
    return port(f, c) == 25


def port_not_465(f: Facts, c: DiagnosisContext) -> bool:
    return port(f, c) != IMPLICIT_TLS_PORT


def port_465_without_ssl(f: Facts, c: DiagnosisContext) -> bool:
    return port(f, c) == IMPLICIT_TLS_PORT and c.security in (Security.STARTTLS, Security.NONE)


def has_best_name(f: Facts, c: DiagnosisContext) -> bool:
    return f.cert is not None and best_certificate_name(f.cert.names, host_of(f, c)) is not None


def no_best_name(f: Facts, c: DiagnosisContext) -> bool:
    return not has_best_name(f, c)


def has_fingerprint(f: Facts, c: DiagnosisContext) -> bool:
    return f.cert is not None and bool(f.cert.sha256)


def has_sender(f: Facts, c: DiagnosisContext) -> bool:
    return "@" in c.sender


def has_recipient_and_sender_differs(f: Facts, c: DiagnosisContext) -> bool:
    return "@" in c.sender and c.sender.strip().lower() != c.recipient.strip().lower()


def agent_mode_shared_account(f: Facts, c: DiagnosisContext) -> bool:
    # Unknown source or mode: the advice still applies, and the step names the condition itself.
    return c.contact_mode in (ContactMode.AGENT, None) and c.account_source in ("company", "default", "")


def company_mode(f: Facts, c: DiagnosisContext) -> bool:
    return c.contact_mode is ContactMode.COMPANY or c.account_source in ("company", "default")


def employee_account(f: Facts, c: DiagnosisContext) -> bool:
    return c.account_source == "employee"


def implicit_tls_found(f: Facts, c: DiagnosisContext) -> bool:
    return f.implicit_tls_detected and c.security is not Security.SSL


# --- steps several families share ------------------------------------------------------------

CHECK_WEBMAIL_PASSWORD = step(
    "Sprawdź hasło: zaloguj się nim do poczty w przeglądarce. Jeśli hasło było niedawno zmieniane, wpisz "
    "nowe w polu „Hasło”.",
    "Check the password by logging in to webmail with it. If it was changed recently, enter the new one in "
    "“Password”.",
)
SECURITY_FOR_PORT = step(
    "Sprawdź, czy zabezpieczenie pasuje do portu: 587 — STARTTLS, 465 — SSL/TLS.",
    "Check that the security matches the port: 587 — STARTTLS, 465 — SSL/TLS.",
)
SENDING_SERVER = step(
    "Upewnij się, że „Serwer poczty wychodzącej” to serwer do wysyłania od Twojego dostawcy poczty (z "
    "logowaniem, zwykle port 587 lub 465), a nie serwer, który tylko odbiera pocztę (port 25).",
    "Make sure “Outgoing mail server” is your provider's sending server (with a login, usually port 587 or "
    "465), not a server that only receives mail (port 25).",
)
RETRY_LATER = step(
    "Spróbuj ponownie za kilka minut.",
    "Try again in a few minutes.",
)
TELL_PROVIDER = step(
    "Jeśli problem się powtarza, przekaż dostawcy poczty odpowiedź serwera i przebieg testu.",
    "If it keeps happening, send the server's reply and the test log to your mail provider.",
)
OWN_ACCOUNTS = step(
    "Jeśli wiele osób wysyła przez jedno wspólne konto, rozważ ustawienie każdemu pracownikowi własnego "
    "konta: zakładka „Pracownicy” → edycja pracownika → „Ustawienia wysyłania poczty (SMTP)”.",
    "If many people send through one shared account, consider giving each employee their own account: "
    "“Employees” → edit the employee → “Outgoing mail settings (SMTP)”.",
)


def other_port_answers(f: Facts, c: DiagnosisContext) -> bool:
    return bool(f.answering_ports)


OTHER_PORT_ANSWERS = step(
    "Ten sam serwer odpowiada na porcie {alt_ports} — zmień „Port serwera poczty wychodzącej” "
    "jednym kliknięciem poniżej.",
    "The same server answers on port {alt_ports} — change “Outgoing mail server port” with one click below.",
    other_port_answers,
)
