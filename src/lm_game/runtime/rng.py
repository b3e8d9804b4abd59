"""A counter-based seeded RNG: the whole state is (seed, counter), two plain ints."""

from __future__ import annotations

MASK64 = (1 << 64) - 1
SEED_LIMIT = 1 << 63


def splitmix64(x: int) -> int:
    """One SplitMix64 output for input x (same on every platform and Python version)."""
    x = (x + 0x9E3779B97F4A7C15) & MASK64
    x = ((x ^ (x >> 30)) * 0xBF58476D1CE4E5B9) & MASK64
    x = ((x ^ (x >> 27)) * 0x94D049BB133111EB) & MASK64
    return x ^ (x >> 31)


def draw(seed: int, counter: int) -> int:
    """The 64-bit random value number `counter` of the stream for `seed`."""
    return splitmix64((seed * 0x2545F4914F6CDD1D + counter) & MASK64)


def randint(seed: int, counter: int, lo: int, hi: int) -> int:
    """Uniform-enough integer in [lo, hi] (inclusive) from draw(seed, counter)."""
    if hi < lo:
        lo, hi = hi, lo
    span = hi - lo + 1
    # Two draws give 128 bits: the modulo bias is far below anything a player could notice.
    value = (draw(seed, counter) << 64) | draw(seed ^ 0x5DEECE66D, counter)
    return lo + value % span
