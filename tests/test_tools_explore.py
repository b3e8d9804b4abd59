"""The story explorer: planted problems are each found; the campaign carries state; shipped levels are clean."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from lm_game.cli import main
from lm_game.content.loader import load_all, load_level
from lm_game.tools.explorer import ExploreOptions, campaign_chain, explore_campaign, explore_level

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "levels_tools"
FAST = ExploreOptions(max_states=20_000, time_limit=10)


def test_planted_problems_are_each_reported() -> None:
    report = explore_level(load_level(FIXTURES / "planted.json"), FAST)
    assert report.complete
    kinds = {(p.kind, p.scene or p.node) for p in report.soft_locks}
    assert ("dead_choice", "locked") in kinds  # every option disabled
    assert ("runs_off_end", "intro") in kinds  # ... so the dialogue node runs off its end
    assert ("no_exit", "ride") in kinds  # dodge won, on_win returned without leaving
    assert ("trapped", "yard") in kinds  # only the bench, forever
    assert report.endings_unreached == ["secret"]
    assert report.endings_reached == {"plain": 1}
    never = {(o["node"], o["text"]) for o in report.never_enabled}
    assert never == {("intro", "Shout"), ("locked", "Unlock it"), ("locked", "Pick the lock")}
    assert report.unreachable_nodes["planted"] == ["secret"]
    ride = next(p for p in report.soft_locks if p.kind == "no_exit")
    assert ride.trace == [1, "win"]  # a path the transcript driver can replay
    assert not report.ok


def test_explore_command_json_and_exit_status(capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["explore", str(FIXTURES / "planted.json"), "--format", "json", "--quiet"])
    assert code == 1
    doc = json.loads(capsys.readouterr().out)
    rep = doc["reports"][0]
    assert doc["ok"] is False and rep["endings"]["unreached"] == ["secret"]
    assert {p["kind"] for p in rep["soft_locks"]} == {"dead_choice", "runs_off_end", "no_exit", "trapped"}
    assert rep["coverage"]["planted"]["lines_total"] == 5


def test_campaign_judges_endings_over_the_whole_game(capsys: pytest.CaptureFixture[str]) -> None:
    levels = load_all(FIXTURES / "campaign")
    alone = explore_level(levels[1], FAST)
    assert alone.endings_unreached == ["bold", "calm"]  # from defaults only the plain ending
    game = explore_campaign(campaign_chain(levels), FAST)
    assert game.ok and set(game.endings_reached) == {"bold", "calm", "plain"}
    assert game.variables["peace"] == {"type": "int", "min": 5, "max": 8}
    code = main(["explore", "--levels-dir", str(FIXTURES / "campaign"), "--quiet"])
    assert code == 0
    assert "result: OK" in capsys.readouterr().out


def test_progress_lines_go_to_stderr(capsys: pytest.CaptureFixture[str]) -> None:
    main(["explore", str(FIXTURES / "planted.json"), "--max-states", "3", "--progress-every", "1"])
    captured = capsys.readouterr()
    assert "INCOMPLETE" in captured.out
    assert "explore: planted:" in captured.err


@pytest.mark.parametrize("level_id", ["headline_coaster", "cabinet_of_curiosities", "the_giant_rises"])
def test_small_shipped_levels_have_no_soft_lock(level_id: str) -> None:
    report = explore_level(load_level(ROOT / "levels" / f"{level_id}.json"), FAST)
    assert report.complete and report.soft_locks == [] and report.errors == []


@pytest.mark.slow
def test_shipped_campaign_reaches_every_ending_without_soft_lock() -> None:
    report = explore_campaign(campaign_chain(load_all()), ExploreOptions(time_limit=900))
    assert report.complete, report.stopped_by
    assert report.soft_locks == [] and report.errors == []
    assert report.endings_unreached == []
