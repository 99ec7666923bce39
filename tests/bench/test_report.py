"""What every benchmark prints and keeps: a readable table and a JSON file that says where the
figures were measured."""

from __future__ import annotations

import json
from pathlib import Path

from bench.report import percentile, table, write_json


def test_numbers_line_up_on_the_right_and_words_on_the_left() -> None:
    text = table(("backend", "saves/s"), [("postgresql", 58.25), ("sqlite", 250.3)])
    assert text.splitlines() == [
        "backend     saves/s",
        "----------  -------",
        "postgresql     58.2",
        "sqlite        250.3",
    ]


def test_percentiles_are_values_that_were_measured() -> None:
    samples = [5.0, 1.0, 3.0, 2.0, 4.0]
    assert (percentile(samples, 50), percentile(samples, 99), percentile(samples, 0)) == (3.0, 5.0, 1.0)
    assert percentile([], 99) == 0.0


def test_the_figures_are_kept_with_the_machine_they_were_measured_on(tmp_path: Path) -> None:
    path = write_json("concurrent_saves", {"results": [{"lost_updates": 0}]}, tmp_path / "out" / "run.json")
    document = json.loads(path.read_text(encoding="utf-8"))
    assert document["benchmark"] == "concurrent_saves"
    assert document["results"] == [{"lost_updates": 0}]
    assert document["machine"]["cpus"] >= 1
    assert "load_average_1m" in document["machine"] and document["measured_at"]
