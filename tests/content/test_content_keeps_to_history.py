"""Rules the shipped content keeps, so that a game does not say what cannot be: a resolution
is not adopted again once it stands, a man's death, a bloc's birth and an event at a sitting
keep to their months, a bloc that broke is not formed again, an event is not put to a man who
is dead or out of the party and a decision that was an office's goes to its holder, no event
seats a dead or expelled man, and a man too ill to attend a congress does not speak at it.
Each test is a rule of the game, checked on the content."""
from __future__ import annotations

import re

import numpy as np
import pytest

from game.content.grammar import month_index, turn_of
from game.content.loader import list_scenarios, load_scenario
from game.engine import mutate
from game.engine.env import Env
from game.engine.events import fire_events, firing
from game.engine.game import Game
from game.engine.log import Log
from game.engine.state import BODY, IND

SHIPPED = [entry.id for entry in list_scenarios()]


@pytest.fixture(scope="module")
def campaign() -> Game:
    return Game(load_scenario("campaign"))


@pytest.fixture(scope="module", params=SHIPPED)
def shipped(request) -> Game:
    return Game(load_scenario(request.param))


def _at(g: Game, date: str, seeds=(1,)):
    s = g.new_state(list(seeds))
    s.turn = next(t for t in range(g.n_turns) if g.date(t) == date)
    return s


def _option(g: Game, policy: str, option: str) -> tuple[int, int]:
    q = g.qidx[policy]
    return q, [o.id for o in g.scenario.policies[q].options].index(option)


def _fires(g: Game, s, event: str) -> bool:
    return bool(firing(g, s, None)[0, g.eidx[event]])


def _expel(g: Game, s, person: str) -> None:
    mutate.expel(g, s, np.ones(s.batch, dtype=bool), g.pidx[person], "party")


# --- 1. a resolution is adopted once ------------------------------------------------------------

def _every_line_open(g: Game):
    """The last month of the scenario, in the crises every line of the 1920s answered: the
    scissors and the kulaks wide, the grain taken by force and the marketings fallen, the ban
    on factions standing. Every resolution's 'when' that can hold in the scenario's calendar
    holds here, until its own adoption closes it."""
    s = g.new_state([1])
    s.turn = g.n_turns - 1
    s.ind[:, IND["industrial_prices"]] = 200.0
    s.ind[:, IND["agricultural_prices"]] = 80.0
    s.ind[:, IND["kulaks"]] = 30.0
    s.ind[:, IND["grain_marketed"]] = 40.0
    q, force = _option(g, "procurement", "force")
    s.policy[:, q] = force
    s.flags[:, g.fidx["faction_ban"]] = True
    return s


def _when(g: Game, s, m: int) -> bool:
    when = g.motion_when[m]
    return True if when is None else bool(np.asarray(when.fn(Env(g, s)))[0])


def test_a_resolution_once_adopted_cannot_be_adopted_again(shipped):
    """'Lift the ban on factions' once the ban is lifted, 'Socialism in one country' once it
    is the line: a resolution whose condition still held after its adoption could be adopted
    month after month, its effects repeated each time (seven liftings of a lifted ban; three
    points of prestige for Stalin five times over)."""
    g = shipped
    for m, motion in enumerate(g.scenario.motions):
        if motion.kind != "resolution":
            continue              # a policy already in force is refused by the engine itself
        s = _every_line_open(g)
        if not _when(g, s, m):
            continue              # not in this scenario's calendar
        mask = np.ones(s.batch, dtype=bool)
        env = Env(g, s)
        for eff in g.motion_effects[m]:
            eff.fn(env, mask)
        assert not _when(g, s, m), (
            f"{g.scenario.id}: '{motion.name}' ({motion.id}) may be tabled again once adopted")


def test_every_resolution_of_the_campaign_is_open_in_its_crisis(campaign):
    """The rule above is checked on every resolution of the campaign, none left out."""
    s = _every_line_open(campaign)
    for m, motion in enumerate(campaign.scenario.motions):
        if motion.kind == "resolution":
            assert _when(campaign, s, m), motion.id


def test_the_ban_on_factions_cannot_be_lifted_while_it_is_already_lifted(campaign):
    s = _at(campaign, "1924-01")
    lift = campaign.action("trotsky", "propose", arg="lift_faction_ban")
    assert campaign.why_illegal(s, 0, lift) is None
    s.flags[:, campaign.fidx["faction_ban"]] = False
    assert campaign.why_illegal(s, 0, lift).endswith("while the ban on factions stands.")


