"""StoryRunner: state machine, events, choices, determinism, resume after load and after level edits."""

from __future__ import annotations

import copy
import json
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from lm_game.content.loader import load_level, load_level_text
from lm_game.model.level import Level
from lm_game.runtime import (
    ChoicesEvent,
    CommandEvent,
    EndingEvent,
    GameState,
    LevelEndEvent,
    LineEvent,
    NoticeEvent,
    PersistentData,
    RunnerError,
    RunnerState,
    SaveManager,
    SceneChangeEvent,
    StoryRunner,
)
from lm_game.runtime.transcript import describe, play
from lm_game.storage import MemoryStorage

DEMO = Path(__file__).resolve().parent / "levels_good" / "runtime_demo.json"


@cache
def demo() -> Level:
    return load_level(DEMO)


def demo_doc() -> dict[str, Any]:
    return json.loads(DEMO.read_text(encoding="utf-8"))


def level_from(doc: dict[str, Any]) -> Level:
    return load_level_text(json.dumps(doc), "edited.json", lint=False)


def fresh(seed: int = 3, level: Level | None = None) -> StoryRunner:
    level = level or demo()
    return StoryRunner(level, GameState.new(seed, level.id))


def test_runtime_runner_start_shows_first_line_and_waits() -> None:
    runner = fresh()
    events = runner.start_level()
    assert isinstance(events[0], SceneChangeEvent) and events[0].scene_id == "booth"
    assert isinstance(events[1], LineEvent) and events[1].speaker is None
    assert events[1].line_id == "runtime_demo:intro:0" and events[1].seen is False
    assert runner.state is RunnerState.WAITING_FOR_CONTINUE
    events = runner.advance()
    assert events == [LineEvent("barker", "STEP RIGHT UP!", "grin", "runtime_demo:intro:1", "The Barker")]
    events = runner.advance()
    assert isinstance(events[0], CommandEvent) and events[0].name == "shake"
    assert events[0].args["strength"] == 4
    assert isinstance(events[1], LineEvent) and "lucky number" in events[1].text


def test_runtime_runner_choices_show_disabled_hide_hidden_and_default() -> None:
    runner = fresh()
    runner.start_level()
    while runner.state is RunnerState.WAITING_FOR_CONTINUE:
        runner.advance()
    assert runner.state is RunnerState.WAITING_FOR_CHOICE
    choices = runner.current_choices
    assert isinstance(choices, ChoicesEvent)
    assert [(o.text, o.enabled, o.default) for o in choices.options] == [
        ("Get off my porch.", True, False),
        ("I just want my sofa.", True, True),
        ("Show me the contract.", False, False),
    ]
    assert choices.timer == 8 and choices.default_index == 1
    assert choices.choice_id == "runtime_demo:ask:1"
    with pytest.raises(RunnerError, match="waiting for a choice"):
        runner.advance()
    with pytest.raises(RunnerError, match="disabled"):
        runner.choose(2)
    with pytest.raises(RunnerError, match="out of range"):
        runner.choose(3)
    with pytest.raises(RunnerError, match="already waiting"):
        runner.run_node("mailbox")
    events = runner.choose_default()
    assert describe(events) == ["> I just want my sofa.", "say barker: Sofas are extra."]
    assert runner.game.meters["peace"] == 6 and runner.game.variables["greeting"] == "tired"


def test_runtime_runner_same_seed_same_transcript_and_seeds_matter() -> None:
    script = [1, 2, "hotspot mailbox"]
    first = play(demo(), script, seed=11).lines
    assert play(demo(), script, seed=11).lines == first
    lucky_lines = {next(line for line in play(demo(), [], seed=s).lines if "lucky" in line) for s in range(12)}
    assert len(lucky_lines) == 2


def test_runtime_runner_visits_seen_history_and_meters() -> None:
    runner = fresh()
    result = play(demo(), [1, 0, "hotspot mailbox", "hotspot mailbox"], runner=runner)
    assert result.lines[-3:] == [
        "say -: The yard is full of cameras.",
        "say -: Letters. All of them about you.",
        "say -: Still letters.",
    ]
    g = runner.game
    assert g.visits("ask") == 2 and g.visits("mailbox") == 2 and g.has("ticket")
    assert g.meters == {"spotlight": 6, "peace": 0}  # peace -= 20 clamps at 0
    assert runner.state is RunnerState.RETURNED and g.node is None and g.scene == "yard"
    backlog = [(e.kind, e.speaker_name, e.text) for e in runner.history]
    assert ("choice", "The Star", "I just want my sofa.") in backlog
    assert ("line", "The Barker", "Sofas are extra.") in backlog
    assert backlog[-1] == ("line", None, "Still letters.")


