"""Name lookup, TCP connect and the two quick probes that tell which TLS mode a port speaks.

Every wait here is bounded and checks the cancel token at least every ``_SLICE`` seconds, so no
step can outlive its timeout or a Cancel by more than that.
"""

from __future__ import annotations

import errno
import ipaddress
import os
import selectors
import socket
import ssl
import threading
import time
from collections.abc import Callable
from typing import Any

from smtpdesk.core.smtp.cancel import Cancelled, CancelToken
from smtpdesk.core.smtp.deadline import Deadline

Address = tuple[int, tuple[Any, ...]]  # (address family, socket address)
Resolver = Callable[[str, int], list[Address]]

_SLICE = 0.05
# A second lookup of a name that always exists tells "this name does not exist" from "no DNS".
DNS_PROBE_NAME = "www.google.com"
# RFC 6761: names under these never exist on the internet; asking about them proves nothing.
_SPECIAL_USE = (".invalid", ".test", ".example", ".localhost")
_IN_PROGRESS = {errno.EINPROGRESS, errno.EWOULDBLOCK, errno.EAGAIN, getattr(errno, "WSAEWOULDBLOCK", -1)}


def is_special_use(host: str) -> bool:
    name = "." + host.rstrip(".").lower()
    return name.endswith(_SPECIAL_USE)


def system_resolver(host: str, port: int) -> list[Address]:
    """``getaddrinfo`` for TCP, in the order the system prefers; ``.invalid`` names are refused
    locally as RFC 6761 asks (no query leaves the computer)."""
    if ("." + host.rstrip(".").lower()).endswith(".invalid"):
        raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")
    seen: list[Address] = []
    for family, _type, _proto, _name, sockaddr in socket.getaddrinfo(host, port, type=socket.SOCK_STREAM):
        entry = (int(family), tuple(sockaddr))
        if entry not in seen:
            seen.append(entry)
    return seen


def ip_literal(host: str, port: int) -> list[Address] | None:
    """The address of a host given as an IP address (no lookup, no thread), else None."""
    try:
        ip = ipaddress.ip_address(host.strip("[]"))
    except ValueError:
        return None
    if isinstance(ip, ipaddress.IPv6Address):
        return [(int(socket.AF_INET6), (str(ip), port, 0, 0))]
    return [(int(socket.AF_INET), (str(ip), port))]


# getaddrinfo's errors, told apart the way a DNS person would: the name does not exist
# (NXDOMAIN), exists without an address, the DNS server failed (SERVFAIL), or no answer in time.
_DNS_KINDS = {
    socket.EAI_NONAME: "nxdomain",
    getattr(socket, "EAI_NODATA", -5): "nodata",
    getattr(socket, "EAI_ADDRFAMILY", -9): "nodata",
    socket.EAI_AGAIN: "servfail",
    socket.EAI_FAIL: "servfail",
    11001: "nxdomain",  # WSAHOST_NOT_FOUND
    11004: "nodata",  # WSANO_DATA
    11002: "servfail",  # WSATRY_AGAIN
    11003: "servfail",  # WSANO_RECOVERY
}


def dns_kind(error: OSError) -> str:
    if isinstance(error, TimeoutError) or "timed out" in str(error):
        return "timeout"
    return _DNS_KINDS.get(error.errno or 0, "")


def resolve(resolver: Resolver, host: str, port: int, timeout: float, cancel: CancelToken) -> list[Address]:
    """Run the (blocking, timeout-less) resolver in a helper thread so a hung DNS server cannot
    hold the run longer than ``timeout`` and Cancel still works."""
    if resolver is system_resolver:
        literal = ip_literal(host, port)
        if literal is not None:
            return literal
    outcome: dict[str, Any] = {}
    done = threading.Event()

    def lookup() -> None:
        try:
            outcome["addresses"] = resolver(host, port)
        except BaseException as exc:  # handed over to the waiting thread
            outcome["error"] = exc
        finally:
            done.set()

    threading.Thread(target=lookup, name="smtpdesk-dns", daemon=True).start()
    deadline = time.monotonic() + timeout
    while not done.wait(_SLICE):
        cancel.check()
        if time.monotonic() >= deadline:
            raise socket.gaierror(socket.EAI_AGAIN, f"Name lookup timed out after {timeout:g} s (no answer)")
    cancel.check()
    if "error" in outcome:
        raise outcome["error"]
    addresses: list[Address] = outcome["addresses"]
    if not addresses:
        raise socket.gaierror(socket.EAI_NODATA, "No address associated with hostname")
    return addresses


