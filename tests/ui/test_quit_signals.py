"""SIGTERM (logout, `kill`) ends the demo like closing the window: the server stops and the demo's
temporary folder is removed."""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

STARTUP_LIMIT_S = 60.0


def demo_dirs(tmp: Path) -> list[Path]:
    return list(tmp.glob("smtpdesk-demo-*"))


def test_sigterm_quits_the_demo_and_leaves_nothing_behind(tmp_path: Path, data_dir: Path) -> None:
    tmp = tmp_path / "tmp"
    tmp.mkdir()
    env = dict(os.environ, TMPDIR=str(tmp), QT_QPA_PLATFORM="offscreen")
    proc = subprocess.Popen(
        [sys.executable, "-m", "smtpdesk", "--demo", "--data-dir", str(data_dir)],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    try:
        deadline = time.monotonic() + STARTUP_LIMIT_S
        while not demo_dirs(tmp):
            assert proc.poll() is None, proc.communicate()[1].decode(errors="replace")
            assert time.monotonic() < deadline, "the demo did not start"
            with contextlib.suppress(subprocess.TimeoutExpired):
                proc.wait(timeout=0.05)  # returns early only if the program ended
        assert demo_dirs(tmp)

        proc.send_signal(signal.SIGTERM)
        _, stderr = proc.communicate(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.communicate()

    assert proc.returncode == 0, stderr.decode(errors="replace")
    assert demo_dirs(tmp) == []
    assert b"Traceback" not in stderr
