"""One-click tests in the window: live progress, diagnosis, one-click fixes, check-all, history.

The application calls ``install_testing(window)``; the employee dialog calls
``attach_test_buttons(section, store, secrets, ...)``. Both are imported lazily, so the window's
own modules can import this package without a cycle.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from smtpdesk.ui.testing.install import TestingTools, install_testing
    from smtpdesk.ui.testing.test_buttons import TestButtons, attach_test_buttons

__all__ = ["TestButtons", "TestingTools", "attach_test_buttons", "install_testing"]

_HOMES = {
    "install_testing": "smtpdesk.ui.testing.install",
    "TestingTools": "smtpdesk.ui.testing.install",
    "attach_test_buttons": "smtpdesk.ui.testing.test_buttons",
    "TestButtons": "smtpdesk.ui.testing.test_buttons",
}


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(name)
    import importlib

    return getattr(importlib.import_module(home), name)
