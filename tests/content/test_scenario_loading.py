"""The loader builds the typed scenario from the schema and reports every problem at its line."""
from __future__ import annotations

import dataclasses
import typing
from pathlib import Path

import pytest

from game.content import build, schema
from game.content.errors import ScenarioError
from game.content.loader import list_scenarios, load_scenario, parse_scenario, scenarios_dir

FIXTURES = Path(__file__).parent / "fixtures"
TINY = FIXTURES / "tiny.yaml"

MINIMAL = """\
id: mini
title: Mini
description: the smallest valid scenario
calendar: {start: "1923-01", end: "1924-01"}
persons:
  - {id: stalin, name: Stalin}
posts: []
regions: []
"""


def errors(text: str) -> list[str]:
    with pytest.raises(ScenarioError) as caught:
        parse_scenario(text, "s.yaml")
    return [str(p) for p in caught.value.problems]


def test_tiny_scenario_loads_with_every_part() -> None:
    s = load_scenario(TINY)
    assert [p.id for p in s.persons] == ["lenin", "stalin", "trotsky"]
    assert s.persons[1].patron == "lenin" and s.persons[1].relations == {"trotsky": -0.5}
    assert s.regions[0].position == (0.3, 0.4)
    assert s.regions[1].secretary == schema.Secretary(name="Kviring")      # shorthand
    assert s.persons[0].source == schema.Source(file="general history")    # shorthand
    assert s.policies[0].options[1].id == "force"
    assert s.events[1].choices[0].historical is True
    assert s.calendar.turn_months == 1 and s.flags == {"faction_ban": True, "testament_read": False}
    assert s.path == str(TINY)


def test_a_str_field_keeps_yes_no_and_leading_zeros_as_written() -> None:
    text = MINIMAL.replace("{id: stalin, name: Stalin}", "{id: stalin, name: no, portrait: 010, bio: yes}")
    person = parse_scenario(text).persons[0]
    assert (person.name, person.portrait, person.bio) == ("no", "010", "yes")


@pytest.mark.parametrize("word", ["yes", "no", "on", "off", "1", "y"])
def test_a_bool_field_takes_only_true_or_false(word: str) -> None:
    text = MINIMAL.replace("name: Stalin}", f"name: Stalin, leader: {word}}}")
    (message,) = errors(text)
    assert message.startswith("s.yaml:6:40: persons[stalin].leader: expected true or false")
    assert "write true or false" in message


@pytest.mark.parametrize("word", ["yes", ".nan", "nan", "inf", "-.inf", "1e999", "0x10", "1_0", "12%"])
def test_a_number_field_refuses_what_is_not_a_finite_decimal(word: str) -> None:
    (message,) = errors(MINIMAL.replace("name: Stalin}", f"name: Stalin, prestige: {word}}}"))
    assert "persons[stalin].prestige: expected a number" in message


def test_numbers_parse_from_their_text() -> None:
    text = MINIMAL.replace("name: Stalin}", "name: Stalin, prestige: 010, health: .5}") + "cc_seats: 012\n"
    s = parse_scenario(text)
    assert (s.persons[0].prestige, s.persons[0].health, s.cc_seats) == (10.0, 0.5, 12)


def test_unknown_key_suggests_the_right_one() -> None:
    (message,) = errors(MINIMAL + "histriography: {structural: 0.2}\n")
    assert message.startswith("s.yaml:9:1: histriography: unknown key")
    assert "did you mean 'historiography'?" in message


def test_missing_required_fields_point_at_their_mapping() -> None:
    found = errors(MINIMAL.replace("calendar: {start: \"1923-01\", end: \"1924-01\"}\n", ""))
    assert found == ["s.yaml:1:1: scenario: missing required 'calendar' — add `calendar:` "
                     "(a mapping (Calendar))"]


