"""Deadlines: a stage and the whole run each end at a fixed moment, however the server drips.

A per-read timeout restarts with every byte, so a server sending one byte a second keeps a
"5 second" step alive for ever. Every wait in the engine asks a ``Deadline`` how long is left.
"""

from __future__ import annotations

import time


class DeadlineExceeded(TimeoutError):
    """The stage (or the run) ran out of time; the message says which and after how long."""


class Deadline:
    def __init__(self, seconds: float, *, within: Deadline | None = None, what: str = "") -> None:
        now = time.monotonic()
        self.seconds = seconds
        self.until = now + seconds
        self.what = what
        # The run's own deadline caps every stage's.
        self.parent = within
        if within is not None and within.until < self.until:
            self.until = within.until
            self.seconds = max(within.until - now, 0.0)
            self.what = within.what

    def remaining(self) -> float:
        return self.until - time.monotonic()

    def expired(self) -> bool:
        return self.remaining() <= 0

    def left(self, cap: float | None = None) -> float:
        """Seconds left (at least a millisecond, for socket timeouts); DeadlineExceeded at zero."""
        remaining = self.remaining()
        if remaining <= 0:
            raise self.exceeded()
        return max(min(remaining, cap) if cap is not None else remaining, 0.001)

    def exceeded(self) -> DeadlineExceeded:
        return DeadlineExceeded(f"timed out: {self.what or 'no answer'} within {self.seconds:g} s")
