"""Votes, computed voter by voter, with the reasons that decided each one.

A voter's score for a motion is a sum of named terms (ideology, alliance, relations,
patronage, prestige, fear, bureaucracy, discipline, and a little personal judgement). The
historiography setting scales them: structural terms (patronage, fear, bureaucracy) by
0.5 + structural, agency terms (alliance, relations, prestige) by 1.5 - structural.

Named persons vote one by one. The anonymous rest vote as groups: a patron's clients on the
Central Committee follow him (in the measure of their loyalty); a region's congress delegates
follow their secretary's patron as far as his machine reaches, and the rest vote their views.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from . import defiance, power, rng
from .actions import POWER
from .arith import norm3
from .jit import F, kernel
from .state import BODY, IND, State, StateRows

if TYPE_CHECKING:
    from .game import Game

TERMS = ("ideology", "alliance", "conspiracy", "relations", "patronage", "prestige", "fear",
         "bureaucracy", "discipline", "defiance", "verdict", "speech", "noise", "candidate")
# what a voter weighs in the man put up for the Politburo, as he weighs a mover: the candidate's
# pull is these terms of a motion the candidate himself moved (see ``_candidate``)
PULL = ("alliance", "conspiracy", "relations", "patronage", "prestige", "fear", "discipline")
KINDS = ("resolution", "policy", "condemn", "remove_from_post", "expel_politburo", "expel_cc",
         "expel_party", "promote", "demote", "testament", "testament_suppress", "report")
KIND_CODE = {k: i for i, k in enumerate(KINDS)}
BODIES = ("politburo", "central_committee", "joint_plenum", "congress", "conference")
BODY_CODE = {b: i for i, b in enumerate(BODIES)}
PERSONAL = np.isin(np.arange(len(KINDS)), [KIND_CODE[k] for k in (
    "condemn", "remove_from_post", "expel_politburo", "expel_cc", "expel_party", "report",
    "demote")])
TWO_THIRDS_KINDS = ("expel_cc", "expel_party")     # carried by ``cc_expel_majority`` (2/3)
TWO_THIRDS = np.isin(np.arange(len(KINDS)), [KIND_CODE[k] for k in TWO_THIRDS_KINDS])
EXPEL = np.isin(np.arange(len(KINDS)), [KIND_CODE[k] for k in (
    "expel_politburo", "expel_cc", "expel_party")])
# the motions that take a man's post or seat from him: the party took none from a man whose
# views it had not condemned (``_verdict``)
TAKES = np.isin(np.arange(len(KINDS)), [KIND_CODE[k] for k in (
    "remove_from_post", "expel_politburo", "expel_cc", "expel_party", "demote")])
SITTING = np.isin(np.arange(len(BODIES)), [BODY_CODE["congress"], BODY_CODE["conference"]])


@dataclass
class Motion:
    """Motions for the games of a batch, one a game (games where ``mask`` is False skip).

    Kind and body are per game, so one vote computation serves a whole wave of different
    motions: the first motion of each game, then the second, and so on."""
    kind: np.ndarray               # [B] index into KINDS
    body: np.ndarray               # [B] index into BODIES
    sponsor: np.ndarray            # [B]
    target: np.ndarray             # [B], -1 when the motion is not against a person
    direction: np.ndarray          # [B,3]
    bureaucratic: np.ndarray       # [B]
    mask: np.ndarray               # [B] bool
    motion: np.ndarray = None      # [B] motion index (resolution/policy) or -1
    arg: np.ndarray = None         # [B] post, level, option ...
    arg2: np.ndarray = None        # [B] successor ...

    FIELDS = ("kind", "body", "sponsor", "target", "direction", "bureaucratic", "mask",
              "motion", "arg", "arg2")

    @staticmethod
    def of(kind: str, body: str, sponsor, target, direction, bureaucratic, mask,
           motion=None, arg=None, arg2=None) -> "Motion":
        """A motion of one kind before one body in every game where ``mask`` holds."""
        B = len(mask)
        minus = np.full(B, -1, dtype=np.int64)
        return Motion(np.full(B, KIND_CODE[kind]), np.full(B, BODY_CODE[body]),
                      np.asarray(sponsor, np.int64), np.asarray(target, np.int64),
                      np.asarray(direction, np.float32), np.asarray(bureaucratic, np.float32),
                      np.asarray(mask, bool),
                      minus if motion is None else np.asarray(motion, np.int64),
                      minus if arg is None else np.asarray(arg, np.int64),
                      minus if arg2 is None else np.asarray(arg2, np.int64))

    def take(self, idx: np.ndarray) -> "Motion":
        return Motion(*(getattr(self, f)[idx] for f in self.FIELDS))

    def kind_of(self, b: int) -> str:
        return KINDS[int(self.kind[b])]

    def body_of(self, b: int) -> str:
        return BODIES[int(self.body[b])]

    def is_(self, kind: str) -> np.ndarray:
        return self.kind == KIND_CODE[kind]


def stacked(motions: list[Motion]) -> Motion:
    """The motions as one Motion whose fields have a leading axis of motions ([T,B], [T,B,3]):
    the turn's tabled motions are sorted out (``turn``) and regrouped (``waves``) over it."""
    return Motion(*(np.stack([getattr(m, f) for m in motions]) for f in Motion.FIELDS))


def waves(tabled: Motion, batch: int) -> list[Motion]:
    """The tabled motions (``stacked``) regrouped so that wave w holds each game's w-th motion;
    a game's motions keep their order, so a game votes alike alone or in a batch. (A game
    without a w-th motion keeps the wave's first motion's values, masked off.)"""
    moved = tabled.mask                                                        # [T,B]
    if not len(moved):
        return []
    if moved.all():                     # every game moves every motion (a lone game always)
        return [tabled.take(t) for t in range(len(moved))]
    rank = np.cumsum(moved, axis=0) - moved                # each motion's place in its game
    n = int(moved.sum(axis=0).max(initial=0))
    games = np.arange(batch)
    out = []
    for w in range(n):
        here = moved & (rank == w)                         # at most one motion a game
        which = np.argmax(here, axis=0)                                         # [B]
        has = here.any(axis=0)
        first = int(np.flatnonzero(here.any(axis=1))[0])
        fields = {}
        for f in Motion.FIELDS:
            values = getattr(tabled, f)
            pick = values[which, games]
            keep = has if pick.ndim == 1 else has[:, None]
            fields[f] = np.where(keep, pick, values[first])
        fields["mask"] = has
        out.append(Motion(**fields))
    return out


