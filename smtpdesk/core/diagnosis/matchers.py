"""Conditions a diagnosis rule may put on ``Facts``, and the small predicates the table names.

A ``When`` lists conditions; every field that is set must hold (AND), and within one field any
listed value is enough (OR). Empty fields do not constrain. Texts are compared lower-case against
the server reply, the exception message and the certificate verification message together, whatever
the stage, because servers report the same cause at different stages (Postfix rejects a sender-login
mismatch at RCPT, Exchange Online after DATA).
"""

from __future__ import annotations

import ipaddress
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass

from smtpdesk.core.diagnosis.model import DiagnosisContext
from smtpdesk.core.model import Security
from smtpdesk.core.smtp.result import Facts, Stage

Predicate = Callable[[Facts, DiagnosisContext], bool]

# Exception class names, grouped the way the rules think about them.
TIMEOUTS: tuple[str, ...] = ("TimeoutError", "timeout", "SMTPTimeoutError")
DISCONNECTS: tuple[str, ...] = (
    "SMTPServerDisconnected",
    "ConnectionResetError",
    "ConnectionAbortedError",
    "BrokenPipeError",
    "EOFError",
    "IncompleteRead",
)
SSL_ERRORS: tuple[str, ...] = (
    "SSLError",
    "SSLEOFError",
    "SSLZeroReturnError",
    "SSLSyscallError",
    "SSLWantReadError",
    "SSLWantWriteError",
)
CERT_ERRORS: tuple[str, ...] = ("SSLCertVerificationError", "CertificateError")

# Host groups (suffixes on a label boundary: "gmail.com" matches "smtp.gmail.com").
GOOGLE_HOSTS: tuple[str, ...] = ("gmail.com", "googlemail.com", "google.com")
MICROSOFT_HOSTS: tuple[str, ...] = ("office365.com", "outlook.com", "hotmail.com", "live.com")
# Microsoft's consumer service took password logins away entirely in September 2024.
MICROSOFT_CONSUMER_HOSTS: tuple[str, ...] = ("smtp-mail.outlook.com", "smtp.live.com", "hotmail.com")
# Providers that document an app-specific password for programs (see smtp-providers).
APP_PASSWORD_HOSTS: dict[str, str] = {
    "mail.yahoo.com": "Yahoo",
    "aol.com": "AOL",
    "mail.me.com": "iCloud",
    "icloud.com": "iCloud",
    "fastmail.com": "Fastmail",
    "zoho.com": "Zoho",
    "zoho.eu": "Zoho",
    "gmx.net": "GMX",
    "gmx.com": "GMX",
}
# Polish portals whose mailboxes may need "access for mail programs" switched on in webmail.
PORTAL_HOSTS: dict[str, str] = {
    "o2.pl": "o2",
    "interia.pl": "Interia",
    "wp.pl": "WP",
    "onet.pl": "Onet",
}
# Ports of other services: incoming mail (POP3, IMAP and their TLS variants) and the web.
NON_SMTP_PORTS: tuple[int, ...] = (80, 110, 143, 443, 993, 995)

ANTIVIRUS_ISSUERS: tuple[str, ...] = (
    "avast",
    "avg",
    "eset",
    "kaspersky",
    "bitdefender",
    "norton",
    "mcafee",
    "sophos",
    "fortinet",
    "fortigate",
)

_SMTP_LINE = re.compile(r"^\d{3}(?:[ -]|$)")


@dataclass(frozen=True)
class When:
    """Conditions over ``Facts`` (and, through ``checks``, the user's own values)."""

    stages: tuple[Stage, ...] = ()
    exceptions: tuple[str, ...] = ()  # class names, exact
    not_exceptions: tuple[str, ...] = ()
    errnos: tuple[int, ...] = ()
    ssl_reasons: tuple[str, ...] = ()
    codes: tuple[int, ...] = ()
    code_range: tuple[int, int] | None = None  # inclusive
    enhanced: tuple[str, ...] = ()  # prefixes on whole components: "5.7" matches "5.7.8", not "5.71"
    text: tuple[str, ...] = ()  # lower-case substrings
    hosts: tuple[str, ...] = ()  # domain suffixes
    ports: tuple[int, ...] = ()
    security: tuple[Security, ...] = ()
    implicit_tls_detected: bool | None = None
    plain_detected: bool | None = None
    starttls_offered: bool | None = None  # False matches only "checked and not offered"
    tls_active: bool | None = None
    authenticated: bool | None = None
    dns_works: bool | None = None
    cancelled: bool | None = None
    has_reply: bool | None = None  # the server answered with a reply code
    checks: tuple[Predicate, ...] = ()

    def matches(self, facts: Facts, ctx: DiagnosisContext) -> bool:
        return all(test(self, facts, ctx) for test in _TESTS)


