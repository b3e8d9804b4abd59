"""Loader, lint, schema and `lm-game check` against good and broken level files."""

from __future__ import annotations

import dataclasses
import io
import json
from pathlib import Path

import jsonschema
import pytest

from lm_game.content import shapes as sh
from lm_game.content.errors import CODES, LevelLoadError
from lm_game.content.lint import lint_levels
from lm_game.content.loader import (
    MAX_FILE_BYTES,
    check_file,
    load_all,
    load_level,
    load_level_text,
)
from lm_game.content.schema import schema_texts
from lm_game.model import level as m

TESTS = Path(__file__).resolve().parent
ROOT = TESTS.parent
BAD = TESTS / "levels_bad"
GOOD = TESTS / "levels_good"

#: file -> (code, line, col) that must be reported. E* files must fail to load; W* load.
EXPECTED: dict[str, tuple[str, int, int]] = {
    "e003_not_utf8.json": ("E003", 4, 20),
    "e004_comment.json": ("E004", 5, 17),
    "e004_missing_comma.json": ("E004", 20, 7),
    "e004_single_quotes.json": ("E004", 4, 3),
    "e005_empty.json": ("E005", 1, 1),
    "e006_truncated.json": ("E006", 13, 32),
    "e007_trailing_comma_array.json": ("E007", 25, 26),
    "e007_trailing_comma_object.json": ("E007", 28, 42),
    "e008_duplicate_node.json": ("E008", 23, 5),
    "e009_top_array.json": ("E009", 1, 1),
    "e010_too_deep.json": ("E010", 1, 106),
    "e011_no_format.json": ("E011", 1, 1),
    "e012_format_newer.json": ("E012", 2, 13),
    "e013_id_mismatch.json": ("E013", 3, 9),
    "e020_missing_title.json": ("E020", 1, 1),
    "e021_unknown_field.json": ("E021", 19, 25),
    "e022_wrong_type.json": ("E022", 8, 41),
    "e023_bad_scene_type.json": ("E023", 15, 28),
    "e024_negative_timer.json": ("E024", 21, 79),
    "e025_bad_scene_id.json": ("E025", 15, 12),
    "e026_asset_absolute.json": ("E026", 15, 72),
    "e026_asset_dotdot.json": ("E026", 13, 55),
    "e026_asset_uppercase.json": ("E026", 15, 67),
    "e027_condition_syntax.json": ("E027", 20, 45),
    "e027_effect_syntax.json": ("E027", 20, 20),
    "e028_step_no_kind.json": ("E028", 21, 7),
    "e028_step_two_kinds.json": ("E028", 21, 28),
    "e029_rect_three.json": ("E029", 16, 98),
    "e030_missing_block.json": ("E030", 16, 5),
    "e030_wrong_block.json": ("E030", 16, 6),
    "e031_bad_color.json": ("E031", 11, 43),
    "e040_unknown_scene.json": ("E040", 21, 7),
    "e041_unknown_node.json": ("E041", 21, 7),
    "e041_unknown_node_in_seen.json": ("E041", 24, 43),
    "e042_unknown_speaker.json": ("E042", 19, 7),
    "e043_unknown_item.json": ("E043", 20, 31),
    "e044_unknown_ending.json": ("E044", 25, 7),
    "e046_duplicate_scene.json": ("E046", 16, 5),
    "e047_unknown_emotion.json": ("E047", 19, 7),
    "e048_no_neutral.json": ("E048", 11, 13),
    "e049_no_way_out.json": ("E049", 21, 7),
    "e050_type_mismatch.json": ("E050", 24, 35),
    "e051_undeclared_variable.json": ("E051", 24, 30),
    "e052_timer_without_default.json": ("E052", 21, 7),
    "e054_note_lane.json": ("E054", 16, 92),
    "w001_unreachable_scene.json": ("W001", 16, 5),
    "w002_unreachable_node.json": ("W002", 23, 14),
    "w005_unused_variable.json": ("W005", 9, 15),
}