@dataclass
class Result:
    passed: np.ndarray             # [B] bool
    votes_for: np.ndarray          # [B]
    votes_against: np.ndarray      # [B]
    abstain: np.ndarray            # [B]
    person_vote: np.ndarray        # [B,P] int8: 1 for, -1 against, 0 none
    terms: dict                    # term -> [B,P] values for the named voters
    groups: list                   # per-group dicts of [B,N] arrays (see _group)
    voters: np.ndarray             # [B,P] named voters
    faction: np.ndarray = None     # [B,P] open faction members when the vote was taken
    index: np.ndarray = None       # games the detail arrays are for (None: all of them)
    candidate: dict = None         # a promotion's man put up, his pull term by term ([B,P])

    def widen(self, idx: np.ndarray, batch: int) -> "Result":
        """Tallies for the whole batch; the detail stays with the games that voted."""
        def full(a, fill=0):
            out = np.full((batch,) + a.shape[1:], fill, dtype=a.dtype)
            out[idx] = a
            return out
        return Result(full(self.passed, False), full(self.votes_for), full(self.votes_against),
                      full(self.abstain), self.person_vote, self.terms, self.groups,
                      self.voters, full(self.faction, False), idx, self.candidate)

    def row(self, b: int) -> int:
        """Where game ``b``'s detail is in the detail arrays."""
        return b if self.index is None else int(np.searchsorted(self.index, b))


def _norm(x: np.ndarray) -> np.ndarray:
    return np.sqrt(norm3(x))


def _coercion(g: "Game", s: State) -> np.ndarray:
    """[B,P] how much others have to fear a person: the secret police and the files."""
    return g.holds_power(s, "police").astype(np.float32) * g.mod["fear"][None, :]


def _ideology_against(views: np.ndarray, s: State, m: Motion) -> np.ndarray:
    """Ideological pull of ``views`` [B,N,3] towards the motion, [B,N]: for a motion against a
    person, how much closer the views are to the mover's than to the target's; for a line,
    how far they lie along its direction."""
    personal = PERSONAL[m.kind]
    if personal.all():                  # a wave often holds one sort: work out only its pull
        return _closer(views, s, m)
    n = np.maximum(_norm(m.direction), 1e-6)
    line = np.einsum("bnk,bk->bn", views, m.direction) / n[:, None]
    if not personal.any():
        return line
    return np.where(personal[:, None], _closer(views, s, m), line)


def _closer(views: np.ndarray, s: State, m: Motion) -> np.ndarray:
    """[B,N] how much closer ``views`` lie to the mover's than to the target's (half the
    difference of the distances)."""
    bi = np.arange(s.batch)
    t = np.where(m.target >= 0, m.target, m.sponsor)
    ds = _norm(views - s.ideology[bi, m.sponsor][:, None, :])
    dt = _norm(views - s.ideology[bi, t][:, None, :])
    return (dt - ds) / 2.0


def _common(g: "Game", s: State, m: Motion, d: "Derived") -> dict:
    """Terms that do not depend on who the voter is: [B] values."""
    W, sig = g.weights, g.structural
    bi = np.arange(s.batch)
    has_t = m.target >= 0
    t = np.where(has_t, m.target, 0)
    pres = s.prestige
    prestige = np.where(has_t, pres[bi, m.sponsor] - pres[bi, t], pres[bi, m.sponsor] - 35.0)
    coer = _coercion(g, s)
    fear = coer[bi, m.sponsor] - np.where(has_t, coer[bi, t], 0.0)
    bur = m.bureaucratic * s.ind[:, IND["bureaucracy"]] / 100.0
    ban, t_fac, s_fac = _under_the_ban(g, s, m, d)
    disc = ban.astype(np.float32) * (t_fac.astype(np.float32) - s_fac.astype(np.float32))
    speech = s.speech[bi, m.sponsor] - np.where(has_t, s.speech[bi, t], 0.0)
    return dict(prestige=W.prestige * (1.5 - sig) * prestige / 50.0,
                fear=W.fear * (0.5 + sig) * fear,
                bureaucracy=W.bureaucracy * (0.5 + sig) * bur,
                discipline=W.discipline * disc,
                defiance=W.discipline * _defiance(g, s, m),
                verdict=W.discipline * _verdict(g, s, m, d),
                speech=g.params["speech_sway"] * speech)


def _defiance(g: "Game", s: State, m: Motion) -> np.ndarray:
    """[B] how the target's conduct since his defeat weighs on a motion to expel him
    (game.engine.defiance): +1 if he defies the party, -1 if he has submitted - but a
    recantation keeps a man in the Committee and the party, not in the Politburo (Trotsky and
    Zinoviev lost their seats in October 1926 after their declaration of submission, general
    history; Bukharin his in November 1929)."""
    out = np.zeros(s.batch, dtype=np.float32)
    here = EXPEL[m.kind] & (m.target >= 0)
    if not here.any():
        return out
    b = np.flatnonzero(here)
    pull = defiance.standing_with_party(g, s.rows(b))[np.arange(len(b)), m.target[b]]
    out[b] = np.where(TWO_THIRDS[m.kind[b]], pull, np.maximum(pull, 0.0))
    return out


