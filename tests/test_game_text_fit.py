"""Every line and every choice of the shipped levels fits its box at every text size.

Uses the real DialogueBox / ChoiceMenu layout code and the real fonts, so it covers all
lines (screenshots only show a few of them).
"""

from __future__ import annotations

import os
from collections.abc import Iterator

import pygame
import pytest

from lm_game import LOGICAL_SIZE
from lm_game.content.loader import load_all
from lm_game.model.level import Choice, Level, Say
from lm_game.render import theme
from lm_game.render.assets import AssetCache
from lm_game.runtime.settings import TEXT_SIZES
from lm_game.ui import choices as choice_ui
from lm_game.ui.choices import ChoiceMenu, Option
from lm_game.ui.dialogue import MIN_BOX_H, PAD, DialogueBox

W, H = LOGICAL_SIZE
MAX_BOX_H = H - 60  # the box's cap: a line taller than this would be cut
CHOICE_BOTTOM = H - 180  # choices stack above this line


@pytest.fixture(scope="module")
def fonts() -> Iterator[AssetCache]:
    os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
    pygame.init()
    yield AssetCache()


@pytest.fixture(scope="module")
def levels() -> list[Level]:
    return load_all()


def says(levels: list[Level]) -> Iterator[tuple[Level, str, Say]]:
    for lv in levels:
        for node in lv.nodes.values():
            for step in node.steps:
                if isinstance(step, Say):
                    yield lv, node.id, step


def choice_steps(levels: list[Level]) -> Iterator[tuple[Level, str, Choice]]:
    for lv in levels:
        for node in lv.nodes.values():
            for step in node.steps:
                if isinstance(step, Choice):
                    yield lv, node.id, step


@pytest.mark.parametrize("size", TEXT_SIZES)
def test_game_every_line_fits_the_dialogue_box(size: str, fonts: AssetCache, levels: list[Level]) -> None:
    font = fonts.font(theme.text_size(size))
    name_font = fonts.font(theme.ui_size(size))
    problems = []
    for lv, node, step in says(levels):
        character = lv.characters.get(step.speaker) if step.speaker else None
        box = DialogueBox()
        box.show(step.text, step.speaker, None, None, "p" if character and character.portrait else None)
        lay = box.layout(font)
        needed = len(lay.lines) * lay.line_h + 2 * PAD + 18
        width = lay.box.right - PAD - lay.text_x
        if needed > MAX_BOX_H:
            problems.append(f"{lv.id}:{node}: {len(lay.lines)} lines, cut off: {step.text[:40]!r}")
        if any(font.size(line)[0] > width for line in lay.lines):
            problems.append(f"{lv.id}:{node}: a wrapped line is wider than the box: {step.text[:40]!r}")
        if max(needed, MIN_BOX_H) > H - 16 - CHOICE_BOTTOM:
            problems.append(f"{lv.id}:{node}: box reaches under the choice slips: {step.text[:40]!r}")
        if character is not None and name_font.size(character.name)[0] > W // 3:
            problems.append(f"{lv.id}: name plate too wide: {character.name!r}")
    assert not problems, "\n".join(problems[:20])


@pytest.mark.parametrize("size", TEXT_SIZES)
def test_game_every_choice_fits_above_the_box(size: str, fonts: AssetCache, levels: list[Level]) -> None:
    font = fonts.font(theme.ui_size(size))
    problems = []
    for lv, node, step in choice_steps(levels):
        menu = ChoiceMenu([Option(i, o.text, True) for i, o in enumerate(step.options)], lambda i: None)
        rects, texts = menu.layout(font)
        where = f"{lv.id}:{node}"
        if rects[0].top < 48 or rects[-1].bottom > CHOICE_BOTTOM:
            problems.append(f"{where}: slips span y {rects[0].top}..{rects[-1].bottom}")
        if any(r.width > choice_ui.MAX_W or r.left < 0 or r.right > W for r in rects):
            problems.append(f"{where}: a slip is wider than the screen")
        for rect, lines in zip(rects, texts, strict=True):
            if len(lines) > 2:
                problems.append(f"{where}: an option wraps to {len(lines)} lines: {lines[0]!r}...")
            if any(font.size(line)[0] > rect.width - 40 for line in lines):
                problems.append(f"{where}: option text wider than its slip: {lines!r}")
    assert not problems, "\n".join(problems[:20])