def test_socialism_in_one_country_once_the_line_is_not_voted_again(campaign):
    s = _at(campaign, "1925-04")
    sioc = campaign.action("stalin", "propose", arg="socialism_in_one_country")
    assert campaign.why_illegal(s, 0, sioc) is None
    s.flags[:, campaign.fidx["sioc_doctrine"]] = True
    assert "until socialism in one country is the party's line" in campaign.why_illegal(s, 0, sioc)


def test_the_kulaks_may_be_squeezed_again_only_after_the_nep_is_extended(campaign):
    """A squeeze voted stands; the concessions to the well-to-do peasant (extend_nep) undo
    it, and the Left may then demand it again (as in 1926-27)."""
    g = campaign
    m = g.motion_ids.index("squeeze_the_kulaks")
    s = _at(g, "1926-06")
    s.ind[:, IND["kulaks"]] = 30.0
    assert _when(g, s, m)
    s.flags[:, g.fidx["kulaks_squeezed"]] = True
    assert not _when(g, s, m)
    env, mask = Env(g, s), np.ones(s.batch, dtype=bool)
    for eff in g.motion_effects[g.motion_ids.index("extend_nep")]:
        eff.fn(env, mask)
    assert _when(g, s, m)


# --- 2. Frunze dies in October 1925 -------------------------------------------------------------

def test_frunze_dies_on_the_operating_table_in_october_1925_not_whenever_he_is_war_commissar(
        campaign):
    g = campaign
    s = _at(g, "1927-09")
    s.holder[:, g.kidx["war_commissar"]] = g.pidx["frunze"]
    assert not _fires(g, s, "frunze_dies") and not _fires(g, s, "frunze_dies_out_of_office")
    s = _at(g, "1925-10")
    s.holder[:, g.kidx["war_commissar"]] = g.pidx["frunze"]
    assert _fires(g, s, "frunze_dies") and not _fires(g, s, "frunze_dies_out_of_office")


def test_frunze_dies_in_october_1925_even_out_of_the_war_commissariat(campaign):
    """His death was a surgeon's, not his post's (general history); only the succession by
    Voroshilov needs the post."""
    g = campaign
    s = _at(g, "1925-10")
    assert g.scenario.persons[g.pidx["trotsky"]].id == "trotsky"
    s.holder[:, g.kidx["war_commissar"]] = g.pidx["trotsky"]
    assert not _fires(g, s, "frunze_dies") and _fires(g, s, "frunze_dies_out_of_office")
    effects = g.scenario.events[g.eidx["frunze_dies_out_of_office"]].effects
    assert not any("war_commissar" in e for e in effects)


# --- 2b. an event at a sitting keeps to the sitting's month -----------------------------------

def _written(g: Game, s) -> None:                 # Krupskaya has handed over the sealed letter
    s.flags[:, g.fidx["testament_written"]] = True


def _united(g: Game, s) -> None:                  # Trotsky is in the United Opposition
    s.bloc[:, g.lidx["united_opposition"], g.pidx["trotsky"]] = True


def _united_formed(g: Game, s) -> None:           # ... and it has come together
    s.fired[:, g.eidx["united_opposition_formed"]] = True


# an event whose text has a sitting meet: the sitting, and what else its trigger asks
AT_A_SITTING = {
    "rabkrin_reorganised": ("twelfth_congress", lambda g, s: None),
    "testament_read_to_cc": ("thirteenth_congress", _written),
    "opposition_silenced": ("fifteenth_conference", _united),
    "fifteenth_congress_capitulation": ("fifteenth_congress", _united_formed),
}


def test_an_event_at_a_sitting_fires_at_that_sitting_not_after_it(shipped):
    """'At the 15th Conference, will they be heard?' is asked at the 15th Conference (October
    1926), not in 1928 (before, the Opposition was silenced as late as May 1928 in one computer
    campaign in two hundred, and Zinoviev and Kamenev capitulated to the 15th Congress months
    after it had closed). Its turn, in a monthly or a quarterly scenario; never the turn after.
    Each scenario is read for the events it has whose sitting falls in its calendar."""
    g = shipped
    for event, (sitting, ready) in sorted(AT_A_SITTING.items()):
        if event not in g.eidx or sitting not in g.sidx:
            continue
        held = turn_of(month_index(g.scenario.sittings[g.sidx[sitting]].date), g.start,
                       g.turn_months)
        for turn, fires in ((held, True), (held + 1, False)):
            if not 0 <= turn < g.n_turns:
                continue
            s = g.new_state([1])
            s.turn = turn
            ready(g, s)
            assert _fires(g, s, event) == fires, (g.scenario.id, event, g.date(turn))


