"""The computer rivals: every computer-played leader of every game of a batch, at once.

Each turn each leader values every candidate action (game.ai.menu) — the apparatus and the word
(value_actions), motions timed by a forecast of the vote (value_motions), alliances
(value_blocs) — multiplies by his character (game.ai.character), adds the erratic element his
difficulty allows, and takes the best he can afford, one motion and one alliance move at most.
Everything is an array over [games, leaders, candidates]; draws go through game.engine.rng
(site "ai"), so a game plays the same alone or in a batch.

Use: ``Rivals(g, "hard").moves(state, skip=(human index,), prior=human_rows)`` -> int array
[B, S, 5] to follow the human's rows in the turn; ``.choose`` decides events (a chooser).
Decide on the state *after* the turn's events have fired (see game.ai.play.step).
"""
from __future__ import annotations

from functools import cached_property
from typing import TYPE_CHECKING, Optional

import numpy as np

from ..engine import rng
from ..engine.actions import KIND
from ..engine.arith import MAX_BITS, bits_of
from ..engine.jit import F, kernel
from ..engine.legality import bloc_formable, inviolable, line_open, when_holds
from ..engine.state import State
from . import agenda, character, choices, value_actions as va, value_blocs as vb
from . import value_motions as vm
from .value_actions import ACT_MIN, KAPPA
from .context import Context
from .difficulty import Difficulty, level
from .forecast import Forecast
from .menu import Board, Menu

if TYPE_CHECKING:
    from ..engine.game import Game

SITE = rng.SITES["ai"]
PURPOSE = {"pick": 0, "misjudge": 1, "agenda": 2, "random": 3, "budget": 4}
VALUES = (va.appoint, va.recruit, va.speak, va.polemic, va.gather, va.comintern,
          vm.against_leaders, vm.remove, vm.promote, vm.testament, vm.propose)
# order of a leader's own actions within the turn: alliances, then appointments, then the rest,
# recruitment last (a drive raises his secretaries' loyalty, which can bar re-appointing them)
PRIORITY = np.full(len(KIND), 2, dtype=np.int64)
for _k, _p in (("form_bloc", 0), ("join_bloc", 0), ("leave_bloc", 0),
               ("appoint_secretary", 1), ("recruit", 3)):
    PRIORITY[KIND[_k]] = _p
IS_BLOC = np.zeros(len(KIND) + 1, dtype=bool)      # indexed by kind id (-1: the last, False)
IS_BLOC[[KIND["form_bloc"], KIND["join_bloc"], KIND["leave_bloc"]]] = True
AGENDA_CHANCE = 0.12
      # a resolution that changes nothing lasting comes up this often
_ACT_MIN = F(ACT_MIN)      # as the board's float32 values are compared with it
_SQRT12 = float(np.sqrt(12.0))      # a uniform draw's spread, scaled to 1
_c = np.ascontiguousarray     # a kernel's arrays in one layout, so that it compiles once


