"""Which settings this desktop uses: ``--database URL`` beats ``SMTPDESK_DATABASE``, which beats
the choice saved in this desktop's config folder, which beats the local file in the data folder.

The saved choice holds the server, port, database, user and TLS settings only (a small JSON file,
private to the user); the database password lives in the keychain.
"""

from __future__ import annotations

import json
import logging
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from smtpdesk import paths
from smtpdesk.core.store.location import Location, LocationError

log = logging.getLogger(__name__)

ENV_DATABASE = "SMTPDESK_DATABASE"
CONFIG_NAME = "database.json"
FILE_MODE = 0o600
DIR_MODE = 0o700

Source = Literal["option", "environment", "saved", "local"]


@dataclass(frozen=True)
class Choice:
    location: Location
    source: Source


def config_path() -> Path:
    return paths.config_dir() / CONFIG_NAME


def saved_location() -> Location | None:
    path = config_path()
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return None
    except (OSError, ValueError) as error:
        log.warning("the saved database choice %s cannot be read: %s", path, type(error).__name__)
        return None
    try:
        return Location.from_json(data)
    except LocationError:
        log.warning("the saved database choice %s is not understood", path)
        return None


def save_location(location: Location | None) -> None:
    """Remembers ``location`` for the next starts; None goes back to the local file."""
    path = config_path()
    if location is None or (location.kind == "sqlite" and location.path is None):
        path.unlink(missing_ok=True)
        return
    if not path.parent.exists():
        path.parent.mkdir(parents=True, mode=DIR_MODE)
    temporary = path.with_name(f".{path.name}.part")
    fd = os.open(temporary, os.O_CREAT | os.O_WRONLY | os.O_TRUNC, FILE_MODE)
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        json.dump(location.to_json(), handle, indent=2)
    os.replace(temporary, path)


def choose(option: str | None, data_dir: Path) -> Choice:
    """The location this start uses; LocationError for a URL that is not understood."""
    if option:
        return Choice(Location.parse(option), "option")
    from_env = os.environ.get(ENV_DATABASE, "").strip()
    if from_env:
        return Choice(Location.parse(from_env), "environment")
    saved = saved_location()
    if saved is not None:
        return Choice(saved, "saved")
    return Choice(Location.sqlite(paths.database_path(data_dir)), "local")
