"""Cartoon face parts (eyes, brows, mouths, tears) shared by portraits and sprites."""
from __future__ import annotations

import math

import pygame
from common import BONE, GLASS, INK, RED_DK, RED_LT, WHITE, Color, curve, thick_line


def eye(s: pygame.Surface, cx: float, cy: float, size: float, kind: str = "open",
        look: tuple[float, float] = (0.0, 0.0), lid: Color = INK, side: int = 1) -> None:
    """One eye. kinds: open, wide, half, arc, squint, closed, tiny, sly."""
    w, h = size, size * 1.25
    lw = max(2, round(size / 6))
    if kind in ("arc", "closed"):
        if kind == "arc":
            curve(s, (cx - w * 0.55, cy + h * 0.15), (cx, cy - h * 0.6), (cx + w * 0.55, cy + h * 0.15), lw)
        else:
            curve(s, (cx - w * 0.55, cy), (cx, cy + h * 0.35), (cx + w * 0.55, cy), lw)
        return
    if kind == "squint":
        thick_line(s, (cx - w * 0.55, cy - h * 0.05 * side), (cx + w * 0.55, cy + h * 0.05 * side), lw + 1, INK)
        pygame.draw.circle(s, INK, (round(cx + look[0] * w * 0.2), round(cy)), max(2, round(size * 0.18)))
        return
    if kind == "wide":
        w, h = size * 1.15, size * 1.45
    if kind == "tiny":
        pygame.draw.circle(s, INK, (round(cx), round(cy)), max(2, round(size * 0.28)))
        return
    rc = pygame.Rect(0, 0, round(w), round(h))
    rc.center = (round(cx), round(cy))
    pygame.draw.ellipse(s, WHITE, rc)
    pr = size * (0.28 if kind == "wide" else 0.36)
    px = cx + look[0] * (w / 2 - pr)
    py = cy + look[1] * (h / 2 - pr) + (h * 0.12 if kind == "half" else 0)
    pygame.draw.circle(s, INK, (round(px), round(py)), max(2, round(pr)))
    pygame.draw.circle(s, WHITE, (round(px - pr * 0.35), round(py - pr * 0.4)), max(1, round(pr * 0.3)))
    pygame.draw.ellipse(s, INK, rc, lw)
    if kind in ("half", "sly"):
        # heavy upper lid covering the top half
        lid_rc = pygame.Rect(rc.x - 1, rc.y - 1, rc.w + 2, rc.h // 2 + (2 if kind == "half" else -1))
        clip = s.get_clip()
        s.set_clip(lid_rc)
        pygame.draw.ellipse(s, lid, rc)
        s.set_clip(clip)
        thick_line(s, (rc.left, rc.centery - (0 if kind == "half" else 2)),
                   (rc.right, rc.centery - (0 if kind == "half" else 2) + (2 if kind == "sly" else 0) * side),
                   lw + 1, INK)


def brow(s: pygame.Surface, cx: float, cy: float, w: float, angle: float, side: int,
         thick: float = 5, color: Color = INK, arch: float = 0.25) -> None:
    """Eyebrow; angle > 0 pulls the inner end down (anger), < 0 lifts it (worry).

    side: -1 for the left eye (inner end on the right), +1 for the right eye.
    """
    inner_x = cx - side * w / 2
    outer_x = cx + side * w / 2
    dy = math.tan(angle) * w / 2
    p0 = (inner_x, cy + dy)
    p2 = (outer_x, cy - dy)
    p1 = (cx, cy - w * arch)
    curve(s, p0, p1, p2, thick, color)


def mouth(s: pygame.Surface, cx: float, cy: float, w: float, kind: str = "line",
          lw: float = 4, inside: Color = RED_DK) -> None:
    """Mouths: line, smile, grin, big_grin, frown, o, grit, smirk, wobble, firm, open_shout."""
    if kind == "line":
        curve(s, (cx - w / 2, cy), (cx, cy + w * 0.08), (cx + w / 2, cy), lw)
    elif kind == "firm":
        curve(s, (cx - w / 2, cy + w * 0.05), (cx, cy - w * 0.04), (cx + w / 2, cy + w * 0.05), lw + 1)
    elif kind == "smile":
        curve(s, (cx - w / 2, cy - w * 0.12), (cx, cy + w * 0.35), (cx + w / 2, cy - w * 0.12), lw)
    elif kind == "frown":
        curve(s, (cx - w / 2, cy + w * 0.15), (cx, cy - w * 0.28), (cx + w / 2, cy + w * 0.15), lw)
    elif kind == "smirk":
        curve(s, (cx - w / 2, cy + w * 0.05), (cx + w * 0.1, cy + w * 0.12), (cx + w / 2, cy - w * 0.2), lw)
    elif kind == "wobble":
        pts = [(cx - w / 2 + w * i / 12, cy + math.sin(i * 1.6) * w * 0.06 + (abs(i - 6) - 6) * -0.012 * w)
               for i in range(13)]
        for a, b in zip(pts, pts[1:], strict=False):
            thick_line(s, a, b, lw, INK)
    elif kind in ("grin", "big_grin"):
        depth = w * (0.42 if kind == "grin" else 0.6)
        top = cy - w * 0.08
        pts = [(cx - w / 2, top)]
        for i in range(1, 20):
            t = i / 20
            pts.append((cx - w / 2 + w * t, top + math.sin(math.pi * t) * depth))
        pts.append((cx + w / 2, top))
        pygame.draw.polygon(s, inside, pts)
        # teeth band
        clip = s.get_clip()
        s.set_clip(pygame.Rect(round(cx - w / 2), round(top), round(w), round(depth * 0.45)))
        pygame.draw.polygon(s, WHITE, pts)
        s.set_clip(clip)
        tongue = pygame.Rect(0, 0, round(w * 0.4), round(depth * 0.4))
        tongue.midbottom = (round(cx), round(top + depth * 0.95))
        pygame.draw.ellipse(s, RED_LT, tongue)
        n = 6 if kind == "grin" else 8
        for i in range(1, n):
            x = cx - w / 2 + w * i / n
            pygame.draw.line(s, INK, (x, top), (x, top + depth * 0.42), 2)
        pygame.draw.polygon(s, INK, pts, round(lw))
    elif kind == "o":
        rc = pygame.Rect(0, 0, round(w * 0.45), round(w * 0.6))
        rc.center = (round(cx), round(cy + w * 0.1))
        pygame.draw.ellipse(s, inside, rc)
        t = rc.inflate(-rc.w // 2, -rc.h // 2)
        t.midbottom = rc.midbottom
        pygame.draw.ellipse(s, RED_LT, t)
        pygame.draw.ellipse(s, INK, rc, round(lw))
    elif kind == "grit":
        rc = pygame.Rect(0, 0, round(w), round(w * 0.36))
        rc.center = (round(cx), round(cy))
        pygame.draw.rect(s, WHITE, rc, border_radius=round(w * 0.1))
        pygame.draw.line(s, INK, (rc.left, rc.centery), (rc.right, rc.centery), 2)
        for i in range(1, 5):
            x = rc.left + rc.w * i / 5
            pygame.draw.line(s, INK, (x, rc.top), (x, rc.bottom), 2)
        pygame.draw.rect(s, INK, rc, round(lw), border_radius=round(w * 0.1))
    elif kind == "open_shout":
        rc = pygame.Rect(0, 0, round(w), round(w * 0.75))
        rc.center = (round(cx), round(cy + w * 0.15))
        pygame.draw.ellipse(s, inside, rc)
        pygame.draw.rect(s, WHITE, (rc.x + rc.w * 0.15, rc.y + 2, rc.w * 0.7, rc.h * 0.18))
        t = rc.inflate(-rc.w // 3, -rc.h // 2)
        t.midbottom = (rc.centerx, rc.bottom - 2)
        pygame.draw.ellipse(s, RED_LT, t)
        pygame.draw.ellipse(s, INK, rc, round(lw))


def tear(s: pygame.Surface, x: float, y: float, size: float) -> None:
    """A tear drop."""
    pts = [(x, y - size), (x + size * 0.6, y + size * 0.3), (x, y + size * 0.8),
           (x - size * 0.6, y + size * 0.3)]
    pygame.draw.polygon(s, GLASS, pts)
    pygame.draw.circle(s, GLASS, (round(x), round(y + size * 0.3)), round(size * 0.6))
    pygame.draw.circle(s, INK, (round(x), round(y + size * 0.3)), round(size * 0.6), 2)
    pygame.draw.line(s, INK, pts[0], (x + size * 0.55, y + size * 0.2), 2)
    pygame.draw.line(s, INK, pts[0], (x - size * 0.55, y + size * 0.2), 2)
    pygame.draw.circle(s, WHITE, (round(x - size * 0.2), round(y + size * 0.2)), max(1, round(size * 0.15)))


def blush(s: pygame.Surface, cx: float, cy: float, w: float, color: Color = RED_LT) -> None:
    """Three little blush dashes."""
    for i in (-1, 0, 1):
        x = cx + i * w * 0.3
        pygame.draw.line(s, color, (x - w * 0.08, cy + w * 0.12), (x + w * 0.08, cy - w * 0.12), 3)


def sweat(s: pygame.Surface, x: float, y: float, size: float) -> None:
    """Sweat drop."""
    tear(s, x, y, size)


def burst_lines(s: pygame.Surface, cx: float, cy: float, r0: float, r1: float, n: int,
                color: Color = INK, width: int = 3, start: float = -math.pi, span: float = math.pi) -> None:
    """Radiating surprise/shout lines."""
    for i in range(n):
        a = start + span * (i + 0.5) / n
        thick_line(s, (cx + math.cos(a) * r0, cy + math.sin(a) * r0),
                   (cx + math.cos(a) * r1, cy + math.sin(a) * r1), width, color)


__all__ = ["eye", "brow", "mouth", "tear", "blush", "sweat", "burst_lines", "BONE"]