def _verdict(g: "Game", s: State, m: Motion, d: "Derived") -> np.ndarray:
    """[B] -1 for a motion that takes a man's post or seat (``TAKES``) when the party has
    passed no verdict on him (defiance.judged): it has not condemned his views (``post_grace``
    months ago or more), he leads no open faction under the ban and he has not defied it. Each
    step against the Left and the Right came after the party had condemned their views (001:
    "13th Party Conference condemns Trotsky's views", January 1924; the War Commissariat
    followed a year later, the Politburo seat in 1926; "the Leningrad Opposition is outvoted"
    at the 14th Congress before Zinoviev was "dismissed from the Politburo"); before a verdict
    the party fought a man in words; after it, it gave him ``post_grace`` to submit
    (game.engine.defiance.beaten). Without this rule a player's Stalin carried Trotsky's
    removal from the Politburo in April 1922 in twelve games in twelve, and his expulsion from
    the party by July in half of them.

    Lenin's Postscript was a verdict on the General Secretary (001: "I propose to the comrades
    to find a way of removing Stalin from that position"): a motion to take his powers needs no
    other once the Testament is published, or when Lenin, who wrote it, moves it
    (defiance.testament_verdict; the rivals read the same: game.ai.value_motions). Lenin's word
    is no verdict on other men, nor before he wrote it: before, a computer Lenin removed the
    General Secretary he had made in April 1922 that November."""
    out = np.zeros(s.batch, dtype=np.float32)
    here = TAKES[m.kind] & (m.target >= 0)
    if not here.any():
        return out
    b = np.flatnonzero(here)
    t, sp = m.target[b], m.sponsor[b]
    rows = s.rows(b)
    at = np.arange(len(b))
    judged = defiance.judged(g, rows, d.faction[b])[at, t]
    removal = m.kind[b] == KIND_CODE["remove_from_post"]
    post = np.where(removal, m.arg[b], 0)
    judged |= removal & defiance.testament_verdict(g, rows, by=sp)[at, post]
    out[b] = np.where(judged, 0.0, -1.0)
    return out


def _noise(g: "Game", s: State, m: Motion) -> np.ndarray:
    """[B,P] each named person's own judgement of the motion (a draw keyed by the motion)."""
    return g.weights.noise * rng.normal(
        s.seed, s.turn, rng.SITES["vote_noise"], _noise_key(m)[:, None] * g.P + np.arange(g.P),
        per_game=True)


def _whole(s: State) -> tuple[State, np.ndarray]:
    """The whole batch's state and the games of it that ``s`` holds: the [B,P,P] tables, of
    which a vote reads a row and a column a game, are read in place rather than gathered
    (State.rows)."""
    if isinstance(s, StateRows):
        return s._state, s._index
    return s, np.arange(s.batch)


# the terms ``_person_terms`` works out, in the order of its two tables (float32, float64)
_TERMS32 = ("ideology", "alliance", "conspiracy", "relations", "prestige", "fear",
            "discipline", "defiance", "verdict")
_TERMS64 = ("patronage", "bureaucracy")


def _tables(g: "Game", s: State, m: Motion, common: dict, d: "Derived") -> tuple:
    """What pulls each named person for or against the motion: the terms ``_TERMS32``
    ([9,B,P] float32) and ``_TERMS64`` ([2,B,P] float64); ``common``: ``_common``'s."""
    W, sig = g.weights, g.structural
    whole, games = _whole(s)
    return _person_terms(
        games, whole.relations, whole.intel, s.ideology, s.prestige, s.loyalty, s.patron, d.bits,
        g.against_bits, d.faction, g.leaders, s.flags[:, g.fidx["faction_ban"]],
        m.sponsor, m.target, PERSONAL[m.kind], m.direction, common["prestige"],
        common["fear"], common["bureaucracy"], common["defiance"], common["verdict"],
        float(W.ideology), float(W.alliance * (1.5 - sig)), float(W.relations * (1.5 - sig)),
        float(W.patronage * (0.5 + sig)), float(W.fear * (0.5 + sig) * 0.5),
        float(W.discipline))


def _named_terms(out32: np.ndarray, out64: np.ndarray, speech: np.ndarray, noise: np.ndarray,
                 candidate: np.ndarray) -> dict:
    """term -> [B,P] in the order of ``TERMS`` (the tables of ``_tables`` and the rest)."""
    terms = dict(zip(_TERMS32, out32))
    terms.update(zip(_TERMS64, out64))
    terms.update(speech=speech, noise=noise, candidate=candidate)
    return {k: terms[k] for k in TERMS}


@kernel
def _person_terms(games, relations, intel, ideology, prestige, loyalty, patron, bits,
                  against_bits, faction, leaders, ban, sponsor, target, personal, direction,
                  c_prestige, c_fear, c_bureaucracy, c_defiance, c_verdict, w_ideology,
                  alliance, w_relations, w_patronage, w_intel, w_discipline):
    """The terms of ``_TERMS32`` ([9,B,P] float32) and ``_TERMS64`` ([2,B,P]) of each named
    person (``c_*``: the terms of ``_common``; ``w_*``: the weights as the historiography
    scales them; ``alliance``: the alliance's, which the conspiracy takes too). Row ``b`` is
    the game ``games[b]`` of the whole batch's ``relations`` and ``intel`` (read in place)."""
    B, P = prestige.shape
    out32 = np.empty((9, B, P), dtype=F)
    out64 = np.empty((2, B, P))
    for b in range(B):
        row = games[b]
        sp, tg = sponsor[b], target[b]
        has_t = tg >= 0
        t = tg if has_t else 0
        h = F(1.0) if has_t else F(0.0)
        n = F(1.0)
        if not personal[b]:                 # a line: the length of its direction
            d0, d1, d2 = direction[b, 0], direction[b, 1], direction[b, 2]
            n = max(np.sqrt(d0 * d0 + d1 * d1 + d2 * d2), F(1e-6))
        t_fac = has_t and faction[b, t]
        s_fac = faction[b, sp]
        for p in range(P):
            al_s = _allied(bits, b, p, sp)
            al_t = _allied(bits, b, p, t)
            foe = _conspirators(bits, against_bits, b, p, sp)
            # against a man: how much closer the voter's views are to the mover's than to the
            # target's; on a line: how far they lie along its direction
            if personal[b]:
                out32[0, b, p] = F(w_ideology) * _nearer(ideology, b, p, sp, tg if has_t else sp)
            else:
                # added to a zero, as NumPy's einsum adds (a -0.0 is 0.0)
                dot = F(0.0) + ideology[b, p, 0] * direction[b, 0] \
                    + ideology[b, p, 1] * direction[b, 1] + ideology[b, p, 2] * direction[b, 2]
                out32[0, b, p] = F(w_ideology) * (dot / n)
            out32[1, b, p] = F(alliance) * (_one32(al_s) - _one32(has_t and al_t))
            out32[2, b, p] = F(-alliance) * _one32(foe)
            out32[3, b, p] = F(w_relations) * (relations[row, p, sp] - h * relations[row, p, t])
            out64[0, b, p] = np.float64(F(w_patronage) * loyalty[b, p]) * _patronage(
                patron, bits, against_bits, b, p, sp, t, has_t)
            out32[4, b, p] = c_prestige[b]
            out32[5, b, p] = c_fear[b] * (F(1.0) - prestige[b, p] / F(100.0)) + \
                F(w_intel) * (intel[row, sp, p] - h * intel[row, t, p])
            out64[1, b, p] = np.float64(c_bureaucracy[b]) * (0.3 if leaders[p] else 1.0)
            out32[6, b, p] = _discipline(ban[b], t_fac, s_fac, al_s, al_t, w_discipline)
            # his own allies do not weigh his defiance or his submission
            out32[7, b, p] = c_defiance[b] * _one32(not al_t)
            out32[8, b, p] = c_verdict[b]
    return out32, out64


