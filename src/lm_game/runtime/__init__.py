"""The story runtime: game state, the dialogue runner, history, rollback, saves, settings.

Stdlib + model only (no pygame): the whole story can be played and saved headless.
"""

from __future__ import annotations

from lm_game.runtime.events import (
    ChoiceOption,
    ChoicesEvent,
    ChosenEvent,
    CommandEvent,
    EndingEvent,
    Event,
    LevelEndEvent,
    LineEvent,
    NoticeEvent,
    SceneChangeEvent,
)
from lm_game.runtime.history import History, HistoryEntry
from lm_game.runtime.persistent import PersistentData, load_persistent, save_persistent
from lm_game.runtime.runner import Checkpoint, Rollback, RunnerError, RunnerState, StoryRunner
from lm_game.runtime.saves import (
    LoadResult,
    SaveData,
    SaveManager,
    SaveMeta,
    SaveResult,
    SlotInfo,
)
from lm_game.runtime.settings import Settings, load_settings, save_settings
from lm_game.runtime.state import (
    MIN_SUPPORTED_STATE_VERSION,
    STATE_VERSION,
    GameState,
    StateError,
)

__all__ = [
    "MIN_SUPPORTED_STATE_VERSION",
    "STATE_VERSION",
    "Checkpoint",
    "ChoiceOption",
    "ChoicesEvent",
    "ChosenEvent",
    "CommandEvent",
    "EndingEvent",
    "Event",
    "GameState",
    "History",
    "HistoryEntry",
    "LevelEndEvent",
    "LineEvent",
    "LoadResult",
    "NoticeEvent",
    "PersistentData",
    "Rollback",
    "RunnerError",
    "RunnerState",
    "SaveData",
    "SaveManager",
    "SaveMeta",
    "SaveResult",
    "SceneChangeEvent",
    "Settings",
    "SlotInfo",
    "StateError",
    "StoryRunner",
    "load_persistent",
    "load_settings",
    "save_persistent",
    "save_settings",
]
