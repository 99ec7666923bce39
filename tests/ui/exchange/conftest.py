"""The settings window with export and import installed, on the test's local settings file."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from smtpdesk.core.secrets import SecretStore
from smtpdesk.core.store import Store
from smtpdesk.ui.exchange import ExchangeLauncher, install_exchange
from smtpdesk.ui.settings_window import SettingsWindow


@pytest.fixture
def window(qtbot, store: Store, secrets: SecretStore) -> Iterator[tuple[SettingsWindow, ExchangeLauncher]]:
    opened = SettingsWindow(store, secrets)
    qtbot.addWidget(opened)
    launcher = install_exchange(opened)
    opened.show()
    yield opened, launcher
    opened.discard_and_close()
