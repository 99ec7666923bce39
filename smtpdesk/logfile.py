"""The program's log: a rotating file in the per-user log folder, with passwords removed.

``start_logging()`` is called once by the window (and the self-test); from then on every record of
the ``smtpdesk`` loggers (unhandled exceptions included, through the crash reporter) go to
``smtpdesk.log`` (three older files of 1 MiB are kept). Each formatted line, traceback included,
passes through ``smtpdesk.core.redaction.redact`` before it is written.
"""

from __future__ import annotations

import logging
import logging.handlers
import os
from pathlib import Path

import platformdirs

from smtpdesk import APP_NAME
from smtpdesk.core.redaction import redact

ENV_LOG_DIR = "SMTPDESK_LOG_DIR"
LOG_FILE_NAME = "smtpdesk.log"
MAX_BYTES = 1024 * 1024
BACKUPS = 3
# The demo's mail server and the keychain library report problems on loggers of their own.
LIBRARY_LOGGERS = ("mail.log", "keyring")
FORMAT = "%(asctime)s %(levelname)s %(threadName)s %(name)s: %(message)s"

_handler: logging.Handler | None = None


def log_dir() -> Path:
    """``SMTPDESK_LOG_DIR``, else platformdirs' per-user log folder (not created here)."""
    override = os.environ.get(ENV_LOG_DIR)
    if override:
        return Path(override).expanduser()
    return Path(platformdirs.user_log_dir(APP_NAME, appauthor=False))


def log_path() -> Path:
    """The file the log is (or would be) written to."""
    if isinstance(_handler, logging.FileHandler):
        return Path(_handler.baseFilename)
    return log_dir() / LOG_FILE_NAME


class RedactingFormatter(logging.Formatter):
    """Formats as usual, then removes every known secret from the whole text."""

    def format(self, record: logging.LogRecord) -> str:
        return redact(super().format(record))


def start_logging(level: int = logging.INFO) -> Path | None:
    """Sends the program's records to the log file; returns its path (None if it cannot be opened).

    Safe to call more than once. A log folder that cannot be created never stops the program.
    """
    global _handler
    if _handler is not None:
        return log_path()
    path = log_dir() / LOG_FILE_NAME
    try:
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        handler = logging.handlers.RotatingFileHandler(
            path, maxBytes=MAX_BYTES, backupCount=BACKUPS, encoding="utf-8"
        )
    except OSError:
        return None
    handler.setFormatter(RedactingFormatter(FORMAT))
    handler.setLevel(level)
    root = logging.getLogger(APP_NAME)
    root.addHandler(handler)
    if root.level == logging.NOTSET or root.level > level:
        root.setLevel(level)
    for name in LIBRARY_LOGGERS:
        logging.getLogger(name).addHandler(handler)
    _handler = handler
    return path


def stop_logging() -> None:
    """Detaches and closes the log file (tests; the program simply exits)."""
    global _handler
    handler, _handler = _handler, None
    if handler is None:
        return
    for name in (APP_NAME, *LIBRARY_LOGGERS):
        logging.getLogger(name).removeHandler(handler)
    handler.close()