def test_literal_fields_name_their_options() -> None:
    (message,) = errors(MINIMAL.replace('end: "1924-01"}', 'end: "1924-01", turn_months: 2}'))
    assert "calendar.turn_months: '2' is not allowed here; expected one of 1, 3" in message


def test_wrong_shapes_are_reported() -> None:
    found = errors(MINIMAL.replace("posts: []", "posts: gensec").replace("regions: []", "regions: {}"))
    assert any("posts: expected a list" in f for f in found)
    assert any("regions: expected a list" in f for f in found)


def test_every_problem_is_found_in_one_pass() -> None:
    text = (MINIMAL.replace("name: Stalin}", "name: Stalin, patron: lenon, leader: yes, prestige: 200}")
            + "flags: {Bad-Flag: true}\ncc_clients: {molotov: 0.2}\n")
    found = errors(text)
    assert len(found) == 5
    assert [f.split(":")[1] for f in found] == ["6", "6", "6", "9", "10"]


def test_semantic_checks_skip_values_already_reported() -> None:
    (message,) = errors(MINIMAL.replace('start: "1923-01"', "start: [1923, 1]"))
    assert "calendar.start: expected text" in message


def test_calendar_must_run_forward() -> None:
    (message,) = errors(MINIMAL.replace('end: "1924-01"', 'end: "1922-04"'))
    assert "calendar.end: the calendar ends (1922-04) before it starts (1923-01)" in message


def test_ids_may_not_take_grammar_words() -> None:
    (message,) = errors(MINIMAL + "flags: {date: true}\n")
    assert "'date' is a word of the expression grammar" in message


def test_references_are_checked_with_suggestions(tiny_text: str) -> None:
    found = errors(tiny_text.replace("open_to: [stalin, lenin]", "open_to: [stalin, lennin]")
                   .replace("decider: stalin", "decider: gensec")
                   .replace("traits: [aloof]", "traits: [alouf]"))
    assert any("blocs[troika].open_to[1]: unknown person 'lennin' — did you mean 'lenin'?" in f
               for f in found)
    assert any("events[testament].decider: unknown person 'gensec'" in f for f in found)
    assert any("unknown trait 'alouf' — did you mean 'aloof'?" in f for f in found)


def test_expression_errors_point_into_the_expression(tiny_text: str) -> None:
    (message,) = errors(tiny_text.replace("trigger: lenin.alive and lenin.health < 0.5",
                                          "trigger: lenin.alive and lenin.helth < 0.5"))
    line = 1 + tiny_text[:tiny_text.index("trigger: lenin.alive")].count("\n")
    assert message.startswith(f"s.yaml:{line}:30: events[lenin_stroke].trigger: a person has no field 'helth'")
    assert "did you mean 'health'?" in message


def test_policy_option_levels_run_from_minus_one_to_one(tiny_text: str) -> None:
    (message,) = errors(tiny_text.replace("Requisition, level: 1}", "Requisition, level: 2}"))
    assert "policies[procurement].options[force].level: 2 is out of range" in message


def test_policy_motion_needs_a_valid_option(tiny_text: str) -> None:
    (message,) = errors(tiny_text.replace("    value: force\n", "    value: forse\n"))
    assert "motions[force_grain].value: unknown option of procurement 'forse' — did you mean 'force'?" in message


def test_script_moves_name_real_things(tiny_text: str) -> None:
    found = errors(tiny_text.replace("actor: chance, action: lenin_stroke", "actor: chance, action: lenin_strok")
                   .replace("actor: stalin, action", "actor: stalim, action"))
    assert any("script[0].action: unknown event 'lenin_strok'" in f for f in found)
    assert any("script[1].actor: unknown person 'stalim'" in f for f in found)


