"""Helpers that walk a Level: every step, every node reference, every asset path."""

from __future__ import annotations

from collections.abc import Iterator

from lm_game.model.level import (
    Choice,
    Command,
    Cue,
    Level,
    Node,
    Scene,
    SourceLoc,
    Step,
)


def iter_steps(node: Node) -> Iterator[Step]:
    """Every step of a node in order (options are inside their Choice)."""
    yield from node.steps


def scene_cues(scene: Scene) -> tuple[Cue, ...]:
    """The cutscene or finale timeline of a scene (empty for other types)."""
    if scene.cutscene is not None:
        return scene.cutscene.timeline
    if scene.finale is not None:
        return scene.finale.timeline
    return ()


def level_assets(level: Level) -> list[tuple[str, SourceLoc]]:
    """Every asset path a level refers to (relative to assets/) with its location."""
    out: list[tuple[str, SourceLoc]] = []
    for ch in level.characters.values():
        if ch.portrait is not None:
            for emo in ch.emotions:
                out.append((f"{ch.portrait}_{emo}.png", ch.loc))
    for item in level.items.values():
        if item.icon:
            out.append((item.icon, item.loc))
    for end in level.endings.values():
        if end.background:
            out.append((end.background, end.loc))
    for scene in level.scenes:
        if scene.background:
            out.append((scene.background, scene.loc))
        if scene.music:
            out.append((scene.music, scene.loc))
        for cue in scene_cues(scene):
            if cue.track:
                out.append((cue.track, cue.loc))
            if cue.sound:
                out.append((cue.sound, cue.loc))
    for node in level.nodes.values():
        for step in node.steps:
            if isinstance(step, Command):
                for key in ("sound", "track"):
                    val = step.args.get(key)
                    if isinstance(val, str):
                        out.append((val, step.loc))
    return out


def node_targets(step: Step) -> list[str]:
    """Node ids a step may jump to (goto targets, including choice options)."""
    from lm_game.model.level import Goto

    if isinstance(step, Goto):
        return [step.target]
    if isinstance(step, Choice):
        return [o.goto for o in step.options if o.goto is not None]
    return []
