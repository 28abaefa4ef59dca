"""Fuzzing: whatever is done to a scenario's text, loading either succeeds or raises a
ScenarioError whose problems all have a file, line and column — nothing else ever escapes."""
from __future__ import annotations

from pathlib import Path
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from game.content.errors import ScenarioError
from game.content.expr import CompileContext, ExprError, compile_effect, compile_predicate
from game.content.loader import parse_scenario
from game.content.schema import Scenario

FIXTURES = Path(__file__).parent / "fixtures"
TINY = FIXTURES / "tiny.yaml"

TEXT = TINY.read_text(encoding="utf-8")
LINES = TEXT.splitlines(keepends=True)
# Fragments that stress YAML and the loader: booleans, nulls, anchors, tags, brackets, quotes,
# control and non-ASCII characters, bad numbers, expressions, structure markers.
SNIPPETS = ["yes", "no", "~", "null", "&a ", "*a", "!!python/object:os.system ", "\t", "{", "}",
            "[", "]", '"', "'", ": ", "- ", "  ", "#", "\x00", "\x85", "é", "1e999", ".nan", "-1",
            "010", "__import__('os')", "stalin", "lenin.health >", "<<: *a", "? ", "|", ">",
            "%YAML 1.1\n", "---\n", "...\n", "\\", "\u2028", "base: tiny\n", "overrides: {}\n",
            "persons: null\n", "id: x\n", "- id: lenin\n"]
FUZZ = settings(max_examples=800, deadline=None, database=None,
                suppress_health_check=[HealthCheck.too_slow])
CTX = CompileContext.from_scenario(parse_scenario(TEXT))


def loads_or_explains(data: str | bytes) -> None:
    try:
        scenario = parse_scenario(data, "tiny.yaml")
    except ScenarioError as err:
        assert err.problems
        for problem in err.problems:
            assert problem.line >= 1 and problem.col >= 1 and problem.file, problem
            assert "internal error" not in problem.message, str(problem)
    else:
        assert isinstance(scenario, Scenario)


@st.composite
def line_edits(draw: st.DrawFn) -> str:
    lines = list(LINES)
    for _ in range(draw(st.integers(1, 4))):
        i = draw(st.integers(0, len(lines) - 1))
        op = draw(st.sampled_from(["delete", "duplicate", "swap", "insert", "edit", "indent"]))
        if op == "delete" and len(lines) > 1:
            del lines[i]
        elif op == "duplicate":
            lines.insert(i, lines[i])
        elif op == "swap":
            j = draw(st.integers(0, len(lines) - 1))
            lines[i], lines[j] = lines[j], lines[i]
        elif op == "insert":
            lines.insert(i, draw(st.sampled_from(LINES)) if draw(st.booleans())
                         else draw(st.sampled_from(SNIPPETS)) + "\n")
        elif op == "indent":
            lines[i] = " " * draw(st.integers(1, 3)) + lines[i]
        else:
            line = lines[i]
            a = draw(st.integers(0, len(line)))
            b = draw(st.integers(a, min(len(line), a + 12)))
            new = draw(st.sampled_from(SNIPPETS) | st.text(max_size=6))
            lines[i] = line[:a] + new + line[b:]
    return "".join(lines)


@st.composite
def byte_edits(draw: st.DrawFn) -> bytes:
    data = bytearray(TEXT.encode("utf-8"))
    for _ in range(draw(st.integers(1, 6))):
        i = draw(st.integers(0, len(data) - 1))
        op = draw(st.sampled_from(["replace", "delete", "insert", "cut"]))
        if op == "replace":
            data[i] = draw(st.integers(0, 255))
        elif op == "delete":
            del data[i]
        elif op == "insert":
            data[i:i] = draw(st.binary(min_size=1, max_size=4))
        else:
            j = draw(st.integers(i, min(len(data), i + 200)))
            del data[i:j]
    return bytes(data)


@FUZZ
@given(line_edits())
def test_line_edits_load_or_explain(text: str) -> None:
    loads_or_explains(text)


@settings(FUZZ, max_examples=500)
@given(byte_edits())
def test_byte_edits_load_or_explain(data: bytes) -> None:
    loads_or_explains(data)


TOKENS = ["stalin", "trotsky", "gensec", "moscow", "troika", "procurement", "faction_ban", ".",
          "prestige", "alive", "health", "members", "holds", "member", "chance", "min", "clamp", "(",
          ")", ",", " and ", " or ", "not ", "<", "<=", "==", "!=", "+", "-", "*", "/", "=", "+=",
          "1", "0.5", '"1923-03"', '"force"', "date", "year", "politburo", "party", "expel",
          "set_policy", "__import__", "[", "]", "lambda", ":", "'", "**", "é", "\n", ";", "1e999"]


@settings(FUZZ, max_examples=800)
@given(st.lists(st.sampled_from(TOKENS), max_size=14), st.booleans())
def test_expressions_compile_or_raise_expr_error(tokens: list[str], effect: bool) -> None:
    text = "".join(tokens)
    try:
        (compile_effect if effect else compile_predicate)(text, CTX, 1)
    except ExprError as err:
        assert 0 <= err.col <= len(text) and err.message
