"""The session the interface drives: people play their seats, the computer the rest; events
wait for the person who decides them; the charts get a row a turn."""
import pytest

from game.replay.session import GameOver, Session

from replay_helpers import SCRIPTED, human_moves


def _at(s, date):
    while s.date < date:
        s.play_turn({p: human_moves(s, p) for p in s.humans})


def test_only_leaders_can_be_played():
    with pytest.raises(ValueError, match="'molotov' is not a leader who can be played"):
        Session.new(SCRIPTED, humans={"molotov"}, autosave=False)


def test_a_person_may_only_move_for_his_own_seat():
    s = Session.new(SCRIPTED, seed=1, humans={"stalin"}, autosave=False)
    with pytest.raises(ValueError, match="Trotsky is played by the computer"):
        s.play_turn([s.action("trotsky", "speak")])
    assert s.turn == 0                                       # nothing was played


def test_legal_actions_are_the_engines_and_refusals_explain_themselves():
    s = Session.new(SCRIPTED, seed=1, humans={"stalin"}, autosave=False)
    legal = s.legal_actions("stalin")
    assert any(a.kind == "appoint_secretary" for a in legal) and all(a.label for a in legal)
    assert "General Secretary" in s.why_illegal(s.action("trotsky", "appoint_secretary",
                                                          "ukraine"))


def test_an_event_waits_for_the_person_who_decides_it():
    s = Session.new(SCRIPTED, seed=1, humans={"stalin"}, autosave=False)
    _at(s, "1923-10")
    pending = {e.id: e for e in s.pending_events()}
    assert pending["platform_46"].human and pending["platform_46"].historical == "ban"
    assert [c.id for c in pending["platform_46"].choices] == ["ban", "publish"]
    assert pending["scissors_crisis"].source["file"].startswith("004_")
    recs = s.play_turn(human_moves(s, "stalin"), {"platform_46": "publish"})
    [ev] = [r for r in recs if r.get("event") == "platform_46"]
    assert ev["choice"] == "publish" and ev["historical"] is False
    assert s.turns[-1].choices["platform_46"] == "publish"


def test_a_choice_for_an_event_the_computer_decides_is_not_the_players():
    s = Session.new(SCRIPTED, seed=1, humans={"trotsky"}, autosave=False)
    _at(s, "1923-10")
    assert not {e.id: e for e in s.pending_events()}["platform_46"].human
    recs = s.play_turn([], {"platform_46": "publish"})
    [ev] = [r for r in recs if r.get("event") == "platform_46"]
    assert s.turns[-1].choices["platform_46"] == ev["choice"]
    with pytest.raises(ValueError, match="no event 'no_such_event'"):
        s.play_turn([], {"no_such_event": "x"})


def test_hot_seat_two_people_and_the_computer():
    s = Session.new(SCRIPTED, seed=4, humans=["stalin", "trotsky"], autosave=False)
    assert s.computer_leaders() == ("zinoviev", "kamenev")
    recs = s.play_turn({"stalin": [s.action("stalin", "appoint_secretary", "ukraine")],
                        "trotsky": [s.action("trotsky", "polemic", "stalin")]})
    actors = [m["actor"] for m in s.turns[0].moves]
    assert actors[:2] == ["stalin", "trotsky"]               # the people's moves come first
    assert set(actors[2:]) <= {"zinoviev", "kamenev"}
    assert any(r["text"] == "Trotsky: Publish a polemic: Stalin." for r in recs)


def test_the_charts_get_a_row_at_the_start_and_after_every_turn():
    s = Session.new(SCRIPTED, seed=2, humans={"stalin"}, autosave=False)
    for _ in range(3):
        s.play_turn()
    assert [r["turn"] for r in s.history] == [0, 1, 2, 3]
    assert s.history[0]["indicators"]["industrial_prices"] == 140
    assert s.history[0]["scissors"] == pytest.approx(1.75)
    assert "stalin" in s.history[-1]["politburo"]
    assert set(s.history[-1]["posts"]) == set(s.game.post_ids)


def test_playing_past_the_end_is_refused():
    s = Session.from_replay(SCRIPTED, None, humans={"stalin"}, autosave=False)
    assert s.over
    with pytest.raises(GameOver):
        s.play_turn()
