"""One-click changes to the account form that a diagnosis can offer (first = recommended)."""

from __future__ import annotations

from collections.abc import Callable

from smtpdesk.core.diagnosis.matchers import cert_by_antivirus, host_of, is_ip_address
from smtpdesk.core.diagnosis.model import DiagnosisContext, Fix, FixKind
from smtpdesk.core.i18n import Msg
from smtpdesk.core.model import IMPLICIT_TLS_PORT, SUBMISSION_PORT, Security
from smtpdesk.core.smtp.result import Facts

_USE_SSL_HERE = Msg(pl="Ustaw SSL/TLS na porcie {port}", en="Use SSL/TLS on port {port}")
_USE_STARTTLS_HERE = Msg(pl="Ustaw STARTTLS na porcie {port}", en="Use STARTTLS on port {port}")
_USE_587 = Msg(pl="Ustaw port 587 i STARTTLS", en="Use port 587 with STARTTLS")
_USE_465 = Msg(pl="Ustaw port 465 i SSL/TLS", en="Use port 465 with SSL/TLS")
_USE_HOST = Msg(pl="Użyj nazwy serwera {host}", en="Use the server name {host}")
_PIN = Msg(
    pl="Zaufaj temu certyfikatowi (tylko dla {host})",
    en="Trust this certificate (for {host} only)",
)
_PIN_NEW = Msg(
    pl="Zaufaj nowemu certyfikatowi (tylko dla {host})",
    en="Trust the new certificate (for {host} only)",
)
_USE_OTHER_PORT_STARTTLS = Msg(
    pl="Port {port} odpowiada — przełącz (STARTTLS)",
    en="Port {port} answers — switch (STARTTLS)",
)
_USE_OTHER_PORT_SSL = Msg(
    pl="Port {port} odpowiada — przełącz (SSL/TLS)",
    en="Port {port} answers — switch (SSL/TLS)",
)
_USE_LOGIN = Msg(pl="Użyj loginu {username}", en="Use the login {username}")
_SEND_AS_LOGIN = Msg(pl="Wysyłaj jako {sender}", en="Send as {sender}")
_CLEAR_LOGIN = Msg(
    pl="Wyczyść login i hasło (serwer bez logowania)",
    en="Clear the login and password (server without login)",
)

_MAIL_LABELS = ("smtp", "mail", "poczta", "mx", "ssl0", "send", "out")


def best_certificate_name(names: tuple[str, ...], host: str) -> str | None:
    """The certificate name the user most likely meant, to put in "Serwer poczty wychodzącej".

    Only DNS names; a wildcard only as the user's own first label under the wildcard's domain
    (``*.hosting.pl`` with ``mail.firma.pl`` → ``mail.hosting.pl``). Preference, in order: the user's
    own domain (typed ``mail.`` where the certificate says ``smtp.``); a concrete server name (the
    hoster's ``s12.hosting.pl`` is certain to exist, a filled-in wildcard is a guess); the user's first
    label; a name that looks like a mail server; the certificate's own order.
    """
    host = host.strip().lower().rstrip(".")
    first_label, _, host_parent = host.partition(".")
    candidates: list[tuple[str, bool]] = []  # (name, came from a wildcard)
    for raw in names:
        name = raw.strip().lower().rstrip(".")
        if not name or is_ip_address(name) or "." not in name:
            continue
        wildcard = name.startswith("*.")
        if wildcard:
            if not first_label or not host_parent or is_ip_address(host) or "*" in name[2:]:
                continue
            name = f"{first_label}.{name[2:]}"
        elif "*" in name:
            continue
        if name != host and name not in (c for c, _ in candidates):
            candidates.append((name, wildcard))

    def preference(item: tuple[int, tuple[str, bool]]) -> tuple[bool, bool, bool, bool, int]:
        index, (name, wildcard) = item
        label, _, parent = name.partition(".")
        own_domain = bool(host_parent) and _registered(name) == _registered(host)
        concrete_server = not wildcard and parent.count(".") >= 1 and label != "www"
        return (own_domain, concrete_server, label == first_label, label.startswith(_MAIL_LABELS), -index)

    ranked = sorted(enumerate(candidates), key=preference, reverse=True)
    return ranked[0][1][0] if ranked else None


