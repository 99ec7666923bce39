"""Copies of the local settings file, made with SQLite's backup API (consistent even while the file
is in use, including what is still in its write-ahead log).

A copy is made before every upgrade of the file's layout and, when the program starts, once the
newest copy is older than a day. The newest ``KEEP`` copies are kept in ``backups/`` beside the
file; older ones are removed. Nothing here touches an office database (its server has its own
backups).
"""

from __future__ import annotations

import contextlib
import os
import re
import sqlite3
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path

KEEP = 7
MAX_AGE = timedelta(days=1)
FOLDER = "backups"
DIR_MODE = 0o700
FILE_MODE = 0o600
_NAME_RE = re.compile(r"^smtpdesk-(\d{8}T\d{6}\d{6})Z-([a-z0-9-]+)\.sqlite3$")


@dataclass(frozen=True)
class Backup:
    path: Path
    at: datetime
    label: str  # "auto", "before-r0002", "before-v2", ...

    @property
    def size(self) -> int:
        try:
            return self.path.stat().st_size
        except OSError:
            return 0


def folder_of(database: Path) -> Path:
    return database.parent / FOLDER


def list_backups(database: Path) -> list[Backup]:
    """The copies of ``database``, newest first."""
    found: list[Backup] = []
    folder = folder_of(database)
    if not folder.is_dir():
        return found
    for entry in folder.iterdir():
        match = _NAME_RE.match(entry.name)
        if match and entry.is_file():
            at = datetime.strptime(match.group(1), "%Y%m%dT%H%M%S%f").replace(tzinfo=timezone.utc)
            found.append(Backup(entry, at, match.group(2)))
    found.sort(key=lambda b: b.at, reverse=True)
    return found


def make_backup(database: Path, label: str, now: datetime | None = None) -> Path:
    """Copies ``database`` into the backups folder and keeps the newest ``KEEP`` copies."""
    folder = folder_of(database)
    if not folder.exists():
        folder.mkdir(mode=DIR_MODE, parents=True)
        os.chmod(folder, DIR_MODE)
    stamp = (now or datetime.now(timezone.utc)).strftime("%Y%m%dT%H%M%S%f")
    safe_label = re.sub(r"[^a-z0-9-]+", "-", label.lower()).strip("-") or "copy"
    target = folder / f"smtpdesk-{stamp}Z-{safe_label}.sqlite3"
    copy_database(database, target)
    _rotate(database)
    return target


def copy_database(source: Path, target: Path) -> None:
    """A consistent copy of ``source`` at ``target`` (private to the user), via the backup API."""
    temporary = target.with_name(f".{target.name}.part")
    temporary.unlink(missing_ok=True)
    fd = os.open(temporary, os.O_CREAT | os.O_WRONLY | os.O_EXCL, FILE_MODE)
    os.close(fd)
    src = sqlite3.connect(f"file:{source}?mode=ro", uri=True, timeout=30)
    try:
        dst = sqlite3.connect(str(temporary))
        try:
            src.backup(dst)
            # A copy stands alone: no write-ahead log beside it.
            dst.execute("PRAGMA journal_mode = DELETE")
        finally:
            dst.close()
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
    finally:
        src.close()
    os.replace(temporary, target)


def backup_if_due(database: Path, now: datetime | None = None) -> Path | None:
    """A copy when the newest one is older than a day (or there is none)."""
    moment = now or datetime.now(timezone.utc)
    existing = list_backups(database)
    if existing and moment - existing[0].at < MAX_AGE:
        return None
    return make_backup(database, "auto", moment)


def is_intact(path: Path) -> bool:
    """True when SQLite finds nothing wrong in the file."""
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=5)
    except sqlite3.Error:
        return False
    try:
        rows = conn.execute("PRAGMA quick_check").fetchall()
    except sqlite3.Error:
        return False
    finally:
        conn.close()
    return rows == [("ok",)]


def newest_intact_backup(database: Path) -> Backup | None:
    for backup in list_backups(database):
        if is_intact(backup.path):
            return backup
    return None


def _rotate(database: Path) -> None:
    for old in list_backups(database)[KEEP:]:
        with contextlib.suppress(OSError):
            old.path.unlink()