_CONTINUATION = re.compile(r"\s*\n\s*(?:[245]\.\d{1,3}\.\d{1,3}(?![\d.]))?\s*")


# Letters that do not decompose into a base letter and a mark.
_FOLD = str.maketrans({"ł": "l", "Ł": "l", "ø": "o", "đ": "d", "ß": "ss"})


def fold(text: str) -> str:
    """Lower case without diacritics: Polish replies match the same phrases whether the server
    wrote „hasło” or „haslo” (many do without Polish letters)."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_FOLD))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).lower()


def haystack(facts: Facts) -> str:
    """Reply, exception message and verification message as one folded line; the status code
    that servers repeat on each continuation line is dropped so phrases read across lines."""
    text = "\n".join(p for p in (facts.reply_text, facts.message, facts.verify_message or "") if p)
    return fold(" ".join(_CONTINUATION.sub(" ", text).split()))


def enhanced_matches(code: str | None, prefixes: tuple[str, ...]) -> bool:
    if not code:
        return False
    return any(code == p or code.startswith(p + ".") for p in prefixes)


def host_of(facts: Facts, ctx: DiagnosisContext) -> str:
    return (facts.host or ctx.host).strip().lower().rstrip(".")


def host_in(host: str, suffixes: tuple[str, ...] | dict[str, str]) -> bool:
    return any(host == s or host.endswith("." + s) for s in suffixes)


def provider_name(host: str, table: dict[str, str]) -> str:
    for suffix, name in table.items():
        if host == suffix or host.endswith("." + suffix):
            return name
    return ""


def is_ip_address(name: str) -> bool:
    try:
        ipaddress.ip_address(name.strip("[]"))
    except ValueError:
        return False
    return True


def _mentions(text: str, phrases: tuple[str, ...]) -> bool:
    # Takes the built text, so a rule builds its haystack once rather than once per phrase.
    return any(phrase in text for phrase in phrases)


def _flag(required: bool | None, actual: bool | None) -> bool:
    return required is None or actual is required


_TESTS: tuple[Callable[[When, Facts, DiagnosisContext], bool], ...] = (
    lambda w, f, c: not w.stages or f.stage in w.stages,
    lambda w, f, c: not w.exceptions or f.exception in w.exceptions,
    lambda w, f, c: f.exception not in w.not_exceptions,
    lambda w, f, c: not w.errnos or f.errno in w.errnos,
    lambda w, f, c: not w.ssl_reasons or (f.ssl_reason or "").upper() in w.ssl_reasons,
    lambda w, f, c: not w.codes or f.reply_code in w.codes,
    lambda w, f, c: (
        w.code_range is None
        or (f.reply_code is not None and w.code_range[0] <= f.reply_code <= w.code_range[1])
    ),
    lambda w, f, c: not w.enhanced or enhanced_matches(f.enhanced_code, w.enhanced),
    lambda w, f, c: not w.text or _mentions(haystack(f), w.text),
    lambda w, f, c: not w.hosts or host_in(host_of(f, c), w.hosts),
    lambda w, f, c: not w.ports or (f.port or c.port) in w.ports,
    lambda w, f, c: not w.security or f.security in w.security,
    lambda w, f, c: _flag(w.implicit_tls_detected, f.implicit_tls_detected),
    lambda w, f, c: _flag(w.plain_detected, f.plain_detected),
    lambda w, f, c: _flag(w.starttls_offered, f.starttls_offered),
    lambda w, f, c: _flag(w.tls_active, f.tls_active),
    lambda w, f, c: _flag(w.authenticated, f.authenticated),
    lambda w, f, c: _flag(w.dns_works, f.dns_works),
    lambda w, f, c: _flag(w.cancelled, f.cancelled),
    lambda w, f, c: _flag(w.has_reply, f.reply_code is not None and f.reply_code > 0),
    lambda w, f, c: all(check(f, c) for check in w.checks),
)


# --- predicates named in the rule table -------------------------------------------------------


def non_smtp_greeting(facts: Facts, ctx: DiagnosisContext) -> bool:
    """The first line was not "NNN text": a POP3/IMAP/web server answered (``+OK``, ``* OK``, ``HTTP/``)."""
    if facts.reply_code == -1:
        return True
    if facts.reply_code is not None:
        return False  # a numeric reply is SMTP, whatever it says
    line = facts.greeting or (facts.reply_text if facts.stage is Stage.GREETING else "")
    line = line.strip()
    return bool(line) and not _SMTP_LINE.match(line)


def cert_verify_failed(facts: Facts, ctx: DiagnosisContext) -> bool:
    return (
        facts.exception in CERT_ERRORS
        or (facts.ssl_reason or "").upper() == "CERTIFICATE_VERIFY_FAILED"
        or bool(facts.verify_message)
        or "certificate verify failed" in facts.message.lower()
    )


def cert_self_signed(facts: Facts, ctx: DiagnosisContext) -> bool:
    return facts.cert is not None and facts.cert.self_signed


def cert_by_antivirus(facts: Facts, ctx: DiagnosisContext) -> bool:
    if facts.cert is None:
        return False
    issuer = facts.cert.issuer.lower()
    return any(re.search(rf"\b{re.escape(name)}\b", issuer) for name in ANTIVIRUS_ISSUERS)


def sender_differs_from_login(facts: Facts, ctx: DiagnosisContext) -> bool:
    login, sender = ctx.username.strip().lower(), ctx.sender.strip().lower()
    return "@" in login and bool(sender) and login != sender


def temporary_reply(facts: Facts) -> bool:
    """The server refused for now (4xx, or a 4.x.x status without a usable code)."""
    if facts.reply_code is not None and facts.reply_code > 0:
        return 400 <= facts.reply_code <= 499
    return bool(facts.enhanced_code and facts.enhanced_code.startswith("4."))


# Phrases that put a refusal on the sender's side or the recipient's side, whatever the stage
# (Postfix reports a sender restriction at RCPT; Exchange only after DATA).
SENDER_PHRASES: tuple[str, ...] = (
    "sender address rejected",
    "sender rejected",
    "sender address",
    "sender domain",
    "from address",
    "mail from",
    "envelope sender",
    "sender verify",
    "sender ",
    "adres nadawcy",
    "nadawca",
    "nadawcy",
)
RECIPIENT_PHRASES: tuple[str, ...] = (
    "recipient address rejected",
    "recipient rejected",
    "recipient address",
    "rcpt to",
    "adres odbiorcy",
    "odbiorca",
    "odbiorcy",
)


# Phrases that make a refusal about this computer (its address, name or the relay itself), not
# about either mailbox.
CLIENT_PHRASES: tuple[str, ...] = (
    "client host",
    "helo command",
    "ehlo command",
    "relay",
    "reverse",
    "ptr record",
    "your hostname",
    "your ip",
)


def _mentions_address(text: str, address: str) -> bool:
    address = fold(address.strip())
    return "@" in address and address in text


def sender_side(facts: Facts, ctx: DiagnosisContext) -> bool:
    """The refusal is about the sender: it names the sender's address or says "sender", and does
    not name the recipient (a sender check uses the sender as recipient too)."""
    text = haystack(facts)
    if ctx.sender_check or facts.stage is Stage.MAIL:
        # At MAIL the sender is the only address given; a sender check gives it as recipient too.
        return not _mentions(text, CLIENT_PHRASES) or _mentions(text, SENDER_PHRASES)
    if _mentions_address(text, ctx.recipient) and not _mentions_address(text, ctx.sender):
        return False
    if _mentions(text, RECIPIENT_PHRASES) and not _mentions(text, ("sender address rejected",)):
        return False
    return _mentions_address(text, ctx.sender) or _mentions(text, SENDER_PHRASES)


def recipient_side(facts: Facts, ctx: DiagnosisContext) -> bool:
    """The refusal is about the recipient: neither the sender's nor this computer's side."""
    if sender_side(facts, ctx):
        return False
    text = haystack(facts)
    return _mentions(text, RECIPIENT_PHRASES) or not _mentions(text, CLIENT_PHRASES)


def overflowed(facts: Facts, ctx: DiagnosisContext) -> bool:
    return bool(facts.overflow)


def pinned_changed(facts: Facts, ctx: DiagnosisContext) -> bool:
    return facts.pinned_changed
