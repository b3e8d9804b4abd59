"""The game's look in one place: palette, text sizes, panel styles (NARRATIVE.md: carnival colours over newsprint).

Every colour the interface uses comes from here; the high-contrast variants too, so the
contrast tests can compute WCAG ratios from the same numbers the screens draw with.
"""

from __future__ import annotations

from dataclasses import dataclass

Colour = tuple[int, int, int]

# -- palette (docs/assets.md) -------------------------------------------------------------------
RED: Colour = (200, 50, 60)
CREAM: Colour = (243, 233, 210)
GOLD: Colour = (217, 165, 58)
NIGHT: Colour = (27, 33, 64)
INK: Colour = (26, 26, 26)
GREY: Colour = (128, 122, 110)
WHITE: Colour = (255, 255, 255)
BLACK: Colour = (0, 0, 0)
PAPER_SHADE: Colour = (214, 202, 176)
"""A darker newsprint tone for halftone dots and torn edges."""
DEEP_RED: Colour = (150, 28, 40)
YELLOW: Colour = (255, 221, 87)
DISABLED_INK: Colour = (110, 103, 92)
"""Greyed text on cream: still readable (contrast > 4.5), clearly not active."""

# -- text sizes (settings.text_size) --------------------------------------------------------------
TEXT_SIZES: dict[str, int] = {"small": 24, "medium": 28, "large": 33, "xl": 38}
"""Dialogue font size in points of pygame's default font, by setting."""
UI_SIZES: dict[str, int] = {"small": 26, "medium": 28, "large": 31, "xl": 34}
"""Menu font size by setting (menus have less room to grow than dialogue)."""
TITLE_SIZE = 88
HEADING_SIZE = 46
SMALL_SIZE = 20
ENDING_TITLE_SIZE = 56
"""The ending's name on its card."""
CREDITS_TITLE_SIZE = 60
CREDITS_HEAD_SIZE = 24
"""Credits: the game's name, and the small gold headings over each part (the rest is text_size)."""


def text_size(setting: str) -> int:
    """Dialogue font size for a text-size setting (medium when unknown)."""
    return TEXT_SIZES.get(setting, TEXT_SIZES["medium"])


def ui_size(setting: str) -> int:
    """Menu font size for a text-size setting."""
    return UI_SIZES.get(setting, UI_SIZES["medium"])


@dataclass(frozen=True)
class BoxStyle:
    """Colours of the dialogue box and choice slips."""

    box: Colour
    border: Colour
    text: Colour
    name_bg: Colour
    name_text: Colour
    choice_bg: Colour
    choice_text: Colour
    focus_bg: Colour
    focus_text: Colour
    focus_border: Colour
    disabled_text: Colour
    halftone: bool


NORMAL_BOX = BoxStyle(
    box=CREAM,
    border=INK,
    text=INK,
    name_bg=DEEP_RED,
    name_text=CREAM,
    choice_bg=CREAM,
    choice_text=INK,
    focus_bg=DEEP_RED,
    focus_text=CREAM,
    focus_border=GOLD,
    disabled_text=DISABLED_INK,
    halftone=True,
)
HIGH_CONTRAST_BOX = BoxStyle(
    box=BLACK,
    border=WHITE,
    text=WHITE,
    name_bg=YELLOW,
    name_text=BLACK,
    choice_bg=BLACK,
    choice_text=WHITE,
    focus_bg=YELLOW,
    focus_text=BLACK,
    focus_border=WHITE,
    disabled_text=(170, 170, 170),
    halftone=False,
)


HALFTONE_SHADE = 28
"""How much darker the halftone dots of a panel are than its fill (text may sit on them)."""


def shade(colour: Colour, amount: int = HALFTONE_SHADE) -> Colour:
    """A colour made darker by `amount` per channel (halftone dots)."""
    r, g, b = colour
    return max(0, r - amount), max(0, g - amount), max(0, b - amount)


def box_style(high_contrast: bool) -> BoxStyle:
    """The dialogue box style for the high-contrast setting."""
    return HIGH_CONTRAST_BOX if high_contrast else NORMAL_BOX


# -- menus and panels -----------------------------------------------------------------------------
PANEL_BG: Colour = NIGHT
PANEL_TEXT: Colour = CREAM
PANEL_ACCENT: Colour = GOLD
MENU_TEXT: Colour = CREAM
MENU_FOCUS_BG: Colour = DEEP_RED
MENU_FOCUS_BORDER: Colour = GOLD
MENU_DISABLED: Colour = (168, 162, 150)
VEIL_ALPHA = 170
"""How dark an overlay (pause, settings) veils the game below it."""
TIMER_FULL: Colour = GOLD
TIMER_LOW: Colour = RED
FLASH: Colour = WHITE
CUE_OUTLINE: Colour = GOLD
"""The non-flashing cue drawn instead of a flash in reduced-flashing mode."""
WARNING_TEXT: Colour = INK
WARNING_BG: Colour = YELLOW
WARNING_BORDER: Colour = DEEP_RED
"""An incoming-wave warning (dodge): dark ink on a yellow slip, readable over any backdrop."""
WARNING_SIZE = 20


# -- WCAG contrast -------------------------------------------------------------------------------
def _channel(c: int) -> float:
    v = c / 255.0
    return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4


def relative_luminance(colour: tuple[int, ...]) -> float:
    """WCAG 2 relative luminance of an sRGB colour (0 = black, 1 = white)."""
    r, g, b = colour[:3]
    return 0.2126 * _channel(r) + 0.7152 * _channel(g) + 0.0722 * _channel(b)


def contrast_ratio(a: tuple[int, ...], b: tuple[int, ...]) -> float:
    """WCAG contrast ratio between two colours (1..21); text needs at least 4.5."""
    la, lb = relative_luminance(a), relative_luminance(b)
    hi, lo = max(la, lb), min(la, lb)
    return (hi + 0.05) / (lo + 0.05)


def hex_colour(text: str, default: Colour = CREAM) -> Colour:
    """A '#rrggbb' colour from level data (a character's colour), or `default`."""
    t = text.strip().lstrip("#")
    if len(t) != 6:
        return default
    try:
        return int(t[0:2], 16), int(t[2:4], 16), int(t[4:6], 16)
    except ValueError:
        return default
