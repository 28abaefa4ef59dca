"""``python -m game``: the game, and its command-line tools."""
import sys

from .cli import main

sys.exit(main(sys.argv[1:]))