@kernel
def _allied(bits, b, p, who):
    """Person ``p`` shares a bloc with ``who`` in game ``b`` (or is he): power.allied_with."""
    return p == who or (bits[b, p] & bits[b, who]) != 0


@kernel
def _nearer(views, b, p, sp, t):
    """How much closer person ``p``'s views lie to the mover ``sp``'s than to the target
    ``t``'s (half the difference of the distances)."""
    ds = _distance(views, b, p, sp)
    dt = _distance(views, b, p, t)
    return (dt - ds) / F(2.0)


@kernel
def _distance(views, b, p, q):
    e0 = views[b, p, 0] - views[b, q, 0]
    e1 = views[b, p, 1] - views[b, q, 1]
    e2 = views[b, p, 2] - views[b, q, 2]
    return np.sqrt(e0 * e0 + e1 * e1 + e2 * e2)


@kernel
def _patronage(patron, bits, against_bits, b, p, sp, t, has_t):
    """What person ``p``'s patron makes of the motion, as his client follows him: +1 if the
    patron moves it, +1/2 if he is the mover's ally, -1 and -1/2 likewise for the target; -1/2
    if the patron sits in a bloc formed against the mover."""
    pat = np.int64(patron[b, p])
    client_s = pat == sp
    client_t = has_t and pat == t
    pc = max(pat, 0)
    pat_ally = _allied(bits, b, pc, sp) and pat >= 0 and not client_s
    pat_ally_t = _allied(bits, b, pc, t) and pat >= 0 and not client_t and has_t
    # a client of a man in a bloc formed against the mover follows his patron against him, as
    # a client of the mover's ally follows his patron for him
    pat_foe = _conspirators(bits, against_bits, b, pc, sp) and pat >= 0
    return (_one(client_s) + 0.5 * _one(pat_ally) - _one(client_t) - 0.5 * _one(pat_ally_t)
            - 0.5 * _one(pat_foe))


@kernel
def _one(x):
    """1.0 where ``x`` holds, else 0.0 (a bool as a float64)."""
    return 1.0 if x else 0.0


@kernel
def _one32(x):
    """``_one`` as a float32."""
    return F(1.0) if x else F(0.0)


@kernel
def _conspirators(bits, against_bits, b, p, sp):
    """Person ``p`` sits in a bloc formed against the mover ``sp`` (a bloc's ``against``):
    the members of such a bloc vote his motions down, whatever they say, as an alliance carries
    its own men's: the triumvirate was formed "for the specific purpose of conspiring against
    Trotsky" (004), and "began moves to prevent Trotsky obtaining majority support" (001). Only
    against his motions: a bloc against a man does not bind its members to every motion against
    him (Stalin held back Zinoviev's calls to expel Trotsky, general history). Before, the
    triumvirs voted for the computer Trotsky's squeeze on the kulaks in July 1923, on his
    standing, in 99 games in 100."""
    return (bits[b, p] & against_bits[sp]) != 0


@kernel
def _discipline(ban, t_fac, s_fac, al_s, al_t, weight):
    """The ban on factions, as a named voter weighs it: for a motion against a man who leads
    an open faction, against one its member moves - but not for the faction's own men (his
    allies), who do not vote to discipline their own bloc. (Before, Bukharin and Rykov voted to
    remove Stalin as General Secretary because he "leads an open faction" - the Stalin-Bukharin
    majority they sat in with him, short of a Politburo majority.)"""
    return F(weight) * (_one32(ban and t_fac and not al_t) - _one32(ban and s_fac and not al_s))


def _under_the_ban(g: "Game", s: State, m: Motion, d: "Derived") -> tuple:
    """([B] factions are banned, [B] the motion is against a man of an open faction, [B] one
    moves it): what the ban weighs, for the named voters (``_discipline``) and the rest
    (``_common``) alike."""
    bi = np.arange(s.batch)
    t_fac = (m.target >= 0) & d.faction[bi, np.maximum(m.target, 0)]
    return s.flags[:, g.fidx["faction_ban"]], t_fac, d.faction[bi, m.sponsor]


def motion_key(m: Motion) -> np.ndarray:
    """[B] what the motion is about, whoever moves it (kind, body, target, post/level, motion,
    and the person it would promote)."""
    return (((((m.kind * 8 + m.body) * 64 + m.target + 1) * 256 + m.arg + 1) * 256
             + m.motion + 1) * 64 + m.arg2 + 1)


def _noise_key(m: Motion) -> np.ndarray:
    """[B] a key for the vote's noise that depends only on the motion itself, never on what
    else is in the batch (so game i of a batch votes like the lone game i)."""
    kind = np.where(PERSONAL[m.kind], m.kind + 1, 0)
    return ((((kind * 64 + m.sponsor) * 64 + m.target + 1) * 256 + m.arg + 1) * 256
            + m.motion + 1) * 64 + np.maximum(m.arg2, -1) + 1


def _group_score(g: "Game", s: State, m: Motion, common: dict,
                 views: np.ndarray) -> np.ndarray:
    """[B,N] score of groups of anonymous voters holding ``views`` [B,N,3]; at a sitting the
    speeches count too."""
    ideo = g.weights.ideology * _ideology_against(views, s, m)
    rest = common["prestige"] + common["fear"] * 0.5 + common["bureaucracy"] + \
        common["discipline"] + common["defiance"] + common["verdict"] + \
        np.where(SITTING[m.body], common["speech"], 0.0)
    if "candidate" in common:                       # a promotion: the man put up (_candidate)
        rest = rest + common["candidate"]
    return ideo + rest[:, None]


