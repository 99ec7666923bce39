"""The detection sources after the built-in table: MX, autoconfig, SRV and the probe.

Each source is a function ``(domain, address, dns, deadline, cancel) -> SourceAnswer``; it may
raise ``DnsFailure``/``OSError`` (the detector records that as "failed") and never waits past the
deadline.
"""

from __future__ import annotations

import smtplib
import socket
import ssl
import threading
import xml.etree.ElementTree as ET
from collections.abc import Callable
from dataclasses import dataclass
from typing import IO
from urllib.parse import quote

from smtpdesk.core.detect import providers
from smtpdesk.core.detect.net import Dns, http_get, open_connection, remaining, start_tls
from smtpdesk.core.detect.results import (
    Candidate,
    Detected,
    Source,
    SourceFailure,
    SourceTimeout,
    Username,
    joined,
    verbatim,
)
from smtpdesk.core.i18n import Msg
from smtpdesk.core.model import IMPLICIT_TLS_PORT, SUBMISSION_PORT, Security
from smtpdesk.core.smtp.cancel import Cancelled, CancelToken


@dataclass(frozen=True)
class SourceAnswer:
    detected: Detected | None
    detail: Msg  # what was asked and what came back, for the report


# What a source reports in its own words; host names, records and replies are put in as they are.
NO_SUCH_DOMAIN = Msg(pl="{domain}: nie ma takiej domeny", en="{domain}: no such domain")
NO_MX = Msg(pl="{domain}: brak rekordów MX", en="{domain}: no MX records")
UNKNOWN_PROVIDER = Msg(pl="MX {listed}: nieznany dostawca", en="MX {listed}: not a known provider")
NO_OUTGOING_SERVER = Msg(pl="brak serwera poczty wychodzącej", en="no outgoing server")
NO_TIME_LEFT = Msg(pl="zabrakło czasu", en="no time left")
SRV_RECORDS = Msg(pl="{name}: rekordy: {count}", en="{name}: records: {count}")
TIMED_OUT = Msg(pl="brak odpowiedzi w czasie", en="timed out")
NO_SUCH_NAME = Msg(pl="nie ma takiej nazwy", en="no such name")
NOT_TRUSTED = Msg(pl="certyfikat niezaufany ({reason})", en="certificate not trusted ({reason})")
REFUSED = Msg(pl="połączenie odrzucone", en="connection refused")
GREETS = Msg(pl="odpowiada", en="greets")
NO_GREETING = Msg(pl="brak powitania SMTP ({reply})", en="no SMTP greeting ({reply})")
EHLO_REFUSED = Msg(pl="EHLO odrzucone ({reply})", en="EHLO refused ({reply})")
NO_STARTTLS = Msg(pl="brak STARTTLS na tym porcie", en="no STARTTLS on this port")
CLOSED = Msg(pl="serwer zakończył połączenie", en="the server closed the connection")
DOCTYPE = Msg(
    pl="deklaracja typu dokumentu jest niedozwolona", en="a document type declaration is not allowed"
)
NOT_XML = Msg(pl="to nie jest XML: {error}", en="not XML: {error}")
NOT_CLIENT_CONFIG = Msg(
    pl="to nie jest dokument clientConfig (<{tag}>)", en="not a clientConfig document (<{tag}>)"
)


def _said(msg: Msg, **values: object) -> Msg:
    """``msg`` with ``values`` put in now, in both languages."""
    return Msg(pl=msg.pl.format(**values), en=msg.en.format(**values))


class NotAutoconfig(ValueError):
    def __init__(self, reason: Msg) -> None:
        super().__init__(reason.en)
        self.reason = reason


SourceFunction = Callable[[str, str, Dns, float, CancelToken], SourceAnswer]


# --- MX ----------------------------------------------------------------------------------------