class Turn:
    """One turn's inputs to the valuation (for one batch)."""

    def __init__(self, r: "Rivals", s: State, human: np.ndarray):
        self.g, self.s, self.ch, self.ag, self.dif, self.menu = r.g, s, r.ch, r.ag, r.dif, r.menu
        self.post_value = r.post_value
        self.done_req = r.done_req
        self.focus = r.focus
        self.ctx = Context(r.g, s, r.ch, human, r.dif.coordinate, r.dif.perception,
                           r.dif.shrewd)
        self.fc = Forecast(r.g, s, self.ctx)
        self.board = r.board(s.batch)
        self._draws: dict = {}

    # what several valuations read is worked out once a turn, on first use

    @cached_property
    def settle_terms(self) -> tuple:
        """(loss [B,N,1], need [1,N,1]) for value_motions._settle: what a failed motion costs
        each leader (more for an open faction under the ban) and the chance he needs to move."""
        ctx = self.ctx
        loss = KAPPA * self.g.params["failed_motion_prestige"] * \
            (1.0 + (ctx.faction[:, ctx.lead] & ctx.ban[:, None]))[..., None]
        return loss, 0.5 + 0.4 * self.ch.caution[None, :, None]

    def weight(self, kind: str) -> np.ndarray:
        return self.ch.weight[:, KIND[kind]][None, :, None]

    def draws(self, purpose: str, block: str) -> np.ndarray:
        """[B,N,n] random draws of mean 0 and spread 1, one per leader and candidate of the
        block, keyed by person and menu column so that a game draws the same alone or in a
        batch. (Uniform, not normal: one hash a draw, and the shape matters little.)"""
        if (purpose, block) not in self._draws:
            sl = self.menu[block].sl
            k = (PURPOSE[purpose] + 1) * (1 << 22) + self.ch.lead[:, None] * 4096 + \
                np.arange(sl.start, sl.stop)
            u = rng.uniform(self.s.seed, self.s.turn, SITE, k)
            self._draws[purpose, block] = _centred(u)
        return self._draws[purpose, block]

    def draws_at(self, purpose: str, block: str, cols: np.ndarray) -> np.ndarray:
        """``draws(purpose, block)`` read at the block's columns ``cols`` [B,N,T] (the same
        values): only those cells are drawn, keyed as ``draws`` keys them, game by game."""
        k = (PURPOSE[purpose] + 1) * (1 << 22) + self.ch.lead[None, :, None] * 4096 + \
            (self.menu[block].start + cols)
        u = rng.uniform(self.s.seed, self.s.turn, SITE, k, per_game=True)
        return _centred(u)

    def uniform(self, purpose: str, n: int) -> np.ndarray:
        k = (PURPOSE[purpose] + 1) * (1 << 22) + np.arange(n)
        return rng.uniform(self.s.seed, self.s.turn, SITE, k)

    def region_held(self) -> np.ndarray:
        """[B,N,R] the region is led by someone else's party post (legality._region_held)."""
        g, s, ctx = self.g, self.s, self.ctx
        return _region_held(_c(s.holder), _c(ctx.act), _c(g.post_region, dtype=np.int64),
                            _c(ctx.lead, dtype=np.int64), g.R)

    @cached_property
    def motion_open(self) -> np.ndarray:
        """[B,M] the motion may be tabled now (its 'when', and a policy not already in force)."""
        g, s = self.g, self.s
        out = when_holds(g, s, g.motion_when)
        req = self.done_req
        pol = np.maximum(req.policy, 0)
        out &= ~(req.sets_policy[None, :] & ((s.policy[:, pol] == req.option[None, :])
                                             | ~self.line_open[:, pol]))
        return out

    @cached_property
    def wants(self) -> np.ndarray:
        """[N,Q,O] the options each leader's role wants in force this month (ag.want_option
        less the wants that hold only from a later date)."""
        now = self.g.month(self.s.turn)
        return np.where(self.ag.want_from <= now, self.ag.want_option, 0.0).astype(np.float32)

    @cached_property
    def serves_flag(self) -> np.ndarray:
        """[B,N,M] the motion would set a flag as a leader's role wants it (from its date) and
        as it does not stand now: the ban on factions lifted, the great turn taken."""
        now = self.g.month(self.s.turn)
        want = np.where(self.ag.want_flag_from <= now, self.ag.want_flag, 0.0)       # [N,F]
        req = self.done_req
        sets = req.has_flag[None] & ((want[:, None, :] > 0) == req.flag[None]) \
            & (want[:, None, :] != 0)                                                # [N,M,F]
        if req.flag_bits is None:                                  # too many flags for bits
            new = self.s.flags[:, None, :] != req.flag[None]                         # [B,M,F]
            return (sets[None] & new[:, None]).any(axis=3)
        # the flag axis folded into the bits of one integer: "some flag both wanted and not
        # standing" is a non-zero intersection (the same booleans, without a [B,N,M,F] table)
        new = self.flags_now[:, None] ^ req.flag_bits[None, :]                       # [B,M]
        return (new[:, None, :] & bits_of(sets)[None]) != 0

    @cached_property
    def flags_now(self) -> np.ndarray:
        """[B] the flags standing in each game as the bits of one integer (DoneRequirements
        folds the motions' flags the same way)."""
        return bits_of(self.s.flags)

    @cached_property
    def open_to_motions(self) -> np.ndarray:
        """[B,P] a motion may be moved against the man: alive, in the party and not above such
        motions now (legality.inviolable)."""
        s = self.s
        return s.alive & ~s.expelled & ~inviolable(self.g, s)

    @cached_property
    def bloc_formable(self) -> np.ndarray:
        """[B,L] the bloc may be formed now (its 'when'; legality.bloc_formable)."""
        return bloc_formable(self.g, self.s)

    @cached_property
    def line_open(self) -> np.ndarray:
        """[B,Q] the policy may be changed now (legality.line_open)."""
        return line_open(self.g, self.s)

    def motion_done(self) -> np.ndarray:
        """[B,M] adopting it again would change nothing lasting (its flags and its policy
        already stand); a resolution with no lasting effect comes up only now and then."""
        s, req = self.s, self.done_req
        if req.flag_bits is None:
            done = ((s.flags[:, None, :] == req.flag[None]) | ~req.has_flag[None]).all(axis=2)
        else:               # no flag it sets differs from the game's: the same booleans
            done = ((self.flags_now[:, None] ^ req.flag_bits[None, :])
                    & req.has_bits[None, :]) == 0
        pol = np.maximum(req.policy, 0)
        done &= (s.policy[:, pol] == req.option[None]) | (req.policy < 0)[None]
        rare = self.uniform("agenda", len(req.lasting)) >= AGENDA_CHANCE
        return np.where(req.lasting[None, :], done, rare)


