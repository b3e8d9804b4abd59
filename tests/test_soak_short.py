"""Short soak (CI): monkey input from every device through every scene, no exception, no stuck
interface, bounded memory. The long form (a warm-up pass, then 50,000 measured frames) is marked
slow: `pytest -m slow`.
"""

from __future__ import annotations

import json

import pytest

from lm_game.bench.soak import soak


def test_soak_short_every_scene_every_device() -> None:
    report = soak(frames=3500, seed=1, warmup_frames=60, stuck_frames=1500, max_growth_mb=25.0)
    assert report.ok, "\n".join(report.failures)
    assert report.frames - report.warmup_frames == 3500 and report.visits >= report.scenes >= 10
    assert {"key", "mouse", "touch", "pad", "stick", "action"} <= set(report.events)


def test_soak_watchdog_reports_a_stuck_interface(monkeypatch: pytest.MonkeyPatch) -> None:
    """A screen that ignores all input and never changes is reported with its last state."""
    import lm_game.bench.soak as soak_module

    monkeypatch.setattr(soak_module, "state_fingerprint", lambda state: "frozen")
    report = soak(frames=400, seed=2, warmup_frames=40, stuck_frames=30)
    assert not report.ok and report.failures[0].startswith("stuck:")
    assert "last state" in report.failures[0]


@pytest.mark.slow
def test_soak_long_50000_frames() -> None:
    report = soak(frames=50_000, seed=3)
    print(json.dumps(report.to_dict(), indent=2))
    assert report.ok, "\n".join(report.failures)
    assert report.frames - report.warmup_frames == 50_000 and report.growth_mb < 10.0
