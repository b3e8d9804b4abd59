"""Music loops: music/<name>.ogg (calliope, organ, snare, music box), all mono 22050 Hz."""
from __future__ import annotations

import numpy as np
from synth import (
    Track,
    bandpass,
    bass,
    block,
    calliope,
    hat,
    hz,
    kick,
    midi,
    music_box,
    organ,
    reverb,
    seq,
    snare,
    soft_limit,
    write_ogg,
    xylo,
)

ROOTS = {"C": 0, "C#": 1, "Db": 1, "D": 2, "Eb": 3, "E": 4, "F": 5, "F#": 6, "G": 7, "Ab": 8, "A": 9,
         "Bb": 10, "B": 11}
KINDS = {"": (0, 4, 7), "m": (0, 3, 7), "7": (0, 4, 7, 10), "m7": (0, 3, 7, 10), "dim": (0, 3, 6, 9),
         "maj7": (0, 4, 7, 11)}


def chord(name: str, octave: int = 4) -> list[int]:
    """'Dm' / 'G7' / 'Bb' -> MIDI notes from octave."""
    root = name[:2] if name[:2] in ROOTS else name[:1]
    kind = name[len(root):]
    base = ROOTS[root] + 12 * (octave + 1)
    return [base + i for i in KINDS[kind]]


def place_melody(tr: Track, text: str, voice, gain: float, start: float = 0.0, legato: float = 0.92,
                 seed: int = 0, **kw: float) -> None:
    """Render a melody string with a voice function."""
    for i, (b, d, name) in enumerate(seq(text)):
        tr.add(start + b, voice(hz(midi(name)), d * tr.spb * legato, seed=seed + i, **kw), gain)


def title() -> np.ndarray:
    """Calliope waltz, 3/4 at 138 BPM, 16 bars (20.9 s)."""
    tr = Track(138, 48)
    chords = "C C G7 G7 G7 G7 C C C C7 F F C G7 C C".split()
    mel = ("E5:2 G5:1 | C6:3 | B5:2 A5:1 | G5:3 | F5:1 G5:1 F5:1 | D5:3 | E5:2 D5:1 | C5:3 | "
           "E5:2 G5:1 | Bb5:3 | A5:2 G5:1 | F5:3 | E5:1 G5:1 C6:1 | B5:2 D5:1 | C5:3 | G4:1 C5:1 E5:1")
    for bar, c in enumerate(chords):
        notes = chord(c, 3)
        tr.add(bar * 3, bass(hz(notes[0] - 12), tr.spb * 0.9, seed=bar), 0.55)
        for beat in (1, 2):
            for j, n in enumerate(notes[:3]):
                tr.add(bar * 3 + beat, organ(hz(n + 12), tr.spb * 0.5, seed=bar * 7 + beat + j, bright=0.5), 0.10)
        tr.add(bar * 3, block(0.08, 900), 0.10)
    place_melody(tr, mel, calliope, 0.42)
    return soft_limit(reverb(tr.render(), 1.0, 0.2), 0.85)


def front_page() -> np.ndarray:
    """Organ and snare, jaunty march, 100 BPM, 8 bars (19.2 s)."""
    tr = Track(100, 32)
    chords = "F F Dm Dm Bb C7 F C7".split()
    mel = ("C5:0.75 A4:0.25 C5:0.5 F5:0.5 A5:1 G5:1 | F5:0.75 E5:0.25 F5:0.5 G5:0.5 A5:2 | "
           "D5:0.75 F5:0.25 A5:0.5 D6:0.5 C6:1 A5:1 | Bb5:0.5 A5:0.5 G5:0.5 F5:0.5 E5:2 | "
           "D5:0.75 F5:0.25 Bb5:1 D6:1 Bb5:1 | C6:0.75 Bb5:0.25 A5:1 G5:1 E5:1 | "
           "F5:0.5 A5:0.5 C6:1 A5:0.5 F5:0.5 C5:1 | E5:0.5 G5:0.5 Bb5:1 C6:1 R:1")
    for bar, c in enumerate(chords):
        notes = chord(c, 3)
        tr.add(bar * 4, bass(hz(notes[0] - 12), tr.spb * 0.8, seed=bar), 0.6)
        tr.add(bar * 4 + 2, bass(hz(notes[2] - 24), tr.spb * 0.8, seed=bar + 50), 0.5)
        for beat in (1, 3):
            for j, n in enumerate(notes):
                tr.add(bar * 4 + beat, organ(hz(n + 12), tr.spb * 0.45, seed=bar * 5 + j), 0.07)
        # marching snare: accents on 2 and 4, ghost sixteenths
        for s16 in range(16):
            b = bar * 4 + s16 / 4
            if s16 in (4, 12):
                tr.add(b, snare(seed=s16 + bar * 16), 0.5)
            elif s16 in (14, 15) or (bar % 2 == 1 and s16 in (10, 11)):
                tr.add(b, snare(0.12, seed=s16 + bar * 16 + 500), 0.2)
        tr.add(bar * 4, kick(seed=bar), 0.5)
        tr.add(bar * 4 + 2, kick(seed=bar + 9), 0.4)
    place_melody(tr, mel, organ, 0.22, legato=0.8, bright=1.2)
    place_melody(tr, mel, calliope, 0.16, legato=0.8)
    return soft_limit(reverb(tr.render(), 0.8, 0.15), 0.85)


