"""Developer benchmarks, soak and playthrough drivers behind `lm-game bench` (never imported by the game).

This package may start processes (start-up timing) and read the clock directly; the game's own
code may not. The web build leaves it out.
"""
