"""`python -m lm_game` is the same as the `lm-game` command."""

from __future__ import annotations

import sys

from lm_game.cli import main

sys.exit(main())