class DoneRequirements:
    """What a motion leaves standing once adopted, as arrays (for Turn.motion_done): the flags
    it sets [M,F] (has_flag, flag) and the policy option it puts in force [M]."""

    def __init__(self, g: "Game", ag):
        M, n_flags = len(g.motion_ids), len(g.fidx)
        self.has_flag = np.zeros((M, n_flags), dtype=bool)
        self.flag = np.zeros((M, n_flags), dtype=bool)
        for m in range(M):
            for f, v in ag.flags[m]:
                self.has_flag[m, f], self.flag[m, f] = True, bool(v)
        self.policy = np.asarray(ag.policy, dtype=np.int64)
        self.option = np.asarray(ag.option, dtype=np.int64)
        self.lasting = self.has_flag.any(axis=1) | (self.policy >= 0)
        # the same, the flag axis folded into the bits of one integer (None: too many flags)
        self.flag_bits = bits_of(self.flag) if n_flags <= MAX_BITS else None
        self.has_bits = bits_of(self.has_flag) if n_flags <= MAX_BITS else None
        # a policy motion is not tabled while its option is already in force
        self.sets_policy = np.array([mo.kind == "policy" for mo in g.scenario.motions],
                                    dtype=bool) & (self.policy >= 0)


class Rivals:
    """Computer players for every leader not skipped, at one difficulty."""

    def __init__(self, g: "Game", difficulty: "str | Difficulty | None" = "normal",
                 characters: Optional[dict] = None, warm_up: bool = True):
        self.g = g
        self.dif = level(difficulty)
        self.ch = character.build(g, characters)
        self.ag = agenda.build(g, self.ch.lead)
        self.menu = Menu(g, len(self.ch.lead))
        self.post_value = vm.post_values(g)
        self.done_req = DoneRequirements(g, self.ag)
        self.focus = vm.focus(self.ch)
        self.chooser = choices.Chooser(self)
        self._board: Optional[Board] = None
        if warm_up:                      # a player waiting on the first turn; not a headless run
            _warm_up(self)

    def board(self, B: int) -> Board:
        """A cleared board for a turn of ``B`` games (Board.reset; ``evaluate`` settles it once
        the turn's blocks are given): the last turn's, when the batch is the same size (a
        turn's board is read only until its moves are chosen)."""
        if self._board is None or self._board.value.shape[0] != B:
            self._board = Board(self.menu, B, len(self.ch.lead))
            return self._board
        return self._board.reset()

    # ------------------------------------------------------------------ moves
    def moves(self, s: State, skip=(), prior=None) -> np.ndarray:
        """[B, S, 5] this turn's actions of every leader not in ``skip``; they follow
        ``prior`` (the human rows, [B, S0, 5]) in the turn."""
        t = self.evaluate(s, skip)
        return self.decide(t, skip, prior)

    def evaluate(self, s: State, skip=()) -> Turn:
        g = self.g
        human = np.zeros(g.P, dtype=bool)
        human[list(skip)] = True
        t = Turn(self, s, human)
        for fn in VALUES:
            fn(t)
        kind, bloc, value = vb.values(t)
        t.board.put("bloc", value[..., None], (kind >= 0)[..., None], kind=
                    np.where(kind >= 0, kind, KIND["join_bloc"])[..., None],
                    target=bloc[..., None], group=self.menu.GROUP_BLOC)
        t.board.settle()
        return t

    def decide(self, t: Turn, skip=(), prior=None, noise: Optional[float] = None) -> np.ndarray:
        s, ch, dif = t.s, self.ch, self.dif
        lead = ch.lead
        playing = ~np.isin(lead, list(skip)) if len(skip) else np.ones(len(lead), dtype=bool)
        sigma = dif.noise if noise is None else noise
        # the cells worth doing (flat positions on the board) and their values: only these
        # are read
        cell = _worth(t.board.value, playing)
        v = t.board.value.reshape(-1)[cell]
        if sigma:
            # the erratic element reorders what is worth doing; it never makes a pointless
            # action worth doing (it stays above the threshold it cleared). Drawn only for
            # the candidates worth doing, keyed by person and column.
            bn, c = np.divmod(cell, t.board.value.shape[2])
            b, n = np.divmod(bn, len(lead))
            k = (PURPOSE["pick"] + 1) * (1 << 22) + lead[n] * 4096 + c
            u = rng.uniform(s.seed[b], s.turn, SITE, k, per_game=True)
            v = np.maximum(v + 0.01 * sigma * np.sqrt(12.0) * (u - 0.5),
                           ACT_MIN * 1.01).astype(v.dtype)
        able = t.ctx.act[:, lead] & self.g.leaders[lead][None, :]
        # a share of the action points, a fractional point used with that chance
        u = rng.uniform(s.seed, s.turn, SITE, (PURPOSE["budget"] + 1) * (1 << 22) + lead)
        budget = np.floor(s.ap[:, lead] * dif.ap_share + (u if dif.ap_share < 1 else 0.0)
                          + 1e-3) * able
        picks = select(t.board, None, budget, dif.picks, dif.motions, self.menu,
                       worth=(cell, v))
        return rows(t, picks, prior)

    # ------------------------------------------------------------------ events
    def choose(self, g: "Game", s: State, e: int, mask: np.ndarray) -> np.ndarray:
        return self.chooser(g, s, e, mask)


