"""Save and load screens: a grid of slots with thumbnail, chapter, scene, play time and date.

Saving over a used slot asks first. Directions move in the grid; a pointer taps a card.
"Delete" (a header button: UP from the top row reaches it, or tap it) switches to delete mode:
the next slot chosen is deleted (save, metadata and backup) after a confirmation.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pygame

from lm_game.input.actions import Action, InputEvent
from lm_game.render import theme
from lm_game.render.text import fit_text
from lm_game.runtime.saves import AUTO, QUICK, SlotInfo
from lm_game.ui import flow, services
from lm_game.ui.base import H, UIScreen, W

if TYPE_CHECKING:
    from lm_game.app.loop import App
    from lm_game.ui.play import PlayScreen

PANEL = pygame.Rect(16, 8, W - 32, H - 16)
COLS = 4
CARD_W = 212
CARD_H = 136
GAP = 10
GRID_TOP = 70
THUMB = (144, 81)


def slot_title(slot: str) -> str:
    return {AUTO: "Autosave", QUICK: "Quicksave"}.get(slot, f"Slot {slot}")


class SaveLoadScreen(UIScreen):
    """`mode` "save" (numbered slots) or "load" (autosave, quicksave and numbered slots)."""

    overlay = True

    def __init__(self, mode: str, play: PlayScreen | None) -> None:
        super().__init__()
        self.mode = mode
        self.play = play
        self.slots: list[SlotInfo] = []
        self.thumbs: dict[str, pygame.Surface | None] = {}
        self.focus = 0
        self.armed: int | str | None = None
        self.message = ""
        self.deleting = False
        self.button: str | None = None
        """The header button the keyboard / gamepad focus is on ("delete" or "back"), else None."""
        self.buttons: dict[str, pygame.Rect] = {}

    @property
    def back_rect(self) -> pygame.Rect:
        return self.buttons.get("back", pygame.Rect(0, 0, 0, 0))

    @property
    def delete_rect(self) -> pygame.Rect:
        return self.buttons.get("delete", pygame.Rect(0, 0, 0, 0))

    def enter(self, app: App) -> None:
        super().enter(app)
        self.refresh()

    def uncover(self) -> None:
        self.refresh()

    def refresh(self) -> None:
        slots = services.saves(self.the_app).list_slots()
        if self.mode == "save":
            slots = [s for s in slots if s.slot not in (AUTO, QUICK)]
        self.slots = slots[: COLS * 3]
        self.thumbs = {}
        for info in self.slots:
            png = info.meta.thumbnail_png if info.meta is not None else None
            thumb = flow.thumbnail_surface(png)
            if thumb is not None:
                thumb = pygame.transform.smoothscale(thumb, THUMB)  # once per refresh, not per frame
            self.thumbs[info.slot] = thumb
        self.focus = min(self.focus, max(0, len(self.slots) - 1))

    def card_rect(self, i: int) -> pygame.Rect:
        col, row = i % COLS, i // COLS
        left = PANEL.centerx - (COLS * CARD_W + (COLS - 1) * GAP) // 2
        return pygame.Rect(left + col * (CARD_W + GAP), PANEL.top + GRID_TOP + row * (CARD_H + GAP), CARD_W, CARD_H)

    # -- actions ----------------------------------------------------------------------------------
    def choose(self, i: int) -> None:
        if not 0 <= i < len(self.slots):
            return
        self.focus = i
        info = self.slots[i]
        app = self.the_app
        if self.deleting:
            self.ask_delete(i)
            return
        self.sound("confirm")
        if self.mode == "save":
            if self.play is None:
                return
            if info.status != "empty":
                from lm_game.ui.confirm import ConfirmScreen

                app.stack.push(
                    ConfirmScreen(
                        f"Overwrite {slot_title(info.slot).lower()}?",
                        "The save in this slot will be replaced.",
                        lambda: self.save(info.slot),
                        tag="overwrite",
                    )
                )
                return
            self.save(info.slot)
            return
        if info.status in ("ok", "backup"):
            known = self.play.known_levels() if self.play is not None else None
            result = flow.load_slot(app, info.slot, known)
            if not result.ok:
                self.message = result.message
        else:
            self.message = f"{slot_title(info.slot)} is empty." if info.status == "empty" else "That save is damaged."

    def can_delete(self) -> bool:
        return any(s.status != "empty" for s in self.slots)

    def toggle_delete(self) -> None:
        """Enter delete mode (the next slot chosen is deleted) or leave it."""
        if self.deleting:
            self.sound("cancel")
            self.deleting = False
            self.message = ""
            return
        if not self.can_delete():
            self.sound("cancel")
            self.message = "There is no save to delete."
            return
        self.sound("confirm")
        self.deleting = True
        self.button = None
        self.message = "Choose the save to delete."
        if self.slots and self.slots[self.focus].status == "empty":
            self.focus = next(i for i, s in enumerate(self.slots) if s.status != "empty")

    def ask_delete(self, i: int) -> None:
        info = self.slots[i]
        if info.status == "empty":
            self.sound("cancel")
            self.message = f"{slot_title(info.slot)} is already empty."
            return
        from lm_game.ui.confirm import ConfirmScreen

        self.sound("confirm")
        self.deleting = False
        self.message = ""
        self.the_app.stack.push(
            ConfirmScreen(
                f"Delete {slot_title(info.slot).lower()}?",
                "The save and its backup will be removed for good.",
                lambda: self.delete(info.slot),
                tag="delete",
                yes="Delete",
                no="Keep it",
            )
        )

    def delete(self, slot: str) -> None:
        """Remove the slot's save, metadata and backup: it shows as empty."""
        services.saves(self.the_app).delete(slot)
        self.refresh()
        self.message = f"{slot_title(slot)} deleted."

    def press_button(self, name: str) -> None:
        if name == "back":
            self.close()
        elif name == "delete":
            self.toggle_delete()

    def save(self, slot: str) -> None:
        if self.play is None:
            return
        self.message = self.play.save_to(slot)
        self.refresh()

    def close(self) -> None:
        self.sound("cancel")
        self.the_app.stack.pop()

    def handle(self, event: InputEvent) -> bool:
        before, played = (self.focus, self.button), self.sounds_played
        self._handle(event)
        if (self.focus, self.button) != before and played == self.sounds_played and self.the_app.stack.top is self:
            self.sound("select")
        return True

    def _handle(self, event: InputEvent) -> None:
        a = event.action
        if event.pos is not None and a in (Action.POINT, Action.CONFIRM):
            hit: int | str | None = next(
                (i for i in range(len(self.slots)) if self.card_rect(i).collidepoint(event.pos)), None
            )
            if hit is None:
                hit = next((name for name, r in self.buttons.items() if r.collidepoint(event.pos)), None)
            if isinstance(hit, int):
                self.focus = hit
                self.button = None
            elif hit is not None:
                self.button = hit
            if a is Action.CONFIRM:
                if event.pressed:
                    self.armed = hit
                else:
                    if hit is not None and hit == self.armed:
                        if isinstance(hit, str):
                            self.press_button(hit)
                        else:
                            self.choose(hit)
                    self.armed = None
            return
        if not event.pressed:
            return
        if a in (Action.CANCEL, Action.MENU):
            if self.deleting:
                self.toggle_delete()
            else:
                self.close()
            return
        if self.button is not None:
            self.handle_button_row(a)
            return
        n = len(self.slots)
        if a is Action.LEFT:
            self.focus = (self.focus - 1) % n
        elif a is Action.RIGHT:
            self.focus = (self.focus + 1) % n
        elif a in (Action.UP, Action.SCROLL_UP):
            if self.focus < COLS and a is Action.UP:
                self.button = "delete"  # up from the top row: the header buttons
            else:
                self.focus = (self.focus - COLS) % n
        elif a in (Action.DOWN, Action.SCROLL_DOWN):
            self.focus = (self.focus + COLS) % n
        elif a is Action.CONFIRM:
            self.choose(self.focus)

    def handle_button_row(self, a: Action) -> None:
        """Keyboard / gamepad focus on the header buttons: LEFT/RIGHT switch, DOWN returns to the grid."""
        if a in (Action.LEFT, Action.RIGHT):
            self.button = "back" if self.button == "delete" else "delete"
        elif a in (Action.DOWN, Action.SCROLL_DOWN):
            self.button = None
        elif a is Action.CONFIRM and self.button is not None:
            self.press_button(self.button)

    # -- drawing ----------------------------------------------------------------------------------
    def draw(self, surface: pygame.Surface) -> None:
        surface.blit(self.panels.veil(surface.get_size(), 215), (0, 0))
        surface.blit(self.panels.panel(PANEL.size, theme.NIGHT, theme.GOLD, halftone=False, seed=81), PANEL.topleft)
        heading = self.label("SAVE GAME" if self.mode == "save" else "LOAD GAME", theme.HEADING_SIZE, theme.GOLD)
        surface.blit(heading, (PANEL.left + 30, PANEL.top + 18))
        if self.message:
            ink = theme.GOLD if self.deleting else theme.CREAM
            msg = self.label(fit_text(self.font(24), self.message, 340), 24, ink)
            surface.blit(msg, (PANEL.left + 290, PANEL.top + 32))
        font = self.font(theme.SMALL_SIZE + 2)
        bold = self.font(theme.SMALL_SIZE + 4)
        for i, info in enumerate(self.slots):
            rect = self.card_rect(i)
            focused = i == self.focus and self.button is None
            pygame.draw.rect(surface, theme.INK, rect.move(4, 4))
            pygame.draw.rect(surface, theme.DEEP_RED if focused else theme.CREAM, rect)
            pygame.draw.rect(surface, theme.GOLD if focused else theme.INK, rect, 4 if focused else 2)
            ink = theme.CREAM if focused else theme.INK
            thumb_rect = pygame.Rect(0, 0, *THUMB)
            thumb_rect.midtop = (rect.centerx, rect.top + 6)
            thumb = self.thumbs.get(info.slot)
            if thumb is not None:
                surface.blit(thumb, thumb_rect)
            else:
                pygame.draw.rect(surface, theme.PAPER_SHADE if not focused else theme.RED, thumb_rect)
                empty = "Empty" if info.status == "empty" else ("Damaged" if info.status == "damaged" else "")
                if empty:
                    e = self.text.render(bold, empty, theme.INK if not focused else theme.CREAM)
                    surface.blit(e, e.get_rect(center=thumb_rect.center))
            pygame.draw.rect(surface, theme.INK, thumb_rect, 1)
            title = slot_title(info.slot)
            meta = info.meta
            if meta is not None:
                title += " - " + (meta.level_title or meta.level_id)
            line1 = self.text.render(bold, fit_text(bold, title, rect.width - 14), ink)
            surface.blit(line1, (rect.left + 8, thumb_rect.bottom + 4))
            if meta is not None:
                when = meta.saved_at.replace("T", " ")[:16]
                detail = f"{meta.play_time_text}  {when}"
                line2 = self.text.render(font, fit_text(font, detail, rect.width - 14), ink)
                surface.blit(line2, (rect.left + 8, thumb_rect.bottom + 24))
            if focused and self.deleting and info.status != "empty":
                tag = self.text.render(bold, "Delete?", theme.CREAM)
                tag_rect = tag.get_rect(center=thumb_rect.center).inflate(16, 8)
                pygame.draw.rect(surface, theme.DEEP_RED, tag_rect)
                pygame.draw.rect(surface, theme.GOLD, tag_rect, 2)
                surface.blit(tag, tag.get_rect(center=tag_rect.center))
        self.draw_buttons(surface)

    def draw_buttons(self, surface: pygame.Surface) -> None:
        """Back, and to its left Delete (Cancel while choosing what to delete); the focused one is gold."""
        font = self.font(26)
        self.buttons = {}
        x = PANEL.right - 24
        for name, label in (("back", "Back"), ("delete", "Cancel" if self.deleting else "Delete")):
            focused = self.button == name
            enabled = name != "delete" or self.deleting or self.can_delete()
            colour = theme.INK if focused else (theme.CREAM if enabled else theme.MENU_DISABLED)
            text = self.text.render(font, label, colour)
            rect = pygame.Rect(0, 0, text.get_width() + 40, 40)
            rect.topright = (x, PANEL.top + 16)
            pygame.draw.rect(surface, theme.GOLD if focused else theme.DEEP_RED, rect, border_radius=4)
            pygame.draw.rect(surface, theme.CREAM if focused else theme.GOLD, rect, 2, border_radius=4)
            surface.blit(text, text.get_rect(center=rect.center))
            self.buttons[name] = rect
            x = rect.left - 12

    def state(self) -> dict[str, Any]:
        return {
            "screen": "SaveLoadScreen",
            "mode": self.mode,
            "slots": [(s.slot, s.status) for s in self.slots],
            "focus": self.focus,
            "button": self.button,
            "deleting": self.deleting,
            "message": self.message,
        }
