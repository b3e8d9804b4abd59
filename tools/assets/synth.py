"""Tiny numpy synthesiser: oscillators, envelopes, drums, sequencer, reverb and an OGG writer."""
from __future__ import annotations

import io
import struct
import zlib
from pathlib import Path

import numpy as np
import soundfile as sf
from common import ASSETS

SR = 22050
A4 = 440.0
NOTE_INDEX = {"C": 0, "D": 2, "E": 4, "F": 5, "G": 7, "A": 9, "B": 11}


def midi(name: str) -> int:
    """'C#5' / 'Bb3' -> MIDI note number."""
    n = NOTE_INDEX[name[0].upper()]
    rest = name[1:]
    while rest and rest[0] in "#b":
        n += 1 if rest[0] == "#" else -1
        rest = rest[1:]
    return n + 12 * (int(rest) + 1)


def hz(m: float) -> float:
    """MIDI note -> frequency."""
    return A4 * 2 ** ((m - 69) / 12)


def t_axis(dur: float) -> np.ndarray:
    """Time axis in seconds."""
    return np.arange(int(round(dur * SR))) / SR


def adsr(n: int, a: float, d: float, s: float, r: float, hold: float | None = None) -> np.ndarray:
    """Attack/decay/sustain/release envelope of n samples (times in seconds)."""
    env = np.full(n, s, dtype=np.float64)
    ai, di, ri = int(a * SR), int(d * SR), int(r * SR)
    ai = min(ai, n)
    if ai:
        env[:ai] = np.linspace(0, 1, ai, endpoint=False)
    di = min(di, n - ai)
    if di > 0:
        env[ai:ai + di] = np.linspace(1, s, di, endpoint=False)
    hi = n - ri if hold is None else min(n, int(hold * SR))
    if ri and 0 <= hi < n:
        env[hi:] = env[hi] * np.linspace(1, 0, n - hi)
    return env


def additive(freq: float, dur: float, partials: list[tuple[float, float]], vib: float = 0.0,
             vib_rate: float = 5.5, phase_seed: int = 0) -> np.ndarray:
    """Sum of sine partials (ratio, amp) with optional vibrato depth in semitones."""
    t = t_axis(dur)
    if vib:
        f = freq * 2 ** (vib * np.sin(2 * np.pi * vib_rate * t) / 12)
        ph = 2 * np.pi * np.cumsum(f) / SR
    else:
        ph = 2 * np.pi * freq * t
    out = np.zeros_like(t)
    rs = np.random.default_rng(phase_seed)
    for ratio, amp in partials:
        if freq * ratio < SR / 2 - 500:
            out += amp * np.sin(ph * ratio + rs.uniform(0, 2 * np.pi))
    return out


def calliope(freq: float, dur: float, detune: float = 0.0, seed: int = 0) -> np.ndarray:
    """Steam-whistle calliope: breathy, few harmonics, wide vibrato."""
    parts = [(1, 1.0), (2, 0.32), (3, 0.14), (4, 0.05)]
    x = additive(freq * 2 ** (detune / 1200), dur, parts, vib=0.18, vib_rate=6.0, phase_seed=seed)
    n = len(x)
    breath = np.random.default_rng(seed + 7).standard_normal(n)
    breath = bandpass(breath, freq * 0.8, freq * 3.0) * 0.25
    return (x + breath) * adsr(n, 0.025, 0.08, 0.8, min(0.08, dur * 0.3))


def organ(freq: float, dur: float, seed: int = 0, bright: float = 1.0) -> np.ndarray:
    """Drawbar organ: 16', 8', 5 1/3', 4', 2' with a key click."""
    parts = [(0.5, 0.5), (1, 1.0), (1.5, 0.45 * bright), (2, 0.5 * bright), (3, 0.2 * bright), (4, 0.22 * bright)]
    x = additive(freq, dur, parts, vib=0.05, vib_rate=6.5, phase_seed=seed)
    n = len(x)
    env = adsr(n, 0.008, 0.05, 0.85, min(0.06, dur * 0.3))
    click = np.zeros(n)
    k = min(n, 80)
    click[:k] = np.random.default_rng(seed).standard_normal(k) * np.linspace(0.3, 0, k)
    return x * env + click


