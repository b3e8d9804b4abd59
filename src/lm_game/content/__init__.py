"""Content: finding, loading, checking and describing level files (no pygame)."""
