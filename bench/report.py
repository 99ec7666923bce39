"""What every benchmark prints and keeps: percentiles, a plain-text table, and a JSON file with the
figures and the machine they were measured on."""

from __future__ import annotations

import json
import os
import platform
import sys
from collections.abc import Sequence
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

RESULTS_DIR = Path(__file__).resolve().parent / "results"


def percentile(samples: Sequence[float], p: float) -> float:
    """The nearest-rank percentile ``p`` (0–100) of ``samples``; 0 for none."""
    if not samples:
        return 0.0
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def table(headers: Sequence[str], rows: Sequence[Sequence[object]]) -> str:
    """Columns as wide as their widest cell; numbers right-aligned, text left-aligned."""
    cells = [[str(h) for h in headers], *([_cell(v) for v in row] for row in rows)]
    widths = [max(len(row[i]) for row in cells) for i in range(len(headers))]
    numeric = [all(isinstance(row[i], (int, float)) for row in rows) for i in range(len(headers))]
    lines = []
    for n, row in enumerate(cells):
        parts = [c.rjust(w) if num else c.ljust(w) for c, w, num in zip(row, widths, numeric, strict=True)]
        lines.append("  ".join(parts).rstrip())
        if n == 0:
            lines.append("  ".join("-" * w for w in widths))
    return "\n".join(lines)


def _cell(value: object) -> str:
    if isinstance(value, float):
        return f"{value:,.1f}" if abs(value) >= 10 else f"{value:.2f}"
    return str(value)


def machine() -> dict[str, Any]:
    """Where the figures come from: they mean little without the machine and its load."""
    load = os.getloadavg() if hasattr(os, "getloadavg") else (0.0, 0.0, 0.0)
    return {
        "cpus": os.cpu_count(),
        "load_average_1m": round(load[0], 2),
        "python": sys.version.split()[0],
        "platform": platform.platform(),
    }


def write_json(name: str, payload: dict[str, Any], path: Path | None = None) -> Path:
    """Saves ``payload`` (with the time and machine added) to ``path`` or
    ``bench/results/<name>-<time>.json``; returns where it went."""
    now = datetime.now(timezone.utc)
    if path is None:
        path = RESULTS_DIR / f"{name}-{now.strftime('%Y%m%d-%H%M%S')}.json"
    path.parent.mkdir(parents=True, exist_ok=True)
    document = {"benchmark": name, "measured_at": now.isoformat(), "machine": machine(), **payload}
    path.write_text(json.dumps(document, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return path
