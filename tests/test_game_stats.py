"""`lm-game stats`: counts agree with an independent count over the raw level JSON."""

from __future__ import annotations

import io
import json
from contextlib import redirect_stdout
from pathlib import Path
from typing import Any

from lm_game.cli import main
from lm_game.content.loader import load_all, load_level
from lm_game.content.stats import format_table, level_stats, stats_document

ROOT = Path(__file__).resolve().parent.parent
LEVELS = ROOT / "levels"


def raw_count(path: Path) -> dict[str, int]:
    """Count straight from the JSON text, without the loader or the model."""
    doc = json.loads(path.read_text(encoding="utf-8"))
    out = {"lines": 0, "words": 0, "choices": 0, "options": 0, "ending_steps": 0, "cue_lines": 0}
    for steps in doc.get("nodes", {}).values():
        for step in steps:
            if "say" in step:
                out["lines"] += 1
                out["words"] += len(step["say"].split())
            elif "choice" in step:
                out["choices"] += 1
                out["options"] += len(step["choice"])
            elif "ending" in step:
                out["ending_steps"] += 1
    for scene in doc["scenes"]:
        block = scene.get("cutscene") or scene.get("finale") or {}
        out["cue_lines"] += sum(1 for cue in block.get("timeline", []) if cue.get("do") == "say")
    out["endings"] = len(doc.get("endings", {}))
    return out


def run_cli(*argv: str) -> tuple[int, str]:
    buf = io.StringIO()
    with redirect_stdout(buf):
        code = main(["stats", *argv])
    return code, buf.getvalue()


def index_ids() -> list[str]:
    ids: list[str] = json.loads((LEVELS / "index.json").read_text(encoding="utf-8"))["levels"]
    return ids


def test_game_stats_json_agrees_with_independent_count() -> None:
    code, out = run_cli("--format", "json")
    assert code == 0
    doc = json.loads(out)
    ids = index_ids()
    assert [lv["id"] for lv in doc["levels"]] == ids
    totals = dict.fromkeys(("lines", "words", "choices", "options", "ending_steps", "cue_lines"), 0)
    endings: set[str] = set()
    for entry, lid in zip(doc["levels"], ids, strict=True):
        raw = raw_count(LEVELS / f"{lid}.json")
        title = json.loads((LEVELS / f"{lid}.json").read_text(encoding="utf-8"))["title"]
        assert entry["title"] == title
        for key, value in raw.items():
            assert entry[key] == value, (lid, key)
        for key in totals:
            totals[key] += raw[key]
        endings |= set(json.loads((LEVELS / f"{lid}.json").read_text(encoding="utf-8")).get("endings", {}))
    for key, value in totals.items():
        assert doc["total"][key] == value, key
    assert doc["total"]["endings"] == len(endings) == 3
    assert {"id", "title", "lines", "words", "choices", "endings"} <= set(doc["total"])


def test_game_stats_text_table_has_a_row_per_level_and_the_total() -> None:
    code, out = run_cli()
    assert code == 0
    rows = out.splitlines()
    doc = stats_document(load_all())
    for entry in doc["levels"]:  # type: ignore[attr-defined]
        row = next(r for r in rows if r.startswith(entry["id"] + " "))
        nums = [int(x) for x in row.split()[-7:]]
        assert nums[:5] == [entry["lines"], entry["words"], entry["choices"], entry["options"], entry["endings"]]
    total = next(r for r in rows if r.startswith("total "))
    assert int(total.split()[2]) == doc["total"]["lines"]  # type: ignore[index]
    assert out == format_table(doc)


def test_game_stats_on_a_folder_and_a_file(tmp_path: Path) -> None:
    level = {
        "format": 1,
        "id": "tiny",
        "title": "Tiny",
        "next": None,
        "start": "s",
        "scenes": [{"id": "s", "type": "dialogue", "start": "a"}],
        "nodes": {
            "a": [
                {"say": "Two words."},
                {"say": "  three   spaced words "},
                {"choice": [{"text": "x", "goto": "b"}, {"text": "y", "goto": "b"}]},
            ],
            "b": [{"say": "One"}, {"ending": "done"}],
        },
        "endings": {"done": {"title": "Done", "text": "bye"}},
    }
    path = tmp_path / "tiny.json"
    path.write_text(json.dumps(level), encoding="utf-8")
    s = level_stats(load_level(path, lint=False))
    assert (s.lines, s.words, s.choices, s.options, s.endings, s.ending_steps) == (3, 6, 1, 2, 1, 1)
    for arg in (str(path), str(tmp_path)):
        code, out = run_cli("--format", "json", arg)
        assert code == 0
        doc: dict[str, Any] = json.loads(out)
        assert doc["levels"][0]["words"] == 6 and doc["total"]["lines"] == 3


def test_game_stats_missing_path_exits_2(tmp_path: Path) -> None:
    code, _ = run_cli(str(tmp_path / "nope.json"))
    assert code == 2


def test_game_has_at_least_400_lines_of_dialogue() -> None:
    doc = stats_document(load_all())
    assert doc["total"]["lines"] >= 400  # type: ignore[index]