_WARM = [False]


def _warm_up(r: "Rivals") -> None:
    """The first decision of a process pays for NumPy's first calls (some 15 ms); pay it when
    the rivals are built, not in the player's first turn. Touches no game."""
    if not _WARM[0]:
        _WARM[0] = True
        r.moves(r.g.new_state([0]))


def select(board: Board, value: Optional[np.ndarray], budget: np.ndarray, max_picks: int,
           max_motions: int, menu: Menu, worth: Optional[tuple] = None) -> np.ndarray:
    """[B,N,max_picks] candidate columns each leader takes (-1 none): best first, within his
    action points, one per exclusive group, ``max_motions`` motions at most, and nothing
    another leader of the same game has already claimed this turn (the same region, the
    same policy lever, a motion against the same man). ``value``: [B,N,C], the board's own
    when None. ``worth``: the (cells, values) of ``value`` above ACT_MIN, when the caller
    has them already (the cells as flat positions on the board, in order; then ``value`` is
    not read)."""
    B, N, C = board.value.shape
    if worth is None:
        V = board.value if value is None else _c(value, dtype=np.float32)
        cell = _worth(V, np.ones(N, dtype=np.bool_))
        worth = (cell, V.reshape(-1)[cell])
    cell, v = worth
    return _select(_c(cell, dtype=np.int64), _c(v, dtype=np.float32), board.cost, board.group,
                   board.claim, menu.is_motion, _c(np.reshape(budget, (B, N)), dtype=np.float32),
                   max_picks, max_motions, menu.G, menu.KEYS, min(C, max_picks * 3 + 2))


@kernel
def _worth(value, playing):
    """The flat positions on a [B,N,C] board of the cells worth doing (above ACT_MIN) for
    the leaders ``playing`` [N], in order."""
    B, N, C = value.shape
    count = 0
    for b in range(B):
        for n in range(N):
            if playing[n]:
                for c in range(C):
                    if value[b, n, c] > _ACT_MIN:
                        count += 1
    out = np.empty(count, dtype=np.int64)
    i = 0
    for b in range(B):
        for n in range(N):
            if playing[n]:
                for c in range(C):
                    if value[b, n, c] > _ACT_MIN:
                        out[i] = (b * N + n) * C + c
                        i += 1
    return out


