"""What-ifs patch a base scenario node by node; every mistake points at the file that made it."""
from __future__ import annotations

from pathlib import Path

import pytest

from game.content.errors import ScenarioError
from game.content.loader import load_scenario
from game.content.overrides import apply_overrides

FIXTURES = Path(__file__).parent / "fixtures"
TINY = FIXTURES / "tiny.yaml"

WHATIF = FIXTURES / "lenin_lives.yaml"


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def test_a_what_if_patches_adds_and_deletes_by_id() -> None:
    s = load_scenario(WHATIF)
    assert (s.id, s.title, s.base) == ("lenin_lives", "Lenin lives", "tiny")
    lenin = s.persons[0]
    assert (lenin.health, lenin.stroke_risk, lenin.prestige) == (0.9, 0.0, 95.0)   # patched, kept
    assert s.persons[-1].id == "zinoviev" and s.persons[-1].prestige == 60
    assert [e.id for e in s.events] == ["lenin_stroke", "lenin_recovers"]
    assert s.flags == {"faction_ban": False}                  # null deletes a mapping entry
    assert s.historiography.structural == 0.3 and s.historiography.note == "the middle way"


def test_untouched_base_content_is_the_base() -> None:
    base, whatif = load_scenario(TINY), load_scenario(WHATIF)
    assert whatif.regions == base.regions and whatif.motions == base.motions


def test_errors_in_overrides_point_at_the_what_if_file(tmp_path: Path) -> None:
    write(tmp_path, "tiny.yaml", TINY.read_text(encoding="utf-8"))
    path = write(tmp_path, "w.yaml", "id: w\ntitle: W\ndescription: d\nbase: tiny\noverrides:\n"
                                     "  persons:\n    stalin: {patron: lenon}\n")
    with pytest.raises(ScenarioError) as caught:
        load_scenario(path)
    (problem,) = caught.value.problems
    assert (problem.file, problem.line, problem.col) == (str(path), 7, 22)
    assert "did you mean 'lenin'?" in problem.fix


def test_errors_in_untouched_base_content_point_at_the_base(tmp_path: Path) -> None:
    base = write(tmp_path, "tiny.yaml", TINY.read_text(encoding="utf-8").replace(
        "    prestige: 45\n", "    prestige: 145\n"))
    path = write(tmp_path, "w.yaml", "id: w\ntitle: W\ndescription: d\nbase: tiny\n"
                                     "overrides: {historiography: {structural: 0.1}}\n")
    with pytest.raises(ScenarioError) as caught:
        load_scenario(path)
    (problem,) = caught.value.problems
    assert problem.file == str(base) and "145 is out of range" in problem.message


def test_deleting_a_referenced_person_is_caught_where_it_is_referenced(tmp_path: Path) -> None:
    write(tmp_path, "tiny.yaml", TINY.read_text(encoding="utf-8"))
    path = write(tmp_path, "w.yaml", "id: w\ntitle: W\ndescription: d\nbase: tiny\n"
                                     "overrides: {persons: {lenin: null}}\n")
    with pytest.raises(ScenarioError) as caught:
        load_scenario(path)
    assert all(p.file == str(tmp_path / "tiny.yaml") for p in caught.value.problems)
    assert any("persons[stalin].patron: unknown person 'lenin'" in p.message for p in caught.value.problems)


def test_a_what_if_needs_id_and_base_and_nothing_else_on_top(tmp_path: Path) -> None:
    path = write(tmp_path, "w.yaml", "title: W\npersons: []\noverrides: {}\n")
    with pytest.raises(ScenarioError) as caught:
        load_scenario(path)
    messages = " | ".join(p.message for p in caught.value.problems)
    assert "needs its own id" in messages and "needs `base:`" in messages
    assert "'persons' does not belong at the top" in messages