def test_runtime_runner_seen_lines_persist_across_playthroughs() -> None:
    persistent = PersistentData()
    runner = StoryRunner(demo(), GameState.new(1, "runtime_demo"), persistent=persistent)
    first = runner.start_level()
    assert "runtime_demo:intro:0" in persistent.seen_lines
    again = StoryRunner(demo(), GameState.new(2, "runtime_demo"), persistent=persistent).start_level()
    assert [e.seen for e in first if isinstance(e, LineEvent)] == [False]
    assert [e.seen for e in again if isinstance(e, LineEvent)] == [True]


def test_runtime_runner_scene_change_level_end_and_endings() -> None:
    runner = fresh()
    lines = play(demo(), [1, 2], runner=runner).lines
    assert lines[-4:-1] == [
        "say barker: Sign here, here and on your soul.",
        'command flash {"count": 1, "duration": 0.2}',
        "say -: Signed, sealed, sold.",
    ]
    assert lines[-1] == "level_end front_page"
    assert runner.state is RunnerState.ENDED and runner.game.finished == "level"
    with pytest.raises(RunnerError, match="ended"):
        runner.run_node("mailbox")
    assert runner.advance() == []

    runner = fresh()
    play(demo(), [0, "hotspot gate", 1], runner=runner)
    assert runner.state is RunnerState.ENDED and runner.game.ending == "take_the_mic"
    assert "take_the_mic" in runner.persistent.endings_seen
    assert not runner.game.has("ticket")  # the take command took it


def test_runtime_runner_go_to_scene_and_run_node_from_scenes() -> None:
    runner = fresh()
    play(demo(), [0], runner=runner)
    assert runner.game.scene == "yard" and runner.state is RunnerState.RETURNED
    events = runner.go_to_scene("booth")
    assert describe(events)[:2] == ["scene booth", "say -: Star-Land. It used to be a porch."]
    assert runner.game.visits("intro") == 2


def test_runtime_runner_start_level_declares_variables_and_keeps_globals() -> None:
    runner = fresh()
    runner.game.variables["from_earlier_level"] = True
    runner.game.variables["asked"] = "wrong type"
    events = runner.start_level(demo())
    assert runner.game.variables["from_earlier_level"] is True
    assert runner.game.variables["asked"] == 0 and runner.game.variables["greeting"] == ""
    assert any(isinstance(e, NoticeEvent) and "asked" in e.message for e in events)


def _reload(runner: StoryRunner) -> StoryRunner:
    saves = SaveManager(MemoryStorage())
    assert saves.save(1, runner.save_data()).ok
    loaded = saves.load(1)
    assert loaded.ok and loaded.state is not None
    again = StoryRunner(demo(), loaded.state, persistent=runner.persistent)
    again.history.load(loaded.history)
    return again


@pytest.mark.parametrize("script", [[1, 2], [1, 0, "hotspot mailbox", "hotspot gate", 1], [0, "hotspot gate", 1]])
def test_runtime_runner_save_load_resume_continues_identically(script: list[Any]) -> None:
    full = play(demo(), script, seed=5)
    for cut in range(len(script) + 1):
        runner = fresh(5)
        head = play(demo(), script[:cut], runner=runner).lines
        waiting = runner.state is RunnerState.WAITING_FOR_CHOICE
        again = _reload(runner)
        assert [e.text for e in again.history] == [e.text for e in runner.history]
        resumed = play(demo(), script[cut:], runner=again, resume=True).lines
        if runner.state is RunnerState.ENDED:
            assert resumed == head[-1:]
            continue
        assert resumed[0] == f"scene {runner.game.scene}"
        if waiting:
            assert resumed[1] == head[-1]
        rest = resumed[2:] if waiting else resumed[1:]
        assert head + rest == full.lines
        assert full.runner is not None
        assert again.game.to_dict() == full.runner.game.to_dict()


def test_runtime_runner_save_while_waiting_stores_state_before_the_step() -> None:
    runner = fresh()
    runner.start_level()
    runner.advance()
    runner.advance()  # the lucky line: random() already drew
    assert runner.game.rng_counter == 1
    data = runner.save_data()
    assert data.state["position"]["step"] in (4, 5) and data.state["rng_counter"] == 1
    assert data.last_line.startswith("Today's lucky number")
    assert [h["text"] for h in data.history] == ["Star-Land. It used to be a porch.", "STEP RIGHT UP!"]
    runner.game.add_play_time(12.0)
    assert runner.snapshot()["play_time"] == 12.0


def test_runtime_runner_resume_when_node_vanished_starts_scene_with_notice() -> None:
    runner = fresh()
    play(demo(), [0, "hotspot mailbox"], runner=runner)
    runner.run_node("gate")  # waits on "The gate wants your ticket."
    state = GameState.from_dict(runner.snapshot())
    doc = demo_doc()
    del doc["nodes"]["gate"]
    doc["scenes"][1]["explore"]["hotspots"] = doc["scenes"][1]["explore"]["hotspots"][:1]
    edited = level_from(doc)
    events = StoryRunner(edited, state).resume()
    assert isinstance(events[0], NoticeEvent) and "'gate' no longer exists" in events[0].message
    assert describe(events[1:]) == ["scene yard"]  # yard_arrive says nothing once the mailbox was seen


