"""``scripts/setup`` (run by the README's commands and by ``.ci/run``) installs every system library
Qt's X11 plugin links to, so the window opens on a fresh Debian/Ubuntu desktop instead of failing
with "Could not load the Qt platform plugin xcb"."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import PySide6
import pytest

REPO = Path(__file__).resolve().parents[2]
QT = Path(PySide6.__file__).parent / "Qt"
XCB_PLUGIN = QT / "plugins" / "platforms" / "libqxcb.so"
# The X11 libraries the plugin needs that a desktop without X11 programs may lack.
X11_LIBRARY = re.compile(r"^lib(xcb|X11-xcb|xkbcommon-x11)[-.]")

pytestmark = pytest.mark.skipif(
    not sys.platform.startswith("linux") or shutil.which("ldd") is None or not XCB_PLUGIN.exists(),
    reason="Qt's X11 plugin and ldd exist on Linux only",
)


def system_packages() -> set[str]:
    match = re.search(r"SYSTEM_PACKAGES=\(([^)]*)\)", (REPO / "scripts" / "setup").read_text())
    assert match is not None
    return set(match.group(1).split())


def debian_package(soname: str) -> str:
    """Debian's package name for a library: libxcb-icccm.so.4 → libxcb-icccm4, libxkbcommon-x11.so.0
    → libxkbcommon-x11-0 (a hyphen when the name itself ends in a digit)."""
    name, _, version = soname.partition(".so.")
    name = name.lower()
    return f"{name}-{version}" if name[-1].isdigit() else f"{name}{version}"


def linked_x11_libraries() -> set[str]:
    binaries = [XCB_PLUGIN, *(QT / "lib").glob("libQt6XcbQpa.so*")]
    found: set[str] = set()
    for binary in binaries:
        listing = subprocess.run(["ldd", str(binary)], capture_output=True, text=True, timeout=60).stdout
        for line in listing.splitlines():
            soname = line.strip().split(" ", 1)[0]
            if X11_LIBRARY.match(soname) and ".so." in soname:
                found.add(soname)
    return found


def test_debian_package_names() -> None:
    assert debian_package("libxcb-icccm.so.4") == "libxcb-icccm4"
    assert debian_package("libX11-xcb.so.1") == "libx11-xcb1"
    assert debian_package("libxkbcommon-x11.so.0") == "libxkbcommon-x11-0"


def test_every_x11_library_of_the_qt_plugin_is_installed_by_the_setup_script() -> None:
    libraries = linked_x11_libraries()
    assert "libxcb.so.1" in libraries  # ldd's listing was read
    needed = sorted(debian_package(soname) for soname in libraries)
    assert [package for package in needed if package not in system_packages()] == []
