"""The start-up figure: fresh processes of main.py's path, headless, timed to their first flip."""

from __future__ import annotations

from lm_game.bench.startup import startup


def test_bench_startup_reaches_the_first_frame_in_a_fresh_process() -> None:
    result = startup(runs=1)
    assert "error" not in result, result
    assert 0 < result["best_s"] < 10