def _split(score: np.ndarray, n: np.ndarray, sharpness: float) -> np.ndarray:
    """Votes for, out of ``n``, of a group with a mean score."""
    return n / (1.0 + np.exp(-sharpness * score))


def _stance(out32: np.ndarray, out64: np.ndarray, speech: np.ndarray, noise: np.ndarray,
            candidate: np.ndarray, m: Motion, act: np.ndarray) -> np.ndarray:
    """[B,P] how each person would vote (even off the body): +1 / -1, 0 if out of politics
    (the sum of his terms: ``_tables``, the speeches, the noise, the man put up)."""
    put_up = np.where((m.kind == KIND_CODE["promote"]) & (m.arg2 >= 0), m.arg2, -1)
    return _stances(out32, out64, speech, noise, candidate, m.sponsor, m.target, put_up, act)


@kernel
def _stances(out32, out64, speech, noise, candidate, sponsor, target, put_up, act):
    """``_stance``: the terms added in the order of ``TERMS`` (from a zero, in float32 until
    the first float64 term, as a sum of the terms' arrays adds them)."""
    B, P = act.shape
    out = np.zeros((B, P), dtype=np.int8)
    for b in range(B):
        for p in range(P):
            t32 = F(0.0) + out32[0, b, p] + out32[1, b, p] + out32[2, b, p] + out32[3, b, p]
            total = np.float64(t32) + out64[0, b, p] + np.float64(out32[4, b, p]) \
                + np.float64(out32[5, b, p]) + out64[1, b, p] + np.float64(out32[6, b, p]) \
                + np.float64(out32[7, b, p]) + np.float64(out32[8, b, p]) + speech[b, p] \
                + noise[b, p] + candidate[b, p]
            out[b, p] = 1 if total > 0 else -1
        out[b, sponsor[b]] = 1
        if target[b] >= 0:
            out[b, target[b]] = -1
        if put_up[b] >= 0:                                  # the man put up is for it
            out[b, put_up[b]] = 1
        for p in range(P):
            if not act[b, p]:
                out[b, p] = 0
    return out


@dataclass
class Derived:
    """Measures of the state every term of one vote reads; computed once per vote."""
    act: np.ndarray
    bits: np.ndarray
    majority: np.ndarray
    faction: np.ndarray

    FIELDS = ("act", "bits", "majority", "faction")

    def take(self, idx: np.ndarray) -> "Derived":
        return Derived(*(getattr(self, f)[idx] for f in self.FIELDS))


# The measures of the last state ``derive`` was asked about, with what they were read from: a
# month asks again and again (each vote, the report, the faction costs) about a state whose
# blocs, Politburo and patrons have changed since in few of a large batch's games, so only
# those games' measures are worked out again (each game's are its own).
_LAST: dict = {}


def derive(g: "Game", s: State) -> Derived:
    """The measures of ``s`` (read-only: they may serve a later, unchanged state too)."""
    seen = _inputs(g, s)
    last = _LAST.get(g)
    if last is None or any(a.shape != b.shape for a, b in zip(seen, last[0])):
        d = _measure(g, s, seen[0])
    else:
        changed = np.flatnonzero(_rows_differ(seen, last[0]))
        if not len(changed):
            return last[1]
        d = _patched(last[1], seen[0], changed, _measure(g, s.rows(changed), seen[0][changed]))
    for a in (d.act, d.bits, d.majority, d.faction):
        a.flags.writeable = False
    _LAST.clear()
    _LAST[g] = (tuple(a.copy() for a in seen), d)
    return d


def _inputs(g: "Game", s: State) -> tuple[np.ndarray, ...]:
    """What ``derive``'s measures are read from: who can act (first), the blocs, the
    Politburo and the Central Committee (its named members and its seats by patron), the
    patrons, the blocs found out."""
    return (g.active(s), s.bloc, s.member[:, :, BODY["politburo"]],
            s.member[:, :, BODY["central_committee"]], s.cc_seats, s.patron, s.exposed)


def _rows_differ(now: tuple, before: tuple) -> np.ndarray:
    """[B] the games in which any of the inputs differs."""
    B = now[0].shape[0]
    out = np.zeros(B, dtype=bool)
    for a, b in zip(now, before):
        differ = a != b
        if differ.any():            # most inputs are as they were: spare them the row by row
            out |= differ.reshape(B, -1).any(axis=1)
    return out


def _measure(g: "Game", s: State, act: np.ndarray) -> Derived:
    bits = power.bloc_bits(s)
    fol = power.followers(s, bits)
    majority = power.majority_blocs(s, power.politburo_share(s, act, bits, fol),
                                    power.cc_share(s, act, bits, fol))
    return Derived(act, bits, majority, power.open_faction(s, g.bloc_secret, majority))


def _patched(old: Derived, act: np.ndarray, rows: np.ndarray, new: Derived) -> Derived:
    """``old`` with the games ``rows`` replaced by ``new`` (a copy: a vote's Result keeps the
    faction it was taken under)."""
    out = Derived(act, *(getattr(old, f).copy() for f in Derived.FIELDS[1:]))
    for f in Derived.FIELDS[1:]:
        getattr(out, f)[rows] = getattr(new, f)
    return out


def compute(g: "Game", s: State, m: Motion) -> Result:
    """Every vote on the motion, in the games of the batch where it is moved."""
    d = derive(g, s)
    idx = np.flatnonzero(m.mask)
    if len(idx) == s.batch:
        return _compute(g, s, m, d)
    res = _compute(g, s.rows(idx), m.take(idx), d.take(idx))
    return res.widen(idx, s.batch)


def _compute(g: "Game", s: State, m: Motion, d: Derived) -> Result:
    common = _common(g, s, m, d)
    out32, out64 = _tables(g, s, m, common, d)
    noise = _noise(g, s, m)
    speech = np.where(SITTING[m.body], common["speech"], 0.0)[:, None] * np.ones_like(noise)
    parts, candidate = _candidate(g, s, m, d, common, out32, out64)
    terms = _named_terms(out32, out64, speech, noise, candidate)
    stance = _stance(out32, out64, speech, noise, candidate, m, d.act)
    voters = _named_voters(s, m, d.act)
    person_vote = np.where(voters, stance, 0).astype(np.int8)
    vf = (person_vote == 1).sum(axis=1).astype(np.float64)
    va = (person_vote == -1).sum(axis=1).astype(np.float64)
    groups = _groups(g, s, m, common, stance)
    for grp in groups:
        vf += grp["for"].sum(axis=1)
        va += grp["against"].sum(axis=1)
    need = np.where(TWO_THIRDS[m.kind], g.params["cc_expel_majority"], 0.5)
    cast = np.maximum(vf + va, 1)
    passed = (vf / cast > need) & m.mask
    return Result(passed, vf, va, np.zeros_like(vf), person_vote, terms, groups, voters,
                  faction=d.faction, candidate=parts)


