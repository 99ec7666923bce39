"""Checks and preparations before any network traffic: nothing is sent for unusable settings."""

from __future__ import annotations

import os
import ssl
import threading

from smtpdesk.core.footer import Footer
from smtpdesk.core.message import build_test_message
from smtpdesk.core.model import SmtpAccount
from smtpdesk.core.smtp.request import MailTestRequest
from smtpdesk.core.validation import not_text


def _has_control(text: str) -> bool:
    return any(c in text for c in "\r\n\0")


def request_problem(request: MailTestRequest) -> tuple[str, str] | None:
    """(kind, message) of the first reason the request cannot be run, or None.

    The kind ends up as ``Facts.exception`` at the CONFIG stage.
    """
    account = request.account
    if not account.configured:
        return "NoServerConfigured", "No sending server is configured"
    if not 0 < account.port < 65536:
        return "InvalidPort", f"Port {account.port} is outside 1-65535"
    values = (account.host, account.username, request.sender, request.recipient, request.ehlo_name or "")
    if any(not_text(v) for v in (*values, request.password or "")):
        return "NotText", "A server name, login, password or address holds bytes that are not UTF-8 text"
    if any(_has_control(v) for v in values):
        return "InvalidValue", "A server name, login or address contains a line break"
    name = request.ehlo_name
    if name is not None and not (name and name.isascii() and name.isprintable() and " " not in name):
        return "InvalidValue", "The EHLO name must be one word of plain ASCII"
    if request.has_credentials and not request.password and request.token_provider is None:
        if request.password_state == "unavailable":
            return (
                "KeychainUnavailable",
                "A login is set but this computer has no keychain to keep its password",
            )
        if request.password_state == "locked":
            return "KeychainLocked", "A login is set but the keychain holding its password is locked"
        return "MissingPassword", "A login is set but there is no password"
    if not request.login_only and (not request.sender.strip() or not request.recipient.strip()):
        return "MissingAddress", "The sender and the recipient address are both needed"
    return None


def message_bytes(request: MailTestRequest) -> bytes:
    """The given message, or the standard test mail (ValueError for an unusable address)."""
    if request.message is not None:
        return request.message
    return build_test_message(
        sender=request.sender.strip(),
        sender_name="",
        recipient=request.recipient.strip(),
        footer=Footer(),
        lang=request.lang,
    )


# Loading the system trust store takes tens of milliseconds and holds the interpreter lock, which
# stalls the window during "check all"; a context is read-only once built, so runs share it.
_contexts: dict[tuple[str, float, int], ssl.SSLContext] = {}
_contexts_lock = threading.Lock()


def verify_context(account: SmtpAccount) -> ssl.SSLContext:
    """The system trust store plus, when given, the account's own CA file (OSError/SSLError when
    that file cannot be used). ``create_default_context(cafile=…)`` would *replace* the system
    store instead of adding to it. Cached per CA file and its modification time and size."""
    key = ("", 0.0, 0)
    if account.ca_file:
        info = os.stat(account.ca_file)
        key = (account.ca_file, info.st_mtime, info.st_size)
    with _contexts_lock:
        context = _contexts.get(key)
        if context is None:
            context = ssl.create_default_context()
            if account.ca_file:
                context.load_verify_locations(cafile=account.ca_file)
            if len(_contexts) > 32:
                _contexts.clear()
            _contexts[key] = context
        return context
