"""Authoring and verification tools: story explorer, flow graphs, replays, scaffolding, hot reload.

Stdlib only (the PNG graph drawer imports pygame lazily); the `lm-game` subcommands in
lm_game.commands are thin wrappers around these modules.
"""
