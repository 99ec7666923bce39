"""Start-up objects kept out of the garbage collector's rounds."""

from __future__ import annotations

import gc


def freeze_start_up_objects() -> None:
    """Tells the cyclic garbage collector to leave alone everything that exists now.

    Called once the window is up: the modules, classes and widgets built so far live until the
    program ends, yet every full collection would walk all of them again — some 50 ms on a 2-core
    machine, landing on whatever the user does next, e.g. while "Pracownicy" fills with thousands
    of employees. Objects made later are collected as usual.
    """
    gc.freeze()