def dns_works(resolver: Resolver, host: str, timeout: float, cancel: CancelToken) -> bool | None:
    """After a failed lookup: does a name that certainly exists resolve? None when not asked."""
    if is_special_use(host):
        return None
    try:
        resolve(resolver, DNS_PROBE_NAME, 443, timeout, cancel)
    except Cancelled:
        raise
    except OSError:
        return False
    return True


def _wait(sock: socket.socket, events: int, timeout: float, cancel: CancelToken) -> bool:
    """Wait until ``sock`` is ready for ``events``; False when ``timeout`` ran out."""
    deadline = time.monotonic() + timeout
    with selectors.DefaultSelector() as selector:
        selector.register(sock, events)
        while True:
            cancel.check()
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                return False
            if selector.select(min(_SLICE, remaining)):
                return True


def wait_readable(sock: socket.socket, timeout: float, cancel: CancelToken) -> bool:
    return _wait(sock, selectors.EVENT_READ, timeout, cancel)


def _connect_one(address: Address, timeout: float, cancel: CancelToken) -> socket.socket:
    family, sockaddr = address
    cancel.check()  # a cancelled run opens no connection at all
    sock = socket.socket(family, socket.SOCK_STREAM)
    try:
        sock.setblocking(False)
        code = sock.connect_ex(sockaddr)
        if code and code not in _IN_PROGRESS:
            raise OSError(code, os.strerror(code))
        if code and not _wait(sock, selectors.EVENT_WRITE, timeout, cancel):
            raise TimeoutError("timed out")
        code = sock.getsockopt(socket.SOL_SOCKET, socket.SO_ERROR)
        if code:
            raise OSError(code, os.strerror(code))  # becomes ConnectionRefusedError etc.
        sock.setblocking(True)
        return sock
    except BaseException:
        sock.close()
        raise


def _most_telling(errors: list[OSError]) -> OSError:
    """With several addresses (IPv6 and IPv4), report the error that says most about the server:
    a refusal, then a timeout, then anything else (often just "no IPv6 route here")."""
    for kind in (ConnectionRefusedError, TimeoutError):
        for error in errors:
            if isinstance(error, kind):
                return error
    return errors[-1]


def connect(
    addresses: list[Address],
    deadline: Deadline,
    cancel: CancelToken,
    on_attempt: Callable[[Address], None] | None = None,
) -> tuple[socket.socket, Address]:
    """A connected socket to the first address that answers within the one ``deadline``."""
    errors: list[OSError] = []
    for address in addresses:
        if on_attempt is not None:
            on_attempt(address)
        remaining = deadline.remaining()
        if remaining <= 0:
            errors.append(TimeoutError("timed out"))
            break
        try:
            return _connect_one(address, remaining, cancel), address
        except OSError as error:
            errors.append(error)
    raise _most_telling(errors)


def sni_name(host: str) -> str:
    return host.rstrip(".")


def unverified_context() -> ssl.SSLContext:
    """TLS without certificate checks, for two narrow uses only: learning whether a port speaks
    TLS at all (nothing but the handshake happens, then the connection is closed), and reading
    a certificate that already failed verification so its details can be shown; the engine then
    goes on only if its fingerprint equals the one the user pinned for this server."""
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    context.check_hostname = False
    context.verify_mode = ssl.CERT_NONE
    return context


def wrap_tls(context: ssl.SSLContext, sock: socket.socket, host: str) -> ssl.SSLSocket:
    """``context.wrap_socket`` (handshake left to the caller), without leaking a socket.

    When the server has already reset the connection, CPython's ``SSLSocket._create`` raises
    from its own connection check after taking over the descriptor, and drops the half-made
    SSLSocket unclosed. The reset is looked for first; should it land in between, the half-made
    socket is found in the traceback and closed.
    """
    try:
        sock.getpeername()
    except OSError as error:
        code = sock.getsockopt(socket.SOL_SOCKET, socket.SO_ERROR) or error.errno or errno.ENOTCONN
        raise OSError(code, os.strerror(code)) from None
    try:
        return context.wrap_socket(sock, server_hostname=sni_name(host), do_handshake_on_connect=False)
    except OSError as error:
        frame = error.__traceback__
        while frame is not None:
            half_made = frame.tb_frame.f_locals.get("self")
            if isinstance(half_made, ssl.SSLSocket):
                half_made.close()
            frame = frame.tb_next
        raise


