"""The application's icon, from the PNGs rendered out of ``resources/smtpdesk.svg``."""

from __future__ import annotations

from functools import cache

from PySide6.QtGui import QIcon

from smtpdesk.paths import app_resource

ICON_SIZES = (16, 24, 32, 48, 64, 128, 256)


@cache
def app_icon() -> QIcon:
    """Every size that ships (an empty icon when none does, e.g. a bare wheel install)."""
    icon = QIcon()
    for size in ICON_SIZES:
        path = app_resource(f"smtpdesk-{size}.png")
        if path is not None:
            icon.addFile(str(path))
    return icon
