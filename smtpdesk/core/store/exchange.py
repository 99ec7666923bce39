"""Export and import of the office's configuration: how an office without a database server keeps
several desktops in step (export on the manager's desktop, import on each agent's).

``export_configuration`` writes the settings and employees (and, when asked, the test history) as
one JSON document (see ``exchange_file``), never a password. ``read_import`` checks a file field by
field with the validators of the forms, ``preview_import`` says what importing it would change,
and ``apply_import`` writes exactly that in one transaction — or nothing, when the file has
problems or the database changed since the preview.
"""

from __future__ import annotations

import contextlib
import json
import os
import uuid
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from smtpdesk.core.model import employee_account
from smtpdesk.core.secrets import SecretState, SecretStore
from smtpdesk.core.store.exchange_file import (
    FORMAT,
    MAX_FILE_BYTES,
    VERSION,
    ParsedFile,
    Problem,
    document,
    read,
)
from smtpdesk.core.store.exchange_preview import Group, HasPassword, Preview, Row, build, shown
from smtpdesk.core.store.import_job import ImportConflictError, ImportOutcome
from smtpdesk.core.store.store import Store

__all__ = [
    "FORMAT",
    "VERSION",
    "Group",
    "ImportConflictError",
    "ImportOutcome",
    "ParsedFile",
    "Preview",
    "Problem",
    "Row",
    "apply_import",
    "export_configuration",
    "export_json",
    "password_known",
    "preview_import",
    "read_import",
    "read_import_file",
    "shown",
    "write_export",
]

FILE_MODE = 0o600
# Every run the database keeps (it keeps at most HISTORY_KEEP_PER_ACCOUNT per account).
_ALL = 2**62


def export_configuration(
    store: Store, *, include_history: bool = False, now: datetime | None = None
) -> dict[str, Any]:
    """The configuration file's content: settings, employees, and the test history if asked."""
    runs = list(reversed(store.history(limit=_ALL))) if include_history else None
    return document(
        store.load_settings(),
        store.list_employees(),
        runs,
        now=now or datetime.now(timezone.utc),
    )


def export_json(content: dict[str, Any]) -> str:
    return json.dumps(content, ensure_ascii=False, indent=2) + "\n"


def write_export(path: Path, content: dict[str, Any]) -> None:
    """Writes the file readable by its owner only, whole or not at all (an existing file is
    replaced only once the new one is complete)."""
    target = Path(path)
    temporary = target.with_name(f".{target.name}.{uuid.uuid4().hex}.part")
    fd = os.open(temporary, os.O_CREAT | os.O_EXCL | os.O_WRONLY, FILE_MODE)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as file:
            file.write(export_json(content))
            file.flush()
            os.fsync(file.fileno())
        os.chmod(temporary, FILE_MODE)
        os.replace(temporary, target)
    except BaseException:
        with contextlib.suppress(OSError):
            temporary.unlink()
        raise


def read_import(data: bytes) -> ParsedFile:
    return read(data)


def read_import_file(path: Path) -> ParsedFile:
    """Reads a file chosen for import (OSError when it cannot be read at all)."""
    with open(path, "rb") as file:
        size = os.fstat(file.fileno()).st_size
        # A larger file is refused without reading it (it may also grow while being read).
        data = file.read(MAX_FILE_BYTES + 1) if size <= MAX_FILE_BYTES else b""
    return read(data, size=size)


def password_known(secrets: SecretStore) -> HasPassword:
    """Whether this computer has the password of an account (never reads the password itself)."""
    return lambda key: secrets.state(key) in (SecretState.STORED, SecretState.SESSION_ONLY)


def preview_import(
    store: Store, parsed: ParsedFile, *, source: str, has_password: HasPassword | None = None
) -> Preview:
    """What importing ``parsed`` into ``store`` would change, as of now."""
    settings = store.load_settings()
    employees = store.list_employees()
    known = (
        {(run.account_key, run.at, run.code) for run in store.history(limit=_ALL)}
        if parsed.history
        else set()
    )
    return build(parsed, source, settings, employees, known, has_password or (lambda key: False))


def apply_import(
    store: Store, preview: Preview, *, remove_absent: bool = False, secrets: SecretStore | None = None
) -> ImportOutcome:
    """Writes what ``preview`` shows, all or nothing. Raises ``ImportConflictError`` when the
    database changed since the preview, ``StoreError`` when it cannot be written; ValueError for
    a preview of a file with problems. The passwords of removed employees go afterwards."""
    outcome = store.apply_import(preview.job_for(remove_absent))
    if secrets is not None:
        for employee_id in outcome.removed:
            secrets.delete(employee_account(employee_id))
    return outcome
