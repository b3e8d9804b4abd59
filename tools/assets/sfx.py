"""Sound effects: sfx/<name>.ogg, mono 22050 Hz, short one-shots (crowd is a 3 s loop)."""
from __future__ import annotations

import numpy as np
from synth import SR, additive, bandpass, block, calliope, hz, kick, midi, music_box, noise, snare, t_axis, write_ogg


def ns(sec: float) -> int:
    """Seconds -> samples (same rounding as synth.t_axis)."""
    return int(round(sec * SR))


def env_exp(n: int, rate: float) -> np.ndarray:
    """Exponential decay."""
    return np.exp(-np.arange(n) / SR * rate)


def place(total: float, *parts: tuple[float, np.ndarray]) -> np.ndarray:
    """Mix (start seconds, signal) parts into a buffer of total seconds."""
    out = np.zeros(int(total * SR))
    for start, x in parts:
        i = int(start * SR)
        x = x[: len(out) - i]
        out[i:i + len(x)] += x
    return out


def norm(x: np.ndarray, peak: float = 0.8) -> np.ndarray:
    """Normalise to peak, with 5 ms fade-out at the end."""
    x = x / (np.abs(x).max() + 1e-9) * peak
    k = min(len(x), ns(0.005))
    x[-k:] *= np.linspace(1, 0, k)
    return x


def sweep(f0: float, f1: float, dur: float, partials: tuple[float, ...] = (1.0,)) -> np.ndarray:
    """Exponential frequency sweep with harmonics."""
    t = t_axis(dur)
    f = f0 * (f1 / f0) ** (t / dur)
    ph = 2 * np.pi * np.cumsum(f) / SR
    return sum(a * np.sin(ph * (i + 1)) for i, a in enumerate(partials))


def shutter() -> np.ndarray:
    """Two-stage mechanical shutter click plus film-advance whirr."""
    c1 = bandpass(noise(ns(0.03), 11), 1500, 9000) * env_exp(ns(0.03), 160)
    c2 = bandpass(noise(ns(0.04), 12), 800, 6000) * env_exp(ns(0.04), 120)
    n = ns(0.18)
    whirr = bandpass(noise(n, 13), 2000, 5000) * (0.5 + 0.5 * np.sign(np.sin(2 * np.pi * 55 * t_axis(0.18))))
    whirr *= np.linspace(0.3, 0, n)
    return norm(place(0.4, (0.0, c1), (0.07, c2 * 0.8), (0.14, whirr)))


def flash() -> np.ndarray:
    """Rising capacitor whine, then the pop."""
    whine = sweep(1800, 7000, 0.55, (1.0, 0.2)) * np.linspace(0.05, 0.4, ns(0.55))
    pop = bandpass(noise(ns(0.25), 21), 300, 8000) * env_exp(ns(0.25), 25)
    thump = kick(0.2, 22, 200, 80) * 0.5
    return norm(place(0.9, (0.0, whine), (0.55, pop), (0.55, thump)))


def press_thump() -> np.ndarray:
    """Printing-press stamp: low thud and iron clank."""
    thud = kick(0.5, 31, 110, 38)
    t = t_axis(0.5)
    clank = sum(np.sin(2 * np.pi * f * t) * np.exp(-t * d) for f, d in ((523, 9), (1187, 14), (1712, 20), (2450, 26)))
    rattle = bandpass(noise(len(t), 32), 400, 3000) * np.exp(-t * 30)
    return norm(place(0.7, (0.0, thud * 1.2), (0.0, clank * 0.25), (0.0, rattle * 0.4)))


def crowd() -> np.ndarray:
    """3 s crowd murmur: many band-limited 'voices' with syllable envelopes, seamless loop."""
    dur = 3.0
    n = ns(dur)
    r = np.random.default_rng(41)
    out = np.zeros(n)
    t = np.arange(n) / SR
    for v in range(22):
        src = noise(n, 100 + v)
        f0 = r.uniform(250, 700)
        voice = bandpass(src, f0, f0 * 2.4)
        rate = r.uniform(3.0, 6.0)
        rate = round(rate * dur) / dur  # whole cycles so the loop is seamless
        syll = np.clip(np.sin(2 * np.pi * rate * t + r.uniform(0, 6.28)), 0, None) ** 2
        slow = 0.6 + 0.4 * np.sin(2 * np.pi * (round(r.uniform(0.3, 1.0) * dur) / dur) * t + r.uniform(0, 6.28))
        out += voice * syll * slow
    # circular low-pass keeps the loop seamless
    out = bandpass(out, 150, 2500)
    return out / np.abs(out).max() * 0.6


def blip(notes: list[str], step: float, dur: float, voice: str = "square") -> np.ndarray:
    """Short UI note sequence."""
    parts = []
    for i, nm in enumerate(notes):
        f = hz(midi(nm))
        if voice == "box":
            x = music_box(f, 0.5)[: ns(0.5)]
        else:
            x = additive(f, dur, [(1, 1.0), (3, 0.3), (5, 0.12)]) * env_exp(ns(dur), 18)
            k = ns(0.003)
            x[:k] *= np.linspace(0, 1, k)
        parts.append((i * step, x))
    total = step * (len(notes) - 1) + (0.5 if voice == "box" else dur) + 0.02
    return place(total, *parts)


