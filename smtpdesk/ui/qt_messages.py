"""Qt's own warnings go to the log file instead of the terminal.

A user starting the window from a menu never sees the terminal, and one starting it from a
terminal should not be greeted by plugin chatter ("This plugin does not support …").
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QMessageLogContext, QtMsgType, qInstallMessageHandler

log = logging.getLogger("smtpdesk.qt")

_LEVELS = {
    QtMsgType.QtDebugMsg: logging.DEBUG,
    QtMsgType.QtInfoMsg: logging.INFO,
    QtMsgType.QtWarningMsg: logging.WARNING,
    QtMsgType.QtCriticalMsg: logging.ERROR,
    QtMsgType.QtFatalMsg: logging.CRITICAL,
}


def _handle(kind: QtMsgType, context: QMessageLogContext, message: str) -> None:
    category = context.category or "qt"
    log.log(_LEVELS.get(kind, logging.WARNING), "%s: %s", category, message)


def route_qt_messages_to_log() -> None:
    """Call once, by the program itself (test runners install handlers of their own)."""
    qInstallMessageHandler(_handle)
