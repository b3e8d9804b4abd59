"""A yes/no question before anything that loses progress (overwrite a save, quit, back to title)."""

from __future__ import annotations

from collections.abc import Callable

import pygame

from lm_game.render import theme
from lm_game.render.text import wrap
from lm_game.ui.base import ConfirmLike, H, W
from lm_game.ui.menu import MenuItem


class ConfirmScreen(ConfirmLike):
    """An overlay: question, explanation, "Yes" / "No" (No is focused: the safe answer)."""

    def __init__(
        self,
        question: str,
        detail: str,
        on_yes: Callable[[], None],
        on_no: Callable[[], None] | None = None,
        tag: str = "",
        yes: str = "Yes",
        no: str = "No",
    ) -> None:
        super().__init__()
        self.question = question
        self.detail = detail
        self.on_yes = on_yes
        self.on_no = on_no
        self.tag = tag
        self.yes = yes
        self.no = no

    def items(self) -> list[MenuItem]:
        return [MenuItem(self.yes, self._yes), MenuItem(self.no, self._no, sound="cancel")]

    def build(self) -> None:
        super().build()
        if self.menu is not None:
            self.menu.top = H // 2 + 10
            self.menu._rects = None
            if self.menu.focus == 0 and self.t == 0.0:
                self.menu.focus = 1

    def _yes(self) -> None:
        self.the_app.stack.pop()
        self.on_yes()

    def _no(self) -> None:
        self.the_app.stack.pop()
        if self.on_no is not None:
            self.on_no()

    def on_cancel(self) -> None:
        self._no()

    def draw(self, surface: pygame.Surface) -> None:
        self.draw_backdrop(surface)
        assert self.menu is not None
        width = 620
        qfont = self.font(36)
        dfont = self.font(26)
        qlines = wrap(qfont, self.question, width - 60)
        dlines = wrap(dfont, self.detail, width - 60) if self.detail else []
        top = H // 2 - 40 - len(qlines) * qfont.get_linesize() - len(dlines) * dfont.get_linesize()
        bottom = self.menu.bottom() + 30
        panel = self.panels.panel((width, bottom - top), theme.NIGHT, theme.GOLD, halftone=False, seed=5)
        surface.blit(panel, (W // 2 - width // 2, top))
        y = top + 26
        for line in qlines:
            s = self.text.render(qfont, line, theme.GOLD)
            surface.blit(s, s.get_rect(midtop=(W // 2, y)))
            y += qfont.get_linesize()
        for line in dlines:
            s = self.text.render(dfont, line, theme.CREAM)
            surface.blit(s, s.get_rect(midtop=(W // 2, y)))
            y += dfont.get_linesize()
        self.menu.draw(surface)

    def state(self) -> dict[str, object]:
        out = super().state()
        out["question"] = self.question
        out["tag"] = self.tag
        return out
