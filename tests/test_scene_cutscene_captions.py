"""Cutscene captions follow the dialogue's text-size setting and fit the screen at every size."""

from __future__ import annotations

from typing import Any

import pygame
import pytest

from lm_game.content.loader import load_all
from lm_game.model.level import CutsceneSpec
from lm_game.render import theme
from lm_game.render.assets import AssetCache
from lm_game.render.scenes import cutscene as cutscene_render
from lm_game.render.scenes.art import CAPTION_PAD, CAPTION_W, H, art_for, caption_layout
from lm_game.runtime.settings import TEXT_SIZES, Settings
from lm_game.scenes.common import Line, speaker_name
from tests.test_scene_support import ROOT, Play

LONG = Line("star", "The Star", " ".join(["Eleven months, forty cities, one suitcase of odd socks."] * 4), "#d9a53a")


@pytest.fixture(scope="module")
def art() -> Any:
    pygame.init()
    pygame.display.set_mode((960, 540))
    return art_for(AssetCache(ROOT / "assets"))


def game_lines() -> list[Line]:
    """Every line spoken in a cutscene of the game, as the timeline shows it."""
    out: list[Line] = []
    for level in load_all():
        for scene in level.scenes:
            if not isinstance(scene.spec, CutsceneSpec):
                continue
            for cue in scene.spec.timeline:
                if cue.do == "say":
                    name, colour = speaker_name(level, cue.speaker)
                    out.append(Line(cue.speaker, name, cue.text, colour))
    assert out
    return out


@pytest.mark.parametrize("size", TEXT_SIZES)
def test_cutscene_captions_use_the_dialogue_text_size(size: str) -> None:
    assert cutscene_render.caption_size(Settings(text_size=size)) == theme.text_size(size)


@pytest.mark.parametrize("size", TEXT_SIZES)
def test_cutscene_draw_passes_the_setting_to_the_captions(size: str, art: Any, monkeypatch: Any) -> None:
    seen: list[int] = []
    monkeypatch.setattr(cutscene_render, "draw_lines", lambda s, a, lines, sz, top=0: seen.append(sz))
    p = Play("cutscene", settings=Settings(text_size=size))
    p.step(60 * 2)
    cutscene_render.draw(pygame.Surface((960, 540)), p.logic, art.assets, p.host.settings)
    assert seen == [theme.text_size(size)]


@pytest.mark.parametrize("size", TEXT_SIZES)
def test_cutscene_captions_fit_at_every_size(size: str, art: Any) -> None:
    px = theme.text_size(size)
    top = cutscene_render.BAR + 8
    lines = game_lines()
    shows = [[ln] for ln in lines] + [list(pair) for pair in zip(lines, lines[1:], strict=False)] + [[lines[0], LONG]]
    for shown in shows:
        caps = caption_layout(art, shown, px, top=top)
        assert caps
        assert caps[-1].rows == art.wrapped(shown[-1].text, caps[-1].size, CAPTION_W - 2 * CAPTION_PAD)
        for cap in caps:
            assert cap.rect.top >= top and cap.rect.bottom <= H, (size, cap.rect)
            assert all(art.font(cap.size).size(r)[0] <= CAPTION_W - 2 * CAPTION_PAD for r in cap.rows)
            if shown[-1] is not LONG:
                assert cap.size == px  # the game's own lines never need to be set smaller
        for a, b in zip(caps, caps[1:], strict=False):
            assert a.rect.bottom <= b.rect.top