def music_box(freq: float, dur: float, seed: int = 0) -> np.ndarray:
    """Plucked comb tine: bright attack, long exponential decay, slightly inharmonic."""
    d = max(dur, 1.2)
    t = t_axis(d)
    x = (np.sin(2 * np.pi * freq * t) + 0.35 * np.sin(2 * np.pi * freq * 4.02 * t) * np.exp(-t * 9)
         + 0.15 * np.sin(2 * np.pi * freq * 2.0 * t) * np.exp(-t * 4))
    return x * np.exp(-t * 3.2) * adsr(len(t), 0.002, 0.0, 1.0, 0.05)


def bass(freq: float, dur: float, seed: int = 0) -> np.ndarray:
    """Tuba-ish bass: rounded triangle with a soft attack."""
    parts = [(1, 1.0), (2, 0.35), (3, 0.12), (5, 0.04)]
    x = additive(freq, dur, parts, phase_seed=seed)
    return x * adsr(len(x), 0.015, 0.1, 0.7, min(0.08, dur * 0.4))


def xylo(freq: float, dur: float, seed: int = 0) -> np.ndarray:
    """Bone xylophone: woody, fast decay."""
    t = t_axis(max(dur, 0.4))
    x = np.sin(2 * np.pi * freq * t) + 0.5 * np.sin(2 * np.pi * freq * 3.93 * t) * np.exp(-t * 30)
    return x * np.exp(-t * 12)


def noise(n: int, seed: int) -> np.ndarray:
    """White noise."""
    return np.random.default_rng(seed).standard_normal(n)


def bandpass(x: np.ndarray, lo: float, hi: float) -> np.ndarray:
    """FFT band-pass with soft edges (lo=0 for low-pass, hi>=SR/2 for high-pass)."""
    n = len(x)
    if n == 0:
        return x
    f = np.fft.rfftfreq(n, 1 / SR)
    X = np.fft.rfft(x)
    g = np.ones_like(f)
    if lo > 0:
        g *= 1 / (1 + (lo / np.maximum(f, 1e-3)) ** 4)
    if hi < SR / 2:
        g *= 1 / (1 + (f / hi) ** 4)
    return np.fft.irfft(X * g, n)


def kick(dur: float = 0.35, seed: int = 0, f0: float = 130, f1: float = 48) -> np.ndarray:
    """Bass drum: pitch-swept sine with a click, transient at sample 0."""
    t = t_axis(dur)
    f = f1 + (f0 - f1) * np.exp(-t * 28)
    x = np.sin(2 * np.pi * np.cumsum(f) / SR) * np.exp(-t * 9)
    c = noise(len(t), seed) * np.exp(-t * 300) * 0.5
    return x + bandpass(c, 1000, 6000)


def snare(dur: float = 0.22, seed: int = 1, tone: float = 190) -> np.ndarray:
    """Snare from filtered noise plus a short body tone."""
    t = t_axis(dur)
    nz = bandpass(noise(len(t), seed), 1500, 8000) * np.exp(-t * 22)
    body = np.sin(2 * np.pi * tone * t) * np.exp(-t * 35) * 0.6
    return nz * 1.2 + body


def hat(dur: float = 0.06, seed: int = 2) -> np.ndarray:
    """Closed hi-hat."""
    t = t_axis(dur)
    return bandpass(noise(len(t), seed), 6000, 11000) * np.exp(-t * 70)


def block(dur: float = 0.1, freq: float = 1200, seed: int = 3) -> np.ndarray:
    """Woodblock click."""
    t = t_axis(dur)
    return (np.sin(2 * np.pi * freq * t) + 0.4 * np.sin(2 * np.pi * freq * 2.7 * t)) * np.exp(-t * 55)