#: Codes for structure JSON Schema can express: jsonschema must reject these files too.
SCHEMA_REJECTS = {
    "E009",
    "E011",
    "E012",
    "E020",
    "E021",
    "E022",
    "E023",
    "E024",
    "E025",
    "E026",
    "E028",
    "E029",
    "E030",
    "E031",
}
#: Codes only the loader/lint can see: the file is valid for jsonschema.
SCHEMA_ACCEPTS = {"E013", "E027"} | {c for c in CODES if c.startswith(("E04", "E05", "W"))}


@pytest.fixture
def no_assets(tmp_path: Path) -> Path:
    d = tmp_path / "assets"
    d.mkdir()
    return d


def test_every_bad_file_has_an_expectation() -> None:
    assert sorted(p.name for p in BAD.glob("*.json")) == sorted(EXPECTED)
    assert len([c for c, _, _ in EXPECTED.values() if c.startswith("E")]) >= 30


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_bad_file_reports_code_line_col(name: str, no_assets: Path) -> None:
    code, line, col = EXPECTED[name]
    level, problems = check_file(BAD / name, assets_root=no_assets)
    found = [(p.code, p.line, p.col) for p in problems]
    assert (code, line, col) in found, [str(p) for p in problems]
    for p in problems:
        assert p.code in CODES
        assert p.file.endswith(name)
        assert str(p).startswith(f"{p.file}:{p.line}:{p.col}: {p.severity} {p.code}: ")
    if code.startswith("E"):
        assert level is None
        with pytest.raises(LevelLoadError) as info:
            load_level(BAD / name, assets_root=no_assets)
        assert any(e.code == code for e in info.value.errors)
    else:
        assert level is not None


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_schema_agrees_with_loader(name: str) -> None:
    code = EXPECTED[name][0]
    if code not in SCHEMA_REJECTS | SCHEMA_ACCEPTS:
        pytest.skip(f"{code}: not about structure (syntax, encoding, duplicates, depth)")
    data = json.loads((BAD / name).read_text(encoding="utf-8"))
    validator = jsonschema.Draft202012Validator(json.loads(schema_texts()["level.schema.json"]))
    errors = list(validator.iter_errors(data))
    if code in SCHEMA_REJECTS:
        assert errors, f"schema accepts {name} but the loader reports {code}"
    else:
        assert not errors, [e.message for e in errors]


@pytest.mark.parametrize(
    "path", sorted(GOOD.glob("*.json")) + sorted((ROOT / "levels").glob("*.json")), ids=lambda p: p.name
)
def test_good_levels_load_and_match_schema(path: Path) -> None:
    if path.name == "index.json":
        pytest.skip("index")
    level, problems = check_file(path)
    assert level is not None, "\n".join(str(p) for p in problems)
    data = json.loads(path.read_text(encoding="utf-8"))
    validator = jsonschema.Draft202012Validator(json.loads(schema_texts()["level.schema.json"]))
    assert [e.message for e in validator.iter_errors(data)] == []


def test_showcase_model() -> None:
    level = load_level(GOOD / "showcase.json")
    assert level.id == "showcase" and level.next is None
    assert level.start_scene.type == "explore"
    gate = level.scene("gate")
    assert gate.explore is not None and gate.spec is gate.explore
    booth = gate.explore.hotspots[1]
    assert booth.cond is not None and booth.cond.text.startswith("not met_barker")
    assert booth.loc.line == 31 and booth.loc.path == "$.scenes[0].explore.hotspots[1]"
    assert level.variables["tickets"].default == 0
    assert level.characters["star"].portrait_file("tired") == "portraits/star_tired.png"
    steps = level.node("barker_talk").steps
    assert isinstance(steps[0], m.Say) and steps[0].speaker == "barker"
    choice = steps[3]
    assert isinstance(choice, m.Choice) and choice.timer == 5.0
    assert choice.options[1].goto is None and len(choice.options[1].effects) == 2
    assert isinstance(level.node("finale_won").steps[1], m.EndLevel)
    wave = level.scene("paps").dodge.waves[1]  # type: ignore[union-attr]
    assert wave.side == "center" and wave.count == 12
    notes = level.scene("cabinet").rhythm.notes  # type: ignore[union-attr]
    assert notes[2] == m.Note(beat=6.0, lane=2, hold=2.0)
    cues = level.scene("ride").cutscene.timeline  # type: ignore[union-attr]
    assert [c.do for c in cues][:3] == ["card", "move", "say"] and cues[1].to == (400, 420)
    cmd = level.node("booth_intro").steps[0]
    assert isinstance(cmd, m.Command) and cmd.name == "shake" and cmd.args["strength"] == 4.0
    with pytest.raises(dataclasses.FrozenInstanceError):
        level.title = "x"  # type: ignore[misc]
    assets = {a for a, _ in level.assets()}
    assert "portraits/barker_grin.png" in assets and "sfx/collect.ogg" in assets


