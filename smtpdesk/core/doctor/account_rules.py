"""Rules about each account's server, port and security."""

from __future__ import annotations

import ipaddress
from collections.abc import Iterator

from smtpdesk.core.doctor.context import (
    Context,
    cap,
    for_account,
)
from smtpdesk.core.doctor.findings import (
    DoctorFix,
    DoctorFixKind,
    Finding,
    Severity,
)
from smtpdesk.core.i18n import Msg
from smtpdesk.core.model import (
    IMPLICIT_TLS_PORT,
    SUBMISSION_PORT,
    Security,
)
from smtpdesk.core.wording import (
    fill,
)

# --- server, port and security -------------------------------------------------------------------

_INCOMING_PORTS = {110: "POP3", 143: "IMAP", 993: "IMAP SSL", 995: "POP3 SSL"}
_INCOMING_PREFIXES = ("imap", "imaps", "pop", "pop3", "pop3s")
_SECURITY_NAMES = {
    Security.AUTO: Msg(pl="automatyczne", en="automatic"),
    Security.STARTTLS: Msg(pl="STARTTLS", en="STARTTLS"),
    Security.SSL: Msg(pl="SSL/TLS", en="SSL/TLS"),
    Security.NONE: Msg(pl="bez szyfrowania", en="no encryption"),
}


def port_security_mismatch(ctx: Context) -> Iterator[Finding]:
    for ref in ctx.accounts():
        account = ref.account
        if account.port == IMPLICIT_TLS_PORT and account.security in (Security.STARTTLS, Security.NONE):
            wanted = Security.SSL
            why = Msg(
                pl="port {port} szyfruje połączenie od pierwszego bajtu (SSL/TLS)",
                en="port {port} encrypts the connection from the first byte (SSL/TLS)",
            )
        elif account.port in (SUBMISSION_PORT, 25) and account.security is Security.SSL:
            wanted = Security.STARTTLS
            why = Msg(
                pl="port {port} zaczyna bez szyfrowania i przechodzi na szyfrowanie poleceniem STARTTLS",
                en="port {port} starts unencrypted and switches to encryption with STARTTLS",
            )
        else:
            continue
        values = {
            "account": ref.label,
            "host": account.host,
            "port": account.port,
            "chosen": _SECURITY_NAMES[account.security],
            "wanted": _SECURITY_NAMES[wanted],
        }
        yield for_account(
            "port_security_mismatch",
            Severity.ERROR,
            ref,
            fill(
                Msg(pl="Port {port} z szyfrowaniem {chosen}", en="Port {port} with {chosen}"),
                port=account.port,
                chosen=_SECURITY_NAMES[account.security],
            ),
            cap(
                fill(
                    Msg(
                        pl=(
                            "{account}: serwer {host}, port {port}, szyfrowanie {chosen}. Ale {why}, więc "
                            "połączenie się nie uda. Ustaw szyfrowanie {wanted}."
                        ),
                        en=(
                            "{account}: server {host}, port {port}, security {chosen}. But {why}, so the "
                            "connection will fail. Set the security to {wanted}."
                        ),
                    ),
                    why=fill(why, port=account.port),
                    **values,
                )
            ),
            DoctorFix(
                DoctorFixKind.SET_SECURITY,
                fill(
                    Msg(pl="Ustaw szyfrowanie {wanted}", en="Set security to {wanted}"),
                    wanted=values["wanted"],
                ),
                {"security": wanted.value},
            ),
        )


def incoming_mail_port(ctx: Context) -> Iterator[Finding]:
    for ref in ctx.accounts():
        account = ref.account
        service = _INCOMING_PORTS.get(account.port)
        if service is None:
            continue
        if account.security is Security.SSL:
            port, security = IMPLICIT_TLS_PORT, Security.SSL
        else:
            port, security = SUBMISSION_PORT, account.security
        yield for_account(
            "incoming_mail_port",
            Severity.ERROR,
            ref,
            fill(
                Msg(pl="Port {port} służy do odbierania poczty", en="Port {port} is for receiving mail"),
                port=account.port,
            ),
            cap(
                fill(
                    Msg(
                        pl=(
                            "{account}: port {port} na serwerze {host} to port poczty przychodzącej "
                            "({service}), a nie wysyłania. Poczta wychodząca używa portu 587 (STARTTLS) "
                            "albo 465 (SSL/TLS)."
                        ),
                        en=(
                            "{account}: port {port} on {host} is an incoming mail port ({service}), not "
                            "for sending. Outgoing mail uses port 587 (STARTTLS) or 465 (SSL/TLS)."
                        ),
                    ),
                    account=ref.label,
                    port=account.port,
                    host=account.host,
                    service=service,
                )
            ),
            DoctorFix(
                DoctorFixKind.SET_PORT,
                fill(Msg(pl="Użyj portu {port}", en="Use port {port}"), port=port),
                {"port": port, "security": security.value},
            ),
        )