def from_mx(domain: str, address: str, dns_client: Dns, deadline: float, cancel: CancelToken) -> SourceAnswer:
    records = dns_client.query(domain, "MX", deadline)
    if records is None:
        return SourceAnswer(None, _said(NO_SUCH_DOMAIN, domain=domain))
    exchangers = [
        str(getattr(r, "exchange", "")).rstrip(".").lower()
        for r in sorted(records, key=lambda r: int(getattr(r, "preference", 0)))
    ]
    exchangers = [e for e in exchangers if e]
    if not exchangers:
        return SourceAnswer(None, _said(NO_MX, domain=domain))
    listed = ", ".join(exchangers)
    match = providers.by_mx(exchangers)
    if match is None:
        return SourceAnswer(None, _said(UNKNOWN_PROVIDER, listed=listed))
    detected = Detected(
        source=Source.MX,
        candidates=match.candidates,
        provider=match.provider.name,
        detail=f"MX {match.mx_host}",
        needs_server_number=match.needs_server_number,
        oauth=providers.oauth_for_host(match.candidates[0].host),
        note=match.provider.note,
    )
    return SourceAnswer(detected, verbatim(f"MX {listed}"))


# --- autoconfig (Thunderbird's config-v1.1.xml) ------------------------------------------------


def autoconfig_urls(domain: str, address: str) -> tuple[str, ...]:
    """Where Thunderbird looks, in its order: the autoconfig host, then the domain's .well-known,
    each over HTTPS first."""
    query = "?emailaddress=" + quote(address, safe="@")
    return (
        f"https://autoconfig.{domain}/mail/config-v1.1.xml{query}",
        f"https://{domain}/.well-known/autoconfig/mail/config-v1.1.xml",
        f"http://autoconfig.{domain}/mail/config-v1.1.xml{query}",
        f"http://{domain}/.well-known/autoconfig/mail/config-v1.1.xml",
    )


_SOCKET_TYPES = {"SSL": Security.SSL, "STARTTLS": Security.STARTTLS, "PLAIN": Security.NONE}


def parse_autoconfig(body: bytes, domain: str, address: str) -> tuple[list[Candidate], str, bool]:
    """(outgoing SMTP servers, provider's display name, offers OAuth2) from a config-v1.1.xml.

    Raises NotAutoconfig (a ValueError) for something that is not such a file. Documents with a
    DOCTYPE are refused outright: a settings file never needs one, and entities are how XML bombs
    work.
    """
    if b"<!DOCTYPE" in body.upper() or b"<!ENTITY" in body.upper():
        raise NotAutoconfig(DOCTYPE)
    try:
        root = ET.fromstring(body)
    except ET.ParseError as error:
        raise NotAutoconfig(_said(NOT_XML, error=error)) from None
    if root.tag != "clientConfig":
        raise NotAutoconfig(_said(NOT_CLIENT_CONFIG, tag=root.tag))
    local = address.partition("@")[0]
    candidates: list[Candidate] = []
    oauth = False
    name = ""
    for provider in root.iter("emailProvider"):
        name = name or (provider.findtext("displayName") or "").strip()
        for server in provider.iter("outgoingServer"):
            if server.get("type", "smtp") != "smtp":
                continue
            host = (server.findtext("hostname") or "").strip()
            host = host.replace("%EMAILDOMAIN%", domain).lower()
            port_text = (server.findtext("port") or "").strip()
            security = _SOCKET_TYPES.get((server.findtext("socketType") or "").strip().upper())
            login = (server.findtext("username") or "%EMAILADDRESS%").strip()
            methods = {(a.text or "").strip() for a in server.iter("authentication")}
            oauth = oauth or "OAuth2" in methods
            if not host or "%" in host or not port_text.isdigit() or security is None:
                continue
            port = int(port_text)
            if not 0 < port < 65536:
                continue
            username = Username.LOCALPART if login in ("%EMAILLOCALPART%", local) else Username.EMAIL
            candidates.append(Candidate(host, port, security, username))
    return candidates, name, oauth