@kernel
def _select(cell, v, cost, group, claim, is_motion, budget, max_picks, max_motions, G, KEYS,
            depth):
    """select's picks from the cells worth doing (flat positions, in order) and their values
    ``v``, game by game: each leader's ``depth`` best (ties to the lower column), then round
    by round each takes his next best if he can."""
    B, N, C = cost.shape
    out = np.full((B, N, max_picks), -1, dtype=np.int64)
    order = np.empty((N, depth), dtype=np.int64)
    best = np.empty((N, depth), dtype=np.float32)
    ap = np.empty(N, dtype=np.float32)
    taken = np.empty(N, dtype=np.int64)
    motions = np.empty(N, dtype=np.int64)
    used = np.empty((N, G), dtype=np.bool_)
    claimed = np.empty(KEYS, dtype=np.bool_)
    ok = np.empty(N, dtype=np.bool_)
    key = np.empty(N, dtype=np.int64)
    i = 0
    for b in range(B):
        for n in range(N):
            _best_first(cell, v, i, (b * N + n), C, order[n], best[n])
            while i < len(cell) and cell[i] // C == b * N + n:
                i += 1
            ap[n] = budget[b, n]
            taken[n] = 0
            motions[n] = 0
            used[n, :] = False
        claimed[:] = False
        for r in range(depth):
            more = False
            for n in range(N):
                if order[n, r] >= 0 and taken[n] < max_picks:
                    more = True
            if not more:
                break                                   # nobody can take anything more
            for n in range(N):
                c = order[n, r]
                ok[n] = False
                key[n] = -1
                if c < 0 or taken[n] >= max_picks:
                    continue
                grp, key[n] = group[b, n, c], claim[b, n, c]
                ok[n] = cost[b, n, c] <= ap[n] + F(1e-6) \
                    and not (grp >= 0 and used[n, grp]) \
                    and not (is_motion[c] and motions[n] >= max_motions) \
                    and not (key[n] >= 0 and claimed[key[n]])
            for n in range(N):
                if not ok[n]:
                    continue
                # a claim two leaders of the game would take this round goes to the later
                later = False
                if key[n] >= 0:
                    for m in range(n + 1, N):
                        if ok[m] and key[m] == key[n]:
                            later = True
                if later:
                    continue
                c = order[n, r]
                out[b, n, taken[n]] = c
                ap[n] -= cost[b, n, c]
                if group[b, n, c] >= 0:
                    used[n, group[b, n, c]] = True
                if key[n] >= 0:
                    claimed[key[n]] = True
                taken[n] += 1
                motions[n] += is_motion[c]
    return out


@kernel
def _best_first(cell, v, i, row, C, order, best):
    """Fill ``order`` with the columns of ``row``'s cells (from ``cell[i]`` on) best first,
    as many as it holds (-1 beyond them), their values in ``best``; ties go to the lower
    column (the cells come by column)."""
    depth = len(order)
    order[:] = -1
    count = 0
    while i < len(cell) and cell[i] // C == row:
        x = v[i]
        p = count
        while p > 0 and best[p - 1] < x:
            p -= 1
        if p < depth:
            for q in range(min(count, depth - 1), p, -1):
                order[q], best[q] = order[q - 1], best[q - 1]
            order[p], best[p] = cell[i] % C, x
            count = min(count + 1, depth)
        i += 1


def rows(t: Turn, picks: np.ndarray, prior=None) -> np.ndarray:
    """The chosen candidates as engine rows [B,S,5]: alliance moves first (checked in turn
    order against each other and the human's earlier rows), then each leader's actions in his
    own order (PRIORITY), rank by rank."""
    board, lead = t.board, t.ctx.lead
    B = picks.shape[0]
    kind, target, arg = _picked(_c(picks, dtype=np.int64), board.kind, board.target, board.arg)
    is_bloc = IS_BLOC[kind]
    cols = []
    if is_bloc.any() or (prior is not None and np.size(prior)):
        pend = vb.Pending(t)
        if prior is not None and np.size(prior):
            _replay_prior(pend, np.asarray(prior, dtype=np.int64))
        b1 = np.arange(B)
        for n in np.flatnonzero(is_bloc.any(axis=(0, 2))):
            j = np.argmax(is_bloc[:, n, :], axis=1)
            k = np.where(is_bloc[b1, n, j], kind[b1, n, j], -1)
            tg = target[b1, n, j]
            k = pend.apply(k, np.full(B, lead[n]), tg, t.ctx.top[:, n])
            cols.append(_row(k, lead[n], tg, np.full(B, -1))[:, None, :])
    body = _in_order(kind, target, arg, _c(lead, dtype=np.int64), PRIORITY, IS_BLOC)
    if not cols:
        return body
    out = np.concatenate(cols + [body], axis=1)
    return out[:, (out[:, :, 0] >= 0).any(axis=0)]


