"""Scene types: pure gameplay logic driven by level data (no pygame)."""