def from_autoconfig(
    domain: str, address: str, dns_client: Dns, deadline: float, cancel: CancelToken
) -> SourceAnswer:
    tried: list[Msg] = []
    for url in autoconfig_urls(domain, address):
        if remaining(deadline) <= 0:
            break
        cancel.check()
        try:
            status, body = http_get(url, dns_client, deadline, cancel)
        except Cancelled:
            raise
        except (OSError, ssl.SSLError, ValueError) as error:
            tried.append(joined((verbatim(_short(url)), _reason(error)), ": "))
            continue
        if status != 200:
            tried.append(verbatim(f"{_short(url)}: HTTP {status}"))
            continue
        try:
            candidates, name, oauth = parse_autoconfig(body, domain, address)
        except NotAutoconfig as error:
            tried.append(joined((verbatim(_short(url)), error.reason), ": "))
            continue
        if not candidates:
            tried.append(joined((verbatim(_short(url)), NO_OUTGOING_SERVER), ": "))
            continue
        best = candidates[0]
        detected = Detected(
            source=Source.AUTOCONFIG,
            candidates=tuple(candidates),
            provider=name,
            detail=_short(url),
            oauth=(providers.oauth_for_host(best.host) if oauth else None),
        )
        return SourceAnswer(detected, verbatim(_short(url)))
    return SourceAnswer(None, joined(tried) if tried else NO_TIME_LEFT)


def _short(url: str) -> str:
    return url.split("?", 1)[0]


def _timed_out(error: BaseException) -> bool:
    if isinstance(error, socket.gaierror):
        return error.errno == socket.EAI_AGAIN
    return isinstance(error, TimeoutError | socket.timeout)


def _reason(error: BaseException) -> Msg:
    if isinstance(error, SourceFailure | SourceTimeout | NotAutoconfig):
        return error.reason
    if _timed_out(error):
        return TIMED_OUT
    if isinstance(error, socket.gaierror):
        return NO_SUCH_NAME
    if isinstance(error, ssl.SSLCertVerificationError):
        return _said(NOT_TRUSTED, reason=error.verify_message)
    if isinstance(error, ConnectionRefusedError):
        return REFUSED
    return verbatim(str(error) or type(error).__name__)


# --- SRV (RFC 6186, RFC 8314) ------------------------------------------------------------------


def from_srv(
    domain: str, address: str, dns_client: Dns, deadline: float, cancel: CancelToken
) -> SourceAnswer:
    found: list[tuple[int, int, int, Candidate, str]] = []
    asked: list[Msg] = []
    # RFC 8314 prefers implicit TLS: its records come first at equal priority.
    for rank, (label, security) in enumerate(
        (("_submissions._tcp", Security.SSL), ("_submission._tcp", Security.STARTTLS))
    ):
        name = f"{label}.{domain}"
        records = dns_client.query(name, "SRV", deadline) or []
        asked.append(_said(SRV_RECORDS, name=name, count=len(records)))
        for record in records:
            target = str(getattr(record, "target", "")).rstrip(".").lower()
            port = int(getattr(record, "port", 0))
            if not target or not 0 < port < 65536:
                continue  # "." means: this service is not offered here (RFC 2782)
            priority = int(getattr(record, "priority", 0))
            weight = int(getattr(record, "weight", 0))
            found.append(
                (priority, rank, -weight, Candidate(target, port, security), f"{name} → {target}:{port}")
            )
    if not found:
        return SourceAnswer(None, joined(asked))
    found.sort(key=lambda item: item[:3])
    best = found[0]
    detected = Detected(
        source=Source.SRV,
        candidates=tuple(item[3] for item in found),
        detail=best[4],
        oauth=providers.oauth_for_host(best[3].host),
    )
    return SourceAnswer(detected, verbatim(best[4]))


# --- the probe -------------------------------------------------------------------------------


def probe_names(domain: str) -> tuple[Candidate, ...]:
    return tuple(
        Candidate(f"{label}.{domain}", port, security)
        for label in ("smtp", "mail")
        for port, security in ((SUBMISSION_PORT, Security.STARTTLS), (IMPLICIT_TLS_PORT, Security.SSL))
    )


