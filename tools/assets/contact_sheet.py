"""Render contact sheets of the generated images (for eyeballing): /tmp/contact_<group>.png."""
from __future__ import annotations

import sys
from pathlib import Path

import pygame
from common import ASSETS, init


def sheet(paths: list[Path], out: Path, cell: tuple[int, int], cols: int) -> None:
    """Lay images out on a grey grid with checker behind transparency."""
    rows = (len(paths) + cols - 1) // cols
    cw, ch = cell
    s = pygame.Surface((cols * (cw + 8) + 8, rows * (ch + 8) + 8))
    s.fill((90, 90, 96))
    for i, p in enumerate(paths):
        img = pygame.image.load(str(p)).convert_alpha()
        x = 8 + (i % cols) * (cw + 8)
        y = 8 + (i // cols) * (ch + 8)
        for cy in range(0, ch, 16):
            for cx in range(0, cw, 16):
                c = (150, 150, 150) if (cx + cy) // 16 % 2 else (120, 120, 120)
                pygame.draw.rect(s, c, (x + cx, y + cy, 16, 16))
        iw, ih = img.get_size()
        k = min(cw / iw, ch / ih)
        if k < 1 or k >= 2:
            k = k if k < 1 else int(k)
            img = pygame.transform.scale(img, (max(1, int(iw * k)), max(1, int(ih * k))))
        s.blit(img, (x, y))
    pygame.image.save(s, str(out))


def main() -> None:
    """Write sheets for each asset group."""
    init()
    groups = {
        "backgrounds": ((480, 270), 3),
        "portraits": ((240, 280), 7),
        "sprites": ((192, 192), 6),
        "ui": ((256, 256), 2),
    }
    for g, (cell, cols) in groups.items():
        paths = sorted((ASSETS / g).glob("*.png"))
        if paths:
            out = Path(f"/tmp/contact_{g}.png")
            sheet(paths, out, cell, cols)
            print(out)


if __name__ == "__main__":
    sys.exit(main())
