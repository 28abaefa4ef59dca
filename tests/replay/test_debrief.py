"""The debrief of a played game names the player's decisive votes with their reasons, sets his
path beside history's, quotes the sources, and asks the classic questions of this game."""
import re

import pytest

from game.replay.debrief import build_debrief
from game.replay.session import Session

from replay_helpers import SCRIPTED, play_to_end

# a game in which a side loses: Trotsky, while Stalin keeps the Secretariat (since rules
# version 20 the rivals take a man's seat only after a verdict on his views, so Trotsky now
# keeps his in these eighteen months)
SEED = 1


@pytest.fixture(scope="module")
def played():
    s = Session.new(SCRIPTED, seed=SEED, humans={"stalin"}, autosave=False)
    play_to_end(s)
    return s


@pytest.fixture(scope="module")
def debrief(played):
    return build_debrief(played)


def test_it_names_the_players_decisive_votes_with_their_reasons(played, debrief):
    assert debrief.player_votes
    for v in debrief.player_votes:
        assert v.part.startswith(("Stalin moved it", "It was aimed at Stalin", "Stalin voted"))
        assert re.match(r"It was (carried|defeated) \d+–\d+", v.why[0])
        assert v.voters or v.groups                         # who voted, and why
    reasons = [r for v in debrief.player_votes for _, _, r in v.voters]
    assert any("fears" in r or "owes his career" in r or "standing" in r or "views" in r
               or "ally" in r for r in reasons)
    md = debrief.markdown()
    assert "## Your decisive votes" in md
    first = debrief.player_votes[0]
    assert f"### {first.date} — {first.text}" in md


def test_turning_points_are_close_votes_or_votes_that_changed_posts(debrief):
    assert debrief.turning_points
    for v in debrief.turning_points:
        assert v.close or v.changes
    dates = [v.date for v in debrief.turning_points]
    assert dates == sorted(dates)


def test_it_quotes_at_least_three_sources(debrief):
    quoted = [s for s in debrief.sources if s.quotation]
    assert len(quoted) >= 3
    assert len({(s.file, s.quote) for s in quoted}) == len(quoted)
    md = debrief.markdown()
    for s in quoted[:3]:
        assert s.quote.replace("*", "\\*").replace("_", "\\_") in md


def test_the_path_is_set_beside_history(debrief):
    assert debrief.path and "same rules and seed" in debrief.path_note
    history = [x for row in debrief.path for x in row.history]
    assert "Zinoviev and Kamenev join Stalin in a secret faction against Trotsky." in history
    assert any("Lenin dies" in x for row in debrief.path for x in row.game)


def test_the_questions_are_the_classic_ones_asked_of_this_game(played, debrief):
    qs = debrief.questions
    assert any(q.startswith("How did Stalin win the struggle for power") for q in qs)
    assert any("defeat his rivals" in q for q in qs)
    assert any(q.startswith("What part did structure and what part did individuals play?")
               and "0.50" in q for q in qs)
    assert any(re.search(r"\d{4}-\d{2}", q) for q in qs)     # tailored: names its dates


def test_a_game_taken_over_from_history_says_when(tmp_path):
    s = Session.from_replay(SCRIPTED, "1923-10", humans={"trotsky"}, seed=3, autosave=False)
    play_to_end(s)
    d = build_debrief(s)
    assert d.took_over == "1923-10" and d.path[0].date >= "1923-10"
    assert "Until 1923-10 your game followed history" in d.path_note


def test_it_exports_to_markdown_and_html_a_student_can_hand_in(tmp_path, debrief):
    md_path, html_path = tmp_path / "debrief.md", tmp_path / "debrief.html"
    debrief.write(md_path)
    debrief.write(html_path)
    md = md_path.read_text(encoding="utf-8")
    page = html_path.read_text(encoding="utf-8")
    assert md.startswith("# Debrief: Scripted test scenario")
    for heading in ("Your decisive votes", "Turning points", "Your path beside history",
                    "Sources quoted", "Questions for discussion"):
        assert f"## {heading}" in md and f"<h2>{heading}</h2>" in page
    assert page.startswith("<!DOCTYPE html>") and page.rstrip().endswith("</html>")
    assert "<script" not in page
    assert "&quot;initiating&quot;" in page                 # quotes escaped, not raw


def test_a_debrief_of_a_game_in_progress_and_without_a_script(tmp_path):
    from replay_helpers import TINY
    s = Session.new(TINY, seed=2, humans={"trotsky"}, autosave=False)
    for _ in range(3):
        s.play_turn()
    d = build_debrief(s)
    assert "still in progress" in d.outcome and "no historical script" in d.path_note
    assert d.standing == ""                       # no verdict yet, so nothing to explain
    assert d.markdown() and d.html()


def test_it_says_how_the_leader_stands_as_the_end_screen_does(played, debrief):
    from game.replay.ending import read_ending
    o = played.outcome()
    ending = read_ending(played.game, played.state, o, played.records)
    assert debrief.standing and debrief.standing == ending.basis
    assert f"**How he stands:** {debrief.standing}" in debrief.markdown().replace("\\_", "_")
    assert "<b>How he stands:</b>" in debrief.html()


def test_each_side_s_result_comes_with_the_end_screen_s_reason(played, debrief):
    from game.replay.ending import read_ending
    ending = read_ending(played.game, played.state, played.outcome(), played.records)
    names = played.game.names
    assert debrief.roles == [(names[r.role], r.result, r.reason) for r in ending.roles]
    lost = [(n, why) for n, res, why in debrief.roles if res == "lost"]
    assert lost, "someone loses every finished game of this scenario"
    name, why = lost[0]
    assert why and why != "Every aim met."        # a loss says which aim failed, or how he fell
    assert f"{name}: lost. {why}" in debrief.markdown().replace("\\", "")


def test_it_says_which_part_of_a_failed_aim_failed():
    """A reader of the debrief (the end screen's button, ``python -m game replay``) learns which
    part of an aim of several parts failed, as the end screen says it."""
    from game.content.loader import load_scenario
    from game.engine.state import BODY
    s = Session(load_scenario("campaign"), 7, humans=("stalin",))
    s.state.member[0, s.game.pidx["trotsky"], BODY["politburo"]] = False
    s.state.over[0] = True
    d = build_debrief(s)
    said = dict((name, why) for name, _, why in d.roles)["Joseph Stalin"]
    part = "Trotsky, Zinoviev and Kamenev out of the Politburo (Zinoviev and Kamenev still sit on the Politburo)"
    assert said.startswith("Not achieved: ") and part in said
    assert part in d.markdown() and part in d.html()