def test_an_event_that_may_come_in_any_month_names_no_months_plenum(campaign):
    """The United Opposition's declaration and the clash over the grain taken by force come
    whenever their causes do (the bloc, the force): their texts say 'the Central Committee',
    not 'the July plenum'. The clash comes in 1929 where the force does."""
    g = campaign
    for event in ("united_opposition_formed", "july_plenum_1928"):
        assert "July" not in g.scenario.events[g.eidx[event]].text, event
    s = _at(g, "1929-02")
    q, force = _option(g, "procurement", "force")
    s.policy[:, q] = force
    s.member[:, g.pidx["bukharin"], BODY["politburo"]] = True
    assert _fires(g, s, "july_plenum_1928")


# --- 3. blocs keep to their months --------------------------------------------------------------

def _refusal(g: Game, s, actor: str, bloc: str) -> str | None:
    return g.why_illegal(s, 0, g.action(actor, "form_bloc", bloc))


def test_lenins_bloc_with_trotsky_is_formed_only_while_lenin_can_work_from_december_1922(
        campaign):
    g = campaign
    lenin = g.pidx["lenin"]
    s = _at(g, "1922-05")
    assert "cannot be formed yet" in _refusal(g, s, "trotsky", "democracy_bloc")
    s = _at(g, "1922-12")
    assert _refusal(g, s, "trotsky", "democracy_bloc") is None
    s = _at(g, "1925-12")
    s.alive[:, lenin], s.health[:, lenin] = False, 0.0
    assert "cannot be formed yet" in _refusal(g, s, "trotsky", "democracy_bloc")


def test_the_left_opposition_is_not_founded_before_the_autumn_of_1923(campaign):
    g = campaign
    assert "October 1923" in _refusal(g, _at(g, "1922-07"), "trotsky", "left_opposition")
    assert _refusal(g, _at(g, "1923-10"), "trotsky", "left_opposition") is None


def test_lenin_does_not_propose_a_bloc_that_already_exists(campaign):
    g = campaign
    s = _at(g, "1922-12")
    assert _fires(g, s, "lenin_trotsky_bloc")
    s.bloc[:, g.lidx["democracy_bloc"], [g.pidx["lenin"], g.pidx["trotsky"]]] = True
    assert not _fires(g, s, "lenin_trotsky_bloc")


def test_the_triumvirate_is_not_formed_again_once_zinoviev_has_broken_with_stalin(campaign):
    """It never re-formed (001: "With Trotsky defeated, Stalin then turned on Zinoviev and
    Kamenev"): once Zinoviev's Leningrad Opposition is born, the bloc cannot be formed anew,
    by a player or a computer rival (the same refusal)."""
    g = campaign
    s = _at(g, "1925-07")
    lenin = g.pidx["lenin"]
    s.alive[:, lenin], s.health[:, lenin] = False, 0.0
    assert _refusal(g, s, "stalin", "triumvirate") is None
    s.bloc[:, g.lidx["leningrad_opposition"], g.pidx["zinoviev"]] = True
    s.fired[:] = True
    s.fired[:, g.eidx["leningrad_opposition_emerges"]] = False
    fire_events(g, s, {}, None, None, {})
    for actor in ("stalin", "zinoviev", "kamenev"):
        assert "never again once Zinoviev has broken with Stalin" in _refusal(
            g, s, actor, "triumvirate")


def test_the_testament_read_to_the_congress_ends_the_triumvirate_for_good():
    """In the what-if where Zinoviev and Kamenev act on the Testament, the triumvirate is over
    (its choice's outcome) and is not formed anew either."""
    g = Game(load_scenario("whatif_testament_read"))
    s = _at(g, "1924-05")
    e = g.eidx["testament_read_to_cc"]
    c = [x.id for x in g.scenario.events[e].choices].index("demand_removal")
    s.bloc[:, g.lidx["triumvirate"]] = False              # were its men to leave it, and
    assert _refusal(g, s, "stalin", "triumvirate") is None   # it could be formed again...
    env, mask = Env(g, s), np.ones(s.batch, dtype=bool)
    for eff in g.choice_effects[e][c]:
        eff.fn(env, mask)
    assert "never again" in _refusal(g, s, "stalin", "triumvirate")   # ...it is not, after it


