"""A computer leader's board is kept from turn to turn and only what changed is rewritten: it
must read exactly as a fresh board given the same turn would."""
import numpy as np
import pytest

from game.ai.menu import Board, Menu

FIELDS = ("value", "legal", "cost", "kind", "target", "arg", "group", "claim")


def _turn(board: Board, menu: Menu, rng, B: int, N: int, skip: set) -> Board:
    """One turn's blocks: constant details, details by game, and some blocks left out."""
    for name, blk in menu.blocks.items():
        if name in skip:
            continue
        shape = (B, N, blk.size)
        per_game = rng.integers(-1, 9, shape)
        worth = rng.random() ** 3                 # most blocks are worth a few cells, some many
        board.put(name, rng.random(shape), rng.random(shape) < 0.5, keep=rng.random(shape) < worth,
                  target=np.arange(blk.size) if rng.random() < 0.5 else per_game,
                  claim=3 + np.arange(blk.size) if name != "speak" else None,
                  cost=2.0 if rng.random() < 0.5 else None,
                  arg=np.broadcast_to(np.arange(blk.size), shape) if rng.random() < 0.5 else None,
                  group=per_game if rng.random() < 0.3 else None)
    return board.settle()


@pytest.mark.parametrize("B", [1, 30])          # a lone game's board, and a batch's
def test_a_kept_board_reads_as_a_fresh_one_turn_after_turn(campaign, B):
    N = 8
    menu = Menu(campaign, N)
    kept = Board(menu, B, N)
    names = list(menu.blocks)
    for turn in range(24):
        skip = set(names[turn % 5::5])
        fresh = _turn(Board(menu, B, N), menu, np.random.default_rng(turn), B, N, skip)
        _turn(kept.reset(), menu, np.random.default_rng(turn), B, N, skip)
        for f in FIELDS:
            assert np.array_equal(getattr(kept, f), getattr(fresh, f)), (turn, f)
