"""Measure every OGG under assets/ (length, peak, RMS, first onset) and check the budget."""
from __future__ import annotations

import sys

import numpy as np
import soundfile as sf
from common import ASSETS


def db(v: float) -> float:
    """Linear amplitude -> dBFS."""
    return 20 * np.log10(max(v, 1e-9))


def audio_table() -> tuple[list[str], list[str]]:
    """Rows of the level table and a list of problems."""
    rows = [f"{'file':24} {'sec':>7} {'frames':>7} {'peak dB':>8} {'rms dB':>7} {'onset ms':>8}"]
    problems = []
    for p in sorted(ASSETS.glob("**/*.ogg")):
        x, sr = sf.read(str(p), dtype="float64")
        if x.ndim > 1:
            x = x.mean(1)
        peak = float(np.abs(x).max())
        rms = float(np.sqrt((x ** 2).mean()))
        above = np.nonzero(np.abs(x) > peak * 0.1)[0]
        onset = above[0] / sr * 1000 if len(above) else float("nan")
        rel = p.relative_to(ASSETS).as_posix()
        rows.append(f"{rel:24} {len(x) / sr:7.3f} {len(x):7d} {db(peak):8.2f} {db(rms):7.2f} {onset:8.1f}")
        if peak >= 0.999:
            problems.append(f"{rel}: clipping (peak {peak:.3f})")
        if rms < 10 ** (-40 / 20):
            problems.append(f"{rel}: nearly silent")
        if rel == "music/cabinet.ogg" and len(x) != round(16 * 4 * 60 / 112 * sr):
            problems.append(f"{rel}: {len(x)} frames, expected {round(16 * 4 * 60 / 112 * sr)}")
    return rows, problems


def main() -> int:
    """Print the table and total size; exit 1 on problems."""
    rows, problems = audio_table()
    print("\n".join(rows))
    total = sum(p.stat().st_size for p in ASSETS.glob("**/*") if p.is_file())
    print(f"assets/ total: {total} bytes ({total / 1024 / 1024:.2f} MiB)")
    if total >= 4 * 1024 * 1024:
        problems.append("assets/ over the 4 MB budget")
    for pr in problems:
        print("PROBLEM:", pr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