def test_the_start_points_after_the_break_do_not_form_the_triumvirate():
    """The start points of 1926 and 1928 open after the Leningrad break: the flag is set."""
    after = [g for g in (Game(load_scenario(n)) for n in SHIPPED)
             if "triumvirate" in g.lidx and g.scenario.calendar.start >= "1926-01"]
    assert after, "no shipped start point opens after the triumvirate's break"
    for g in after:
        s = g.new_state([1])
        assert not s.bloc[:, g.lidx["triumvirate"]].any()
        assert "cannot be formed" in _refusal(g, s, "stalin", "triumvirate"), g.scenario.id
        s.flags[:, g.fidx["triumvirate_broken"]] = False          # the break alone refuses it
        assert _refusal(g, s, "stalin", "triumvirate") is None, g.scenario.id


# --- 4. events are not put to the dead or the expelled -----------------------------------------

def test_the_46_do_not_condemn_an_expelled_trotsky(campaign):
    g = campaign
    s = _at(g, "1923-10")
    assert _fires(g, s, "platform_of_the_46")
    _expel(g, s, "trotsky")
    assert not _fires(g, s, "platform_of_the_46")


def test_an_expelled_trotsky_does_not_decide_to_miss_lenins_funeral(campaign):
    g = campaign
    s = _at(g, "1924-02")
    lenin = g.pidx["lenin"]
    s.alive[:, lenin], s.health[:, lenin] = False, 0.0
    assert _fires(g, s, "lenin_funeral")
    _expel(g, s, "trotsky")
    assert not _fires(g, s, "lenin_funeral")


# Zinoviev and Kamenev recanted after their expulsion (general history), so the capitulation
# may be put to them out of the party.
DECIDER_MAY_BE_OUT = {"fifteenth_congress_capitulation"}


def test_an_event_a_leader_decides_waits_for_him_to_be_able_to_decide(shipped):
    """A decided event's trigger asks that its decider can act: ``X.active``, or a post, a
    seat or a bloc that a dead or expelled man does not keep. A decision that was an office's
    goes to the office's holder (``decider_post``), who is alive and in the party."""
    for e in shipped.scenario.events:
        if not e.decider or e.decider_post or e.id in DECIDER_MAY_BE_OUT:
            continue
        d = re.escape(e.decider)
        able = rf"\b{d}\.active\b|\b(holds|member|in_bloc)\({d},"
        assert re.search(able, e.trigger or ""), (
            f"{shipped.scenario.id}: {e.id} is decided by {e.decider} whatever becomes of him")


def test_the_crises_of_the_apparatus_are_decided_by_the_general_secretary(campaign):
    """The strikes of 1923 (004: "arrested on the orders of the Bureaucracy") and the grain
    crises of 1928 and 1929 (Stalin went to Siberia as General Secretary): the post decides,
    Stalin where it is vacant, and the choices' regard falls for the man who decided."""
    for event in ("strikes_1923", "grain_crisis", "grain_crisis_1929"):
        ev = campaign.scenario.events[campaign.eidx[event]]
        assert (ev.decider_post, ev.decider) == ("general_secretary", "stalin"), event
        effects = [x for c in ev.choices for x in c.effects if x.startswith("relation(")]
        assert effects and all(", decider," in x for x in effects), event


# --- 4b. no event seats a dead or expelled man -------------------------------------------------

def _fire_alone(g: Game, s, event: str) -> Log:
    """Fire ``event`` alone in the games ``s`` (every other event marked as fired), logged."""
    s.fired[:] = True
    s.fired[:, g.eidx[event]] = False
    log = Log(g, s.batch)
    fire_events(g, s, {}, log, None, {event: True})
    return log


def _detail(log: Log, b: int, event: str) -> str:
    (record,) = [r for r in log.records[b] if r.get("event") == event]
    return record["detail"]


