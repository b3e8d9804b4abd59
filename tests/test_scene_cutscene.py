"""Cutscenes: the timeline plays, SKIP/CANCEL jump to the end state, then the `then` node runs."""

from __future__ import annotations

from lm_game.input.actions import Action
from lm_game.runtime.settings import Settings
from lm_game.scenes.cutscene import CutsceneLogic
from lm_game.scenes.dialogue import DialogueLogic
from tests.test_scene_support import Play


def cutscene(**settings: object) -> tuple[Play, CutsceneLogic]:
    p = Play("cutscene", settings=Settings(**settings))  # type: ignore[arg-type]
    assert isinstance(p.logic, CutsceneLogic)
    return p, p.logic


def test_scene_cutscene_plays_to_the_end_then_runs_then() -> None:
    p, lg = cutscene()
    p.step(6)
    assert lg.view().card == "MEANWHILE, ON THE LIFT HILL"
    p.step(60 * 2)
    v = lg.view()
    assert [ln.name for ln in v.lines] == ["The Editor"]
    assert 200 < lg.timeline.actors["star"].x < 520  # walking
    assert v.camera.zoom > 1.0
    assert ("music", {"track": "music/coaster.ogg"}) in p.host.commands
    p.run_until(lambda: lg.phase == "done", limit=60 * 10)
    assert p.host.nodes == ["after_lift"] and p.host.ended == "level"
    assert ("sfx", {"sound": "sfx/press_thump.ogg"}) in p.host.commands
    end = lg.state()
    assert end["actors"]["star"][:2] == [520.0, 450.0] and end["actors"]["editor"][2] == "shouting"
    assert end["camera"] == [480.0, 270.0, 1.0]


def test_scene_cutscene_skip_jumps_to_the_same_end_state() -> None:
    full, lg_full = cutscene()
    full.run_until(lambda: lg_full.phase == "done", limit=60 * 10)
    for action in (Action.SKIP, Action.CANCEL):
        p, lg = cutscene()
        p.step(30)
        assert p.press(action)
        assert lg.phase == "done" and lg.skipped and p.host.nodes == ["after_lift"]
        s, f = lg.state(), lg_full.state()
        assert s["actors"] == f["actors"] and s["camera"] == f["camera"] and s["cues_fired"] == f["cues_fired"]
        assert lg.view().lines == [] and lg.view().card is None
        assert not any(n == "sfx" for n, _ in p.host.commands)  # skipped sounds are not played
        assert not p.press(action)  # only once


def test_scene_cutscene_reduced_motion_cuts_the_camera() -> None:
    p, lg = cutscene(reduced_motion=True)
    p.step(61)
    assert lg.view().camera.zoom == 1.15  # no animated zoom: a cut


def test_scene_cutscene_is_deterministic() -> None:
    def run() -> dict[str, object]:
        p, lg = cutscene()
        p.step(150)
        return lg.state()

    assert run() == run()


def test_scene_dialogue_runs_its_start_node() -> None:
    p = Play("dialogue")
    assert isinstance(p.logic, DialogueLogic)
    assert p.host.nodes == ["booth_start"] and p.host.ended == "level"
    assert [a.character for a in p.logic.view().actors] == ["barker"]