class Track:
    """Mono mix buffer with beat-based placement and circular wrap for seamless loops."""

    def __init__(self, bpm: float, beats: float, loop: bool = True) -> None:
        self.spb = 60.0 / bpm
        self.n = int(round(beats * self.spb * SR))
        self.loop = loop
        self.buf = np.zeros(self.n + SR * 4)

    def at(self, beat: float) -> int:
        """Sample index of a beat."""
        return int(round(beat * self.spb * SR))

    def add(self, beat: float, x: np.ndarray, gain: float = 1.0) -> None:
        """Mix x starting at beat."""
        i = self.at(beat)
        x = x[: len(self.buf) - i]
        self.buf[i:i + len(x)] += x * gain

    def render(self) -> np.ndarray:
        """Fold the tail back onto the start (loops) or keep it (one-shots)."""
        if not self.loop:
            return self.buf.copy()
        out = self.buf[: self.n].copy()
        tail = self.buf[self.n:]
        k = 0
        while k < len(tail):
            seg = tail[k:k + self.n]
            out[: len(seg)] += seg
            k += self.n
        return out


def seq(text: str) -> list[tuple[float, float, str]]:
    """Parse 'E5:2 G5:1 | R:1' into (beat, length, note) with R = rest."""
    out = []
    beat = 0.0
    for tok in text.replace("|", " ").split():
        name, _, length = tok.partition(":")
        d = float(length) if length else 1.0
        if name != "R":
            out.append((beat, d, name))
        beat += d
    return out


def reverb(x: np.ndarray, seconds: float = 1.2, mix: float = 0.18, seed: int = 9, loop: bool = True) -> np.ndarray:
    """Convolution with decaying noise; circular for loops so the seam stays smooth."""
    n_ir = int(seconds * SR)
    t = np.arange(n_ir) / SR
    ir = noise(n_ir, seed) * np.exp(-t * 5.0 / seconds)
    ir = bandpass(ir, 200, 5000)
    ir /= np.sqrt((ir ** 2).sum())
    n = len(x)
    if loop:
        m = n
        wet = np.fft.irfft(np.fft.rfft(x, m) * np.fft.rfft(np.pad(ir, (0, max(0, m - n_ir)))[:m], m), m)
    else:
        m = n + n_ir
        wet = np.fft.irfft(np.fft.rfft(x, m) * np.fft.rfft(ir, m), m)[:n]
    return x * (1 - mix) + wet * mix * 2.0


def soft_limit(x: np.ndarray, peak: float = 0.85) -> np.ndarray:
    """Normalise to a peak with gentle saturation of the top few dB."""
    x = x / (np.abs(x).max() + 1e-9) * 1.15
    x = np.tanh(x)
    return x / (np.abs(x).max() + 1e-9) * peak


# ----------------------------------------------------------------------------- OGG writing

def _ogg_crc_table() -> list[int]:
    tbl = []
    for i in range(256):
        r = i << 24
        for _ in range(8):
            r = ((r << 1) ^ 0x04C11DB7) if r & 0x80000000 else (r << 1)
        tbl.append(r & 0xFFFFFFFF)
    return tbl


_CRC = _ogg_crc_table()


def _ogg_crc(data: bytes) -> int:
    c = 0
    for b in data:
        c = ((c << 8) & 0xFFFFFFFF) ^ _CRC[((c >> 24) & 0xFF) ^ b]
    return c


def fix_ogg_serial(data: bytes, serial: int) -> bytes:
    """libsndfile picks a random Ogg stream serial; pin it (and fix page CRCs) for identical bytes."""
    out = bytearray(data)
    i = 0
    while i < len(out):
        if out[i:i + 4] != b"OggS":
            raise ValueError("not an Ogg page")
        nseg = out[i + 26]
        size = 27 + nseg + sum(out[i + 27:i + 27 + nseg])
        struct.pack_into("<I", out, i + 14, serial)
        struct.pack_into("<I", out, i + 22, 0)
        struct.pack_into("<I", out, i + 22, _ogg_crc(bytes(out[i:i + size])))
        i += size
    return bytes(out)


def write_ogg(x: np.ndarray, rel: str, quality: float = 0.35) -> Path:
    """Write mono float audio as Ogg Vorbis (quality 0..1, libsndfile's scale)."""
    path = ASSETS / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    x = np.clip(x, -1.0, 1.0).astype(np.float32)
    bio = io.BytesIO()
    sf.write(bio, x, SR, format="OGG", subtype="VORBIS", compression_level=1.0 - quality)
    path.write_bytes(fix_ogg_serial(bio.getvalue(), zlib.crc32(rel.encode()) & 0x7FFFFFFF))
    return path