def test_all_errors_are_collected_before_raising() -> None:
    text = (BAD / "e021_unknown_field.json").read_text().replace('"Hall"', '"Hall"')
    text = text.replace('"type": "dialogue"', '"type": "dialog"').replace('"title": "Broken on purpose"', '"title": 3')
    with pytest.raises(LevelLoadError) as info:
        load_level_text(text, "multi.json")
    assert {e.code for e in info.value.errors} >= {"E021", "E022", "E023"}
    assert "multi.json:" in str(info.value)


def test_file_size_limit_and_missing_file(tmp_path: Path) -> None:
    big = tmp_path / "big.json"
    big.write_text('{"format": 1, "pad": "' + "x" * MAX_FILE_BYTES + '"}')
    _, problems = check_file(big)
    assert [p.code for p in problems] == ["E002"]
    _, problems = check_file(tmp_path / "nope.json")
    assert [p.code for p in problems] == ["E001"]


def test_hints_suggest_close_names(no_assets: Path) -> None:
    _, problems = check_file(BAD / "e041_unknown_node_in_seen.json", assets_root=no_assets)
    assert any("did you mean 'intro'?" in p.hint for p in problems)
    _, problems = check_file(BAD / "e021_unknown_field.json", assets_root=no_assets)
    assert problems[0].hint == "did you mean 'speaker'?"


def _write_levels(root: Path, index: list[str], levels: dict[str, dict[str, object]]) -> None:
    root.mkdir(parents=True, exist_ok=True)
    (root / "index.json").write_text(json.dumps({"format": 1, "levels": index}))
    for lid, extra in levels.items():
        doc: dict[str, object] = {
            "format": 1,
            "id": lid,
            "title": lid,
            "next": None,
            "start": "s",
            "scenes": [{"id": "s", "type": "dialogue", "start": "n"}],
            "nodes": {"n": [{"end_level": True}]},
        }
        doc.update(extra)
        (root / f"{lid}.json").write_text(json.dumps(doc, indent=2))


def test_cross_level_checks(tmp_path: Path) -> None:
    root = tmp_path / "levels"
    var_a = {"variables": {"v": {"type": "int", "default": 0}}, "nodes": {"n": [{"do": "v += 1"}, {"end_level": True}]}}
    var_b = {
        "variables": {"v": {"type": "bool", "default": False}},
        "nodes": {"n": [{"say": "hi", "if": "v"}, {"end_level": True}]},
    }
    _write_levels(root, ["a", "b", "gone"], {"a": {**var_a, "next": "bee"}, "b": var_b, "extra": {}})
    level_a, problems = check_file(root / "a.json", levels_root=root)
    assert level_a is None and [p.code for p in problems if p.severity == "error"] == ["E045"]
    levels = [load_level(root / "b.json"), load_level(root / "extra.json")]
    levels.append(load_level_text((root / "a.json").read_text().replace('"bee"', '"b"'), str(root / "a.json")))
    codes = sorted(p.code for p in lint_levels(levels, root))
    assert codes == ["E053", "E055", "W008"]


def test_load_all_in_index_order(tmp_path: Path) -> None:
    root = tmp_path / "levels"
    _write_levels(root, ["two", "one"], {"one": {}, "two": {"next": "one"}})
    assert [lv.id for lv in load_all(root)] == ["two", "one"]


