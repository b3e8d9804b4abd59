"""Music and sound effects behind one small interface: a mixer-backed Audio and a SilentAudio twin.

OGG only (WEB.md). Crossfades step channel volumes in `update` (no Sound.fadeout, no
mixer.music.queue). Volumes: master x music, master x effects, applied at once.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Protocol

import pygame

CROSSFADE = 1.0
"""Seconds a music change takes (old track fades out while the new one fades in)."""
SFX_CHANNELS = 8


def check_ogg(path: str) -> str:
    """`path` if it names an OGG file; ValueError naming the file otherwise (WEB.md: OGG only)."""
    if not isinstance(path, str) or not path.lower().endswith(".ogg"):
        raise ValueError(f"audio file {path!r} is not OGG: the game plays only .ogg files (the web build has no other)")
    return path


class AudioLike(Protocol):
    """What the game calls; both implementations have exactly these."""

    real: bool
    track: str | None

    def set_volumes(self, master: float, music: float, sfx: float) -> None: ...
    def play_music(self, track: str | None, fade: float = CROSSFADE) -> None: ...
    def play_sfx(self, sound: str) -> None: ...
    def update(self, dt: float) -> None: ...
    def music_position(self) -> float | None: ...
    def state(self) -> dict[str, Any]: ...


class SilentAudio:
    """No sound at all, same bookkeeping: tests and machines without a mixer see the same state."""

    real = False

    def __init__(self) -> None:
        self.track: str | None = None
        self.master = 1.0
        self.music = 1.0
        self.sfx = 1.0
        self.sfx_played: list[str] = []
        self.position = 0.0

    def set_volumes(self, master: float, music: float, sfx: float) -> None:
        """Remember the volumes (0..1)."""
        self.master, self.music, self.sfx = _unit(master), _unit(music), _unit(sfx)

    def play_music(self, track: str | None, fade: float = CROSSFADE) -> None:
        """Switch the current track (None = silence); ValueError for a file that is not OGG."""
        if track is not None:
            check_ogg(track)
        if track != self.track:
            self.track = track
            self.position = 0.0

    def play_sfx(self, sound: str) -> None:
        """Record the effect (the last 32 are kept); ValueError for a file that is not OGG."""
        check_ogg(sound)
        self.sfx_played = (self.sfx_played + [sound])[-32:]

    def update(self, dt: float) -> None:
        """Advance the (imaginary) music clock."""
        if self.track is not None:
            self.position += dt

    def music_position(self) -> float | None:
        """None: nothing really plays, so scenes use their own clock."""
        return None

    def state(self) -> dict[str, Any]:
        """For tests and the harness."""
        return {
            "real": False,
            "track": self.track,
            "volumes": [self.master, self.music, self.sfx],
            "sfx": list(self.sfx_played[-5:]),
        }


class _Voice:
    """One music track on its own channel with a volume ramp."""

    def __init__(self, track: str, sound: pygame.mixer.Sound, channel: pygame.mixer.Channel) -> None:
        self.track = track
        self.sound = sound
        self.channel = channel
        self.level = 0.0
        self.target = 1.0
        self.rate = 1.0
        self.position = 0.0


class MixerAudio(SilentAudio):
    """Real sound through pygame.mixer: two music channels for crossfades, a pool for effects."""

    real = True

    def __init__(self, load: Callable[[str], pygame.mixer.Sound]) -> None:
        super().__init__()
        self._load = load
        self._sounds: dict[str, pygame.mixer.Sound | None] = {}
        pygame.mixer.set_num_channels(SFX_CHANNELS + 2)
        pygame.mixer.set_reserved(2)
        self._music_channels = [pygame.mixer.Channel(0), pygame.mixer.Channel(1)]
        # effects pick from their own pool: find_channel() also returns idle *reserved* channels,
        # so an effect could land on a music channel and be given the music's volume (or cut it)
        self._sfx_pool = [pygame.mixer.Channel(i) for i in range(2, 2 + SFX_CHANNELS)]
        self._voices: list[_Voice] = []
        self._sfx_channels: list[pygame.mixer.Channel] = []

    def _sound(self, path: str) -> pygame.mixer.Sound | None:
        if path not in self._sounds:
            try:
                self._sounds[path] = self._load(path)
            except (pygame.error, FileNotFoundError, ValueError):
                self._sounds[path] = None  # a missing sound is silence, not a crash
        return self._sounds[path]

    def set_volumes(self, master: float, music: float, sfx: float) -> None:
        """Apply new volumes immediately to what is playing (music and effects still sounding)."""
        super().set_volumes(master, music, sfx)
        self._apply()
        self._sfx_channels = [c for c in self._sfx_channels if c.get_busy()]
        for channel in self._sfx_channels:
            channel.set_volume(self.master * self.sfx)

    def play_music(self, track: str | None, fade: float = CROSSFADE) -> None:
        """Crossfade to `track` (None fades to silence); the same track keeps playing.

        A track asked for again while it is still fading out fades back in where it is (no restart).
        """
        if track == self.track:
            if track is not None:
                check_ogg(track)
            return
        super().play_music(track, fade)
        rate = 1.0 / max(fade, 1e-3)
        for voice in list(self._voices):
            if fade <= 0:  # a cut, not a fade: nothing old may sound under the new track
                self._drop(voice)
            else:
                voice.target = 0.0
                voice.rate = rate
        if track is None:
            return
        back = next((v for v in self._voices if v.track == track), None)
        if back is not None:
            back.target = 1.0
            back.rate = rate
            return
        sound = self._sound(track)
        if sound is None:
            return
        busy = {v.channel for v in self._voices}
        channel = next((c for c in self._music_channels if c not in busy), None)
        if channel is None:  # both busy: drop the quieter, older one
            oldest = min(self._voices, key=lambda v: v.level)
            self._drop(oldest)
            channel = oldest.channel
        voice = _Voice(track, sound, channel)
        voice.rate = rate
        voice.level = 0.0 if fade > 0 else 1.0
        channel.set_volume(0.0)
        channel.play(sound, loops=-1)
        self._voices.append(voice)
        self._apply()

    def play_sfx(self, sound: str) -> None:
        """Play an effect on a free channel at the effects volume."""
        super().play_sfx(sound)
        snd = self._sound(sound)
        if snd is None or self.master * self.sfx <= 0:
            return
        channel = next((c for c in self._sfx_pool if not c.get_busy()), None)
        if channel is None:  # all sounding: the newest effect replaces the oldest
            channel = self._sfx_channels[0] if self._sfx_channels else self._sfx_pool[0]
        channel.set_volume(self.master * self.sfx)
        channel.play(snd)
        self._sfx_channels = [c for c in self._sfx_channels if c.get_busy() and c.id != channel.id] + [channel]

    def update(self, dt: float) -> None:
        """Step the crossfade volumes; drop voices that have faded out."""
        super().update(dt)
        for voice in list(self._voices):
            voice.position += dt
            if voice.level < voice.target:
                voice.level = min(voice.target, voice.level + voice.rate * dt)
            elif voice.level > voice.target:
                voice.level = max(voice.target, voice.level - voice.rate * dt)
            if voice.target == 0.0 and voice.level <= 0.0:
                self._drop(voice)
        self._apply()

    def _drop(self, voice: _Voice) -> None:
        """Stop a music voice and free its decoded track (several MB each) until it is asked for again."""
        voice.channel.stop()
        self._voices.remove(voice)
        if voice.track != self.track and all(v.track != voice.track for v in self._voices):
            self._sounds.pop(voice.track, None)

    def _apply(self) -> None:
        for voice in self._voices:
            voice.channel.set_volume(voice.level * self.master * self.music)

    def music_position(self) -> float | None:
        """Seconds into the current track (counted in fixed steps since it started)."""
        for voice in self._voices:
            if voice.track == self.track:
                return voice.position
        return None

    def state(self) -> dict[str, Any]:
        """For tests and the harness."""
        out = super().state()
        out["real"] = True
        out["voices"] = [(v.track, round(v.level, 3)) for v in self._voices]
        out["channels"] = [(v.track, round(v.channel.get_volume(), 3)) for v in self._voices]
        return out


def _unit(v: float) -> float:
    return max(0.0, min(1.0, float(v)))


def create_audio(load: Callable[[str], pygame.mixer.Sound], enabled: bool = True) -> SilentAudio:
    """A MixerAudio when the mixer starts, else a SilentAudio (no sound card, dummy driver trouble)."""
    if not enabled:
        return SilentAudio()
    try:
        if not pygame.mixer.get_init():
            pygame.mixer.init()
        return MixerAudio(load)
    except (pygame.error, NotImplementedError):
        return SilentAudio()
