"""The time the sign-in rules read: lockouts, password age and idle locking ask a ``Clock``, so the
tests move time forward instead of waiting."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timezone

Clock = Callable[[], datetime]


def system_clock() -> datetime:
    """Now, in UTC."""
    return datetime.now(timezone.utc)
