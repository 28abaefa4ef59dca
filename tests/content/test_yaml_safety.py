"""Reading a file refuses what makes YAML dangerous or surprising, each at its line and column."""
from __future__ import annotations

import pytest

from game.content import yamlsafe
from game.content.errors import Problem, ScenarioError
from game.content.yamlsafe import compose_text, read_file


def problems(text: str | bytes) -> list[Problem]:
    with pytest.raises(ScenarioError) as caught:
        compose_text(text, "f.yaml")
    return caught.value.problems


@pytest.fixture(params=["libyaml", "python"])
def parser(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """Every rule holds with libyaml's parser and with PyYAML's pure-Python one."""
    if request.param == "python":
        monkeypatch.setattr(yamlsafe, "CParser", None)
    return request.param


def test_scalars_stay_raw_text(parser: str) -> None:
    root = compose_text("a: no\nb: 010\nc: yes\nd: ~\n", "f.yaml")
    assert [(k.value, v.value) for k, v in root.value] == [("a", "no"), ("b", "010"), ("c", "yes"),
                                                           ("d", "~")]


def test_plain_null_is_null_but_quoted_null_is_text(parser: str) -> None:
    root = compose_text("a: null\nb: 'null'\nc:\n", "f.yaml")
    assert [yamlsafe.is_null(v) for _, v in root.value] == [True, False, True]


def test_duplicate_key_is_refused_at_the_second(parser: str) -> None:
    (p,) = problems("a: 1\nb: 2\na: 3\n")
    assert (p.line, p.col) == (3, 1) and "duplicate key 'a'" in p.message and "line 1" in p.message


def test_anchor_and_alias_are_refused(parser: str) -> None:
    found = problems("a: &x [1, 2]\nb: *x\nc: *y\n")
    assert [(p.line, p.col) for p in found] == [(1, 4), (3, 4)]
    assert "anchor &x" in found[0].message and "alias *y" in found[1].message


def test_explicit_tags_are_refused(parser: str) -> None:
    (p,) = problems("a: !!python/object/apply:os.system ['true']\n")
    assert (p.line, p.col) == (1, 4) and "!!python/object/apply:os.system" in p.message


def test_nesting_is_capped(parser: str) -> None:
    text = "a: " + "[" * (yamlsafe.MAX_DEPTH + 5) + "]" * (yamlsafe.MAX_DEPTH + 5)
    (p,) = problems(text)
    assert p.line == 1 and "nesting deeper than" in p.message


def test_node_count_is_capped(parser: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(yamlsafe, "MAX_NODES", 50)
    (p,) = problems("a: [" + ", ".join(["1"] * 100) + "]\n")
    assert p.line == 1 and "more than 50 values" in p.message


def test_size_is_capped(tmp_path, parser: str) -> None:
    big = tmp_path / "big.yaml"
    big.write_bytes(b"# padding\n" * (yamlsafe.MAX_BYTES // 10 + 1))
    with pytest.raises(ScenarioError) as caught:
        read_file(big)
    (p,) = caught.value.problems
    assert (p.line, p.col) == (1, 1) and "too large" in p.message and "2 MB" in p.fix


def test_non_utf8_bytes_are_a_problem_not_a_crash(parser: str) -> None:
    (p,) = problems(b"a: 1\nb: caf\xe9\n")
    assert (p.line, p.col) == (2, 7) and "not UTF-8" in p.message


def test_a_byte_order_mark_is_fine(parser: str) -> None:
    root = compose_text("\ufeffa: 1\n".encode("utf-8"), "f.yaml")
    assert root.value[0][0].value == "a"


def test_control_characters_are_a_problem(parser: str) -> None:
    (p,) = problems("a: 1\nb: x\x07y\n")
    assert (p.line, p.col) == (2, 5) and "U+0007" in p.message


def test_syntax_errors_carry_the_mark_and_a_hint(parser: str) -> None:
    (p,) = problems("a:\n\tb: 1\n")
    assert (p.line, p.col) == (2, 1) and "YAML syntax" in p.message and "tabs" in p.fix
    (p,) = problems("title: Lenin: a life\n")
    assert p.line == 1 and "quotes" in p.fix


def test_several_documents_are_refused(parser: str) -> None:
    (p,) = problems("a: 1\n---\nb: 2\n")
    assert p.line == 2 and "single document" in p.message


def test_a_list_or_mapping_key_is_refused(parser: str) -> None:
    (p,) = problems("? [a, b]\n: 1\n")
    assert p.line == 1 and "key must be a plain name" in p.message


def test_missing_file_is_a_problem(tmp_path) -> None:
    with pytest.raises(ScenarioError) as caught:
        read_file(tmp_path / "nowhere.yaml")
    assert "cannot read file" in caught.value.problems[0].message


def test_problem_prints_as_file_line_col_message_fix() -> None:
    problem = Problem("a.yaml", 3, 7, "unknown person 'stalln'", "did you mean 'stalin'?")
    assert str(problem) == "a.yaml:3:7: unknown person 'stalln' — did you mean 'stalin'?"
    error = ScenarioError([problem, Problem("a.yaml", 1, 1, "first")])
    assert str(error).splitlines() == ["a.yaml:1:1: first", str(problem)]