def coaster() -> np.ndarray:
    """Fast snare and organ galop, 150 BPM, 12 bars (19.2 s)."""
    tr = Track(150, 48)
    chords = "Am Am E7 E7 Am Am Dm E7 F C E7 Am".split()
    run = ("A5:0.5 B5:0.5 C6:0.5 E6:0.5 A6:1 E6:1 | D6:0.5 C6:0.5 B5:0.5 A5:0.5 C6:1 A5:1 | "
           "G#5:0.5 A5:0.5 B5:0.5 D6:0.5 E6:1 B5:1 | D6:0.5 C6:0.5 B5:0.5 G#5:0.5 E5:2 | "
           "A5:0.5 B5:0.5 C6:0.5 E6:0.5 A6:1 E6:1 | C6:0.5 B5:0.5 A5:0.5 E5:0.5 A5:2 | "
           "D6:0.5 E6:0.5 F6:0.5 D6:0.5 A5:1 D6:1 | B5:0.5 C6:0.5 D6:0.5 B5:0.5 G#5:2 | "
           "A5:0.5 C6:0.5 F6:0.5 C6:0.5 A5:1 F5:1 | G5:0.5 C6:0.5 E6:0.5 C6:0.5 G5:2 | "
           "E6:0.5 D6:0.5 C6:0.5 B5:0.5 G#5:0.5 B5:0.5 E6:1 | A5:1 E5:1 A5:1 R:1")
    for bar, c in enumerate(chords):
        notes = chord(c, 3)
        for beat in range(4):
            root = notes[0] - 12 if beat % 2 == 0 else notes[2] - 12
            tr.add(bar * 4 + beat, bass(hz(root), tr.spb * 0.55, seed=bar * 4 + beat), 0.55)
            if beat % 2 == 1:
                for j, n in enumerate(notes):
                    tr.add(bar * 4 + beat, organ(hz(n + 12), tr.spb * 0.4, seed=bar + j, bright=0.8), 0.07)
            tr.add(bar * 4 + beat, kick(0.25, seed=bar * 4 + beat), 0.45 if beat % 2 == 0 else 0.25)
        for s16 in range(16):
            b = bar * 4 + s16 / 4
            acc = s16 in (4, 12)
            tr.add(b, snare(0.1 if not acc else 0.2, seed=bar * 16 + s16), 0.45 if acc else 0.16)
            if s16 % 2 == 0:
                tr.add(b, hat(seed=s16), 0.12)
    place_melody(tr, run, organ, 0.2, legato=0.85, bright=1.3)
    place_melody(tr, run, calliope, 0.12, legato=0.85)
    return soft_limit(reverb(tr.render(), 0.6, 0.12), 0.85)


def mirrors() -> np.ndarray:
    """Slow, detuned calliope waltz, 3/4 at 66 BPM, 8 bars (21.8 s)."""
    tr = Track(66, 24)
    chords = "Am E7 Am Dm Am F E7 E7".split()
    mel = ("E5:2 F5:1 | G#5:2 B5:1 | A5:1 C6:1 E6:1 | D6:2 F5:1 | E5:1.5 D5:0.5 C5:1 | "
           "A4:2 C5:1 | B4:1 D5:1 G#5:1 | E5:3")
    for bar, c in enumerate(chords):
        notes = chord(c, 3)
        tr.add(bar * 3, bass(hz(notes[0] - 12), tr.spb * 1.5, seed=bar), 0.45)
        for beat in (1, 2):
            for j, n in enumerate(notes[:3]):
                tr.add(bar * 3 + beat, calliope(hz(n + 12), tr.spb * 0.7, detune=-25 + j * 9, seed=bar * 3 + j), 0.07)
        tr.add(bar * 3, block(0.1, 500), 0.12)
    place_melody(tr, mel, calliope, 0.3, detune=-18)
    place_melody(tr, mel, calliope, 0.24, detune=+22, seed=100)
    x = tr.render()
    # slow pitch-warble feel: gentle tremolo that wanders
    t = np.arange(len(x)) / 22050
    x *= 0.85 + 0.15 * np.sin(2 * np.pi * t / (len(x) / 22050) * 5)
    return soft_limit(reverb(x, 1.8, 0.3), 0.8)


