"""Drawing with pygame: theme, text, widgets, asset cache."""