def _registered(domain: str) -> str:
    # The last two labels: good enough to tell "the user's domain" from "the hosting company's".
    return ".".join(domain.split(".")[-2:])


def _fix(kind: FixKind, label: Msg, ctx: DiagnosisContext, **params: object) -> Fix:
    values = {"port": ctx.port, "host": ctx.host, "username": ctx.username, "sender": ctx.sender}
    values.update({k: v for k, v in params.items() if isinstance(v, str | int)})
    return Fix(kind=kind, params=dict(params), label=label.text(ctx.lang, **values))


def _port(facts: Facts, ctx: DiagnosisContext) -> int:
    return ctx.port or facts.port


def _ssl_here(facts: Facts, ctx: DiagnosisContext) -> Fix:
    port = _port(facts, ctx)
    return _fix(FixKind.SET_SECURITY, _USE_SSL_HERE, ctx, security=Security.SSL.value, port=port)


def _starttls_here(facts: Facts, ctx: DiagnosisContext) -> Fix:
    port = _port(facts, ctx)
    return _fix(FixKind.SET_SECURITY, _USE_STARTTLS_HERE, ctx, security=Security.STARTTLS.value, port=port)


def _port_587(ctx: DiagnosisContext) -> Fix:
    return _fix(FixKind.SET_PORT, _USE_587, ctx, port=SUBMISSION_PORT, security=Security.STARTTLS.value)


def _port_465(ctx: DiagnosisContext) -> Fix:
    return _fix(FixKind.SET_PORT, _USE_465, ctx, port=IMPLICIT_TLS_PORT, security=Security.SSL.value)


def _plain_on_tls_port(facts: Facts, ctx: DiagnosisContext) -> list[Fix]:
    fixes = [_ssl_here(facts, ctx)]
    if _port(facts, ctx) != SUBMISSION_PORT:
        fixes.append(_port_587(ctx))
    return fixes


def _tls_on_plain_port(facts: Facts, ctx: DiagnosisContext) -> list[Fix]:
    fixes = [_starttls_here(facts, ctx)]
    if _port(facts, ctx) != IMPLICIT_TLS_PORT:
        fixes.append(_port_465(ctx))
    return fixes


def _switch_on_starttls(facts: Facts, ctx: DiagnosisContext) -> list[Fix]:
    named = "starttls" in (facts.reply_text + " " + facts.message).lower()
    if (facts.starttls_offered or named) and not facts.tls_active:
        return [_starttls_here(facts, ctx)]
    return []


def _auth_not_offered(facts: Facts, ctx: DiagnosisContext) -> list[Fix]:
    if facts.starttls_offered and not facts.tls_active:
        return [_starttls_here(facts, ctx)]
    if facts.starttls_offered is False and ctx.username:
        # An IP-authorised relay takes no login; the explanation says when that applies.
        return [_fix(FixKind.CLEAR_CREDENTIALS, _CLEAR_LOGIN, ctx)]
    return []


def _port_465_unless_there(facts: Facts, ctx: DiagnosisContext) -> list[Fix]:
    return [] if _port(facts, ctx) == IMPLICIT_TLS_PORT else [_port_465(ctx)]


def _name_mismatch(facts: Facts, ctx: DiagnosisContext) -> list[Fix]:
    if facts.cert is None:
        return []
    name = best_certificate_name(facts.cert.names, host_of(facts, ctx))
    return [_fix(FixKind.SET_HOST, _USE_HOST, ctx, host=name)] if name else []


def _pin_changed(facts: Facts, ctx: DiagnosisContext) -> list[Fix]:
    cert = facts.cert
    if cert is None or not cert.sha256:
        return []
    return [_fix(FixKind.PIN_CERTIFICATE, _PIN_NEW, ctx, sha256=cert.sha256, host=host_of(facts, ctx))]


