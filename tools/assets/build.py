"""Regenerate every file in assets/ (docs/assets.md) deterministically: `python tools/assets/build.py`."""
from __future__ import annotations

import argparse
import hashlib
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import backgrounds  # noqa: E402
import measure  # noqa: E402
import music  # noqa: E402
import portraits  # noqa: E402
import sfx  # noqa: E402
import sprites  # noqa: E402
from common import ASSETS, init  # noqa: E402


def main() -> int:
    """Build all groups (or those named), then print sizes, the audio table and a checksum."""
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("groups", nargs="*", choices=["images", "music", "sfx", []],
                    help="only these groups (default: all)")
    ap.add_argument("--sheet", action="store_true", help="also write /tmp/contact_*.png")
    args = ap.parse_args()
    groups = set(args.groups) or {"images", "music", "sfx"}
    init()
    made: list[str] = []
    if "images" in groups:
        made += backgrounds.build() + portraits.build() + sprites.build()
    if "music" in groups:
        made += music.build()
    if "sfx" in groups:
        made += sfx.build()
    h = hashlib.sha256()
    for rel in sorted(made):
        h.update(rel.encode() + b"\0" + (ASSETS / rel).read_bytes())
    print(f"wrote {len(made)} files; sha256 of set: {h.hexdigest()}")
    if args.sheet:
        import contact_sheet

        contact_sheet.main()
    return measure.main()


if __name__ == "__main__":
    sys.exit(main())
