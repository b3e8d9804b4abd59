"""Audio: music per scene with crossfades, effects, volumes, OGG only; the real mixer and its silent twin.

Under SDL_AUDIODRIVER=dummy pygame.mixer starts (the dummy device takes the samples and plays
nothing), so the app's audio is the real MixerAudio: the channel volumes checked here are the
mixer's own. The SilentAudio path (no mixer, LM_GAME_AUDIO=0) is covered next to it.
"""

from __future__ import annotations

import os
from typing import Any

import pygame
import pytest

from lm_game.audio import CROSSFADE, MixerAudio, SilentAudio, create_audio
from lm_game.input.actions import Action
from lm_game.runtime.settings import Settings
from lm_game.testing.harness import Harness
from lm_game.ui import services, sounds

STEP = 1.0 / 60.0
TOL = 1.5 / 128  # channel volumes are stored in 1/128 steps
A, B = "music/title.ogg", "music/front_page.ogg"


def mixer_audio() -> MixerAudio:
    audio = create_audio(services._load_sound)
    assert isinstance(audio, MixerAudio), "the dummy driver lets pygame.mixer start: the real path is taken"
    audio.set_volumes(1.0, 1.0, 1.0)
    return audio


def channel_volumes(audio: MixerAudio) -> dict[str, float]:
    return {track: vol for track, vol in audio.state()["channels"]}


def frames(audio: SilentAudio, n: int) -> None:
    for _ in range(n):
        audio.update(STEP)


# ============================================================================ which path
def test_audio_dummy_driver_starts_the_real_mixer() -> None:
    assert os.environ["SDL_AUDIODRIVER"] == "dummy"
    audio = create_audio(services._load_sound)
    assert audio.real and isinstance(audio, MixerAudio) and pygame.mixer.get_init() is not None
    h = Harness(level="front_page", settings=Settings(photosensitivity_notice_seen=True))
    assert services.audio(h.app).real  # the app takes the same path


def test_audio_falls_back_to_silence(monkeypatch: pytest.MonkeyPatch) -> None:
    assert type(create_audio(services._load_sound, enabled=False)) is SilentAudio
    monkeypatch.setattr(pygame.mixer, "get_init", lambda: None)

    def broken() -> None:
        raise pygame.error("no audio device")

    monkeypatch.setattr(pygame.mixer, "init", broken)
    assert type(create_audio(services._load_sound)) is SilentAudio


