"""Stopping a running test from another thread (the Cancel button)."""

from __future__ import annotations

import contextlib
import socket
import threading


class Cancelled(Exception):
    """Raised inside the engine when the run was cancelled; never leaves ``run_test``."""


def _interrupt(sock: socket.socket) -> None:
    # shutdown() wakes a thread blocked in recv/poll on this socket at once (close() would not,
    # and could hand the descriptor number to another file while it is still being read).
    # The plain socket method is used on purpose for TLS sockets too: it only touches the
    # descriptor, not the TLS object the reading thread is using.
    with contextlib.suppress(OSError):
        socket.socket.shutdown(sock, socket.SHUT_RDWR)


class CancelToken:
    """``cancel()`` is thread-safe: it marks the run cancelled and shuts down every socket the
    run has open, so a blocked read ends immediately rather than at its timeout."""

    def __init__(self) -> None:
        self._event = threading.Event()
        self._lock = threading.Lock()
        self._sockets: set[socket.socket] = set()

    @property
    def cancelled(self) -> bool:
        return self._event.is_set()

    def cancel(self) -> None:
        with self._lock:
            self._event.set()
            sockets = list(self._sockets)
        for sock in sockets:
            _interrupt(sock)

    def check(self) -> None:
        if self._event.is_set():
            raise Cancelled()

    def attach(self, sock: socket.socket) -> None:
        """Register a socket the run is using (it is shut down at once if already cancelled)."""
        with self._lock:
            if not self._event.is_set():
                self._sockets.add(sock)
                return
        _interrupt(sock)

    def detach(self, sock: socket.socket) -> None:
        with self._lock:
            self._sockets.discard(sock)
