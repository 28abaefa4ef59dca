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
from ..engine.arith import MAX_BITS, along_last, bits_of, eye
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

    @cached_property
    def allied_leaders(self) -> np.ndarray:
        """[B,N,P] each leader shares a bloc with each person (Context.allied's rows)."""
        return self.ctx.allied[:, self.ctx.lead]

    @cached_property
    def ready_partners(self) -> np.ndarray:
        """[B,N,M] each leader's computer partners in a bloc (value_motions.pace): other
        leaders, in politics and computer-played, who share a bloc with him."""
        ctx, lead = self.ctx, self.ctx.lead
        ready = ctx.act[:, lead] & ~ctx.human[lead][None]                          # [B,M]
        return self.allied_leaders[:, :, lead] & ~eye(len(lead))[None] & ready[:, None, :]

    @cached_property
    def rho_of_secretaries(self) -> np.ndarray:
        """[B,N,R] how much each leader fears the patron of each region's secretary (his
        own ``rho`` at that man; read where there is one)."""
        owner = np.maximum(self.s.sec_patron.astype(np.int64), 0)[:, None, :]
        return along_last(self.ctx.rho, owner)

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
            self._draws[purpose, block] = ((u - 0.5) * np.sqrt(12.0)).astype(np.float32)
        return self._draws[purpose, block]

    def draws_at(self, purpose: str, block: str, cols: np.ndarray) -> np.ndarray:
        """``draws(purpose, block)`` read at the block's columns ``cols`` [B,N,T] (the same
        values): only those cells are drawn, keyed as ``draws`` keys them, game by game."""
        k = (PURPOSE[purpose] + 1) * (1 << 22) + self.ch.lead[None, :, None] * 4096 + \
            (self.menu[block].start + cols)
        u = rng.uniform(self.s.seed, self.s.turn, SITE, k, per_game=True)
        return ((u - 0.5) * np.sqrt(12.0)).astype(np.float32)

    def uniform(self, purpose: str, n: int) -> np.ndarray:
        k = (PURPOSE[purpose] + 1) * (1 << 22) + np.arange(n)
        return rng.uniform(self.s.seed, self.s.turn, SITE, k)

    def region_held(self) -> np.ndarray:
        """[B,N,R] the region is led by someone else's party post (legality._region_held)."""
        g, s, ctx = self.g, self.s, self.ctx
        held_by = np.full((s.batch, g.R), -1, dtype=np.int64)
        for k in np.flatnonzero(g.post_region >= 0):
            h = s.holder[:, k].astype(np.int64)
            live = (h >= 0) & ctx.act[np.arange(s.batch), np.maximum(h, 0)]
            held_by[:, g.post_region[k]] = np.where(live, h, held_by[:, g.post_region[k]])
        other = held_by[:, None, :] != ctx.lead[None, :, None]
        return (held_by >= 0)[:, None, :] & other

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
        worth = (t.board.value > ACT_MIN) & playing[None, :, None]
        sigma = dif.noise if noise is None else noise
        # the cells worth doing, from their flat positions (cheaper than np.nonzero's three
        # index arrays over the whole board; the same cells in the same order), and their
        # values: only these are read
        cell = np.flatnonzero(worth)
        bn, c = np.divmod(cell, worth.shape[2])
        b, n = np.divmod(bn, worth.shape[1])
        v = t.board.value.reshape(-1)[cell]
        if sigma:
            # the erratic element reorders what is worth doing; it never makes a pointless
            # action worth doing (it stays above the threshold it cleared). Drawn only for
            # the candidates worth doing, keyed by person and column.
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
                       worth=(bn, c, v))
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
    same policy lever, a motion against the same man). ``worth``: the (row, column) cells of
    ``value`` above ACT_MIN, row = game * N + leader, when the caller has them already, and
    their values (then ``value`` may be None: nothing else of it is read)."""
    B, N, C = board.value.shape
    BN = B * N
    V = None if value is None else value.reshape(BN, C)
    cost_all, group_all = board.cost.reshape(-1), board.group.reshape(-1)   # flat [BN*C]
    claim_all = board.claim.reshape(-1)
    depth = min(C, max_picks * 3 + 2)
    order = _best_first(V, BN, depth, worth)
    rr = np.arange(BN)
    game = rr // N
    ap = budget.reshape(BN).astype(np.float32)
    taken = np.zeros(BN, dtype=np.int64)
    motions = np.zeros(BN, dtype=np.int64)
    used = np.zeros((BN, menu.G), dtype=bool)
    claimed = np.zeros((B, menu.KEYS), dtype=bool)
    out = np.full((BN, max_picks), -1, dtype=np.int64)
    # the cheapest candidate anyone has: once no one can pay for it, no one takes anything
    cand = order >= 0
    cheapest = float(cost_all.take((rr[:, None] * C + order)[cand]).min()) if cand.any() else 0.0
    for r in range(depth):
        c = order[:, r]
        live = c >= 0
        if not (live & (taken < max_picks) & (ap + 1e-6 >= cheapest)).any():
            break                                   # nobody can take anything more
        c = np.maximum(c, 0)
        cell = rr * C + c
        cost, is_m = cost_all.take(cell), menu.is_motion[c]
        grp, key = group_all.take(cell).astype(np.int64), claim_all.take(cell).astype(np.int64)
        ok = live & (cost <= ap + 1e-6) & (taken < max_picks)
        ok &= ~((grp >= 0) & used[rr, np.maximum(grp, 0)])
        ok &= ~is_m | (motions < max_motions)
        ok &= ~((key >= 0) & claimed[game, np.maximum(key, 0)])
        ok &= ~_claimed_later(key, ok, N, menu.KEYS)
        if not ok.any():
            continue
        i = np.flatnonzero(ok)
        out[i, taken[i]] = c[i]
        ap[i] -= cost[i]
        g = grp[i]
        used[i[g >= 0], g[g >= 0]] = True
        k = key[i]
        claimed[game[i][k >= 0], k[k >= 0]] = True
        taken[i] += 1
        motions[i] += is_m[i]
    return out.reshape(B, N, max_picks)


def _claimed_later(key: np.ndarray, ok: np.ndarray, N: int, keys: int) -> np.ndarray:
    """[B*N] rows (row = game * N + leader) that would take something with a claim (``key``
    >= 0) this round while a later leader of the same game (a higher row) would take
    something with the same claim, and has it. Among the rows that would take a claim, all
    but the last of each game's claim: the rows sorted by (game, claim), not a [B,N,N]
    table."""
    i = np.flatnonzero(ok & (key >= 0))
    out = np.zeros(key.shape, dtype=bool)
    if len(i) < 2:
        return out
    code = i // N * keys + key[i]
    o = np.argsort(code, kind="stable")          # rows of one (game, claim) in row order
    code = code[o]
    out[i[o[:-1][code[:-1] == code[1:]]]] = True
    return out


def _best_first(V: Optional[np.ndarray], rows: int, depth: int,
                worth: Optional[tuple] = None) -> np.ndarray:
    """[rows, depth] the columns worth doing in each row, best first (-1 beyond them); ties
    go to the lower column. Only the worthwhile entries are sorted, and each row's order
    depends on that row alone (a game decides the same alone or in a batch). ``worth``: as
    for ``select``."""
    r, c = np.nonzero(V > ACT_MIN) if worth is None else worth[:2]
    order = np.full((rows, depth), -1, dtype=np.int64)
    if len(r):
        o = _by_row_then_value(r, V[r, c] if worth is None or len(worth) < 3 else worth[2], c)
        r, c = r[o], c[o]
        rank = np.arange(len(r)) - np.searchsorted(r, r)
        keep = rank < depth
        order[r[keep], rank[keep]] = c[keep]
    return order


def _by_row_then_value(r: np.ndarray, v: np.ndarray, c: np.ndarray) -> np.ndarray:
    """The order ``np.lexsort((c, -v, r))`` gives, for cells listed by row and then column:
    one stable sort of a 64-bit key (the row above the value's bits, ordered as the floats
    are) instead of three passes — several times cheaper at a large batch."""
    if len(v) < 1024 or v.dtype != np.float32 or (v == 0).any() or np.isnan(v).any():
        return np.lexsort((c, -v, r))          # a lone game's few; keys that need the floats
    bits = (-v).view(np.uint32).astype(np.uint64)
    # a float's bits sort as the float does once a negative one's are all flipped and a
    # positive one's sign bit is set
    key = np.where(bits >> 31, ~bits & 0xFFFFFFFF, bits | 0x80000000)
    return np.argsort((r.astype(np.uint64) << 32) | key, kind="stable")


def rows(t: Turn, picks: np.ndarray, prior=None) -> np.ndarray:
    """The chosen candidates as engine rows [B,S,5]: alliance moves first (checked in turn
    order against each other and the human's earlier rows), then each leader's actions in his
    own order (PRIORITY), rank by rank."""
    board, lead = t.board, t.ctx.lead
    B, N, K = picks.shape
    pc = np.maximum(picks, 0)
    none = picks < 0
    kind = np.where(none, -1, along_last(board.kind, pc).astype(np.int64))
    target = np.where(none, -1, along_last(board.target, pc).astype(np.int64))
    arg = np.where(none, -1, along_last(board.arg, pc).astype(np.int64))
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
    prio = np.where(is_bloc | (kind < 0), 99, PRIORITY[np.maximum(kind, 0)])
    order = np.argsort(prio, axis=2, kind="stable")
    kind, target, arg = (along_last(a, order) for a in (kind, target, arg))
    kind = np.where(IS_BLOC[kind], -1, kind)
    live = kind >= 0
    # the rows rank by rank, leader by leader ([B,K,N]), only the slots some game fills
    slot = live.any(axis=0).T.reshape(K * N)
    kind = np.swapaxes(kind, 1, 2).reshape(B, K * N)[:, slot]
    live = np.swapaxes(live, 1, 2).reshape(B, K * N)[:, slot]
    target = np.swapaxes(target, 1, 2).reshape(B, K * N)[:, slot]
    arg = np.swapaxes(arg, 1, 2).reshape(B, K * N)[:, slot]
    actor = np.broadcast_to(lead, (K, N)).reshape(K * N)[slot]
    out = np.full((B, len(cols) + int(slot.sum()), 5), -1, dtype=np.int64)
    for i, col in enumerate(cols):
        out[:, i] = col[:, 0]
    body = out[:, len(cols):]
    body[:, :, 0] = kind
    body[:, :, 1] = np.where(live, actor, -1)
    body[:, :, 2] = np.where(live, target, -1)
    body[:, :, 3] = np.where(live, arg, -1)
    return out[:, (out[:, :, 0] >= 0).any(axis=0)] if cols else out


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