def test_audio_env_switch_gives_the_app_silent_audio(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LM_GAME_AUDIO", "0")
    h = Harness(level="front_page", settings=Settings(photosensitivity_notice_seen=True))
    h.step(3)
    state = h.app.stack.top.report()["audio"]  # type: ignore[union-attr]
    assert state["real"] is False and state["track"] == "music/front_page.ogg"


# ============================================================================ crossfades
def test_audio_crossfade_steps_volumes_frame_by_frame() -> None:
    audio = mixer_audio()
    audio.play_music(A)
    assert channel_volumes(audio) == {A: 0.0}  # starts silent, fades in
    rising: list[float] = []
    for _ in range(int(CROSSFADE * 60)):
        audio.update(STEP)
        rising.append(channel_volumes(audio)[A])
    assert all(b >= a for a, b in zip(rising, rising[1:], strict=False)) and rising[0] < 0.05
    assert rising[-1] == pytest.approx(1.0, abs=TOL)

    audio.play_music(B)
    assert audio.track == B
    outs: list[float] = []
    ins: list[float] = []
    for _ in range(int(CROSSFADE * 60) - 1):
        audio.update(STEP)
        vols = channel_volumes(audio)
        outs.append(vols[A])
        ins.append(vols[B])
    assert all(b < a for a, b in zip(outs, outs[1:], strict=False)), "the outgoing track falls every frame"
    assert all(b > a for a, b in zip(ins, ins[1:], strict=False)), "the incoming track rises every frame"
    halfway = len(outs) // 2
    assert outs[halfway] == pytest.approx(0.5, abs=0.05) and ins[halfway] == pytest.approx(0.5, abs=0.05)
    frames(audio, 3)
    assert channel_volumes(audio) == {B: pytest.approx(1.0, abs=TOL)}  # the old voice is gone
    assert pygame.mixer.Channel(0).get_busy() != pygame.mixer.Channel(1).get_busy()  # its channel stopped


def test_audio_same_track_again_does_not_restart() -> None:
    for audio in (mixer_audio(), SilentAudio()):
        audio.play_music(A)
        frames(audio, 90)
        voices = list(getattr(audio, "_voices", []))
        before = audio.state()
        position = audio.position
        audio.play_music(A)
        frames(audio, 1)
        assert audio.track == A and audio.state()["track"] == before["track"]
        assert audio.position == pytest.approx(position + STEP)
        if isinstance(audio, MixerAudio):
            assert audio._voices == voices and len(voices) == 1  # the same voice, still at full volume
            assert audio.music_position() == pytest.approx(91 * STEP)
            assert channel_volumes(audio)[A] == pytest.approx(1.0, abs=TOL)


def test_audio_faded_out_music_frees_its_decoded_track() -> None:
    """A decoded track is several MB: it is kept only while it sounds (the soak's memory growth)."""
    audio = mixer_audio()
    audio.play_music(A)
    frames(audio, 90)
    audio.play_music(B)
    frames(audio, 30)  # mid-crossfade: both still sound, both stay decoded
    assert A in audio._sounds and B in audio._sounds
    frames(audio, 120)
    assert A not in audio._sounds and B in audio._sounds
    audio.play_music(A)  # asked for again: decoded again, and it plays
    frames(audio, 120)
    assert channel_volumes(audio)[A] == pytest.approx(1.0, abs=TOL)
    audio.play_music(None, fade=0)
    assert audio._sounds == {}


def test_audio_track_asked_back_during_a_fade_resumes() -> None:
    audio = mixer_audio()
    audio.play_music(A)
    frames(audio, 60)
    audio.play_music(B)
    frames(audio, 20)
    faded = channel_volumes(audio)[A]
    assert 0.5 < faded < 0.8
    audio.play_music(A)
    frames(audio, 1)
    assert channel_volumes(audio)[A] > faded  # fades back in where it was, not from the start
    assert audio.music_position() == pytest.approx(81 * STEP)
    frames(audio, 60)
    assert channel_volumes(audio) == {A: pytest.approx(1.0, abs=TOL)}


def test_audio_music_to_silence_and_cuts() -> None:
    audio = mixer_audio()
    audio.play_music(A)
    frames(audio, 60)
    audio.play_music(None)
    assert audio.track is None and audio.music_position() is None
    frames(audio, 30)
    assert 0.4 < channel_volumes(audio)[A] < 0.6
    frames(audio, 31)
    assert channel_volumes(audio) == {}
    audio.play_music(B, fade=0)  # a cut: full volume at once, nothing old left
    audio.play_music(A, fade=0)
    assert channel_volumes(audio) == {A: pytest.approx(1.0, abs=TOL)}


def test_audio_silent_twin_keeps_the_same_bookkeeping() -> None:
    audio = SilentAudio()
    audio.set_volumes(0.5, 2.0, -1.0)
    assert audio.state()["volumes"] == [0.5, 1.0, 0.0]
    audio.play_music(A)
    frames(audio, 10)
    audio.play_music(B)
    assert audio.state()["track"] == B and audio.position == 0.0
    audio.play_sfx("sfx/select.ogg")
    assert audio.state()["sfx"] == ["sfx/select.ogg"] and audio.music_position() is None


# ============================================================================ effects and volumes
def test_audio_sfx_play_at_the_effects_volume() -> None:
    audio = mixer_audio()
    audio.set_volumes(0.5, 1.0, 0.6)
    audio.play_sfx("sfx/select.ogg")
    channel = audio._sfx_channels[-1]
    assert channel.get_busy() and channel.id >= 2  # never on the two reserved music channels
    assert channel.get_volume() == pytest.approx(0.3, abs=TOL)
    audio.set_volumes(1.0, 1.0, 0.0)
    assert channel.get_volume() == 0.0  # a sounding effect follows the new volume at once
    audio.play_sfx("sfx/confirm.ogg")
    assert audio.state()["sfx"][-1] == "sfx/confirm.ogg"
    assert [c for c in audio._sfx_channels if c.id != channel.id] == []  # muted: nothing new plays


def test_audio_master_times_music_and_effects_apply_at_once_from_settings() -> None:
    h = Harness(level="front_page", settings=Settings(photosensitivity_notice_seen=True))
    h.step(90)
    audio = services.audio(h.app)
    assert isinstance(audio, MixerAudio)
    s = services.settings(h.app)
    assert channel_volumes(audio)["music/front_page.ogg"] == pytest.approx(s.master_volume * s.music_volume, abs=TOL)
    audio.play_sfx("sfx/select.ogg")
    sfx = audio._sfx_channels[-1]
    s.master_volume, s.music_volume, s.sfx_volume = 0.5, 0.4, 0.8
    services.apply_settings(h.app)  # no frame stepped: the change is heard at once
    assert channel_volumes(audio)["music/front_page.ogg"] == pytest.approx(0.2, abs=TOL)
    assert sfx.get_volume() == pytest.approx(0.4, abs=TOL)
    assert audio.state()["volumes"] == [0.5, 0.4, 0.8]
    audio.play_sfx("sfx/confirm.ogg")
    assert audio._sfx_channels[-1].get_volume() == pytest.approx(0.4, abs=TOL)


# ============================================================================ OGG only
@pytest.mark.parametrize("make", [SilentAudio, mixer_audio], ids=["silent", "mixer"])
def test_audio_refuses_files_that_are_not_ogg(make: Any) -> None:
    audio = make()
    with pytest.raises(ValueError, match=r"'music/theme.wav' is not OGG"):
        audio.play_music("music/theme.wav")
    with pytest.raises(ValueError, match=r"'sfx/boom.mp3' is not OGG"):
        audio.play_sfx("sfx/boom.mp3")
    assert audio.track is None and audio.state()["sfx"] == []
    with pytest.raises(ValueError, match="only OGG"):
        services._load_sound("sfx/boom.wav")


# ============================================================================ the play screen
def test_audio_play_screen_asks_for_each_scenes_music() -> None:
    """The Cabinet: "cabinet" (music null = silence), "dance" (its track), "after" (null again)."""
    from lm_game.app import game
    from tests.test_game_routes import rhythm_plan

    h = Harness(title=True, settings=Settings(text_speed=0, photosensitivity_notice_seen=True))
    h.step(60)
    assert services.audio(h.app).track == "music/title.ogg"
    game.open_level(h.app, "cabinet_of_curiosities")
    seen: list[tuple[str, Any]] = []
    fading: list[float] = []
    plan: list[tuple[float, Action, bool]] = []
    for _ in range(20000):
        r = h.app.stack.top.report()  # type: ignore[union-attr]
        audio = r["audio"]
        if r.get("scene") and (not seen or seen[-1][0] != r["scene"]):
            seen.append((r["scene"], audio["track"]))
            if r["scene"] == "after":
                break
        if r.get("scene") == "cabinet" and audio["voices"]:
            fading.append(dict(audio["voices"]).get("music/title.ogg", 0.0))
        if r.get("transition") or r.get("card") or r.get("scene") is None:
            h.step()
        elif r["runner"] == "waiting_for_continue" and r["line"] is not None:
            h.tap(Action.CONFIRM)
        elif r["choices"] is not None:
            h.tap(Action.CONFIRM)
        elif r["scene"] == "dance":
            logic: Any = h.app.stack.top.logic  # type: ignore[union-attr]
            if not plan:
                plan = rhythm_plan(logic)
            now = logic.song_time() + STEP / 2
            while plan and plan[0][0] <= now:
                _, a, pressed = plan.pop(0)
                h.send(a, pressed)
            h.step()
        else:
            h.step()
    assert seen == [("cabinet", None), ("dance", "music/cabinet.ogg"), ("after", None)], seen
    assert fading and fading[-1] < fading[0], "the title music fades out over the silent scene"
    r = h.app.stack.top.report()  # type: ignore[union-attr]
    assert r["audio"]["real"] and [t for t, _ in r["audio"]["voices"]] in (["music/cabinet.ogg"], [])


def test_audio_same_music_across_scenes_is_not_restarted() -> None:
    """Front Page: three scenes with the same track; the voice plays on from scene to scene."""
    h = Harness(level="front_page", settings=Settings(photosensitivity_notice_seen=True))
    h.step(30)
    play: Any = h.app.stack.top
    audio = services.audio(h.app)
    assert isinstance(audio, MixerAudio)
    voice = audio._voices[0]
    play.enter_scene("front_gate")
    play.enter_scene("booth")
    h.step(1)
    assert audio._voices == [voice] and voice.position == pytest.approx(31 * STEP)


# ============================================================================ interface sounds
def test_sounds_kinds_map_to_files() -> None:
    assert sounds.SOUNDS == {"select": "sfx/select.ogg", "confirm": "sfx/confirm.ogg", "cancel": "sfx/cancel.ogg"}


def test_audio_effects_never_starve_when_every_channel_sounds() -> None:
    audio = mixer_audio()
    for _ in range(20):  # more effects at once than channels: the oldest gives way
        audio.play_sfx("sfx/crowd.ogg")
    audio.play_sfx("sfx/select.ogg")
    newest = audio._sfx_channels[-1]
    assert newest.get_busy() and newest.id >= 2
    assert all(not c.get_busy() or c.id >= 2 for c in audio._sfx_channels)
    assert channel_volumes(audio) == {}  # the reserved music channels were never used for effects