def select() -> np.ndarray:
    """Cursor move: one short bright tick."""
    return norm(blip(["E6"], 0.0, 0.09), 0.6)


def confirm() -> np.ndarray:
    """Confirm: rising fifth on a calliope."""
    a = calliope(hz(midi("C6")), 0.1, seed=1)
    b = calliope(hz(midi("G6")), 0.18, seed=2)
    return norm(place(0.32, (0.0, a), (0.09, b)), 0.7)


def cancel() -> np.ndarray:
    """Cancel: falling minor third."""
    return norm(blip(["E5", "C#5"], 0.08, 0.14), 0.6)


def hit() -> np.ndarray:
    """Hurt: a thump with a descending squeak."""
    th = kick(0.3, 51, 180, 60)
    sq = sweep(900, 300, 0.25, (1.0, 0.4, 0.2)) * env_exp(ns(0.25), 10) * 0.5
    nz = bandpass(noise(ns(0.1), 52), 500, 5000) * env_exp(ns(0.1), 40) * 0.6
    return norm(place(0.4, (0.0, th), (0.0, nz), (0.02, sq)))


def collect() -> np.ndarray:
    """Word caught: sparkling music-box arpeggio."""
    return norm(blip(["C6", "E6", "G6", "C7"], 0.06, 0.1, "box"), 0.7)


def rope_snap() -> np.ndarray:
    """A camera strap snaps: crack then a wobbling twang."""
    crack = bandpass(noise(ns(0.05), 61), 2000, 10000) * env_exp(ns(0.05), 90)
    t = t_axis(0.6)
    f = 180 * (1 + 0.08 * np.sin(2 * np.pi * 9 * t) * np.exp(-t * 3)) * (1 - 0.25 * t)
    ph = 2 * np.pi * np.cumsum(f) / SR
    twang = (np.sin(ph) + 0.5 * np.sin(2 * ph) + 0.25 * np.sin(3 * ph)) * np.exp(-t * 6) * 0.5
    return norm(place(0.7, (0.0, crack), (0.01, twang)))


def beat_hit() -> np.ndarray:
    """On the beat: bright woodblock."""
    return norm(place(0.14, (0.0, block(0.12, 1400, 71)), (0.0, block(0.12, 2100, 72) * 0.4)), 0.75)


def miss() -> np.ndarray:
    """Off the beat: a dull, deflating bwomp."""
    x = sweep(220, 110, 0.35, (1.0, 0.6, 0.3, 0.15)) * np.linspace(1, 0, ns(0.35)) ** 1.5
    return norm(bandpass(x, 60, 1500), 0.6)


def page_turn() -> np.ndarray:
    """Paper swish: noise with a moving band and a rise-fall envelope."""
    dur = 0.4
    n = ns(dur)
    t = np.arange(n) / SR
    a = bandpass(noise(n, 81), 1500, 7000)
    b = bandpass(noise(n, 82), 600, 2500)
    env = np.sin(np.pi * np.clip(t / dur, 0, 1)) ** 2
    mix = a * np.clip(t / dur * 1.5, 0, 1) + b * (1 - np.clip(t / dur * 1.5, 0, 1))
    flick = bandpass(noise(ns(0.02), 83), 3000, 9000) * env_exp(ns(0.02), 150)
    return norm(place(0.45, (0.0, mix * env), (0.3, flick * 1.5)), 0.6)


def dash() -> np.ndarray:
    """Whoosh: noise through a sweeping band."""
    dur = 0.35
    n = ns(dur)
    out = np.zeros(n)
    frames = 12
    src = noise(n + 2048, 91)
    win = np.hanning(2 * (n // frames))
    hop = n // frames
    for i in range(frames):
        lo = 400 * (6 ** (i / frames))
        seg = bandpass(src[i * hop:i * hop + len(win)], lo, lo * 2.5) * win
        out[i * hop:i * hop + len(seg)] += seg[: n - i * hop]
    env = np.sin(np.pi * np.arange(n) / n) ** 1.5
    return norm(out * env, 0.7)


EFFECTS = {"shutter": shutter, "flash": flash, "press_thump": press_thump, "crowd": crowd, "select": select,
           "confirm": confirm, "cancel": cancel, "hit": hit, "collect": collect, "rope_snap": rope_snap,
           "beat_hit": beat_hit, "miss": miss, "page_turn": page_turn, "dash": dash}


def build() -> list[str]:
    """Render and encode every effect."""
    out = []
    for name, fn in EFFECTS.items():
        rel = f"sfx/{name}.ogg"
        write_ogg(fn(), rel, quality=0.3)
        out.append(rel)
    return out


__all__ = ["build", "snare"]


if __name__ == "__main__":
    print("\n".join(build()))