def _candidate(g: "Game", s: State, m: Motion, d: Derived, common: dict, out32: np.ndarray,
               out64: np.ndarray) -> tuple:
    """A promotion is weighed on the man put up as well as on the man who puts him up: in
    the games where the motion promotes someone, the mover's terms count for
    1 - ``promotion_candidate_share`` of their weight and the ``candidate`` term adds that
    share of the candidate's own pull (his standing, the voter's alliance with him, patronage
    and regard, the fear he inspires, a banned faction he leads: the terms of a motion he had
    moved himself) plus ``promotion_bench_weight`` if he is a candidate member of the
    Politburo (the bench the Committee drew on). A man put up by himself (the plenum's own
    choice, sittings.own_choice) is weighed on his own pull in full, and on nothing else.
    Changes ``common`` and the mover's tables (``_tables``) in place; returns the
    candidate's pull term by term ([B,P], for the vote's explanation; None where no game
    promotes anyone) and the ``candidate`` term [B,P]."""
    promo = m.mask & (m.kind == KIND_CODE["promote"]) & (m.arg2 >= 0)
    if not promo.any():
        return None, np.zeros(out64.shape[1:])
    share = np.where(m.sponsor == m.arg2, 1.0, g.params["promotion_candidate_share"])
    w = np.where(promo, share, 0.0).astype(np.float32)
    c = np.maximum(m.arg2, 0)
    by = Motion.of("promote", "central_committee", c, np.full(s.batch, -1),
                   m.direction, m.bureaucratic, m.mask)
    common_c = _common(g, s, by, d)
    bench = g.params["promotion_bench_weight"] * \
        s.member[np.arange(s.batch), c, BODY["politburo_candidate"]]
    parts32, parts64, candidate = _share_with_candidate(w, bench, out32, out64,
                                                        *_tables(g, s, by, common_c, d))
    parts = dict(zip(_TERMS32[1:7], parts32))
    parts["patronage"] = parts64[0]
    parts = {k: parts[k] for k in PULL}
    parts["bench"] = parts64[1]
    for k in ("prestige", "fear", "discipline"):    # the anonymous members weigh both too
        common[k] = common[k] * (1.0 - w)
    common["candidate"] = w * (common_c["prestige"] + 0.5 * common_c["fear"]
                               + common_c["discipline"] + bench)
    return parts, candidate


@kernel
def _share_with_candidate(w, bench, out32, out64, pull32, pull64):
    """The candidate's share ``w`` [B] of the terms of ``PULL`` (the mover's tables
    ``out32``, ``out64`` keep the rest, in place), from his own pull (``pull32``, ``pull64``:
    the tables of a motion he had moved) and ``bench`` [B]: ([6,B,P] float32 the shares of
    ``_TERMS32[1:7]``, [2,B,P] those of patronage and the bench, [B,P] their sum, the
    ``candidate`` term, added in the order of ``PULL`` and the bench)."""
    B, P = w.shape[0], out32.shape[2]
    parts32 = np.empty((6, B, P), dtype=F)
    parts64 = np.empty((2, B, P))
    candidate = np.empty((B, P))
    for b in range(B):
        keep = F(1.0) - w[b]
        for p in range(P):
            for k in range(6):                  # the mover keeps his share of his own terms
                parts32[k, b, p] = w[b] * pull32[k + 1, b, p]
                out32[k + 1, b, p] = out32[k + 1, b, p] * keep
            parts64[0, b, p] = np.float64(w[b]) * pull64[0, b, p]
            parts64[1, b, p] = np.float64(w[b]) * bench[b]
            out64[0, b, p] = out64[0, b, p] * np.float64(keep)
            # alliance, conspiracy, relations (float32), patronage, prestige, fear, discipline
            head = F(0.0) + parts32[0, b, p] + parts32[1, b, p] + parts32[2, b, p]
            candidate[b, p] = np.float64(head) + parts64[0, b, p] + np.float64(parts32[3, b, p]) \
                + np.float64(parts32[4, b, p]) + np.float64(parts32[5, b, p]) + parts64[1, b, p]
    return parts32, parts64, candidate


def body_voters(member: np.ndarray, body: str) -> np.ndarray:
    """[B,P] who votes by name in ``body`` (``member`` as State.member): the Politburo, the
    Central Committee, the Committee with the Control Commission at a joint plenum; nobody at
    a sitting, where the delegations vote instead."""
    if body == "politburo":
        return member[:, :, BODY["politburo"]]
    if body == "central_committee":
        return member[:, :, BODY["central_committee"]]
    if body == "joint_plenum":
        return member[:, :, BODY["central_committee"]] | member[:, :, BODY["control_commission"]]
    return np.zeros(member.shape[:2], dtype=bool)


def _named_voters(s: State, m: Motion, act: np.ndarray) -> np.ndarray:
    """[B,P] who votes by name on each game's motion (``body_voters`` of its body)."""
    named = np.zeros(s.member.shape[:2], dtype=bool)
    for body in ("politburo", "central_committee", "joint_plenum"):
        here = m.body == BODY_CODE[body]
        if here.any():
            named = np.where(here[:, None], body_voters(s.member, body), named)
    return named & act


