"""Fed history's moves, the model's own votes make history.

The campaign's ``script`` (scenarios/campaign.yaml) records only what the leaders *did* - the
appointments, the motions they tabled, the alliances they made, the choices at events - and
what chance did (Lenin's strokes, the German October that failed). It records no vote and no
outcome: every tally below is computed by the model, voter by voter, from ideology, alliances,
patronage, prestige, fear, the bureaucracy and the ban on factions, with the vote noise of the
seed. These tests replay the script through the historical replay (``game.replay.script``,
the machinery behind ``python -m game replay --scenario campaign``) with several seeds, and
check both the log's vote records (result, body, target) and the state the votes leave:

* the triumvirate (Stalin, Zinoviev, Kamenev) allied by January 1923, and from Lenin's third
  stroke commanding the Politburo: at least half its voting members, and every motion a
  triumvir moves in 1923 carried;
* the Thirteenth Conference condemns Trotsky (January 1924);
* the Testament kept from the Thirteenth Congress (May 1924);
* Trotsky removed as War Commissar (January 1925);
* the Leningrad Opposition outvoted at the Fourteenth Congress (December 1925);
* the expulsions: Kamenev reduced to a candidate of the Politburo (January-February 1926),
  Zinoviev out of the Politburo (July 1926), Trotsky and Kamenev out of it (October 1926),
  Trotsky and Zinoviev out of the Central Committee (October 1927) and of the party (November
  1927), Kamenev out of the Central Committee (November 1927) and of the party (December 1927);
* the Right defeated: Bukharin removed as editor of Pravda (April 1929) and from the Politburo
  (November 1929);
* the economy: the scissors open to industrial prices about 140 and agricultural prices under
  80 by March 1923 (004);
* membership: 650,000 in 1922, swollen by the Lenin Enrollment in 1924-25 (002, 003).
"""
from __future__ import annotations

import numpy as np
import pytest

from game.content.loader import load_scenario
from game.engine import power
from game.engine.state import BODY, IND
from game.replay.script import compile_script
from game.replay.session import Session

SEEDS = (1, 2, 3, 4, 5)
TRIUMVIRS = ("stalin", "zinoviev", "kamenev")


class History:
    """One replay of the campaign's script: the log's records and the state after each turn."""

    def __init__(self, seed: int):
        self.session = Session(load_scenario("campaign"), seed, humans=(), autosave=False)
        g = self.g = self.session.game
        self.after: dict[str, dict] = {}
        for step in compile_script(g):
            date = self.session.date
            self.session.play_script_turn(step)
            self.after[date] = self._snapshot()
        self.records = self.session.records

    def _snapshot(self) -> dict:
        g, s = self.g, self.session.state
        act = g.active(s)
        return {
            "bloc": {l: {g.person_ids[p] for p in np.flatnonzero(s.bloc[0, i])}
                     for i, l in enumerate(g.bloc_ids)},
            "politburo_share": {p: float(power.politburo_share(s, act)[0, g.pidx[p]])
                                for p in TRIUMVIRS},
            "holder": {k: (g.person_ids[h] if h >= 0 else None)
                       for k, h in zip(g.post_ids, s.holder[0])},
            "member": {p: {b for b, i in BODY.items() if s.member[0, g.pidx[p], i]}
                       for p in g.person_ids},
            "expelled": {p for p in g.person_ids if s.expelled[0, g.pidx[p]]},
            "flags": {f: bool(s.flags[0, i]) for f, i in g.fidx.items()},
            "prices": (float(s.ind[0, IND["industrial_prices"]]),
                       float(s.ind[0, IND["agricultural_prices"]])),
            "members": float(s.members[0].sum()),
            "recruits": float((s.members[0] * s.cohorts[0, :, 2]).sum() / s.members[0].sum()),
            "prestige": {p: float(s.prestige[0, g.pidx[p]]) for p in g.person_ids},
        }

    def votes(self, date: str, kind: str, target=None) -> list[dict]:
        return [r for r in self.records if r["kind"] == "vote" and r["date"] == date
                and r["motion_kind"] == kind and (target is None or r["target"] == target)]

    def passed(self, date: str, kind: str, target=None, body=None, post=None) -> dict:
        """The one vote of that kind (on that target, by that body) that month, which passed."""
        found = [r for r in self.votes(date, kind, target)
                 if (body is None or r["body"] == body) and (post is None or post in r["motion"])]
        assert found, f"no {kind} vote on {target} in {date}"
        assert all(r["result"] == "passed" for r in found), \
            f"{date}: {[r['text'] for r in found]}"
        return found[0]