def test_load_by_bare_name_uses_the_scenarios_folder(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("POLITBURO_SCENARIOS", str(FIXTURES))
    assert scenarios_dir() == FIXTURES
    assert load_scenario("tiny").id == "tiny"
    with pytest.raises(ScenarioError) as caught:
        load_scenario("tinny")
    assert "no scenario named 'tinny'" in str(caught.value) and "did you mean 'tiny'?" in str(caught.value)


def test_list_scenarios_gives_id_description_path_and_the_name_for_lists(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("POLITBURO_SCENARIOS", str(FIXTURES))
    listed = {entry.id: entry for entry in list_scenarios()}
    assert listed["tiny"][:3] == ("tiny", "Three members, two regions, one year.", str(TINY))
    assert listed["lenin_lives"].description == "Lenin recovers from his strokes."
    # no short title: a name is made from the id
    assert listed["tiny"].label == "Tiny"


def test_the_shipped_scenarios_are_listed_by_their_short_titles() -> None:
    labels = {entry.id: entry.label for entry in list_scenarios()}
    assert labels["start_1924_isolation_of_trotsky"] == "1924: Trotsky isolated"
    assert labels["whatif_lenin_lives"] == "What if: Lenin lives"
    assert load_scenario("whatif_lenin_lives").short_title == "What if: Lenin lives"


def test_a_short_title_too_long_for_the_lists_is_reported_with_the_fix() -> None:
    (message,) = errors(MINIMAL.replace("title: Mini\n", "title: Mini\nshort_title: " + "x" * 40 + "\n"))
    assert message.startswith("s.yaml:3:")
    assert "the short title has 40 characters; lists show about 32" in message
    assert "shorten it" in message


def test_scenarios_dir_defaults_to_the_repository(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("POLITBURO_SCENARIOS", raising=False)
    assert scenarios_dir() == Path(__file__).resolve().parents[2] / "scenarios"


def test_a_missing_file_is_a_scenario_error(tmp_path: Path) -> None:
    with pytest.raises(ScenarioError) as caught:
        load_scenario(tmp_path / "nope.yaml")
    assert "cannot read file" in str(caught.value)


def _schema_types() -> set:
    seen, todo = set(), [schema.Scenario]
    while todo:
        tp = todo.pop()
        if tp in seen:
            continue
        seen.add(tp)
        if dataclasses.is_dataclass(tp):
            todo.extend(build.type_hints(tp).values())
        else:
            todo.extend(a for a in typing.get_args(tp) if a is not Ellipsis and a is not type(None))
    return seen


def test_the_builder_knows_every_type_the_schema_uses() -> None:
    for tp in _schema_types():
        if typing.get_origin(tp) is typing.Literal or isinstance(tp, (str, int)):
            continue
        assert build.zero(tp) is not None or build.optional_inner(tp) is not None, tp


SHIPPED = sorted((Path(__file__).resolve().parents[2] / "scenarios").glob("*.yaml"))


@pytest.mark.parametrize("path", SHIPPED or [pytest.param(None, marks=pytest.mark.skip(
    reason="no scenarios shipped yet"))], ids=lambda p: p.name if p else "none")
def test_every_shipped_scenario_loads_cleanly(path: Path) -> None:
    scenario = load_scenario(path)
    assert scenario.path == str(path) and scenario.persons


@pytest.mark.parametrize("written,line_offset,col", [
    ('"lenin.alive and lenin.helth < 0.5"', 0, 31),             # quoted: inside the quotes
    ("|\n      lenin.alive\n      and lenin.helth < 0.5", 2, 11),  # block: on its own line
    (">\n      lenin.alive\n      and lenin.helth < 0.5", 0, 14),  # folded: at the scalar
])
def test_expression_errors_find_their_column_in_any_style(tiny_text: str, written: str,
                                                          line_offset: int, col: int) -> None:
    text = tiny_text.replace("lenin.alive and lenin.health < 0.5", written)
    line = 1 + tiny_text[:tiny_text.index("trigger: lenin.alive")].count("\n") + line_offset
    (message,) = errors(text)
    assert message.startswith(f"s.yaml:{line}:{col}: events[lenin_stroke].trigger: a person has no field")
