"""Key remapping: pick an action, press a key; saved in settings and applied with set_key_bindings.

While waiting for a key the app's input mapper is wrapped by a `KeyCapture` for one event, so
the pressed key reaches this screen by name (key codes stay in input/mapping.py).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pygame

from lm_game.input.actions import DEFAULT_KEY_BINDINGS, Action, InputEvent
from lm_game.input.mapping import key_name
from lm_game.render import theme
from lm_game.ui import services
from lm_game.ui.base import H, UIScreen, W

if TYPE_CHECKING:
    from collections.abc import Callable

    from lm_game.app.loop import App

REMAPPABLE: list[tuple[Action, str]] = [
    (Action.CONFIRM, "Confirm / next line"),
    (Action.CANCEL, "Cancel / back"),
    (Action.UP, "Up"),
    (Action.DOWN, "Down"),
    (Action.LEFT, "Left"),
    (Action.RIGHT, "Right"),
    (Action.MENU, "Pause menu"),
    (Action.SKIP, "Skip (hold or tap)"),
    (Action.AUTO, "Auto-advance"),
    (Action.BACKLOG, "Backlog"),
    (Action.HIDE_UI, "Hide interface"),
    (Action.DASH, "Dash"),
    (Action.QUICKSAVE, "Quicksave"),
    (Action.QUICKLOAD, "Quickload"),
]
PANEL = pygame.Rect(40, 16, W - 80, H - 32)
CAPTURE_TIMEOUT = 6.0


class KeyCapture:
    """Wraps the InputMapper: the next key press is reported by name and swallowed.

    A mouse click, a touch or a pad button cancels the capture (so nobody gets stuck).
    """

    def __init__(self, mapper: Any, on_key: Callable[[str | None], None]) -> None:
        self.mapper = mapper
        self.on_key = on_key

    def translate(self, event: pygame.event.Event) -> list[InputEvent]:
        if event.type == pygame.KEYDOWN:
            self.on_key(key_name(event.key))
            return []
        if event.type == pygame.KEYUP:
            return []
        if event.type in (pygame.MOUSEBUTTONDOWN, pygame.FINGERDOWN, pygame.CONTROLLERBUTTONDOWN):
            self.on_key(None)
            return []
        return self.mapper.translate(event)  # type: ignore[no-any-return]

    def __getattr__(self, name: str) -> Any:
        return getattr(self.mapper, name)


def effective_bindings(overrides: dict[str, list[str]]) -> dict[str, list[str]]:
    """Default bindings with the player's overrides on top."""
    merged = {str(k): list(v) for k, v in DEFAULT_KEY_BINDINGS.items()}
    merged.update({k: list(v) for k, v in overrides.items()})
    return merged


def bind(overrides: dict[str, list[str]], action: str, key: str) -> dict[str, list[str]]:
    """New overrides with `key` as the first key of `action`, taken away from any other action.

    An action that would be left with no key gets the old first key of `action` (a swap).
    """
    merged = effective_bindings(overrides)
    old = merged.get(action, [])
    out = {k: list(v) for k, v in overrides.items()}
    for other, keys in merged.items():
        if other != action and key in keys:
            rest = [k for k in keys if k != key]
            if not rest and old:
                rest = [old[0]]
            out[other] = rest
    out[action] = [key] + [k for k in old[1:] if k != key]
    return out


