"""A window that grows to show all of a scroll area's content, as far as the screen allows."""

from __future__ import annotations

from PySide6.QtWidgets import QScrollArea, QWidget

TITLE_BAR_ROOM = 48  # pixels a window manager's frame adds above a window
STEPS = 4


def fit_height(window: QWidget, area: QScrollArea) -> None:
    """Grows ``window`` until the whole of ``area``'s widget shows, never past the screen (with room
    for the title bar, so a 1366×768 screen shows all of the window), then moves it up if its
    bottom went below the screen; what does not fit scrolls in ``area``."""
    layout = window.layout()
    content = area.widget()
    assert layout is not None and content is not None
    screen = window.screen()
    available = screen.availableGeometry() if screen is not None else None
    limit = min(int(available.height() * 0.9), available.height() - TITLE_BAR_ROOM) if available else 2000
    # Other rows may take a share of any extra height too, so it can take a step or two.
    for _step in range(STEPS):
        layout.activate()
        viewport = area.viewport()
        missing = content.heightForWidth(viewport.width()) - viewport.height()
        if missing <= 0 or window.height() >= limit:
            break
        window.resize(window.width(), min(window.height() + missing, limit))
    if available is not None and window.isVisible():
        frame = window.frameGeometry()
        if frame.bottom() > available.bottom():
            window.move(frame.left(), max(available.top(), available.bottom() - frame.height()))


def grow_to_content(window: QWidget) -> None:
    """Makes ``window`` as high as its wrapped labels need at its width (a window's layout keeps
    only its minimum size, which leaves word-wrapped lines out), never past the screen."""
    layout = window.layout()
    assert layout is not None
    layout.activate()
    needed = layout.totalHeightForWidth(window.width())
    screen = window.screen()
    if screen is not None:
        available = screen.availableGeometry().height()
        needed = min(needed, min(int(available * 0.9), available - TITLE_BAR_ROOM))
    if needed > window.height():
        window.resize(window.width(), needed)
