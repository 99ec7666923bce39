"""The network as detection sees it: DNS records through dnspython, addresses, HTTP(S) fetches.

Everything takes a deadline (``time.monotonic()`` value) and a ``CancelToken``; nothing waits past
either. ``Network`` says where to ask: the system's resolver and the usual ports by default, a
loopback DNS server and other ports in tests (and nothing else ever changes them).
"""

from __future__ import annotations

import http.client
import socket
import ssl
import time
from dataclasses import dataclass, field
from urllib.parse import urlsplit

import dns.exception
import dns.name
import dns.rdatatype
import dns.resolver

from smtpdesk.core.i18n import Msg
from smtpdesk.core.smtp.cancel import CancelToken
from smtpdesk.core.smtp.deadline import Deadline
from smtpdesk.core.smtp.network import Address, Resolver, connect, resolve, system_resolver

# An autoconfig file is a few kilobytes; anything much larger is not one.
MAX_BODY = 256 * 1024
USER_AGENT = "smtpdesk (mail settings detection)"


class DnsFailure(Exception):
    """The DNS question could not be answered (no server, timeout, broken answer); ``reason`` in
    both languages, ``timed_out`` when only the time ran out."""

    def __init__(self, reason: Msg, *, timed_out: bool = False) -> None:
        super().__init__(reason.en)
        self.reason = reason
        self.timed_out = timed_out


NO_DNS_SERVERS = Msg(
    pl="na tym komputerze nie ustawiono żadnego serwera DNS",
    en="no DNS servers are configured on this computer",
)
DNS_TIMED_OUT = Msg(pl="brak odpowiedzi w czasie", en="timed out")


@dataclass(frozen=True)
class Network:
    nameservers: tuple[str, ...] = ()  # empty: the system's configuration
    dns_port: int = 53
    http_port: int = 80
    https_port: int = 443
    # Port actually dialled for a submission port (587 → …, 465 → …); tests map them to listeners.
    probe_ports: dict[int, int] = field(default_factory=dict)
    # Addresses of names through the same DNS servers as the records (tests' loopback DNS server)
    # instead of the system lookup (which also reads the hosts file).
    addresses_by_dns: bool = False
    ca_file: str = ""  # extra trust for HTTPS and implicit-TLS probes (tests' own CA)

    def probe_port(self, port: int) -> int:
        return self.probe_ports.get(port, port)

    def tls_context(self) -> ssl.SSLContext:
        context = ssl.create_default_context()
        if self.ca_file:
            context.load_verify_locations(cafile=self.ca_file)
        return context


def remaining(deadline: float) -> float:
    return max(0.0, deadline - time.monotonic())


class Dns:
    """dnspython's stub resolver, configured once per detection."""

    def __init__(self, network: Network) -> None:
        self.network = network
        try:
            self._resolver = dns.resolver.Resolver(configure=not network.nameservers)
        except dns.resolver.NoResolverConfiguration as error:
            raise DnsFailure(NO_DNS_SERVERS) from error
        if network.nameservers:
            self._resolver.nameservers = list(network.nameservers)
            self._resolver.port = network.dns_port

    def query(self, name: str, rdtype: str, deadline: float) -> list[object] | None:
        """The records of ``name``; None when the name does not exist, [] when it has none of
        that type. Raises ``DnsFailure`` when no answer came in time."""
        lifetime = remaining(deadline)
        if lifetime <= 0:
            raise DnsFailure(DNS_TIMED_OUT, timed_out=True)
        try:
            answer = self._resolver.resolve(
                name, rdtype, lifetime=lifetime, raise_on_no_answer=False, search=False
            )
        except dns.resolver.NXDOMAIN:
            return None
        except dns.resolver.LifetimeTimeout as error:
            raise DnsFailure(DNS_TIMED_OUT, timed_out=True) from error
        except (dns.exception.DNSException, OSError) as error:
            text = str(error) or type(error).__name__
            raise DnsFailure(Msg(pl=text, en=text)) from error
        return list(answer) if answer.rrset is not None else []

    def addresses(self, host: str, port: int, deadline: float) -> list[Address]:
        found: list[Address] = []
        for rdtype, family in (("A", socket.AF_INET), ("AAAA", socket.AF_INET6)):
            try:
                records = self.query(host, rdtype, deadline) or []
            except DnsFailure:
                if rdtype == "A":
                    raise
                records = []
            for record in records:
                address = str(getattr(record, "address", ""))
                sockaddr: tuple[object, ...] = (
                    (address, port) if family == socket.AF_INET else (address, port, 0, 0)
                )
                found.append((int(family), sockaddr))
        if not found:
            raise socket.gaierror(socket.EAI_NONAME, f"{host} has no address")
        return found

    def resolver(self, deadline: float) -> Resolver:
        """A name lookup for connections: this DNS or the system's (see ``Network``)."""
        if not self.network.addresses_by_dns:
            return system_resolver

        def lookup(host: str, port: int) -> list[Address]:
            return self.addresses(host, port, deadline)

        return lookup


def open_connection(
    dns_client: Dns, host: str, port: int, deadline: float, cancel: CancelToken
) -> socket.socket:
    """A TCP connection to ``host`` within the deadline (OSError when there is none)."""
    timeout = remaining(deadline)
    if timeout <= 0:
        raise TimeoutError("timed out")
    addresses = resolve(dns_client.resolver(deadline), host, port, timeout, cancel)
    sock, _address = connect(addresses, Deadline(max(remaining(deadline), 0.01), what="detection"), cancel)
    cancel.attach(sock)
    return sock


def start_tls(raw: socket.socket, host: str, network: Network, cancel: CancelToken) -> ssl.SSLSocket:
    """TLS on ``raw`` (which the caller still closes). The cancel token lets go of the plain socket
    first: shutting it down while ``wrap_socket`` takes it over can leave the new TLS socket open
    but unowned. The handshake itself is bounded by the socket's timeout."""
    cancel.detach(raw)
    cancel.check()
    tls = network.tls_context().wrap_socket(raw, server_hostname=host)
    cancel.attach(tls)
    return tls


class _Connection(http.client.HTTPConnection):
    """http.client on a socket opened here (so the name goes through ``Dns`` and the deadline)."""

    def __init__(self, host: str, sock: socket.socket, timeout: float) -> None:
        super().__init__(host, timeout=timeout)
        self.sock = sock

    def connect(self) -> None:
        raise OSError("the connection is already open")


def http_get(url: str, dns_client: Dns, deadline: float, cancel: CancelToken) -> tuple[int, bytes]:
    """(status, body) of a GET of ``url``; the body is cut at ``MAX_BODY``. Redirects are not
    followed: a settings file must come from the domain it describes."""
    parts = urlsplit(url)
    host = parts.hostname or ""
    secure = parts.scheme == "https"
    port = dns_client.network.https_port if secure else dns_client.network.http_port
    raw = open_connection(dns_client, host, port, deadline, cancel)
    sock = raw
    try:
        raw.settimeout(max(remaining(deadline), 0.01))
        if secure:
            sock = start_tls(raw, host, dns_client.network, cancel)
        conn = _Connection(host, sock, remaining(deadline))
        try:
            path = parts.path + (f"?{parts.query}" if parts.query else "")
            conn.request(
                "GET", path, headers={"User-Agent": USER_AGENT, "Accept": "application/xml, text/xml"}
            )
            response = conn.getresponse()
            try:
                body = response.read(MAX_BODY + 1)
            finally:
                response.close()
            return response.status, body[:MAX_BODY]
        finally:
            conn.close()
    finally:
        cancel.detach(raw)
        cancel.detach(sock)
        sock.close()
        raw.close()
