"""The user's own values (and what the run learned) as they are filled into the diagnosis texts."""

from __future__ import annotations

import re

from smtpdesk.core.diagnosis.fixes import best_certificate_name, suggested_login
from smtpdesk.core.diagnosis.matchers import APP_PASSWORD_HOSTS, PORTAL_HOSTS, host_of, provider_name
from smtpdesk.core.diagnosis.model import DiagnosisContext
from smtpdesk.core.i18n import Lang
from smtpdesk.core.keychain_advice import locked_advice, no_keychain_advice
from smtpdesk.core.model import AuthMethod, Security
from smtpdesk.core.smtp.replies import MAX_LINE_BYTES, MAX_REPLY_BYTES, MAX_REPLY_LINES
from smtpdesk.core.smtp.result import Facts, Stage
from smtpdesk.core.stages import stage_in_sentence

REPLY_LIMIT = 300


_SECURITY_NAMES: dict[Security, tuple[str, str]] = {
    Security.AUTO: ("automatycznie", "automatic"),
    Security.STARTTLS: ("STARTTLS", "STARTTLS"),
    Security.SSL: ("SSL/TLS", "SSL/TLS"),
    Security.NONE: ("brak szyfrowania", "no encryption"),
}

_MISSING = {"pl": "(nie podano)", "en": "(not given)"}
_UNKNOWN = {"pl": "(nieznane)", "en": "(unknown)"}
_NONE = {"pl": "(brak)", "en": "(none)"}


def _pick(pair: tuple[str, str], lang: Lang) -> str:
    return pair[1] if lang == "en" else pair[0]


def server_reply(facts: Facts | None) -> str:
    """The server's last reply on one line ("535 5.7.8 Authentication credentials invalid")."""
    if facts is None:
        return ""
    text = " ".join((facts.reply_text or "").split())
    if not text and (facts.stage is Stage.GREETING or facts.reply_code == -1):
        text = " ".join(facts.greeting.split())
    if not text:
        return ""
    code = facts.reply_code if facts.reply_code and facts.reply_code > 0 else None
    parts = [str(code)] if code and not text.startswith(str(code)) else []
    if facts.enhanced_code and facts.enhanced_code not in text.split()[:2]:
        parts.append(facts.enhanced_code)
    parts.append(text)
    line = " ".join(parts)
    return line if len(line) <= REPLY_LIMIT else line[: REPLY_LIMIT - 1].rstrip() + "…"


_DNS_KINDS: dict[str, tuple[str, str]] = {
    "nxdomain": ("taka nazwa nie istnieje (NXDOMAIN)", "no such name (NXDOMAIN)"),
    "nodata": (
        "nazwa istnieje, ale nie ma adresu (brak rekordu A/AAAA)",
        "the name exists but has no address",
    ),
    "servfail": (
        "serwer DNS nie umiał odpowiedzieć (SERVFAIL lub chwilowy błąd)",
        "the DNS server could not answer (SERVFAIL or a temporary error)",
    ),
    "timeout": ("serwer DNS nie odpowiedział w czasie", "the DNS server did not answer in time"),
}
_DNS_DETAIL = (
    " Odpowiedź systemu nazw (DNS): „{error}” — {kind}.",
    " The name system (DNS) said: “{error}” — {kind}.",
)
_LIMITS: dict[str, tuple[str, str]] = {
    "line": (f"{MAX_LINE_BYTES} bajtów w linii", f"{MAX_LINE_BYTES} bytes per line"),
    "lines": (f"{MAX_REPLY_LINES} linii w odpowiedzi", f"{MAX_REPLY_LINES} lines per reply"),
    "bytes": (f"{MAX_REPLY_BYTES} bajtów w odpowiedzi", f"{MAX_REPLY_BYTES} bytes per reply"),
}
_SECURITY_OF_PROBE = {"starttls": Security.STARTTLS, "ssl": Security.SSL}


def _dns_detail(facts: Facts | None, lang: Lang) -> str:
    if facts is None or not facts.dns_error:
        return ""
    kind = _pick(_DNS_KINDS[facts.dns_kind], lang) if facts.dns_kind in _DNS_KINDS else "?"
    return _pick(_DNS_DETAIL, lang).format(error=facts.dns_error, kind=kind)


