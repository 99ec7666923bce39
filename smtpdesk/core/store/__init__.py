"""The office's settings: the local SQLite file by default, an office PostgreSQL database when
several desktops share one configuration (see ``store.store`` for what is kept and how)."""

from smtpdesk.core.store.changes import Actor, ChangeRecord, ChangeWatcher
from smtpdesk.core.store.damage import DamagedError, DamageReport
from smtpdesk.core.store.errors import NewerDatabaseError, StoreError
from smtpdesk.core.store.location import Location, LocationError
from smtpdesk.core.store.merge import Conflict, ConflictError
from smtpdesk.core.store.store import HISTORY_KEEP_PER_ACCOUNT, Snapshot, Store

__all__ = [
    "HISTORY_KEEP_PER_ACCOUNT",
    "Actor",
    "ChangeRecord",
    "ChangeWatcher",
    "Conflict",
    "ConflictError",
    "DamageReport",
    "DamagedError",
    "Location",
    "LocationError",
    "NewerDatabaseError",
    "Snapshot",
    "Store",
    "StoreError",
]