def cabinet() -> np.ndarray:
    """Rhythm level: exactly 16 bars of 4/4 at 112 BPM; kick on every quarter, first at 0.0 s."""
    tr = Track(112, 64)
    chords = "Dm Dm A7 A7 Dm Dm Gm A7 Dm Gm Dm A7 Gm Dm A7 Dm".split()
    mel = ("D5:0.5 F5:0.5 A5:1 G5:0.5 F5:0.5 E5:1 | D5:0.5 E5:0.5 F5:0.5 A5:0.5 D6:2 | "
           "C#6:0.5 A5:0.5 E5:1 G5:0.5 E5:0.5 C#5:1 | E5:1 G5:1 A5:2 | "
           "D6:0.5 C6:0.5 A5:1 F5:0.5 A5:0.5 D5:1 | F5:0.5 G5:0.5 A5:1 D5:2 | "
           "Bb5:0.5 A5:0.5 G5:1 D5:1 G5:1 | A5:0.5 G5:0.5 F5:0.5 E5:0.5 C#5:2 | ")
    for bar, c in enumerate(chords):
        notes = chord(c, 3)
        for beat in range(4):
            b = bar * 4 + beat
            tr.add(b, kick(0.3, seed=b), 0.75)
            tr.add(b, block(0.06, 1500, seed=b), 0.12)
            root = notes[0] - 12 if beat in (0, 2) else notes[2] - 12
            tr.add(b, bass(hz(root), tr.spb * 0.6, seed=b), 0.4)
            if beat in (1, 3):
                tr.add(b, snare(0.18, seed=b + 1000), 0.35)
            tr.add(b + 0.5, hat(seed=b), 0.14)
            for j, n in enumerate(notes[:3]):
                tr.add(b + 0.5, organ(hz(n + 12), tr.spb * 0.3, seed=b * 3 + j, bright=0.6), 0.045)
        # skeleton's xylophone answer in the second half of each 2-bar phrase
        if bar % 2 == 1:
            for k, n in enumerate(notes):
                tr.add(bar * 4 + 2 + k * 0.5, xylo(hz(n + 24), 0.3), 0.22)
    place_melody(tr, mel, calliope, 0.3, start=0, legato=0.85)
    place_melody(tr, mel, calliope, 0.3, start=32, legato=0.85, seed=200)
    x = reverb(tr.render(), 0.6, 0.1)
    return soft_limit(x, 0.85)


def finale() -> np.ndarray:
    """Swelling organ, 92 BPM, 8 bars (20.9 s), crescendo into a held chord."""
    tr = Track(92, 32)
    chords = "C Am F G C E7 Am F".split()
    top = "E5:4 | E5:4 | F5:4 | D5:2 G5:2 | G5:4 | G#5:4 | A5:4 | C6:2 A5:2"
    for bar, c in enumerate(chords):
        notes = chord(c, 3)
        for j, n in enumerate(notes[:3]):
            tr.add(bar * 4, organ(hz(n + 12), tr.spb * 3.95, seed=bar * 3 + j, bright=0.9), 0.12)
        tr.add(bar * 4, organ(hz(notes[0] - 12), tr.spb * 3.95, seed=bar + 70, bright=0.6), 0.25)
        tr.add(bar * 4, kick(0.6, seed=bar, f0=90, f1=45), 0.55)
        tr.add(bar * 4 + 2, kick(0.6, seed=bar + 30, f0=90, f1=45), 0.4)
        for s in range(4):
            tr.add(bar * 4 + 3 + s / 4, snare(0.15, seed=bar * 4 + s), 0.05 + 0.05 * s)
    place_melody(tr, top, organ, 0.22, legato=0.98, bright=1.3)
    x = tr.render()
    n = len(x)
    swell = 0.55 + 0.45 * (0.5 - 0.5 * np.cos(np.linspace(0, 4 * np.pi, n)))
    x *= swell
    return soft_limit(reverb(x, 1.6, 0.25), 0.85)


def ending() -> np.ndarray:
    """Gentle music box, 3/4 at 84 BPM, 9 bars (19.3 s), fading out."""
    tr = Track(84, 27, loop=False)
    mel = ("G5:1 C6:1 E6:1 | D6:2 C6:1 | B5:1 D6:1 G5:1 | A5:3 | F5:1 A5:1 C6:1 | "
           "B5:2 G5:1 | E5:1 G5:1 D6:1 | C6:3 | C5:3")
    chords = "C G G Am F G Em C C".split()
    place_melody(tr, mel, music_box, 0.5)
    for bar, c in enumerate(chords):
        notes = chord(c, 4)
        for k, n in enumerate(notes[:3]):
            tr.add(bar * 3 + k, music_box(hz(n), 1.0, seed=bar * 3 + k), 0.2)
        tr.add(bar * 3, organ(hz(notes[0] - 12), tr.spb * 2.9, seed=bar, bright=0.2), 0.08)
    x = tr.render()[: tr.n + 22050 * 2]
    x = reverb(x, 2.0, 0.3, loop=False)
    fade = int(1.5 * 22050)
    x[-fade:] *= np.linspace(1, 0, fade)
    x = bandpass(x, 60, 9000)
    return soft_limit(x, 0.8)


TRACKS = {"title": title, "front_page": front_page, "coaster": coaster, "mirrors": mirrors,
          "cabinet": cabinet, "finale": finale, "ending": ending}


def build() -> list[str]:
    """Render and encode every music track."""
    out = []
    for name, fn in TRACKS.items():
        rel = f"music/{name}.ogg"
        write_ogg(fn(), rel, quality=0.3)
        out.append(rel)
    return out


if __name__ == "__main__":
    print("\n".join(build()))
