"""Programs started in a test (closed after it) and an empty office database for each test."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from smtpdesk.ui.application import GuiSession
from tests.fixtures.postgres import PostgresCluster


@pytest.fixture
def sessions(qapp) -> Iterator[list[GuiSession]]:
    started: list[GuiSession] = []
    yield started
    for session in started:
        session.close()


@pytest.fixture
def empty_database(postgres_cluster: PostgresCluster) -> Iterator[str]:
    name = postgres_cluster.create_database()
    yield name
    postgres_cluster.drop_database(name)