def _greets(candidate: Candidate, dns_client: Dns, deadline: float, cancel: CancelToken) -> str:
    """Connect, (TLS,) read the 220 greeting, EHLO, QUIT. Returns the greeting; raises otherwise.
    On 587 the server must offer STARTTLS: a password never goes over an open line."""
    port = dns_client.network.probe_port(candidate.port)
    raw = open_connection(dns_client, candidate.host, port, deadline, cancel)
    sock: socket.socket = raw
    reader: IO[bytes] | None = None
    try:
        raw.settimeout(max(remaining(deadline), 0.01))
        if candidate.security is Security.SSL:
            sock = start_tls(raw, candidate.host, dns_client.network, cancel)
        reader = sock.makefile("rb")
        greeting = _reply(reader)
        if not greeting.startswith("220"):
            raise SourceFailure(_said(NO_GREETING, reply=repr(greeting[:60])))
        sock.sendall(b"EHLO smtpdesk.invalid\r\n")
        ehlo = _reply(reader)
        if not ehlo.startswith("250"):
            raise SourceFailure(_said(EHLO_REFUSED, reply=repr(ehlo[:60])))
        if candidate.security is Security.STARTTLS and "STARTTLS" not in ehlo.upper():
            raise SourceFailure(NO_STARTTLS)
        sock.sendall(b"QUIT\r\n")
        return greeting.splitlines()[0]
    finally:
        if reader is not None:
            reader.close()  # else the socket stays open until collected
        cancel.detach(raw)
        cancel.detach(sock)
        sock.close()
        raw.close()


def _reply(reader: IO[bytes]) -> str:
    lines: list[str] = []
    while len(lines) < 100:
        line = reader.readline(1024)
        if not line:
            raise SourceFailure(CLOSED)
        text = line.decode("utf-8", "replace").rstrip("\r\n")
        lines.append(text)
        if text[3:4] != "-":
            break
    return "\n".join(lines)


def from_probe(
    domain: str, address: str, dns_client: Dns, deadline: float, cancel: CancelToken
) -> SourceAnswer:
    """All four (name, port) pairs at once; the first in ``probe_names`` order that greets wins."""
    candidates = probe_names(domain)
    outcomes: dict[int, str | BaseException] = {}
    lock = threading.Lock()
    done = threading.Event()

    def run(index: int, candidate: Candidate) -> None:
        try:
            result: str | BaseException = _greets(candidate, dns_client, deadline, cancel)
        except (Cancelled, OSError, ssl.SSLError, smtplib.SMTPException, ValueError) as error:
            result = error
        with lock:
            outcomes[index] = result
            if len(outcomes) == len(candidates):
                done.set()

    for index, candidate in enumerate(candidates):
        threading.Thread(
            target=run, args=(index, candidate), name="smtpdesk-detect-probe", daemon=True
        ).start()
    while not done.wait(0.05):
        cancel.check()
        with lock:
            decided = _first_greeting(outcomes, len(candidates))
        if decided is not None or remaining(deadline) <= 0:
            break
    cancel.check()
    with lock:
        snapshot = dict(outcomes)
    winner = _first_greeting(snapshot, len(candidates))
    details = []
    for index, candidate in enumerate(candidates):
        outcome = snapshot.get(index)
        state = TIMED_OUT if outcome is None else (GREETS if isinstance(outcome, str) else _reason(outcome))
        details.append(joined((verbatim(f"{candidate.host}:{candidate.port}"), state), " "))
    if winner is None:
        if all(isinstance(o, BaseException) and _timed_out(o) for o in snapshot.values()):
            raise SourceTimeout(joined(details))
        return SourceAnswer(None, joined(details))
    chosen = candidates[winner]
    others = tuple(c for i, c in enumerate(candidates) if i != winner and isinstance(snapshot.get(i), str))
    detected = Detected(
        source=Source.PROBE,
        candidates=(chosen, *others),
        detail=f"{chosen.host}:{chosen.port}",
        oauth=providers.oauth_for_host(chosen.host),
    )
    return SourceAnswer(detected, joined(details))


def _first_greeting(outcomes: dict[int, str | BaseException], count: int) -> int | None:
    """The first candidate that greeted, once every candidate before it has failed."""
    for index in range(count):
        outcome = outcomes.get(index)
        if outcome is None:
            return None
        if isinstance(outcome, str):
            return index
    return None


SOURCES: dict[Source, SourceFunction] = {
    Source.MX: from_mx,
    Source.AUTOCONFIG: from_autoconfig,
    Source.SRV: from_srv,
    Source.PROBE: from_probe,
}