def _groups(g: "Game", s: State, m: Motion, common: dict, stance: np.ndarray) -> list[dict]:
    """Anonymous voters, each kind as one group of columns: [B, N] arrays; a group's size is
    zero in the games whose body it does not sit in."""
    sharp = g.params["vote_sharpness"]
    plenum = (m.body == BODY_CODE["central_committee"]) | (m.body == BODY_CODE["joint_plenum"])
    sitting = SITTING[m.body]
    groups = []
    if sitting.any():
        groups.append(_delegations(g, s, m, common, stance, sharp, sitting))
    if not plenum.any():
        return groups
    mean_lean = power.party_lean(s)
    free_score = _group_score(g, s, m, common, mean_lean[:, None, :])              # [B,1]
    follow = g.params["client_loyalty"] * min(1.0, 0.5 + g.structural)
    seats = s.cc_seats[:, :-1].astype(np.float64) * plenum[:, None]
    loyal = seats * follow * (stance != 0)
    f = np.where(stance > 0, loyal, 0.0) + _split(free_score, seats - loyal, sharp)
    leaders = np.broadcast_to(np.arange(g.P), seats.shape)
    rest = s.cc_seats[:, -1:] * plenum[:, None]
    groups += [_group("clients", seats, f, leaders, free_score),
               _group("unattached", rest, _split(free_score, rest, sharp),
                      np.full((s.batch, 1), -1), free_score)]
    joint = m.body == BODY_CODE["joint_plenum"]
    if joint.any():
        groups.append(_control_commission(g, s, stance, free_score, sharp, follow, joint))
    return groups


def _control_commission(g, s, stance, free_score, sharp, follow, joint) -> dict:
    """The Control Commission's anonymous members follow its chairman's patron, or him."""
    n = (s.cc_seats.sum(axis=1) * 0.6 * joint)[:, None]
    chair = np.full(s.batch, -1)
    for k in np.flatnonzero(g.post_powers[:, POWER["control"]]):
        chair = np.where(s.holder[:, k] >= 0, s.holder[:, k], chair)
    bi = np.arange(s.batch)
    pat = np.where(chair >= 0, s.patron[bi, np.clip(chair, 0, None)], -1)
    lead = np.where(pat >= 0, pat, chair)
    pv = np.where(lead >= 0, stance[bi, np.clip(lead, 0, None)], 0)[:, None]
    loyal = n * follow * (pv != 0)
    f = np.where(pv > 0, loyal, 0.0) + _split(free_score, n - loyal, sharp)
    return _group("control_commission", n, f, lead[:, None], free_score)


def _delegations(g, s, m, common, stance, sharp, sitting) -> dict:
    d = power.delegates(s, g.params) * sitting[:, None]                # [B,R]
    machine = power.machine_share(s, g.params, g.structural)           # [B,R]
    score = _group_score(g, s, m, common, s.lean)                      # [B,R]
    pat = s.sec_patron.astype(np.int64)
    pv = np.where(pat >= 0, np.take_along_axis(stance, np.clip(pat, 0, None), axis=1), 0)
    loyal = np.round(d * machine) * (pv != 0)
    f = np.where(pv > 0, loyal, 0.0) + np.round(_split(score, d - loyal, sharp))
    return _group("regions", d, f, pat, score, loyal=loyal)


def _group(name: str, n, votes_for, leader, free_score, loyal=None) -> dict:
    n = np.round(np.asarray(n, dtype=np.float64))
    vf = np.minimum(np.round(np.asarray(votes_for, dtype=np.float64)), n)
    return {"name": name, "size": n, "for": vf, "against": n - vf, "leader": leader,
            "score": np.broadcast_to(free_score, n.shape), "loyal": loyal}


def explain(g: "Game", m: Motion, res: Result, b: int, top: int = 3) -> list[dict]:
    """The named voters of game ``b`` with their vote, the terms that carried it (strongest
    first) and the strongest term that pulled the other way ("despite")."""
    out = []
    sp, t = int(m.sponsor[b]), int(m.target[b])
    put_up = int(m.arg2[b]) if m.kind_of(b) == "promote" else -1
    i = res.row(b)
    for p in np.flatnonzero(res.voters[i]):
        vote = int(res.person_vote[i, p])
        row = {"id": g.person_ids[p], "vote": "for" if vote > 0 else "against"}
        if p == put_up:          # (the Committee's own choice stands as his own mover)
            row["reasons"] = [{"term": "candidate", "value": 0.0,
                               "text": "{he} is the {man} put up".format(**words(g, p))}]
        elif p == sp:
            row["reasons"] = [{"term": "sponsor", "value": 0.0, "text": "moved the motion"}]
        elif p == t:
            row["reasons"] = [{"term": "target", "value": 0.0,
                               "text": f"the motion is against {words(g, p)['him']}"}]
        else:
            row.update(_reasons(g, res, i, p, vote, sp, t, top, put_up))
        out.append(row)
    return out


def _reasons(g: "Game", res: Result, i: int, p: int, vote: int, sp: int, t: int,
             top: int, put_up: int = -1) -> dict:
    vals = {k: float(res.terms[k][i, p]) for k in TERMS}
    decided_by_chance = (sum(vals.values()) - vals["noise"]) * vote <= 0
    carry = sorted((k for k in TERMS if vals[k] * vote > 0.02
                    and (k != "noise" or decided_by_chance)), key=lambda k: -abs(vals[k]))
    against = sorted((k for k in TERMS if vals[k] * vote < -0.05 and k != "noise"),
                     key=lambda k: -abs(vals[k]))

    def item(k: str) -> dict:
        text = candidate_text(g, res, i, p, vals[k], put_up) if k == "candidate" else \
            reason_text(g, k, vals[k], sp, t, p)
        return {"term": k, "value": round(vals[k], 3), "text": text}
    out = {"reasons": [item(k) for k in carry[:top]] or
           [{"term": "noise", "value": round(vals["noise"], 3),
             "text": f"{words(g, p)['his']} own judgement"}]}
    if against:
        out["despite"] = [item(against[0])]
    return out


GROUP_ID = {"clients": lambda g, c: f"clients:{g.person_ids[c]}",
            "regions": lambda g, c: f"region:{g.region_ids[c]}",
            "unattached": lambda g, c: "unattached",
            "control_commission": lambda g, c: "control_commission"}


def explain_groups(g: "Game", res: Result, b: int, sp: int, t: int) -> list[dict]:
    """The anonymous voters of game ``b``, group by group, with what moved them."""
    out = []
    i = res.row(b)
    for grp in res.groups:
        for c in range(grp["size"].shape[1]):
            size = int(grp["size"][i, c])
            if size <= 0:
                continue
            lead = int(grp["leader"][i, c])
            loyal = int(grp["loyal"][i, c]) if grp["loyal"] is not None else None
            score = float(grp["score"][i, c])
            name = GROUP_ID[grp["name"]](g, c)
            out.append({"group": name, "size": size, "for": int(grp["for"][i, c]),
                        "against": int(grp["against"][i, c]),
                        "text": group_text(g, name, lead, loyal, score)})
    return out


