"""A leader misjudges a motion's vote by a draw keyed by his name and the menu's column: read
for a few chosen columns (the motions he might table), the draws are those of the whole
block, game by game, so a game misjudges alike alone and in a batch."""
import numpy as np

from game.ai.rivals import Rivals, Turn


def test_the_chosen_columns_draw_what_the_whole_block_draws(campaign):
    g = campaign
    r = Rivals(g, warm_up=False)
    s = g.new_state([1, 2, 3, 40])
    s.turn = 17
    t = Turn(r, s, np.zeros(g.P, dtype=bool))
    M = r.menu["propose"].size
    cols = np.random.default_rng(0).integers(0, M, size=(s.batch, len(r.ch.lead), 2))
    whole = np.take_along_axis(t.draws("misjudge", "propose"), cols, axis=-1)
    assert t.draws_at("misjudge", "propose", cols).tobytes() == whole.tobytes()
    one = Turn(r, s.take(np.array([3])), np.zeros(g.P, dtype=bool))
    assert one.draws_at("misjudge", "propose", cols[3:]).tobytes() == whole[3:].tobytes()