def _other_port(facts: Facts, ctx: DiagnosisContext) -> list[Fix]:
    """The ports of the same server that answered when the chosen one was refused or silent."""
    fixes = []
    for port, security in facts.answering_ports:
        label = _USE_OTHER_PORT_SSL if security == "ssl" else _USE_OTHER_PORT_STARTTLS
        mode = Security.SSL if security == "ssl" else Security.STARTTLS
        fixes.append(_fix(FixKind.SET_PORT, label, ctx, port=port, security=mode.value))
    return fixes


def _pin(facts: Facts, ctx: DiagnosisContext) -> list[Fix]:
    cert = facts.cert
    if cert is None or not cert.sha256 or cert_by_antivirus(facts, ctx):
        return []
    self_signed = cert.self_signed or "self-signed" in (facts.verify_message or facts.message).lower()
    if not self_signed:
        return []
    return [_fix(FixKind.PIN_CERTIFICATE, _PIN, ctx, sha256=cert.sha256, host=host_of(facts, ctx))]


def suggested_login(username: str, sender: str) -> str | None:
    """The full address to try as login when the login is only a local part (Thunderbird does the same)."""
    login, sender = username.strip(), sender.strip()
    if not login or "@" in login or "@" not in sender:
        return None
    local, _, domain = sender.rpartition("@")
    return sender if local.lower() == login.lower() else f"{login}@{domain}"


def _full_address_login(facts: Facts, ctx: DiagnosisContext) -> list[Fix]:
    login = suggested_login(ctx.username, ctx.sender)
    return [_fix(FixKind.SET_USERNAME, _USE_LOGIN, ctx, username=login)] if login else []


def _send_as_login(facts: Facts, ctx: DiagnosisContext) -> list[Fix]:
    login = ctx.username.strip()
    if "@" not in login or login.lower() == ctx.sender.strip().lower():
        return []
    return [_fix(FixKind.SET_SENDER, _SEND_AS_LOGIN, ctx, sender=login)]


def _ok(facts: Facts, ctx: DiagnosisContext) -> list[Fix]:
    # The run found implicit TLS by probing; saving it spares the probe next time.
    already = ctx.security is Security.SSL or (
        ctx.security is Security.AUTO and _port(facts, ctx) == IMPLICIT_TLS_PORT
    )
    return [_ssl_here(facts, ctx)] if facts.implicit_tls_detected and not already else []


def _not_smtp_service(facts: Facts, ctx: DiagnosisContext) -> list[Fix]:
    return [] if _port(facts, ctx) == SUBMISSION_PORT else [_port_587(ctx)]


FIXES: dict[str, Callable[[Facts, DiagnosisContext], list[Fix]]] = {
    "ok": _ok,
    "plain_on_tls_port": _plain_on_tls_port,
    "tls_on_plain_port": _tls_on_plain_port,
    "encryption_required": _switch_on_starttls,
    "auth_not_offered": _auth_not_offered,
    "auth_mechanism_unsupported": _switch_on_starttls,
    "starttls_unavailable": _port_465_unless_there,
    "starttls_refused": _port_465_unless_there,
    "not_smtp_service": _not_smtp_service,
    "certificate_name_mismatch": _name_mismatch,
    "certificate_untrusted": _pin,
    "auth_failed": _full_address_login,
    "auth_app_password_required": _full_address_login,
    "sender_not_allowed": _send_as_login,
    "certificate_changed": _pin_changed,
    "connection_refused": _other_port,
    "connect_timeout": _other_port,
    "greeting_timeout": _other_port,
}


def fixes_for(code: str, facts: Facts | None, ctx: DiagnosisContext) -> tuple[Fix, ...]:
    build = FIXES.get(code)
    if build is None or facts is None:
        return ()
    return tuple(build(facts, ctx))
