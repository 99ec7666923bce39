"""What exists when the window is up stays out of the garbage collector's rounds; what is made
later is collected as usual."""

from __future__ import annotations

import gc
import weakref
from collections.abc import Iterator

import pytest

from smtpdesk.ui.long_lived import freeze_start_up_objects


class Node:
    def __init__(self) -> None:
        self.me = self  # a cycle: only the garbage collector frees it


@pytest.fixture
def frozen() -> Iterator[None]:
    try:
        yield
    finally:
        gc.unfreeze()


def test_start_up_objects_are_left_alone_and_later_ones_collected(frozen: None) -> None:
    at_start = Node()
    start_ref = weakref.ref(at_start)
    freeze_start_up_objects()
    later = Node()
    later_ref = weakref.ref(later)
    del at_start, later

    gc.collect()
    assert later_ref() is None
    assert start_ref() is not None  # walked by no collection any more
    assert gc.get_freeze_count() > 0
