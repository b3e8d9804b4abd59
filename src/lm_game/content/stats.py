"""Content statistics of loaded levels: lines, words, choices and endings (pure, no I/O).

Counted from the model, so what is counted is what the game can show:
``lines`` are ``say`` steps in nodes; ``words`` are the whitespace-separated words in them;
``cue_lines`` / ``cue_words`` are the ``say`` cues of cutscene and finale timelines (counted
apart, they are not dialogue the player continues); ``choices`` are choice steps and
``options`` their options; ``endings`` are the ending definitions of the level and
``ending_steps`` the ``{"ending": ...}`` steps that reach one.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import asdict, dataclass, fields

from lm_game.model.level import Choice, Cue, Ending, Level, Say

COUNT_FIELDS = ("lines", "words", "choices", "options", "endings", "ending_steps", "cue_lines", "cue_words")


def word_count(text: str) -> int:
    """Words in a line: runs of non-whitespace characters."""
    return len(text.split())


@dataclass(frozen=True)
class LevelStats:
    """The counts for one level (or the total, with id ``total``)."""

    id: str
    title: str
    lines: int = 0
    words: int = 0
    choices: int = 0
    options: int = 0
    endings: int = 0
    ending_steps: int = 0
    cue_lines: int = 0
    cue_words: int = 0
    scenes: int = 0
    nodes: int = 0

    def to_dict(self) -> dict[str, object]:
        """Plain JSON form."""
        return asdict(self)


def _cues(level: Level) -> Iterable[Cue]:
    for scene in level.scenes:
        if scene.cutscene is not None:
            yield from scene.cutscene.timeline
        if scene.finale is not None:
            yield from scene.finale.timeline


def level_stats(level: Level) -> LevelStats:
    """Count one level's lines, words, choices, options, endings and cue lines."""
    lines = words = choices = options = ending_steps = 0
    for node in level.nodes.values():
        for step in node.steps:
            if isinstance(step, Say):
                lines += 1
                words += word_count(step.text)
            elif isinstance(step, Choice):
                choices += 1
                options += len(step.options)
            elif isinstance(step, Ending):
                ending_steps += 1
    cue_says = [c for c in _cues(level) if c.do == "say"]
    return LevelStats(
        id=level.id,
        title=level.title,
        lines=lines,
        words=words,
        choices=choices,
        options=options,
        endings=len(level.endings),
        ending_steps=ending_steps,
        cue_lines=len(cue_says),
        cue_words=sum(word_count(c.text) for c in cue_says),
        scenes=len(level.scenes),
        nodes=len(level.nodes),
    )


def total_stats(levels: Iterable[Level], per_level: Iterable[LevelStats]) -> LevelStats:
    """Sum of the per-level counts; ``endings`` counts distinct ending ids across all levels."""
    items = list(per_level)
    sums = {f.name: sum(getattr(s, f.name) for s in items) for f in fields(LevelStats) if f.name not in ("id", "title")}
    ending_ids = {eid for level in levels for eid in level.endings}
    sums["endings"] = len(ending_ids)
    return LevelStats(id="total", title="Total", **sums)


def stats_document(levels: Iterable[Level]) -> dict[str, object]:
    """``{"levels": [per-level dicts], "total": dict}`` for ``lm-game stats --format json``."""
    levels = list(levels)
    per = [level_stats(lv) for lv in levels]
    return {"levels": [s.to_dict() for s in per], "total": total_stats(levels, per).to_dict()}


def format_table(doc: dict[str, object]) -> str:
    """The stats document as an aligned text table (one row per level, then the total)."""
    rows_in = list(doc["levels"]) + [doc["total"]]  # type: ignore[call-overload]
    header = ["level", "title", "lines", "words", "choices", "options", "endings", "ending steps", "cue lines"]
    keys = ["id", "title", "lines", "words", "choices", "options", "endings", "ending_steps", "cue_lines"]
    rows = [header] + [[str(r[k]) for k in keys] for r in rows_in]
    widths = [max(len(row[i]) for row in rows) for i in range(len(header))]
    out = []
    for n, row in enumerate(rows):
        cells = [c.ljust(widths[i]) if i < 2 else c.rjust(widths[i]) for i, c in enumerate(row)]
        out.append("  ".join(cells).rstrip())
        if n == 0 or n == len(rows) - 2:
            out.append("  ".join("-" * w for w in widths))
    return "\n".join(out) + "\n"
