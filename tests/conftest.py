import os
from pathlib import Path

import pytest

# Qt must never look for a display in tests; set before any Qt module is imported. The offscreen
# screen is 1366×768, the smallest laptop screen the windows are made for (its default is 800×800).
SCREEN = Path(__file__).parent / "fixtures" / "screen_1366x768.json"
os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={SCREEN}"
os.environ.setdefault("QT_LOGGING_RULES", "qt.qpa.*=false")

pytest_plugins = [
    "tests.fixtures.environment",
    "tests.fixtures.keyring_backends",
    "tests.fixtures.postgres",
    "tests.fixtures.stores",
    "tests.fixtures.smtp_servers",
    "tests.fixtures.people",
    "tests.fixtures.dns_server",
    "tests.fixtures.detect_servers",
    "tests.fixtures.oauth_servers",
    "tests.fixtures.restarts",
    "tests.fixtures.keyboard",
    "tests.fixtures.languages",
]


@pytest.fixture(scope="session", autouse=True)
def _collect_garbage_on_the_gui_thread(qapp):
    """What the program does at start (start_gui): the cycle collector never runs on a worker
    thread, where it could free a Qt object of a finished test on the wrong thread."""
    from smtpdesk.ui.gui_gc import collect_on_gui_thread

    collect_on_gui_thread(qapp)