@kernel
def _picked(picks, kind, target, arg):
    """The kind, target and arg [B,N,K] of each pick (-1 for none) from the board's."""
    B, N, K = picks.shape
    k_out = np.full((B, N, K), -1, dtype=np.int64)
    t_out = np.full((B, N, K), -1, dtype=np.int64)
    a_out = np.full((B, N, K), -1, dtype=np.int64)
    for b in range(B):
        for n in range(N):
            for j in range(K):
                c = picks[b, n, j]
                if c >= 0:
                    k_out[b, n, j] = kind[b, n, c]
                    t_out[b, n, j] = target[b, n, c]
                    a_out[b, n, j] = arg[b, n, c]
    return k_out, t_out, a_out


@kernel
def _in_order(kind, target, arg, lead, priority, is_bloc):
    """[B,S,5] the picks other than alliance moves as engine rows: each leader's in his own
    order (``priority`` by kind, stable), rank by rank and leader by leader within a rank;
    only the (rank, leader) slots some game fills."""
    B, N, K = kind.shape
    ranked = np.empty((B, N, K), dtype=np.int64)         # the pick at each rank
    slot = np.zeros((K, N), dtype=np.bool_)
    prio = np.empty(K, dtype=np.int64)
    for b in range(B):
        for n in range(N):
            for j in range(K):
                k = kind[b, n, j]
                # an alliance move went first already; an empty slot last
                prio[j] = 99 if k < 0 or is_bloc[k] else priority[k]
                p = j                                     # stable insertion by priority
                while p > 0 and prio[ranked[b, n, p - 1]] > prio[j]:
                    ranked[b, n, p] = ranked[b, n, p - 1]
                    p -= 1
                ranked[b, n, p] = j
            for r in range(K):
                k = kind[b, n, ranked[b, n, r]]
                if k >= 0 and not is_bloc[k]:
                    slot[r, n] = True
    S = 0
    for r in range(K):
        for n in range(N):
            S += slot[r, n]
    out = np.full((B, S, 5), -1, dtype=np.int64)
    for b in range(B):
        i = 0
        for r in range(K):
            for n in range(N):
                if not slot[r, n]:
                    continue
                j = ranked[b, n, r]
                k = kind[b, n, j]
                if k >= 0 and not is_bloc[k]:
                    out[b, i, 0], out[b, i, 1] = k, lead[n]
                    out[b, i, 2], out[b, i, 3] = target[b, n, j], arg[b, n, j]
                i += 1
    return out


def _row(kind, actor, target, arg) -> np.ndarray:
    B = kind.shape[0]
    r = np.full((B, 5), -1, dtype=np.int64)
    live = kind >= 0
    r[:, 0] = kind
    r[:, 1] = np.where(live, actor, -1)
    r[:, 2] = np.where(live, target, -1)
    r[:, 3] = np.where(live, arg, -1)
    return r


def _replay_prior(pend: vb.Pending, prior: np.ndarray) -> None:
    """Earlier rows of the turn (the human's): their alliance moves and polemics."""
    for j in range(prior.shape[1]):
        col = prior[:, j]
        pend.apply(col[:, 0], col[:, 1], col[:, 2])
        pend.polemic(col[:, 1], col[:, 2], col[:, 0] == KIND["polemic"])


@kernel
def _centred(u):
    """Uniform draws [0, 1) as draws of mean 0 and spread 1, in float32 (any shape)."""
    out = np.empty(u.shape, dtype=np.float32)
    flat, o = u.reshape(-1), out.reshape(-1)
    for i in range(len(flat)):
        o[i] = np.float32((flat[i] - 0.5) * _SQRT12)
    return out


@kernel
def _region_held(holder, act, post_region, lead, R):
    """[B,N,R] the region is led by someone else's party post: the last post of the region
    whose holder is in politics (legality._region_held)."""
    B = holder.shape[0]
    N = len(lead)
    out = np.zeros((B, N, R), dtype=np.bool_)
    held_by = np.empty(R, dtype=np.int64)
    for b in range(B):
        held_by[:] = -1
        for k in range(len(post_region)):
            h = holder[b, k]
            if post_region[k] >= 0 and h >= 0 and act[b, h]:
                held_by[post_region[k]] = h
        for n in range(N):
            for r in range(R):
                out[b, n, r] = held_by[r] >= 0 and held_by[r] != lead[n]
    return out
