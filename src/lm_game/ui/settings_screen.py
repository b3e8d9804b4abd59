"""Settings: every option the runtime persists, applied at once and saved on every change.

Keyboard / gamepad: UP/DOWN pick a row, LEFT/RIGHT change it, CONFIRM cycles it or opens it.
Mouse / touch: the < and > arrows of a row change it, a tap on the row cycles it; the
"More" buttons and the wheel scroll; "Back" closes.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import pygame

from lm_game import platform_web
from lm_game.input.actions import Action, InputEvent
from lm_game.render import theme
from lm_game.render.text import fit_text
from lm_game.runtime.settings import DIFFICULTIES, TEXT_SIZES, Settings
from lm_game.ui import services
from lm_game.ui.base import H, UIScreen, W

if TYPE_CHECKING:
    from lm_game.app.loop import App

PANEL = pygame.Rect(40, 16, W - 80, H - 32)
LIST_TOP = PANEL.top + 78
LIST_BOTTOM = PANEL.bottom - 66

TEXT_SPEEDS: list[tuple[int, str]] = [(20, "Slow"), (40, "Normal"), (80, "Fast"), (0, "Instant")]
AUTO_SPEEDS: list[tuple[float, str]] = [(0.0, "Off"), (3.0, "Slow"), (1.5, "Normal"), (0.7, "Fast")]
SIZE_NAMES = {"small": "Small", "medium": "Medium", "large": "Large", "xl": "Extra large"}


@dataclass
class Row:
    """One settings row: `value()` for display, `change(+1/-1)`; `activate` for action rows."""

    label: str
    value: Callable[[], str]
    change: Callable[[int], None] | None = None
    activate: Callable[[], None] | None = None


def _cycle(options: list[Any], current: Any, delta: int) -> Any:
    try:
        i = options.index(current)
    except ValueError:
        i = 0
    return options[(i + delta) % len(options)]


def _nearest(options: list[tuple[Any, str]], current: float) -> int:
    return min(range(len(options)), key=lambda i: abs(float(options[i][0]) - float(current)))


class SettingsScreen(UIScreen):
    """A scrolling list of rows over a veil (an overlay on the title or the pause menu)."""

    overlay = True

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[Row] = []
        self.focus = 0
        self.scroll = 0
        self.armed: tuple[str, int] | None = None
        self.hits: list[tuple[tuple[str, int], pygame.Rect]] = []

    def enter(self, app: App) -> None:
        super().enter(app)
        self.rows = self.build_rows()

    # -- rows -------------------------------------------------------------------------------------
    @property
    def s(self) -> Settings:
        return services.settings(self.the_app)

    def build_rows(self) -> list[Row]:
        rows = [
            self.volume_row("Master volume", "master_volume"),
            self.volume_row("Music volume", "music_volume"),
            self.volume_row("Effects volume", "sfx_volume"),
            Row("Text speed", lambda: TEXT_SPEEDS[_nearest(TEXT_SPEEDS, self.s.text_speed)][1], self.change_text_speed),
            Row("Auto-advance", lambda: AUTO_SPEEDS[_nearest(AUTO_SPEEDS, self.s.auto_advance_delay)][1],
                self.change_auto),
            Row("Text size", lambda: SIZE_NAMES.get(self.s.text_size, self.s.text_size), self.change_text_size),
            self.toggle_row("High-contrast text box", "high_contrast"),
            self.toggle_row("Reduced motion", "reduced_motion"),
            self.toggle_row("Reduced flashing", "reduced_flashing"),
            Row("Choice timers", lambda: "Off" if self.s.timers_off else "On", lambda d: self.flip("timers_off")),
            Row("Skip", lambda: "All text" if self.s.skip_unseen else "Seen text only",
                lambda d: self.flip("skip_unseen")),
            self.toggle_row("Hold confirm to repeat (finale)", "hold_to_mash"),
            Row("Difficulty (action scenes)", lambda: self.s.dodge_difficulty.capitalize(), self.change_difficulty),
            Row("Rhythm calibration", lambda: f"{self.s.rhythm_offset_ms:+d} ms", self.change_offset),
        ]
        if platform_web.CAN_FULLSCREEN:
            rows.append(self.toggle_row("Fullscreen", "fullscreen"))
        rows.append(Row("Controls (remap keys)", lambda: "", activate=self.open_keys))
        rows.append(Row("Back", lambda: "", activate=self.close))
        return rows

    def volume_row(self, label: str, name: str) -> Row:
        def change(delta: int) -> None:
            value = round(getattr(self.s, name) * 10) + delta
            setattr(self.s, name, max(0, min(10, value)) / 10)

        return Row(label, lambda: f"{round(getattr(self.s, name) * 100)}%", change)

    def toggle_row(self, label: str, name: str) -> Row:
        return Row(label, lambda: "On" if getattr(self.s, name) else "Off", lambda d: self.flip(name))

    def flip(self, name: str) -> None:
        setattr(self.s, name, not getattr(self.s, name))

    def change_text_speed(self, delta: int) -> None:
        i = (_nearest(TEXT_SPEEDS, self.s.text_speed) + delta) % len(TEXT_SPEEDS)
        self.s.text_speed = TEXT_SPEEDS[i][0]

    def change_auto(self, delta: int) -> None:
        i = (_nearest(AUTO_SPEEDS, self.s.auto_advance_delay) + delta) % len(AUTO_SPEEDS)
        self.s.auto_advance_delay = AUTO_SPEEDS[i][0]

    def change_text_size(self, delta: int) -> None:
        self.s.text_size = _cycle(list(TEXT_SIZES), self.s.text_size, delta)

    def change_difficulty(self, delta: int) -> None:
        self.s.dodge_difficulty = _cycle(list(DIFFICULTIES), self.s.dodge_difficulty, delta)

    def change_offset(self, delta: int) -> None:
        self.s.rhythm_offset_ms = max(-300, min(300, self.s.rhythm_offset_ms + 10 * delta))

    def open_keys(self) -> None:
        from lm_game.ui.keys import KeyBindingsScreen

        self.the_app.stack.push(KeyBindingsScreen())

    def close(self) -> None:
        self.sound("cancel")
        services.save_player_settings(self.the_app)
        self.the_app.stack.pop()

    def changed(self) -> None:
        """Apply at once, remember at once."""
        app = self.the_app
        services.save_player_settings(app)
        services.apply_settings(app)
        self.sound("select")

    def change(self, index: int, delta: int) -> None:
        row = self.rows[index]
        self.focus = index
        if row.change is not None:
            row.change(delta)
            self.changed()
        elif row.activate is not None and delta == 0:
            self.sound("confirm")
            row.activate()

    # -- layout -----------------------------------------------------------------------------------
    def row_height(self) -> int:
        return self.ui_font().get_linesize() + 12

    def visible_count(self) -> int:
        return max(1, (LIST_BOTTOM - LIST_TOP) // self.row_height())

    def scroll_to_focus(self) -> None:
        n = self.visible_count()
        if self.focus < self.scroll:
            self.scroll = self.focus
        elif self.focus >= self.scroll + n:
            self.scroll = self.focus - n + 1
        self.scroll = max(0, min(self.scroll, max(0, len(self.rows) - n)))

    def settings_changed(self) -> None:
        self.scroll_to_focus()

    # -- input ------------------------------------------------------------------------------------
    def hit(self, pos: tuple[float, float]) -> tuple[str, int] | None:
        for key, rect in self.hits:
            if rect.collidepoint(pos):
                return key
        return None

    def handle(self, event: InputEvent) -> bool:
        before, played = self.focus, self.sounds_played
        out = self._handle(event)
        self.focus_sound(before, played)
        return out

    def _handle(self, event: InputEvent) -> bool:
        a = event.action
        if a is Action.POINT:
            key = self.hit(event.pos) if event.pos is not None else None
            if key is not None and key[0] in ("row", "left", "right"):
                self.focus = key[1]
            return True
        if a is Action.CONFIRM and event.pos is not None:
            key = self.hit(event.pos)
            if event.pressed:
                self.armed = key
                if key is not None and key[0] in ("row", "left", "right"):
                    self.focus = key[1]
                return True
            armed, self.armed = self.armed, None
            if key is not None and key == armed:
                self.press(key)
            return True
        if not event.pressed:
            return True
        if a in (Action.UP, Action.DOWN):
            self.focus = (self.focus + (1 if a is Action.DOWN else -1)) % len(self.rows)
            self.scroll_to_focus()
        elif a is Action.SCROLL_UP:
            self.scroll = max(0, self.scroll - 1)
        elif a is Action.SCROLL_DOWN:
            self.scroll = min(max(0, len(self.rows) - self.visible_count()), self.scroll + 1)
        elif a in (Action.LEFT, Action.RIGHT):
            if self.rows[self.focus].change is not None:
                self.change(self.focus, 1 if a is Action.RIGHT else -1)
        elif a is Action.CONFIRM:
            row = self.rows[self.focus]
            self.change(self.focus, 1 if row.change is not None else 0)
        elif a in (Action.CANCEL, Action.MENU):
            self.close()
        return True

    def press(self, key: tuple[str, int]) -> None:
        kind, index = key
        if kind == "left":
            self.change(index, -1)
        elif kind == "right":
            self.change(index, 1)
        elif kind == "row":
            row = self.rows[index]
            self.change(index, 1 if row.change is not None else 0)
        elif kind == "more_up":
            self.scroll = max(0, self.scroll - self.visible_count() + 1)
        elif kind == "more_down":
            self.scroll = min(max(0, len(self.rows) - self.visible_count()), self.scroll + self.visible_count() - 1)
        elif kind == "back":
            self.close()

    # -- drawing ----------------------------------------------------------------------------------
    def draw(self, surface: pygame.Surface) -> None:
        surface.blit(self.panels.veil(surface.get_size(), 215), (0, 0))
        surface.blit(self.panels.panel(PANEL.size, theme.NIGHT, theme.GOLD, halftone=False, seed=61), PANEL.topleft)
        heading = self.label("SETTINGS", theme.HEADING_SIZE, theme.GOLD)
        surface.blit(heading, (PANEL.left + 36, PANEL.top + 20))
        hint = self.label("Left/Right change  -  changes apply and save at once", theme.SMALL_SIZE + 2, theme.CREAM)
        surface.blit(hint, hint.get_rect(topright=(PANEL.right - 36, PANEL.top + 34)))
        font = self.ui_font()
        rh = self.row_height()
        self.hits = []
        value_x = PANEL.left + 520
        for n, i in enumerate(range(self.scroll, min(len(self.rows), self.scroll + self.visible_count()))):
            row = self.rows[i]
            rect = pygame.Rect(PANEL.left + 30, LIST_TOP + n * rh, PANEL.width - 60, rh - 4)
            focused = i == self.focus
            if focused:
                pygame.draw.rect(surface, theme.MENU_FOCUS_BG, rect, border_radius=4)
                pygame.draw.rect(surface, theme.MENU_FOCUS_BORDER, rect, 3, border_radius=4)
            label = self.text.render(font, fit_text(font, row.label, value_x - rect.left - 70), theme.CREAM)
            surface.blit(label, (rect.left + 32, rect.centery - label.get_height() // 2))
            if focused:
                cx, cy = rect.left + 14, rect.centery
                pygame.draw.polygon(surface, theme.GOLD, [(cx - 5, cy - 7), (cx - 5, cy + 7), (cx + 5, cy)])
            self.hits.append((("row", i), rect))
            if row.change is not None:
                left = pygame.Rect(value_x - 56, rect.top + 3, 40, rect.height - 6)
                right = pygame.Rect(rect.right - 52, rect.top + 3, 40, rect.height - 6)
                for r, glyph in ((left, "<"), (right, ">")):
                    pygame.draw.rect(surface, theme.NIGHT, r, border_radius=4)
                    pygame.draw.rect(surface, theme.GOLD, r, 2, border_radius=4)
                    g = self.text.render(font, glyph, theme.GOLD)
                    surface.blit(g, g.get_rect(center=r.center))
                value = self.text.render(font, row.value(), theme.GOLD if not focused else theme.CREAM)
                surface.blit(value, value.get_rect(center=((left.right + right.left) // 2, rect.centery)))
                self.hits.insert(0, (("left", i), left))
                self.hits.insert(0, (("right", i), right))
        self.draw_buttons(surface)

    def draw_buttons(self, surface: pygame.Surface) -> None:
        font = self.font(26)
        y = PANEL.bottom - 22
        x = PANEL.right - 36
        buttons = [("back", "Back")]
        if self.scroll + self.visible_count() < len(self.rows):
            buttons.append(("more_down", "More below"))
        if self.scroll > 0:
            buttons.append(("more_up", "More above"))
        for kind, text in buttons:
            label = self.text.render(font, text, theme.CREAM)
            rect = pygame.Rect(0, 0, label.get_width() + 36, 40)
            rect.bottomright = (x, y)
            pygame.draw.rect(surface, theme.DEEP_RED if kind == "back" else theme.NIGHT, rect, border_radius=4)
            pygame.draw.rect(surface, theme.GOLD, rect, 2, border_radius=4)
            surface.blit(label, label.get_rect(center=rect.center))
            self.hits.insert(0, ((kind, -1), rect))
            x = rect.left - 12

    def state(self) -> dict[str, Any]:
        return {
            "screen": "SettingsScreen",
            "rows": [r.label for r in self.rows],
            "values": [r.value() for r in self.rows],
            "focus": self.focus,
            "scroll": self.scroll,
            "settings": self.s.to_dict(),
        }
