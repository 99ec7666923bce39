"""One-click tests in the window: live progress, diagnosis, one-click fixes, check-all, history.

The application calls ``install_mail_tests(window)``; the employee dialog calls
``attach_mail_test_buttons(section, store, secrets, ...)``. Both are imported lazily, so the window's
own modules can import this package without a cycle.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from smtpdesk.ui.mailtest.buttons import MailTestButtons, attach_mail_test_buttons
    from smtpdesk.ui.mailtest.install import MailTestTools, install_mail_tests

__all__ = ["MailTestButtons", "MailTestTools", "attach_mail_test_buttons", "install_mail_tests"]

_HOMES = {
    "install_mail_tests": "smtpdesk.ui.mailtest.install",
    "MailTestTools": "smtpdesk.ui.mailtest.install",
    "attach_mail_test_buttons": "smtpdesk.ui.mailtest.buttons",
    "MailTestButtons": "smtpdesk.ui.mailtest.buttons",
}


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(name)
    import importlib

    return getattr(importlib.import_module(home), name)