def _smtputf8_address(ctx: DiagnosisContext) -> str:
    for address in (ctx.sender, ctx.recipient):
        local = address.strip().rpartition("@")[0]
        if local and not local.isascii():
            return address.strip()
    return ctx.sender.strip() or ctx.recipient.strip()


def alternative_ports(facts: Facts | None, lang: Lang) -> str:
    """ "587 (STARTTLS)" for the ports of the same server that answered a quick probe."""
    if facts is None:
        return ""
    return ", ".join(
        f"{port} ({_pick(_SECURITY_NAMES[_SECURITY_OF_PROBE[security]], lang)})"
        for port, security in facts.answering_ports
        if security in _SECURITY_OF_PROBE
    )


def _date(iso: str) -> str:
    match = re.match(r"\d{4}-\d{2}-\d{2}", iso or "")
    return match.group(0) if match else iso


def _fingerprint(sha256: str) -> str:
    hexes = re.sub(r"[^0-9a-fA-F]", "", sha256).upper()
    return ":".join(hexes[i : i + 2] for i in range(0, len(hexes), 2))


def text_values(facts: Facts | None, ctx: DiagnosisContext) -> dict[str, str]:
    lang = ctx.lang
    missing, unknown = _MISSING[lang], _UNKNOWN[lang]
    host = ctx.host or (facts.host if facts else "") or missing
    port = ctx.port or (facts.port if facts else 0)
    cert = facts.cert if facts else None
    sender = ctx.sender.strip()
    known_host = host_of(facts, ctx) if facts else ctx.host.lower()
    best = best_certificate_name(cert.names, known_host) if cert else None
    login = suggested_login(ctx.username, ctx.sender)
    used = facts.security if facts else ctx.security
    return {
        "host": host,
        "port": str(port) if port else missing,
        "username": ctx.username or missing,
        "sender": sender or missing,
        "sender_domain": sender.rpartition("@")[2] if "@" in sender else missing,
        "recipient": ctx.recipient or missing,
        "security": _pick(_SECURITY_NAMES[ctx.security], lang),
        "security_used": _pick(_SECURITY_NAMES[used], lang),
        "stage": stage_in_sentence(facts.stage, lang) if facts else unknown,
        "reply": server_reply(facts),
        # Appended to a finished sentence, so an empty message leaves no trace.
        "detail": f" {facts.message.strip()}" if facts and facts.message.strip() else "",
        "cert_names": ", ".join(cert.names) if cert and cert.names else unknown,
        "cert_issuer": (cert.issuer if cert else "") or unknown,
        "cert_not_after": _date(cert.not_after) if cert else unknown,
        "cert_not_before": _date(cert.not_before) if cert else unknown,
        "fingerprint": _fingerprint(cert.sha256) if cert and cert.sha256 else unknown,
        "best_name": best or unknown,
        "mechanisms": ", ".join(facts.auth_mechanisms) if facts and facts.auth_mechanisms else _NONE[lang],
        "provider": provider_name(known_host, APP_PASSWORD_HOSTS)
        or provider_name(known_host, PORTAL_HOSTS)
        or host,
        "login_suggestion": login or missing,
        "dns_detail": _dns_detail(facts, lang),
        "size_limit": str(facts.size_limit) if facts and facts.size_limit else unknown,
        "message_size": str(facts.message_size) if facts and facts.message_size else unknown,
        "smtputf8_address": _smtputf8_address(ctx) or missing,
        "limit": _pick(_LIMITS[facts.overflow], lang) if facts and facts.overflow in _LIMITS else unknown,
        "alt_ports": alternative_ports(facts, lang),
        "oauth_provider": "Google" if ctx.auth_method is AuthMethod.OAUTH_GOOGLE else "Microsoft",
        # The provider's sentence is quoted inside one of ours, which brings its own full stop.
        "oauth_detail": facts.message.strip().rstrip(".") if facts else "",
        "keychain_advice": no_keychain_advice().text(lang),
        "keychain_lock_advice": locked_advice().text(lang),
    }