def group_text(g: "Game", name: str, lead: int, loyal, score: float) -> str:
    """What moved a group of anonymous voters, in words; ``score``: the mean pull on those of
    them who follow no patron (their views, standing, fear, the ban), which says which way
    they lean - not how the vote went."""
    kind, _, ident = name.partition(":")
    who = g.names[g.person_ids[lead]] if lead >= 0 else None
    lean = f"which lean {'for' if score > 0 else 'against'} the motion"
    if kind == "region":
        region = g.scenario.regions[g.ridx[ident]].name
        if who and loyal:
            return (f"{region}: {loyal} delegates picked by the secretary {who} installed vote "
                    f"with {words(g, lead)['him']}; the other delegates vote their views, "
                    f"{lean}.")
        return f"{region}: delegates elected freely vote their views, {lean}."
    if kind == "clients":
        return (f"Central Committee members who owe their seats to {who} follow "
                f"{words(g, lead)['him']} as far as their loyalty goes; beyond it they vote "
                f"their views, {lean}.")
    if kind == "control_commission":
        return (f"Control Commission members follow {who or 'their chairman'} in the main; "
                f"the others vote their views.")
    return f"Members bound to no patron vote their views, {lean}."


# what the man put up is to the voter, by the terms of his pull (``_candidate``), in the words
# for it when it draws the voter and when it turns the voter away (standing and the bench are
# said first, as one phrase); {his}/{he} are the voter's, {man} the candidate's
_CANDIDATE_WORDS = {"alliance": ("{his} ally", None),
                    "patronage": ("{a_man} of {his} patron's camp", None),
                    "relations": ("{a_man} {he} esteems", "{a_man} {he} dislikes"),
                    "fear": ("{a_man} to fear", None),
                    "discipline": (None, "a member of a banned faction")}


def candidate_text(g: "Game", res: Result, i: int, p: int, v: float, c: int) -> str:
    """Why the man put up for the Politburo drew voter ``p`` (of the detail row ``i``) for
    or against a promotion, in words: "Bukharin is a Politburo candidate of standing and his
    ally"."""
    name = g.names[g.person_ids[c]]
    sign = 1.0 if v > 0 else -1.0
    parts = res.candidate or {}
    voter = words(g, p)
    a_man = "a " + words(g, c)["man"]

    def weighs(k: str) -> bool:
        return k in parts and float(parts[k][i, p]) * sign > 0.01
    bench, standing = weighs("bench"), weighs("prestige")
    if sign > 0:
        head = "a Politburo candidate" + (" of standing" if standing else "") if bench else \
            f"{a_man} of standing" if standing else None
    else:
        head = f"{a_man} without standing" if standing else None
    said = [head] if head else []
    said += [texts[sign < 0].format(a_man=a_man, **voter)
             for k, texts in _CANDIDATE_WORDS.items() if texts[sign < 0] and weighs(k)]
    if not said:
        return f"{name}, the {words(g, c)['man']} put up"
    return f"{name} is " + (said[0] if len(said) == 1 else
                            ", ".join(said[:-1]) + " and " + said[-1])


_WORDS = {"he": {"he": "he", "his": "his", "him": "him", "himself": "himself", "man": "man"},
          "she": {"he": "she", "his": "her", "him": "her", "himself": "herself", "man": "woman"}}


def words(g: "Game", p: int) -> dict:
    """The pronouns the texts use for person ``p`` (the scenario's ``pronoun``), keyed by the
    masculine form: ``words(g, krupskaya)["his"]`` is "her"."""
    return _WORDS[g.pronouns[p]] if p >= 0 else _WORDS["he"]


def reason_text(g: "Game", term: str, v: float, sp: int, t: int, voter: int = -1) -> str:
    """What one term of a named voter's vote says (``voter`` gives the pronouns)."""
    s_name = g.names[g.person_ids[sp]]
    his = words(g, voter)["his"]
    t_name = g.names[g.person_ids[t]] if t >= 0 else None
    pos = v > 0
    if term == "ideology":
        if t_name:
            return (f"{his} views are closer to {s_name}'s than to {t_name}'s" if pos else
                    f"{his} views are closer to {t_name}'s than to {s_name}'s")
        return "agrees with the line of the motion" if pos else \
            "disagrees with the line of the motion"
    if term == "alliance":
        return f"is {s_name}'s ally" if pos else (f"is {t_name}'s ally" if t_name else
                                                   f"is not {s_name}'s ally")
    if term == "conspiracy":
        return f"is in an alliance formed against {s_name}"
    if term == "relations":
        return f"personal regard for {s_name}" if pos else (
            f"personal regard for {t_name}" if t_name else f"dislikes {s_name}")
    if term == "patronage":
        if pos:
            return f"owes {his} career to {s_name} or {words(g, sp)['his']} allies"
        return (f"owes {his} career to {t_name} or {words(g, t)['his']} allies" if t_name else
                f"owes {his} career to a man in an alliance formed against {s_name}")
    if term == "prestige":
        return f"{s_name}'s standing in the party" if pos else (
            f"{t_name}'s standing in the party" if t_name else f"{s_name} lacks standing")
    if term == "fear":
        return f"fears what {s_name}'s apparatus and the secret police know" if pos else \
            f"fears {t_name or 'the consequences'}"
    if term == "bureaucracy":
        return "the apparatus gains from it" if pos else "it threatens the apparatus"
    if term == "discipline":
        return (f"{t_name} leads an open faction, banned since 1921" if pos and t_name else
                "party unity under the ban on factions" if pos else
                f"{s_name} moves as a member of a banned faction")
    if term == "defiance":
        return (f"{t_name} defies the party's verdict in the open" if pos else
                f"{t_name} has recanted and submitted to the party")
    if term == "verdict":
        return f"the party has not condemned {t_name}'s views, or has only just done so"
    if term == "speech":
        return f"moved by {s_name}'s speech" if pos else f"moved by {t_name}'s speech"
    return f"{his} own judgement"