def handshake(tls: ssl.SSLSocket, deadline: Deadline) -> None:
    """The TLS handshake within ``deadline`` (CPython bounds the whole handshake by the socket
    timeout, not each read, so a peer dripping bytes cannot stretch it)."""
    tls.settimeout(deadline.left())
    try:
        tls.do_handshake()
    except TimeoutError:
        raise deadline.exceeded() from None


def speaks_implicit_tls(address: Address, host: str, timeout: float, cancel: CancelToken) -> bool:
    """Does a TLS handshake succeed on a fresh connection to ``address`` within ``timeout``?"""
    deadline = Deadline(timeout)
    try:
        sock = _connect_one(address, timeout, cancel)
    except (OSError, Cancelled):
        return False
    tls: ssl.SSLSocket | None = None
    cancel.attach(sock)
    try:
        tls = wrap_tls(unverified_context(), sock, host)
        cancel.detach(sock)
        cancel.attach(tls)
        handshake(tls, deadline)
        return True
    except (OSError, ValueError):
        return False
    finally:
        cancel.detach(sock)
        if tls is not None:
            cancel.detach(tls)
            tls.close()
        sock.close()


def speaks_plain_smtp(address: Address, timeout: float, cancel: CancelToken) -> bool:
    """Does a fresh plain connection to ``address`` get an SMTP "220" greeting within ``timeout``?"""
    deadline = Deadline(timeout)
    try:
        sock = _connect_one(address, timeout, cancel)
    except (OSError, Cancelled):
        return False
    cancel.attach(sock)
    try:
        received = b""
        while len(received) < 4:
            sock.settimeout(deadline.left())
            chunk = sock.recv(512)
            if not chunk:
                break
            received += chunk
        return received.startswith(b"220")
    except OSError:
        return False
    finally:
        cancel.detach(sock)
        sock.close()


class PortProbe:
    """Quick checks of other ports of the same server, in the background, each bounded by
    ``timeout``: started when the chosen port is refused or silent, read when the run ends.
    A port counts as "starttls" when it greets in plain SMTP, "ssl" when it takes a TLS handshake."""

    def __init__(self, address: Address, host: str, ports: tuple[int, ...], timeout: float) -> None:
        self.ports = ports
        self.found: dict[int, str] = {}
        self._cancel = CancelToken()
        family, sockaddr = address
        # Both questions at once for each port: a plain greeting (STARTTLS ports) and a TLS
        # handshake (implicit TLS ports); the slower one would otherwise eat the other's time.
        self._threads = []
        for port in ports:
            other: Address = (family, (sockaddr[0], port, *sockaddr[2:]))
            for kind in ("starttls", "ssl"):
                thread = threading.Thread(
                    target=self._probe, args=(other, host, port, kind, timeout), name="smtpdesk-port-probe"
                )
                thread.daemon = True
                self._threads.append(thread)
        for thread in self._threads:
            thread.start()

    def _probe(self, address: Address, host: str, port: int, kind: str, timeout: float) -> None:
        if kind == "starttls":
            answered = speaks_plain_smtp(address, timeout, self._cancel)
        else:
            answered = speaks_implicit_tls(address, host, timeout, self._cancel)
        if answered:
            self.found.setdefault(port, kind)

    def results(self, deadline: Deadline) -> tuple[tuple[int, str], ...]:
        """The ports that answered, waiting for the probes no longer than ``deadline``."""
        for thread in self._threads:
            thread.join(max(deadline.remaining(), 0.0))
        self.stop()
        return tuple((port, self.found[port]) for port in self.ports if port in self.found)

    def stop(self) -> None:
        """End the probes still running (their sockets are shut down at once) and wait for them."""
        self._cancel.cancel()
        for thread in self._threads:
            thread.join(1.0)