@pytest.fixture(scope="module", params=SEEDS, ids=[f"seed{s}" for s in SEEDS])
def history(request) -> History:
    return History(request.param)


def test_the_script_holds_moves_and_chance_only_never_a_vote():
    sc = load_scenario("campaign")
    assert sc.script, "the campaign has a historical script"
    from game.engine.actions import KINDS
    for move in sc.script:
        assert move.actor == "chance" or move.action == "choose" or move.action in KINDS, move


def test_the_replay_plays_every_move_and_ends_with_stalin_leading(history):
    refused = [r["text"] for r in history.records if r["kind"] == "refused"]
    assert refused == []
    assert history.session.over
    assert history.session.outcome()["leader"] == "stalin"


def test_the_triumvirate_is_formed_by_january_1923_and_commands_the_politburo(history):
    allies = [r for r in history.records if r["kind"] == "alliance"
              and r["date"] <= "1923-01" and "Triumvirate" in r["text"]]
    assert {r["persons"][0] for r in allies} == set(TRIUMVIRS)
    for date in ("1923-01", "1923-06", "1923-12", "1924-12"):
        assert history.after[date]["bloc"]["triumvirate"] == set(TRIUMVIRS), date
    for date in ("1923-04", "1923-08", "1923-12"):       # Lenin incapacitated from March
        assert history.after[date]["politburo_share"]["stalin"] >= 0.5, date
    moved = [r for r in history.records if r["kind"] == "vote" and r["date"].startswith("1923")
             and r["sponsor"] in TRIUMVIRS]
    assert moved and all(r["result"] == "passed" for r in moved)
    # the Twelfth Congress adopts the report with no opposition to put it against: Lenin's bloc
    # with Trotsky is secret, and Trotsky does not use Lenin's notes (before the bloc was made
    # secret, the report was put against Trotsky as a banned faction's man)
    report = history.passed("1923-04", "report", None, body="congress")
    assert report["sponsor"] == "stalin" and report["target"] is None


def test_the_thirteenth_conference_condemns_trotsky(history):
    vote = history.passed("1924-01", "condemn", "trotsky", body="conference")
    assert vote["tally"]["for"] > 2 * vote["tally"]["against"]
    assert history.after["1924-01"]["prestige"]["trotsky"] < \
        history.after["1923-12"]["prestige"]["trotsky"]


def test_the_testament_is_kept_from_the_thirteenth_congress(history):
    history.passed("1924-05", "testament_suppress", body="congress")
    flags = history.after["1924-05"]["flags"]
    assert flags["testament_suppressed"] and not flags["testament_published"]
    assert history.after["1924-05"]["holder"]["general_secretary"] == "stalin"


def test_trotsky_loses_the_war_commissariat_in_january_1925(history):
    history.passed("1925-01", "remove_from_post", "trotsky", post="War")
    assert history.after["1924-12"]["holder"]["war_commissar"] == "trotsky"
    assert history.after["1925-01"]["holder"]["war_commissar"] == "frunze"


def test_the_leningrad_opposition_is_outvoted_at_the_fourteenth_congress(history):
    report = history.passed("1925-12", "report", "zinoviev", body="congress")
    assert report["sponsor"] == "stalin"
    assert report["tally"]["for"] > 3 * report["tally"]["against"]
    theirs = [r for r in history.votes("1925-12", "policy") if r["sponsor"] == "zinoviev"]
    assert theirs and all(r["result"] == "failed" for r in theirs)
    assert history.after["1926-01"]["holder"]["leningrad_party"] == "kirov"