class KeyBindingsScreen(UIScreen):
    """One row per action: its keys; confirm (or a tap) waits for a new key."""

    overlay = True

    def __init__(self) -> None:
        super().__init__()
        self.focus = 0
        self.scroll = 0
        self.waiting: str | None = None
        self.wait_time = 0.0
        self.armed: int | None = None
        self.hits: list[tuple[int, pygame.Rect]] = []
        self.message = ""

    @property
    def rows(self) -> list[str]:
        return [label for _, label in REMAPPABLE] + ["Reset to defaults", "Back"]

    def enter(self, app: App) -> None:
        super().enter(app)

    def exit(self) -> None:
        self.stop_capture()

    # -- capture ----------------------------------------------------------------------------------
    def start_capture(self, action: str) -> None:
        app = self.the_app
        self.waiting = action
        self.wait_time = 0.0
        if not isinstance(app.input, KeyCapture):
            app.input = KeyCapture(app.input, self.captured)  # type: ignore[assignment]

    def stop_capture(self) -> None:
        app = self.app
        if app is not None and isinstance(app.input, KeyCapture):
            app.input = app.input.mapper
        self.waiting = None

    def captured(self, name: str | None) -> None:
        action = self.waiting
        self.stop_capture()
        if action is None or name is None:
            self.message = "Cancelled."
            return
        s = services.settings(self.the_app)
        s.key_bindings = bind(s.key_bindings, action, name)
        services.save_player_settings(self.the_app)
        services.apply_settings(self.the_app)
        self.message = f"{dict(REMAPPABLE).get(Action(action), action)}: {name}"

    def activate(self, index: int) -> None:
        self.focus = index
        self.sound("cancel" if index > len(REMAPPABLE) else "confirm")
        if index < len(REMAPPABLE):
            self.start_capture(str(REMAPPABLE[index][0]))
        elif index == len(REMAPPABLE):
            s = services.settings(self.the_app)
            s.key_bindings = {}
            services.save_player_settings(self.the_app)
            services.apply_settings(self.the_app)
            self.message = "Default keys restored."
        else:
            self.the_app.stack.pop()

    # -- input ------------------------------------------------------------------------------------
    def visible_count(self) -> int:
        return max(1, (PANEL.height - 150) // self.row_height())

    def row_height(self) -> int:
        return self.ui_font().get_linesize() + 8

    def scroll_to_focus(self) -> None:
        n = self.visible_count()
        if self.focus < self.scroll:
            self.scroll = self.focus
        elif self.focus >= self.scroll + n:
            self.scroll = self.focus - n + 1

    def handle(self, event: InputEvent) -> bool:
        before, played = self.focus, self.sounds_played
        out = self._handle(event)
        self.focus_sound(before, played)
        return out

    def _handle(self, event: InputEvent) -> bool:
        if self.waiting is not None:
            return True
        a = event.action
        if event.pos is not None and a in (Action.POINT, Action.CONFIRM):
            hit = next((i for i, r in self.hits if r.collidepoint(event.pos)), None)
            if hit is not None:
                self.focus = hit
            if a is Action.CONFIRM:
                if event.pressed:
                    self.armed = hit
                else:
                    if hit is not None and hit == self.armed:
                        self.activate(hit)
                    self.armed = None
            return True
        if not event.pressed:
            return True
        n = len(self.rows)
        if a in (Action.UP, Action.SCROLL_UP):
            self.focus = (self.focus - 1) % n
        elif a in (Action.DOWN, Action.SCROLL_DOWN):
            self.focus = (self.focus + 1) % n
        elif a is Action.CONFIRM:
            self.activate(self.focus)
        elif a in (Action.CANCEL, Action.MENU):
            self.sound("cancel")
            self.the_app.stack.pop()
        self.scroll_to_focus()
        return True

    def update(self, dt: float) -> None:
        super().update(dt)
        if self.waiting is not None:
            self.wait_time += dt
            if self.wait_time > CAPTURE_TIMEOUT:
                self.captured(None)

    # -- drawing ----------------------------------------------------------------------------------
    def draw(self, surface: pygame.Surface) -> None:
        surface.blit(self.panels.veil(surface.get_size(), 215), (0, 0))
        surface.blit(self.panels.panel(PANEL.size, theme.NIGHT, theme.GOLD, halftone=False, seed=71), PANEL.topleft)
        heading = self.label("CONTROLS", theme.HEADING_SIZE, theme.GOLD)
        surface.blit(heading, (PANEL.left + 36, PANEL.top + 20))
        hint_text = "Pick an action, then press the new key"
        if self.waiting is not None:
            hint_text = "Press a key now (click to cancel)"
        hint = self.label(self.message or hint_text, theme.SMALL_SIZE + 2, theme.CREAM)
        surface.blit(hint, hint.get_rect(topright=(PANEL.right - 36, PANEL.top + 34)))
        font = self.ui_font()
        rh = self.row_height()
        bindings = effective_bindings(services.settings(self.the_app).key_bindings)
        self.hits = []
        top = PANEL.top + 80
        rows = self.rows
        for n, i in enumerate(range(self.scroll, min(len(rows), self.scroll + self.visible_count()))):
            rect = pygame.Rect(PANEL.left + 30, top + n * rh, PANEL.width - 60, rh - 4)
            focused = i == self.focus
            if focused:
                pygame.draw.rect(surface, theme.MENU_FOCUS_BG, rect, border_radius=4)
                pygame.draw.rect(surface, theme.MENU_FOCUS_BORDER, rect, 3, border_radius=4)
            label = self.text.render(font, rows[i], theme.CREAM)
            surface.blit(label, (rect.left + 24, rect.centery - label.get_height() // 2))
            if i < len(REMAPPABLE):
                action = str(REMAPPABLE[i][0])
                keys = "..." if self.waiting == action else ", ".join(bindings.get(action, [])) or "(none)"
                value = self.text.render(font, keys, theme.GOLD if not focused else theme.CREAM)
                surface.blit(value, value.get_rect(midright=(rect.right - 20, rect.centery)))
            self.hits.append((i, rect))

    def state(self) -> dict[str, Any]:
        return {
            "screen": "KeyBindingsScreen",
            "focus": self.focus,
            "waiting": self.waiting,
            "bindings": services.settings(self.the_app).key_bindings,
        }
