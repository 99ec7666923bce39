"""Where smtpdesk keeps its files.

One place decides the data directory: ``--data-dir DIR`` beats ``SMTPDESK_DATA_DIR``, which beats
platformdirs' per-user data directory. Tests point both at a temporary folder.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import platformdirs

from smtpdesk import APP_NAME

ENV_DATA_DIR = "SMTPDESK_DATA_DIR"
DATABASE_NAME = "smtpdesk.sqlite3"


def data_dir(override: str | os.PathLike[str] | None = None, *, create: bool = True) -> Path:
    """The directory holding the settings database, created (mode 0700) if missing unless
    ``create`` is False (the command line never creates anything)."""
    if override:
        path = Path(override).expanduser()
    elif os.environ.get(ENV_DATA_DIR):
        path = Path(os.environ[ENV_DATA_DIR]).expanduser()
    else:
        path = Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))
    if create:
        path.mkdir(parents=True, exist_ok=True, mode=0o700)
    return path


def config_dir() -> Path:
    """Where this desktop keeps its own choices (e.g. which office database it uses); not created."""
    return Path(platformdirs.user_config_dir(APP_NAME, appauthor=False))


def database_path(directory: Path) -> Path:
    return directory / DATABASE_NAME


def resource_path(name: str) -> Path:
    """A file shipped in ``smtpdesk/resources`` (also inside a frozen bundle)."""
    if getattr(sys, "frozen", False):
        return Path(getattr(sys, "_MEIPASS", ".")) / "smtpdesk" / "resources" / name
    return Path(__file__).parent / "resources" / name


def app_resource(name: str) -> Path | None:
    """A file of the top-level ``resources/`` folder (icon, desktop entry): next to the package in a
    source checkout, inside the bundle when frozen. None when this installation does not ship it."""
    if getattr(sys, "frozen", False):
        path = Path(getattr(sys, "_MEIPASS", ".")) / "resources" / name
    else:
        path = Path(__file__).resolve().parent.parent / "resources" / name
    return path if path.is_file() else None