def test_shapes_cover_every_model_field() -> None:
    covered: dict[type, set[str]] = {}

    def visit(s: sh.Shape) -> None:
        if isinstance(s, sh.Obj):
            if s.cls is not None:
                names = covered.setdefault(s.cls, set())
                names.update(f.attr or k for k, f in s.fields.items() if f.attr != "")
            for f in s.fields.values():
                visit(f.shape)
        elif isinstance(s, sh.Tagged):
            for v in s.variants.values():
                visit(v)
        elif isinstance(s, sh.Keyed):
            for v in s.variants.values():
                visit(v)
        elif isinstance(s, (sh.Arr,)):
            visit(s.item)
        elif isinstance(s, sh.Nullable):
            visit(s.inner)
        elif isinstance(s, sh.Map):
            visit(s.value)
            if s.wrap is not None:
                covered.setdefault(s.wrap, set()).update({"id", "steps"})
        elif isinstance(s, sh.Tup) and s.cls is not None:
            covered.setdefault(s.cls, set()).update(s.attrs)

    visit(sh.LEVEL)
    for cls, names in covered.items():
        fields = {f.name for f in dataclasses.fields(cls)} - {"loc", "file"}
        from_key = {"id"} if cls in (m.Variable, m.Character, m.Item, m.EndingDef) else set()
        if cls is m.Scene:
            from_key |= {"music_set"}  # derived: whether the "music" field is present (null = silence)
        assert fields - names - from_key == set(), cls.__name__
        assert names - fields == set(), cls.__name__


def test_committed_schema_is_fresh() -> None:
    for name, text in schema_texts().items():
        path = ROOT / "levels" / "schema" / name
        assert path.read_text(encoding="utf-8") == text, f"{path} is stale: run `python -m lm_game.content.schema`"


def test_schema_is_valid_draft_2020_12() -> None:
    for text in schema_texts().values():
        jsonschema.Draft202012Validator.check_schema(json.loads(text))


# ----------------------------------------------------------------------------- lm-game check


def _run_check(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    import argparse

    from lm_game.commands import check

    parser = argparse.ArgumentParser()
    check.register(parser.add_subparsers(dest="command"))
    args = parser.parse_args(["check", *argv])
    rc = check.run(args)
    return rc, capsys.readouterr().out


def test_check_command_text(capsys: pytest.CaptureFixture[str], no_assets: Path) -> None:
    rc, out = _run_check([str(BAD / "e041_unknown_node.json"), "--assets", str(no_assets)], capsys)
    assert rc == 1
    assert "e041_unknown_node.json:21:7: error E041: unknown node 'outr' (hint: did you mean 'outro'?)" in out
    rc, out = _run_check([str(GOOD / "showcase.json"), "--assets", str(no_assets), "--no-warnings"], capsys)
    assert rc == 0 and out.strip().endswith("0 error(s), 0 warning(s)")


def test_check_command_json_and_folders(capsys: pytest.CaptureFixture[str], no_assets: Path) -> None:
    rc, out = _run_check([str(BAD), "--format", "json", "--assets", str(no_assets)], capsys)
    doc = json.loads(out)
    assert rc == 1 and len(doc["files"]) == len(EXPECTED)
    assert doc["errors"] >= 30
    assert {"file", "line", "col", "code", "severity", "message", "hint", "path"} <= set(doc["problems"][0])


def test_check_command_missing_path(capsys: pytest.CaptureFixture[str]) -> None:
    rc, out = _run_check(["does/not/exist.json"], capsys)
    assert rc == 2 and "E001" in out


def test_check_shipped_levels_has_no_errors(capsys: pytest.CaptureFixture[str]) -> None:
    rc, out = _run_check([], capsys)
    assert rc == 0, out


def test_level_error_str() -> None:
    stream = io.StringIO()
    from lm_game.commands.check import report
    from lm_game.content.errors import LevelError

    e = LevelError("levels/front_page.json", 14, 9, "$.x", "E041", "unknown node 'a'", "did you mean 'b'?")
    report([Path("levels/front_page.json")], [e], "text", stream)
    assert stream.getvalue().splitlines()[0] == (
        "levels/front_page.json:14:9: error E041: unknown node 'a' (hint: did you mean 'b'?)"
    )
