"""Events the StoryRunner hands to the game: lines, choices, commands, scene/level changes."""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class LineEvent:
    """Show a line; wait for the player (state WAITING_FOR_CONTINUE).

    ``line_id`` ("level:node:step") is stable across runs; ``seen`` is True when the player
    saw this line before (in any playthrough) so "skip seen text" can skip it.
    """

    speaker: str | None
    text: str
    emotion: str | None
    line_id: str
    speaker_name: str | None = None
    seen: bool = False

    def describe(self) -> str:
        """Transcript form: ``say barker/grin: text`` (``-`` for narration)."""
        who = self.speaker or "-"
        if self.speaker and self.emotion and self.emotion != "neutral":
            who += "/" + self.emotion
        return f"say {who}: {self.text}"


@dataclass(frozen=True)
class ChoiceOption:
    """One option as shown; disabled options are drawn greyed and cannot be chosen."""

    index: int
    text: str
    enabled: bool = True
    default: bool = False


@dataclass(frozen=True)
class ChoicesEvent:
    """Show options; wait for ``choose(i)`` (state WAITING_FOR_CHOICE).

    ``timer`` seconds (None = no timer; the app ignores it when "timers off" is set);
    when it runs out the app calls ``choose_default()`` / ``choose(default_index)``.
    """

    options: tuple[ChoiceOption, ...]
    timer: float | None
    default_index: int | None
    choice_id: str

    def describe(self) -> str:
        """Transcript form: ``choices: A | ~B (disabled) | *C (default)``, timer appended."""
        parts = []
        for opt in self.options:
            mark = ("~" if not opt.enabled else "") + ("*" if opt.default else "")
            parts.append(mark + opt.text)
        text = "choices: " + " | ".join(parts)
        if self.timer is not None:
            text += f" (timer {self.timer:g})"
        return text


@dataclass(frozen=True)
class ChosenEvent:
    """The option taken (echo for transcripts and the dialogue box)."""

    index: int
    text: str

    def describe(self) -> str:
        """Transcript form: ``> text``."""
        return f"> {self.text}"


@dataclass(frozen=True)
class CommandEvent:
    """A presentation command (shake, flash, sfx, music, wait, emotion, give, take)."""

    name: str
    args: Mapping[str, Any] = field(default_factory=dict)

    def describe(self) -> str:
        """Transcript form: ``command name {"arg": 1}``."""
        if not self.args:
            return f"command {self.name}"
        return f"command {self.name} {json.dumps(dict(self.args), sort_keys=True)}"


@dataclass(frozen=True)
class SceneChangeEvent:
    """Switch to another scene (already recorded in the state); its start node follows."""

    scene_id: str
    transition: str = "fade"

    def describe(self) -> str:
        """Transcript form: ``scene id``."""
        return f"scene {self.scene_id}"


@dataclass(frozen=True)
class LevelEndEvent:
    """The level is done; the app loads ``next_level`` (None: it was the last) and calls start_level."""

    next_level: str | None

    def describe(self) -> str:
        """Transcript form: ``level_end next``."""
        return f"level_end {self.next_level}"


@dataclass(frozen=True)
class EndingEvent:
    """The story ends with this ending."""

    ending_id: str

    def describe(self) -> str:
        """Transcript form: ``ending id``."""
        return f"ending {self.ending_id}"


@dataclass(frozen=True)
class NoticeEvent:
    """Something the player or developer should know (save resumed elsewhere, content error)."""

    message: str
    kind: str = "info"

    def describe(self) -> str:
        """Transcript form: ``notice kind: message``."""
        return f"notice {self.kind}: {self.message}"


Event = (
    LineEvent
    | ChoicesEvent
    | ChosenEvent
    | CommandEvent
    | SceneChangeEvent
    | LevelEndEvent
    | EndingEvent
    | NoticeEvent
)