def test_an_expelled_man_is_not_re_elected_to_the_central_committee_by_the_congresss_elections(
        campaign):
    """The Fifteenth Congress's new members (Menzhinsky and Krupskaya) are elected only if
    they are in the party: in a game where Menzhinsky has been expelled he takes no seat, and
    the record, after the text of what history did, says so."""
    g = campaign
    s = _at(g, "1927-12", seeds=(1, 2))
    menzhinsky, krupskaya, cc = g.pidx["menzhinsky"], g.pidx["krupskaya"], BODY["central_committee"]
    mutate.expel(g, s, np.array([True, False]), menzhinsky, "party")
    log = _fire_alone(g, s, "cc_elected_1927")
    assert s.member[:, menzhinsky, cc].tolist() == [False, True]
    assert s.member[:, krupskaya, cc].all()
    assert _detail(log, 0, "cc_elected_1927").endswith(
        "In this game Vyacheslav Menzhinsky is expelled from the party and takes no seat on the "
        "Central Committee.")
    assert "In this game" not in _detail(log, 1, "cc_elected_1927")


def test_a_dead_or_expelled_man_does_not_succeed_dzerzhinsky_at_the_ogpu(campaign):
    """The post an event gives a man who cannot take it stays as it was: Dzerzhinsky's death
    leaves it vacant, for the Central Committee to fill at the end of the month."""
    g = campaign
    s = _at(g, "1926-07", seeds=(1, 2, 3))
    menzhinsky, ogpu = g.pidx["menzhinsky"], g.kidx["ogpu_chair"]
    mutate.expel(g, s, np.array([True, False, False]), menzhinsky, "party")
    mutate.kill(g, s, np.array([False, False, True]), menzhinsky)
    log = _fire_alone(g, s, "dzerzhinsky_dies")
    assert s.holder[:, ogpu].tolist() == [-1, menzhinsky, -1]
    assert "is expelled from the party and does not take the post of" in _detail(
        log, 0, "dzerzhinsky_dies")
    assert "is dead and does not take the post of" in _detail(log, 2, "dzerzhinsky_dies")


# --- 5. sources -------------------------------------------------------------------------------

def test_lenins_first_stroke_comes_in_may_1922_as_the_source_says(campaign):
    g = campaign
    e = g.scenario.events[g.eidx["lenin_first_stroke"]]
    assert "In May 1922" in e.source.quote
    assert e.date == "1922-05" and e.chance == 1.0
    assert _fires(g, _at(g, "1922-05", seeds=range(1, 41)), "lenin_first_stroke")


def test_the_call_to_krupskaya_is_not_sourced_by_the_letter_of_march_1923(campaign):
    move = next(m for m in campaign.scenario.script
                if m.action == "choose" and m.arg2 == "krupskaya_rebuked")
    assert "5 March" not in (move.source.quote or "")
    assert "Krupskaya" in (move.source.quote or "") + (move.source.note or "")


# --- 6. a man too ill to attend does not speak ------------------------------------------------

def test_lenin_too_ill_to_attend_does_not_speak_at_the_twelfth_congress(campaign):
    """After his second stroke Lenin is confined to his rooms; the Twelfth Congress's event
    says he is too ill to attend, so he may not take the floor there."""
    g = campaign
    s = _at(g, "1923-04")
    s.health[:, g.pidx["lenin"]] = 0.36                      # after the second stroke
    speak = g.action("lenin", "speak")
    assert g.why_illegal(s, 0, speak) is None                # the engine alone would let him
    env, mask = Env(g, s), np.ones(s.batch, dtype=bool)
    for eff in g.event_effects[g.eidx["lenin_second_stroke"]]:
        eff.fn(env, mask)
    assert g.why_illegal(s, 0, speak) is not None
    bombshell = g.scenario.events[g.eidx["twelfth_congress_bombshell"]]
    assert "Too ill to attend" in bombshell.text and "silence(lenin)" in bombshell.effects



def test_lenin_cannot_work_from_june_to_september_1922_and_returns_in_october(campaign):
    """001: the first stroke of May 1922 "increasingly restricted his ability to take an active
    part in politics"; he was back at work in October (general history). A computer Lenin no
    longer moves in June 1922 against the General Secretary he had made in April."""
    g = campaign
    s = g.new_state(np.arange(1, 9))
    lenin = g.pidx["lenin"]
    at_work = {}

    def no_moves(state):                # called once the month's events have fired
        at_work[g.date(state.turn)] = g.active(state)[:, lenin].copy()
        return [[] for _ in range(state.batch)]

    while g.date(s.turn) <= "1922-10":
        g.step(s, no_moves)
    assert at_work["1922-04"].all()
    for month in ("1922-05", "1922-06", "1922-07", "1922-08", "1922-09"):
        assert not at_work[month].any(), month
    assert at_work["1922-10"].all()
