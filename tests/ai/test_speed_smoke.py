"""A smoke test of the rivals' fast path (the speed itself is measured by
``python -m game bench-ai``, never asserted here): one batch decision for a lone game and for
a batch, every leader, the right shape."""
import numpy as np

from game.ai.rivals import Rivals


def test_one_decision_for_a_lone_game_and_for_a_batch(campaign):
    r = Rivals(campaign, "normal")
    for B in (1, 32):
        s = campaign.new_state(np.arange(B))
        rows = r.moves(s)
        assert rows.ndim == 3 and rows.shape[0] == B and rows.shape[2] == 5
        assert rows.dtype == np.int64
        acting = rows[:, :, 1][rows[:, :, 0] >= 0]
        assert set(acting.tolist()) <= set(np.flatnonzero(campaign.leaders).tolist())
