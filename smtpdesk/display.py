"""Whether the window can be shown here, asked before Qt is loaded.

Without a display Qt's X11 plugin prints a page about platform plugins and aborts the
interpreter; a user deserves one sentence that says what is missing instead.
"""

from __future__ import annotations

import os
import socket
import sys
from collections.abc import Mapping
from pathlib import Path

from smtpdesk.core.i18n import Lang, Msg

X11_SOCKET_DIR = Path("/tmp/.X11-unix")
# Platforms that draw without a display server (tests, the self-test, screenshots).
HEADLESS_PLATFORMS = ("offscreen", "minimal", "vnc")

NO_DISPLAY = Msg(
    pl=(
        "smtpdesk: nie można otworzyć okna — brak ekranu (nie ustawiono DISPLAY ani WAYLAND_DISPLAY). "
        "Uruchom program w sesji graficznej albo użyj wiersza poleceń: smtpdesk-cli check | doctor."
    ),
    en=(
        "smtpdesk: cannot open the window — there is no display (neither DISPLAY nor WAYLAND_DISPLAY "
        "is set). Start it in a desktop session, or use the command line: smtpdesk-cli check | doctor."
    ),
)
DISPLAY_UNREACHABLE = Msg(
    pl=(
        "smtpdesk: nie można otworzyć okna — ekran {display} nie odpowiada. Uruchom program w sesji "
        "graficznej albo użyj wiersza poleceń: smtpdesk-cli check | doctor."
    ),
    en=(
        "smtpdesk: cannot open the window — the display {display} does not answer. Start it in a "
        "desktop session, or use the command line: smtpdesk-cli check | doctor."
    ),
)


def display_problem(
    lang: Lang | None = None, env: Mapping[str, str] | None = None, platform: str | None = None
) -> str | None:
    """Why no window can be shown here, in ``lang`` (None: go ahead). Only Linux and the BSDs need
    a display server."""
    env = os.environ if env is None else env
    platform = sys.platform if platform is None else platform
    if platform.startswith(("win", "darwin", "cygwin")):
        return None
    qpa = env.get("QT_QPA_PLATFORM", "").split(":")[0].split(";")[0].strip().lower()
    if qpa in HEADLESS_PLATFORMS:
        return None
    if env.get("WAYLAND_DISPLAY") and qpa != "xcb":
        return None
    display = env.get("DISPLAY", "")
    if not display:
        return NO_DISPLAY.text(lang)
    if not _x_display_answers(display):
        return DISPLAY_UNREACHABLE.text(lang, display=display)
    return None


def _x_display_answers(display: str) -> bool:
    """True when ``display`` (":0", ":0.0", "host:10") accepts a connection within a second."""
    host, _, rest = display.rpartition(":")
    number = rest.split(".")[0]
    if not number.isdigit():
        return True  # an unusual name: let Qt try it
    if host in ("", "unix"):
        for address in (f"\0{X11_SOCKET_DIR}/X{number}", str(X11_SOCKET_DIR / f"X{number}")):
            with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as sock:
                sock.settimeout(1.0)
                try:
                    sock.connect(address)
                except OSError:
                    continue
                return True
        return False
    if host.startswith("/"):  # macOS XQuartz launchd socket paths
        return True
    try:
        with socket.create_connection((host, 6000 + int(number)), timeout=1.0):
            return True
    except OSError:
        return False
