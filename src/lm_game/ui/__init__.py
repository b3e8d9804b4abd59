"""Screens and widgets the player sees: title, menus, dialogue, settings, saves."""
