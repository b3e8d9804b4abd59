"""Data cannot exhaust the game: oversized level, save and settings files are refused with a clear
message, and story variables cannot grow without bound (a `s += s` loop in a level).
"""

from __future__ import annotations

import json
from pathlib import Path

from lm_game.content.errors import LevelLoadError
from lm_game.content.loader import MAX_FILE_BYTES, load_level, load_level_text
from lm_game.runtime import RunnerState, SaveManager, StoryRunner, load_settings
from lm_game.runtime.documents import MAX_DOCUMENT_BYTES
from lm_game.runtime.events import NoticeEvent
from lm_game.runtime.state import MAX_INT, MAX_STR
from lm_game.storage import FileStorage, MemoryStorage

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = json.loads((ROOT / "levels" / "examples" / "dialogue.json").read_text(encoding="utf-8"))


def test_safety_level_file_over_the_limit_is_refused_with_e002(tmp_path: Path) -> None:
    doc = dict(EXAMPLE, id="big", _comment="x" * (MAX_FILE_BYTES + 1))
    path = tmp_path / "big.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    try:
        load_level(path, assets_root=tmp_path)
    except LevelLoadError as exc:
        (err,) = [e for e in exc.errors if e.severity == "error"]
        assert err.code == "E002" and err.file.endswith("big.json")
        assert str(MAX_FILE_BYTES) in err.message
    else:
        raise AssertionError("an oversized level loaded")


def test_safety_save_over_the_limit_is_refused_with_a_message(tmp_path: Path) -> None:
    store = FileStorage(tmp_path)
    (tmp_path / "save_1").write_bytes(b'{"format": "lm-game-save", "pad": "' + b"x" * MAX_DOCUMENT_BYTES + b'"}')
    result = SaveManager(store).load(1)
    assert not result.ok
    assert "too large" in result.message and f"{MAX_DOCUMENT_BYTES:,}" in result.message
    info = SaveManager(store).read_meta(1)
    assert info.status == "damaged" and "too large" in info.message


def test_safety_settings_over_the_limit_give_defaults_and_a_message() -> None:
    blob = b'{"format": "lm-game-settings", "version": 1, "settings": {}, "pad": "' + b"x" * MAX_DOCUMENT_BYTES + b'"}'
    settings, messages = load_settings(MemoryStorage({"settings": blob}))
    assert settings.to_dict() == type(settings)().to_dict()
    assert any("too large" in m for m in messages), messages


def _looping_level(effects: list[str]) -> StoryRunner:
    doc = json.loads(json.dumps(EXAMPLE))
    doc["variables"] = {
        "s": {"type": "str", "default": "ab", "doc": "grows"},
        "n": {"type": "int", "default": 2, "doc": "grows"},
    }
    doc["nodes"]["booth_start"] = [{"do": effects}, {"goto": "booth_start"}]
    return StoryRunner(load_level_text(json.dumps(doc)))


def test_safety_story_variables_cannot_grow_without_bound() -> None:
    """Found by fuzzing: `s += s` / `n = n * n` in a goto loop ate all memory (MemoryError)."""
    runner = _looping_level(["s += s", "n = n * n"])
    events = runner.start_level()  # a goto loop: the runner's step budget stops it
    notices = [e.message for e in events if isinstance(e, NoticeEvent) and e.kind == "error"]
    assert len(runner.game.variables["s"]) <= MAX_STR  # type: ignore[arg-type]
    assert abs(runner.game.variables["n"]) <= MAX_INT  # type: ignore[arg-type]
    assert any("characters" in m for m in notices) and any("out of range" in m for m in notices)
    assert runner.state is not RunnerState.RUNNING
    assert SaveManager(MemoryStorage()).save(1, runner.save_data()).ok  # and the game can still save
