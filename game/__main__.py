"""``python -m game``: the game, and its command-line tools."""
import os
import sys

from .cli import main

try:
    code = main(sys.argv[1:])
    sys.stdout.flush()
except BrokenPipeError:
    # the reader went away (``python -m game simulate ... | head``): stop quietly, as other
    # command-line tools do, without a traceback; stdout is pointed at nothing so that the
    # interpreter's own flush at exit does not raise again
    os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    code = 1
sys.exit(code)
