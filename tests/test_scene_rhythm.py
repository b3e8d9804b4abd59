"""Rhythm scenes: judging windows, holds, score/combo, calibration, music sync, pass/fail/retry."""

from __future__ import annotations

from lm_game.input.actions import Action
from lm_game.runtime.settings import Settings
from lm_game.scenes.rhythm import LANE_ACTIONS, RhythmLogic
from tests.test_scene_support import STEP, Play


def rhythm(**settings: object) -> tuple[Play, RhythmLogic]:
    p = Play("rhythm", settings=Settings(**settings))  # type: ignore[arg-type]
    assert isinstance(p.logic, RhythmLogic)
    return p, p.logic


def script(lg: RhythmLogic, late: float = 0.0) -> list[tuple[int, Action, bool]]:
    """(frame, lane action, pressed) for every note, pressed `late` seconds after it is due."""
    out: list[tuple[int, Action, bool]] = []
    for n in lg.notes:
        a = LANE_ACTIONS[n.lane]
        down = round((n.time + late) / STEP)
        up = round(n.end / STEP) + 2 if n.end > n.time else down + 3
        out += [(down, a, True), (up, a, False)]
    return sorted(out, key=lambda e: e[0])


def play_script(p: Play, events: list[tuple[int, Action, bool]], frames: int) -> None:
    for f in range(frames):
        for frame, a, pressed in events:
            if frame == f:
                (p.press if pressed else p.release)(a)
                if pressed:
                    p.host.held.add(a.value)
                else:
                    p.host.held.discard(a.value)
        p.step()


def test_scene_rhythm_win_by_scripted_presses() -> None:
    p, lg = rhythm()
    play_script(p, script(lg), round(lg.end_time / STEP) + 5)
    assert lg.phase == "result" and lg.passed is True
    assert lg.counts["miss"] == 0 and lg.counts["perfect"] == lg.total_judgements()
    assert lg.combo == lg.max_combo == lg.total_judgements() and lg.score > 0
    assert lg.accuracy() == 1.0
    p.run_until(lambda: p.host.nodes == ["dance_won"], limit=200)
    assert p.host.ended == "level" and p.host.state.meters["spotlight"] == 6


def test_scene_rhythm_feedback_and_sfx_on_every_hit() -> None:
    p, lg = rhythm()
    play_script(p, script(lg, late=0.08), round(lg.notes[1].time / STEP) + 8)
    texts = [t for _, t, _ in lg.view().feedback]
    assert texts == ["Good", "Good"]  # 80 ms late: good, not perfect; one label per lane
    sounds = [a["sound"] for n, a in p.host.commands if n == "sfx"]
    assert sounds == ["sfx/beat_hit.ogg", "sfx/beat_hit.ogg"]


def test_scene_rhythm_silence_fails_then_retries_with_nothing_lost() -> None:
    p, lg = rhythm()
    start = p.host.state.to_dict()
    p.step(60)
    p.host.state.set_var("spotlight", 0)  # whatever happened during the song is undone
    p.run_until(lambda: lg.phase == "result", limit=60 * 30)
    assert lg.passed is False and lg.counts["miss"] == lg.total_judgements() and lg.combo == 0
    assert ("sfx", {"sound": "sfx/miss.ogg"}) in p.host.commands
    p.run_until(lambda: p.host.nodes == ["dance_lost"], limit=200)
    p.step(2)
    assert lg.retries == 1 and lg.phase == "play" and lg.clock < 0.05 and lg.score == 0
    now = p.host.state.to_dict()
    for key in ("variables", "meters", "inventory", "rng_counter"):
        assert now[key] == start[key], key
    # and the second try can still be won
    play_script(p, script(lg), round(lg.end_time / STEP) + 5)
    assert lg.passed is True


def test_scene_rhythm_calibration_offset_moves_the_windows() -> None:
    p, lg = rhythm(rhythm_offset_ms=120)
    play_script(p, script(lg, late=0.12), round(lg.notes[3].time / STEP) + 15)
    assert lg.counts["perfect"] == 4 and lg.counts["miss"] == 0
    p2, lg2 = rhythm()
    play_script(p2, script(lg2, late=0.12), round(lg2.notes[3].time / STEP) + 15)
    assert lg2.counts["perfect"] == 0 and lg2.counts["ok"] == 4


def test_scene_rhythm_follows_the_music_when_it_plays() -> None:
    p, lg = rhythm()
    p.host.music = 0.0  # the track starts with the scene
    lg.start()
    p.host.music = lg.notes[0].time + 0.01  # audio is ahead of the game clock (which is at 0)
    p.press(Action.LEFT)
    assert lg.counts["perfect"] == 1
    assert lg.song_time() == p.host.music


def test_scene_rhythm_starts_on_a_whole_beat_of_a_playing_track_and_survives_its_loop() -> None:
    p, lg = rhythm()
    p.host.music = 10.3  # the same track was already playing when the scene began
    lg.start()
    spb = 60 / 112
    assert abs(lg.music_base - 20 * spb) < 1e-9  # type: ignore[operator]  # beat 20 of the track is 10.714 s
    assert lg.song_time() < 0  # a short lead-in until that beat
    p.host.music = 34.0
    p.step()
    t = lg.song_time()
    p.host.music = 0.1  # looped
    p.step()
    assert abs(lg.song_time() - (t + 1 / 60)) < 1e-6  # one step later, not 34 s earlier


def test_scene_rhythm_pointer_picks_the_lane_by_column() -> None:
    p, lg = rhythm()
    note = lg.notes[2]  # lane 2
    p.step(round(note.time / STEP))
    p.press(Action.CONFIRM, (lg.lane_x(2) + 20, 300.0))
    assert note.head == "perfect"
    assert not p.press(Action.CONFIRM, (20.0, 300.0))  # left of every lane: not a press


def test_scene_rhythm_hold_released_early_misses_its_tail() -> None:
    p, lg = rhythm()
    hold = next(n for n in lg.notes if n.end > n.time)
    p.step(round(hold.time / STEP))
    p.press(LANE_ACTIONS[hold.lane])
    assert hold.holding
    p.step(20)
    p.release(LANE_ACTIONS[hold.lane])
    assert hold.head == "perfect" and hold.tail == "miss" and lg.combo == 0


def test_scene_rhythm_easy_widens_the_windows() -> None:
    p, lg = rhythm(dodge_difficulty="easy")
    play_script(p, script(lg, late=0.2), round(lg.notes[0].time / STEP) + 15)
    assert lg.counts["ok"] == 1  # 200 ms late is still OK on easy (0.16 * 1.5)


def test_scene_rhythm_gossip_teeth_at_their_beats() -> None:
    p, lg = rhythm()
    p.step(round(lg.beat_time(6.2) / STEP))
    assert [t for t, _ in lg.view().distractions] == ["Is that a real hat?"]
    p.step(round(lg.beat_time(4) / STEP))
    assert lg.view().distractions == []


def test_scene_rhythm_is_deterministic() -> None:
    def run() -> dict[str, object]:
        p, lg = rhythm()
        play_script(p, script(lg, late=0.03)[::3], 60 * 12)
        return lg.state()

    assert run() == run()