def _is_local(host: str) -> bool:
    if host in ("localhost", "localhost.localdomain"):
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def port_25(ctx: Context) -> Iterator[Finding]:
    for ref in ctx.accounts():
        account = ref.account
        if account.port != 25 or _is_local(account.host):
            continue
        security = Security.STARTTLS if account.security is Security.SSL else account.security
        yield for_account(
            "port_25",
            Severity.WARNING,
            ref,
            Msg(pl="Port 25 bywa blokowany", en="Port 25 is often blocked"),
            cap(
                fill(
                    Msg(
                        pl=(
                            "{account} używa portu 25 na serwerze {host}. Większość dostawców internetu "
                            "blokuje połączenia wychodzące na ten port, a serwery często nie przyjmują na "
                            "nim logowania. Zalecany port to 587 (STARTTLS) albo 465 (SSL/TLS)."
                        ),
                        en=(
                            "{account} uses port 25 on {host}. Most internet providers block outgoing "
                            "connections to this port, and servers often refuse logins on it. The "
                            "recommended port is 587 (STARTTLS) or 465 (SSL/TLS)."
                        ),
                    ),
                    account=ref.label,
                    host=account.host,
                )
            ),
            DoctorFix(
                DoctorFixKind.SET_PORT,
                Msg(pl="Użyj portu 587", en="Use port 587"),
                {"port": SUBMISSION_PORT, "security": security.value},
            ),
        )


def incoming_server_host(ctx: Context) -> Iterator[Finding]:
    for ref in ctx.accounts():
        host = ref.account.host.lower()
        prefix, dot, rest = host.partition(".")
        if prefix not in _INCOMING_PREFIXES or not dot or "." not in rest:
            continue
        suggested = f"smtp.{rest}"
        yield for_account(
            "incoming_server_host",
            Severity.WARNING,
            ref,
            fill(
                Msg(
                    pl="{host} wygląda na serwer poczty przychodzącej",
                    en="{host} looks like an incoming mail server",
                ),
                host=ref.account.host,
            ),
            cap(
                fill(
                    Msg(
                        pl=(
                            "{account}: nazwa serwera {host} zaczyna się od „{prefix}.”, czyli zwykle "
                            "wskazuje serwer odbierania poczty (IMAP/POP3), a nie wysyłania. Serwer poczty "
                            "wychodzącej ma zwykle nazwę {suggested} — sprawdź ją u dostawcy poczty."
                        ),
                        en=(
                            '{account}: the server name {host} starts with "{prefix}.", which usually '
                            "points at the server for receiving mail (IMAP/POP3), not sending. The "
                            "outgoing server is usually called {suggested} — check with your mail provider."
                        ),
                    ),
                    account=ref.label,
                    host=ref.account.host,
                    prefix=prefix,
                    suggested=suggested,
                )
            ),
            DoctorFix(
                DoctorFixKind.SET_HOST,
                fill(Msg(pl="Zmień na {host}", en="Change to {host}"), host=suggested),
                {"host": suggested},
            ),
        )


def plaintext_auth(ctx: Context) -> Iterator[Finding]:
    for ref in ctx.accounts():
        account = ref.account
        if account.security is not Security.NONE or not account.allow_plaintext_auth or not account.username:
            continue
        if _is_local(account.host):
            continue  # a password to this computer never crosses the network
        yield for_account(
            "plaintext_auth",
            Severity.WARNING,
            ref,
            Msg(pl="Hasło wysyłane bez szyfrowania", en="Password sent without encryption"),
            cap(
                fill(
                    Msg(
                        pl=(
                            "{account} ({login} na {host}:{port}) ma wyłączone szyfrowanie i zezwala na "
                            "logowanie bez niego — hasło można podsłuchać w sieci. Jeśli serwer na to "
                            "pozwala, użyj portu 587 ze STARTTLS albo 465 z SSL/TLS."
                        ),
                        en=(
                            "{account} ({login} on {host}:{port}) has encryption switched off and allows "
                            "logging in without it — the password can be overheard on the network. If the "
                            "server allows it, use port 587 with STARTTLS or 465 with SSL/TLS."
                        ),
                    ),
                    account=ref.label,
                    login=account.username,
                    host=account.host,
                    port=account.port,
                )
            ),
        )