def test_the_plenum_after_the_thirteenth_congress_seats_bukharin_in_lenins_seat(history):
    # the plenum of 2 June 1924 (general history): in the game it sits in the Congress's month,
    # and the script moves no promotion - the new Central Committee's majority puts him up
    (vote,) = [r for r in history.votes("1924-05", "promote") if r.get("election")]
    assert vote["result"] == "passed" and vote["election"]["nominee"] == "bukharin"
    assert "politburo" in history.after["1924-05"]["member"]["bukharin"]
    assert "politburo" not in history.after["1924-04"]["member"]["bukharin"]


def test_the_politburo_of_1926_and_1928_is_the_nine_history_had(history):
    nine = {"stalin", "bukharin", "rykov", "tomsky", "molotov", "kalinin", "voroshilov"}
    members = history.after["1926-02"]["member"]
    assert nine | {"trotsky", "zinoviev"} == {p for p, b in members.items() if "politburo" in b}
    members = history.after["1928-01"]["member"]
    assert nine | {"rudzutak", "kuibyshev"} == {p for p, b in members.items() if "politburo" in b}


def test_the_united_opposition_is_expelled_in_1926_and_1927(history):
    # a candidate from the plenum of 1 January 1926 (the script moves it in January since the
    # plenum after the Congress, rules version 11, fills December's seats)
    history.passed("1926-01", "demote", "kamenev")
    assert "politburo_candidate" in history.after["1926-01"]["member"]["kamenev"]
    history.passed("1926-07", "expel_politburo", "zinoviev")
    assert "politburo" not in history.after["1926-07"]["member"]["zinoviev"]
    history.passed("1926-10", "expel_politburo", "trotsky")
    assert "politburo" not in history.after["1926-10"]["member"]["trotsky"]
    history.passed("1926-10", "expel_politburo", "kamenev")
    assert not {"politburo", "politburo_candidate"} & history.after["1926-10"]["member"]["kamenev"]
    for who in ("trotsky", "zinoviev"):
        history.passed("1927-10", "expel_cc", who)
        assert "central_committee" not in history.after["1927-10"]["member"][who]
        history.passed("1927-11", "expel_party", who)
        assert who not in history.after["1927-10"]["expelled"]
        assert who in history.after["1927-11"]["expelled"]
    history.passed("1927-11", "expel_cc", "kamenev")
    history.passed("1927-12", "expel_party", "kamenev")
    assert "kamenev" in history.after["1927-12"]["expelled"]


def test_the_right_is_defeated_in_1929(history):
    history.passed("1929-04", "remove_from_post", "bukharin", post="Pravda")
    assert history.after["1929-03"]["holder"]["pravda_editor"] == "bukharin"
    assert history.after["1929-04"]["holder"]["pravda_editor"] != "bukharin"
    history.passed("1929-11", "expel_politburo", "bukharin")
    assert "politburo" in history.after["1929-10"]["member"]["bukharin"]
    assert "politburo" not in history.after["1929-12"]["member"]["bukharin"]


def test_the_scissors_open_to_about_140_against_under_80_by_march_1923(history):
    industrial, agricultural = history.after["1923-03"]["prices"]
    assert 130 <= industrial <= 155
    assert agricultural < 80
    start = history.g.scenario.indicators                   # April 1922: near parity
    assert start.industrial_prices / start.agricultural_prices < 1.1
    assert industrial / agricultural > 1.6                  # 004: 140 against under 80


def test_the_lenin_enrollment_swells_the_party_with_recruits_in_1924_and_1925(history):
    a = history.after
    assert a["1923-12"]["members"] == pytest.approx(650, abs=1)
    assert a["1924-02"]["members"] >= 850                     # the Enrollment of 1924
    assert a["1925-03"]["members"] >= 950                     # the drive of 1925 (002: 500,000)
    assert a["1925-03"]["recruits"] > 2 * a["1923-12"]["recruits"]