def test_runtime_runner_resume_when_line_changed_or_scene_vanished() -> None:
    runner = fresh()
    runner.start_level()
    state = runner.snapshot()
    doc = demo_doc()
    doc["nodes"]["intro"][0]["say"] = "A rewritten first line."
    events = StoryRunner(level_from(doc), GameState.from_dict(state)).resume()
    assert "has changed" in events[0].message  # type: ignore[union-attr]
    assert describe(events[1:3]) == ["scene booth", "say -: A rewritten first line."]

    doc = demo_doc()
    doc["scenes"][0]["id"] = "ticket_booth"
    doc["start"] = "ticket_booth"
    events = StoryRunner(level_from(doc), GameState.from_dict(state)).resume()
    assert "no longer exists" in events[0].message  # type: ignore[union-attr]
    assert describe(events[1:2]) == ["scene ticket_booth"]


def test_runtime_runner_resume_finished_states() -> None:
    runner = fresh()
    play(demo(), [0, "hotspot gate", 1], runner=runner)
    again = StoryRunner(demo(), GameState.from_dict(runner.snapshot()))
    assert again.resume() == [EndingEvent("take_the_mic")]
    runner = fresh()
    play(demo(), [1, 2], runner=runner)
    again = StoryRunner(demo(), GameState.from_dict(runner.snapshot()))
    assert again.resume() == [LevelEndEvent("front_page")]
    with pytest.raises(RunnerError):
        StoryRunner(demo(), GameState.new(1, "other_level")).resume()


EXPLORE = {"player": {"x": 0, "y": 0}, "walk_bounds": [0, 0, 10, 10]}


def tiny(nodes: dict[str, Any], scenes: list[dict[str, Any]] | None = None) -> Level:
    return level_from(
        {
            "format": 1,
            "id": "tiny",
            "title": "Tiny",
            "next": None,
            "start": "main",
            "variables": {"n": {"type": "int", "default": 0}},
            "scenes": scenes or [{"id": "main", "type": "explore", "explore": EXPLORE}],
            "nodes": nodes,
        }
    )


def test_runtime_runner_content_errors_become_notices_not_crashes() -> None:
    level = tiny(
        {
            "loop": [{"do": "n += 1"}, {"goto": "loop"}],
            "bad": [{"do": "n = 1 / 0"}, {"say": "after", "if": "n / 0 > 1"}, {"say": "still here"}],
            "lost": [{"goto": "nowhere"}],
        }
    )
    runner = StoryRunner(level, GameState.new(1, "tiny"), max_steps=500)
    runner.start_level()
    assert runner.state is RunnerState.RETURNED
    events = runner.run_node("loop")
    assert runner.state is RunnerState.RETURNED and "goto loop" in events[-1].message  # type: ignore[union-attr]
    events = runner.run_node("bad")
    assert [type(e).__name__ for e in events] == ["NoticeEvent", "NoticeEvent", "LineEvent"]
    runner.advance()
    events = runner.run_node("lost")
    assert "'nowhere' does not exist" in events[0].message  # type: ignore[union-attr]
    assert runner.state is RunnerState.RETURNED


def test_runtime_runner_choice_with_nothing_enabled_is_skipped() -> None:
    level = tiny({"n1": [{"choice": [{"text": "never", "if": "n > 5", "show_disabled": True}]}, {"say": "moved on"}]})
    runner = StoryRunner(level, GameState.new(1, "tiny"))
    runner.start_level()
    assert describe(runner.run_node("n1")) == ["say -: moved on"]


def test_runtime_runner_give_command_and_returned_node() -> None:
    level = tiny({"n1": [{"command": "give", "args": {"item": "ticket"}}]})
    runner = StoryRunner(level, GameState.new(1, "tiny"))
    runner.start_level()
    events = runner.run_node("n1")
    assert events == [CommandEvent("give", {"item": "ticket"})]
    assert runner.game.has("ticket") and runner.state is RunnerState.RETURNED


def test_runtime_runner_copies_are_independent() -> None:
    runner = fresh()
    runner.start_level()
    snap = runner.snapshot()
    kept = copy.deepcopy(snap)
    snap["variables"]["asked"] = 99
    assert runner.snapshot() == kept


def test_runtime_runner_autosaves_at_level_start_and_after_each_choice() -> None:
    saves = SaveManager(MemoryStorage())
    results = []
    runner = StoryRunner(
        demo(), GameState.new(3, "runtime_demo"), on_autosave=lambda d: results.append(saves.autosave(d))
    )
    play(demo(), [1, 0], runner=runner)
    assert len(results) == 3 and all(r.ok for r in results)
    loaded = saves.load("auto")
    assert loaded.ok and loaded.state is not None
    assert (loaded.state.node, loaded.state.step) == ("angry", 0)  # the first line after the last choice
