"""`lm-game bench`: picks the busiest scene per type, times frames against the floor, reports as
a table or JSON with p50_ms/p99_ms/max_ms. (Short runs here; the real figures come from running it.)
"""

from __future__ import annotations

import json

import pytest

from lm_game.bench.frames import busiest_scenes, run_frames
from lm_game.bench.stats import machine, percentile, summary_ms
from lm_game.cli import main


def test_bench_percentiles_by_nearest_rank() -> None:
    samples = [float(i) for i in range(1, 101)]
    assert percentile(samples, 50) == 50.0 and percentile(samples, 99) == 99.0 and percentile([], 50) == 0.0
    s = summary_ms([0.001, 0.002, 0.010])
    assert s["p50_ms"] == 2.0 and s["max_ms"] == 10.0 and s["frames"] == 3


def test_bench_busiest_scene_of_every_shipped_type() -> None:
    picks = busiest_scenes()
    assert set(picks) >= {"dialogue", "explore", "dodge", "rhythm", "cutscene", "finale"}
    assert picks["rhythm"].scene == "dance" and picks["dodge"].scene == "ride"
    assert all(p.score > 0 and p.why for p in picks.values())


def test_bench_frames_every_type_against_the_floor() -> None:
    doc = run_frames(frames=40)
    assert doc["floor"]["frames"] == 40 and doc["floor"]["p50_ms"] > 0
    kinds = {s["type"] for s in doc["scenes"]}
    assert kinds >= {"dialogue", "explore", "dodge", "rhythm", "cutscene", "finale"}
    for s in doc["scenes"]:
        assert s["frames"] == 40 and 0 < s["p50_ms"] <= s["p99_ms"] <= s["max_ms"]
        assert s["p99_vs_floor"] > 0


def test_bench_command_json_and_table(capsys: pytest.CaptureFixture[str]) -> None:
    assert (
        main(["bench", "--only", "frames", "load", "archive", "--frames", "20", "--types", "dodge", "--format", "json"])
        == 0
    )
    doc = json.loads(capsys.readouterr().out)
    assert doc["machine"]["nproc"] >= 1 and doc["machine"]["python"]
    (dodge,) = doc["frames"]["scenes"]
    assert {"p50_ms", "p99_ms", "max_ms", "p99_vs_floor"} <= set(dodge)
    assert doc["load"]["levels"] >= 5 and doc["load"]["p50_ms"] > 0
    assert "built" in doc["archive"]
    assert main(["bench", "--only", "load", "--frames", "20"]) == 0
    text = capsys.readouterr().out
    assert "load + check all levels" in text and "machine:" in text


def test_bench_machine_description() -> None:
    m = machine()
    assert m["nproc"] and m["cpu"] and m["python"] and m["pygame"]
