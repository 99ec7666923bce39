"""Window sizes and positions remembered between starts, in ``windows.json`` in the config folder.

A small JSON file instead of QSettings: its folder follows platformdirs like the rest of the
program's files, and one unreadable file only means the default size.
"""

from __future__ import annotations

import json
import logging
from pathlib import Path

import platformdirs
from PySide6.QtCore import QByteArray
from PySide6.QtWidgets import QWidget

from smtpdesk import APP_NAME

log = logging.getLogger(__name__)

FILE_NAME = "windows.json"


def config_dir() -> Path:
    return Path(platformdirs.user_config_dir(APP_NAME, appauthor=False))


def _read(path: Path) -> dict[str, str]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return {str(k): str(v) for k, v in data.items()} if isinstance(data, dict) else {}


def restore_geometry(window: QWidget, name: str) -> bool:
    """Gives ``window`` the size and place it had when it last closed; False when none is known.

    Qt keeps a restored window on a screen that still exists, so a removed monitor is harmless.
    """
    saved = _read(config_dir() / FILE_NAME).get(name)
    if not saved:
        return False
    return bool(window.restoreGeometry(QByteArray.fromBase64(saved.encode("ascii"))))


def save_geometry(window: QWidget, name: str) -> None:
    path = config_dir() / FILE_NAME
    data = _read(path)
    data[name] = bytes(window.saveGeometry().toBase64().data()).decode("ascii")
    try:
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        path.write_text(json.dumps(data, indent=1), encoding="utf-8")
    except OSError as error:
        log.info("window size not remembered: %s", error)
