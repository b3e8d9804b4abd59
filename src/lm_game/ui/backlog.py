"""The backlog: scroll through what was said and chosen; pick an entry to jump back to it (rollback)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import pygame

from lm_game.input.actions import Action, InputEvent
from lm_game.render import theme
from lm_game.render.text import wrap
from lm_game.ui import services
from lm_game.ui.base import H, UIScreen, W

if TYPE_CHECKING:
    from lm_game.app.loop import App
    from lm_game.ui.play import PlayScreen

PANEL = pygame.Rect(50, 28, W - 100, H - 56)
DRAG_SLOP = 10
"""Pixels a pressed finger (or mouse) must travel before a press becomes a drag that scrolls."""
VIEW = pygame.Rect(PANEL.left + 30, PANEL.top + 70, PANEL.width - 60, PANEL.height - 140)


@dataclass
class Row:
    number: int
    """The entry's position among every entry ever added (what rollback truncates to)."""
    name: str
    lines: list[str]
    choice: bool
    height: int


class BacklogScreen(UIScreen):
    """An overlay over the play screen; the newest entry is at the bottom and focused first."""

    overlay = True

    def __init__(self, play: PlayScreen) -> None:
        super().__init__()
        self.play = play
        self.rows: list[Row] = []
        self.focus = 0
        self.scroll = 0
        self.armed: int | str | None = None
        self.buttons: dict[str, pygame.Rect] = {}
        self.drag_from: tuple[float, int] | None = None
        """(pointer y, scroll) when a press landed on the list; None when no press is held there."""
        self.dragging = False

    def enter(self, app: App) -> None:
        super().enter(app)
        self.build()
        self.focus = max(0, len(self.rows) - 1)
        self.scroll_to_focus()

    def settings_changed(self) -> None:
        self.build()

    def body_font(self) -> pygame.font.Font:
        return self.font(theme.ui_size(services.settings(self.the_app).text_size) - 2)

    def build(self) -> None:
        runner = self.play.runner
        self.rows = []
        if runner is None:
            return
        entries = runner.history.entries()
        offset = runner.history.total - len(entries)
        font = self.body_font()
        for k, entry in enumerate(entries):
            choice = entry.kind == "choice"
            name = ("You chose" if choice else (entry.speaker_name or ""))
            lines = wrap(font, entry.text, VIEW.width - 40)
            height = len(lines) * font.get_linesize() + (24 if name else 4) + 14
            self.rows.append(Row(offset + k, name, lines, choice, height))

    # -- scrolling -------------------------------------------------------------------------------
    def row_top(self, index: int) -> int:
        return sum(r.height for r in self.rows[:index])

    def content_height(self) -> int:
        return sum(r.height for r in self.rows)

    def scroll_to_focus(self) -> None:
        if not self.rows:
            return
        top = self.row_top(self.focus)
        bottom = top + self.rows[self.focus].height
        if top < self.scroll:
            self.scroll = top
        elif bottom > self.scroll + VIEW.height:
            self.scroll = bottom - VIEW.height
        self.scroll = max(0, min(self.scroll, max(0, self.content_height() - VIEW.height)))

    def row_at(self, pos: tuple[float, float]) -> int | None:
        if not VIEW.collidepoint(pos):
            return None
        y = pos[1] - VIEW.top + self.scroll
        acc = 0
        for i, r in enumerate(self.rows):
            if acc <= y < acc + r.height:
                return i
            acc += r.height
        return None

    # -- actions ---------------------------------------------------------------------------------
    def close(self) -> None:
        self.the_app.stack.pop()

    def can_jump(self, index: int) -> bool:
        return 0 <= index < len(self.rows) - 1 and self.play.runner is not None and self.play.runner.can_step_back()

    def jump(self, index: int) -> None:
        """Roll the story back to this entry, then close."""
        if not self.can_jump(index):
            return
        self.play.step_back(to_total=self.rows[index].number + 1)
        self.close()

    def max_scroll(self) -> int:
        return max(0, self.content_height() - VIEW.height)

    def drag(self, y: float) -> None:
        """A held press moved: past DRAG_SLOP it scrolls the list with the finger (no line is picked)."""
        assert self.drag_from is not None
        start_y, start_scroll = self.drag_from
        if not self.dragging and abs(y - start_y) < DRAG_SLOP:
            return
        self.dragging = True
        self.armed = None
        self.scroll = max(0, min(self.max_scroll(), int(round(start_scroll - (y - start_y)))))

    def handle(self, event: InputEvent) -> bool:
        a = event.action
        if a is Action.POINT:
            if event.pos is not None:
                if self.drag_from is not None:
                    self.drag(event.pos[1])
                    return True
                hit = self.row_at(event.pos)
                if hit is not None:
                    self.focus = hit
            return True
        if a is Action.CONFIRM and event.pos is not None:
            target: int | str | None = next((n for n, r in self.buttons.items() if r.collidepoint(event.pos)), None)
            if target is None:
                target = self.row_at(event.pos)
            if event.pressed:
                self.armed = target
                self.dragging = False
                self.drag_from = (event.pos[1], self.scroll) if VIEW.collidepoint(event.pos) else None
                if isinstance(target, int):
                    self.focus = target
                return True
            if self.drag_from is not None:
                self.drag(event.pos[1])
            dragged, self.dragging, self.drag_from = self.dragging, False, None
            armed, self.armed = self.armed, None
            if dragged:
                return True
            if target is not None and target == armed:
                if target == "close":
                    self.close()
                elif target == "up":
                    self.scroll_by(-1)
                elif target == "down":
                    self.scroll_by(1)
                elif isinstance(target, int):
                    self.jump(target)
            return True
        if not event.pressed:
            return True
        if a in (Action.CANCEL, Action.BACKLOG, Action.MENU):
            self.close()
        elif a in (Action.UP, Action.SCROLL_UP):
            self.scroll_by(-1)
        elif a in (Action.DOWN, Action.SCROLL_DOWN):
            if self.focus >= len(self.rows) - 1 and a is Action.SCROLL_DOWN:
                self.close()  # scrolling past the newest line returns to the game
            else:
                self.scroll_by(1)
        elif a is Action.CONFIRM:
            self.jump(self.focus)
        return True

    def scroll_by(self, delta: int) -> None:
        if self.rows:
            self.focus = max(0, min(len(self.rows) - 1, self.focus + delta))
            self.scroll_to_focus()

    # -- drawing ---------------------------------------------------------------------------------
    def draw(self, surface: pygame.Surface) -> None:
        surface.blit(self.panels.veil(surface.get_size(), 200), (0, 0))
        s = services.settings(self.the_app)
        style = theme.box_style(s.high_contrast)
        surface.blit(self.panels.panel(PANEL.size, style.box, style.border, style.halftone, seed=31), PANEL.topleft)
        heading = self.label("BACKLOG", theme.HEADING_SIZE, theme.RED if style.halftone else style.text)
        surface.blit(heading, (PANEL.left + 30, PANEL.top + 18))
        hint = self.label("Select a line to go back to it", theme.SMALL_SIZE + 2, style.text)
        surface.blit(hint, hint.get_rect(topright=(PANEL.right - 30, PANEL.top + 30)))
        font = self.body_font()
        name_font = self.font(theme.SMALL_SIZE + 4)
        surface.set_clip(VIEW)
        y = VIEW.top - self.scroll
        for i, row in enumerate(self.rows):
            if y + row.height < VIEW.top:
                y += row.height
                continue
            if y > VIEW.bottom:
                break
            rect = pygame.Rect(VIEW.left, y, VIEW.width, row.height - 6)
            if i == self.focus:
                pygame.draw.rect(surface, style.focus_bg, rect)
                pygame.draw.rect(surface, style.focus_border, rect, 3)
            colour = style.focus_text if i == self.focus else style.text
            ty = y + 6
            if row.name:
                name_colour = colour if i == self.focus or not style.halftone else theme.DEEP_RED
                surface.blit(self.text.render(name_font, row.name.upper(), name_colour), (rect.left + 14, ty))
                ty += 22
            for line in row.lines:
                text = ("> " + line) if row.choice and line is row.lines[0] else line
                surface.blit(self.text.render(font, text, colour), (rect.left + 20, ty))
                ty += font.get_linesize()
            y += row.height
        surface.set_clip(None)
        if not self.rows:
            empty = self.label("Nothing has been said yet.", 28, style.text)
            surface.blit(empty, empty.get_rect(center=VIEW.center))
        self.draw_buttons(surface, style)

    def draw_buttons(self, surface: pygame.Surface, style: theme.BoxStyle) -> None:
        font = self.font(26)
        self.buttons = {}
        x = PANEL.right - 30
        for name, label in (("close", "Close"), ("down", "Newer"), ("up", "Older")):
            text = self.text.render(font, label, theme.CREAM)
            rect = pygame.Rect(0, 0, text.get_width() + 36, 40)
            rect.bottomright = (x, PANEL.bottom - 18)
            pygame.draw.rect(surface, theme.NIGHT, rect, border_radius=4)
            pygame.draw.rect(surface, theme.GOLD, rect, 2, border_radius=4)
            surface.blit(text, text.get_rect(center=rect.center))
            self.buttons[name] = rect
            x = rect.left - 12

    def state(self) -> dict[str, Any]:
        return {
            "screen": "BacklogScreen",
            "rows": len(self.rows),
            "focus": self.focus,
            "scroll": self.scroll,
            "dragging": self.dragging,
            "texts": [" ".join(r.lines) for r in self.rows],
        }