def test_an_unknown_base_is_named_with_suggestions(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("POLITBURO_SCENARIOS", str(FIXTURES))
    path = write(tmp_path, "w.yaml", "id: w\ntitle: W\ndescription: d\nbase: tinny\n")
    with pytest.raises(ScenarioError) as caught:
        load_scenario(path)
    (problem,) = caught.value.problems
    assert (problem.line, problem.col) == (4, 7) and "did you mean 'tiny'?" in problem.fix


def test_a_what_if_of_a_what_if_chains(tmp_path: Path) -> None:
    for name in ("tiny.yaml", "lenin_lives.yaml"):
        write(tmp_path, name, (FIXTURES / name).read_text(encoding="utf-8"))
    path = write(tmp_path, "w2.yaml", "id: w2\ntitle: W2\ndescription: d\nbase: lenin_lives\n"
                                      "overrides: {persons: {zinoviev: {prestige: 70}}}\n")
    s = load_scenario(path)
    assert s.persons[-1].prestige == 70 and s.persons[0].health == 0.9 and s.base == "lenin_lives"


def test_apply_overrides_from_python_uses_the_same_rules() -> None:
    s = apply_overrides(load_scenario(TINY), {"historiography": {"structural": 0.2},
                                              "persons": {"trotsky": {"prestige": 80}},
                                              "events": {"testament": None}})
    assert s.historiography.structural == 0.2 and s.persons[2].prestige == 80
    assert [e.id for e in s.events] == ["lenin_stroke"]
    assert apply_overrides(str(TINY), {"cc_seats": 50}).cc_seats == 50


def test_apply_overrides_is_checked_by_the_schema() -> None:
    with pytest.raises(ScenarioError) as caught:
        apply_overrides(load_scenario(TINY), {"historiography": {"structural": 2},
                                              "persons": {"stalin": {"leader": "yes"}}})
    messages = sorted(p.message for p in caught.value.problems)
    assert any("historiography.structural: 2 is out of range" in m for m in messages)
    assert any("persons[stalin].leader: expected true or false" in m for m in messages)


def test_apply_overrides_to_a_changed_scenario_works_on_the_object() -> None:
    once = apply_overrides(load_scenario(TINY), {"cc_seats": 50})
    twice = apply_overrides(once, {"historiography": {"structural": 0.9}})
    assert (twice.cc_seats, twice.historiography.structural) == (50, 0.9)
    assert twice.persons == once.persons and twice.events == once.events


def test_apply_overrides_refuses_values_yaml_cannot_hold() -> None:
    with pytest.raises(ScenarioError):
        apply_overrides(load_scenario(TINY), {"cc_seats": object()})
    with pytest.raises(ScenarioError) as caught:
        apply_overrides(load_scenario(TINY), {"historiography": {"structural": float("nan")}})
    assert "expected a number" in str(caught.value)


def test_a_what_if_that_moves_a_condition_drops_the_base_words_for_it(tmp_path: Path) -> None:
    """The words for a ``when`` belong to that condition: a what-if that changes it without
    new words must not let the player read the old date."""
    write(tmp_path, "tiny.yaml", TINY.read_text(encoding="utf-8").replace(
        '    when: date >= "1923-06" and not faction_ban\n',
        '    when: date >= "1923-06" and not faction_ban\n'
        '    when_text: "from June 1923, while factions are allowed"\n'))
    moved = write(tmp_path, "moved.yaml", "id: m\ntitle: M\ndescription: d\nbase: tiny\n"
                  "overrides:\n  motions:\n    force_grain: {when: 'date >= \"1925-01\"'}\n")
    worded = write(tmp_path, "worded.yaml", "id: w\ntitle: W\ndescription: d\nbase: tiny\n"
                   "overrides:\n  motions:\n    force_grain: {when: 'date >= \"1925-01\"', "
                   "when_text: from January 1925}\n")
    other = write(tmp_path, "other.yaml", "id: o\ntitle: O\ndescription: d\nbase: tiny\n"
                  "overrides:\n  motions:\n    force_grain: {name: Seize the grain}\n")
    force = lambda path: load_scenario(path).motions[0]          # noqa: E731
    assert force(tmp_path / "tiny.yaml").when_text == "from June 1923, while factions are allowed"
    assert (force(moved).when, force(moved).when_text) == ('date >= "1925-01"', "")
    assert force(worded).when_text == "from January 1925"
    assert force(other).when_text == "from June 1923, while factions are allowed"


def test_a_what_if_without_a_short_title_is_not_listed_under_its_base_s(tmp_path: Path) -> None:
    """The lists, the lab's legends and a watched run's heading name a what-if by its short
    title: one it does not give is made from its own id, never taken from the base."""
    base = TINY.read_text(encoding="utf-8").replace("\ntitle:", "\nshort_title: Tiny base\ntitle:", 1)
    write(tmp_path, "tiny.yaml", base)
    assert load_scenario(tmp_path / "tiny.yaml").short_title == "Tiny base"
    path = write(tmp_path, "w.yaml", "id: w\ntitle: W\ndescription: d\nbase: tiny\noverrides: {}\n")
    assert load_scenario(path).short_title == ""
    named = write(tmp_path, "n.yaml", "id: n\ntitle: N\nshort_title: What if N\ndescription: d\nbase: tiny\n"
                                      "overrides: {}\n")
    assert load_scenario(named).short_title == "What if N"


def test_a_what_if_without_a_title_is_told_to_give_one_rather_than_shown_as_its_base(tmp_path: Path) -> None:
    write(tmp_path, "tiny.yaml", TINY.read_text(encoding="utf-8"))
    path = write(tmp_path, "w.yaml", "id: w\ndescription: d\nbase: tiny\noverrides: {}\n")
    with pytest.raises(ScenarioError) as caught:
        load_scenario(path)
    (problem,) = caught.value.problems
    assert (problem.file, problem.line) == (str(path), 1)
    assert "needs its own title" in problem.message and "title:" in problem.fix
