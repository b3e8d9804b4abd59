"""`lm-game` subcommands: one module each, with `register(subparsers)`."""
