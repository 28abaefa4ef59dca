"""Expressions compile once to vectorised closures: one answer per game of the batch (B = 4)."""
from __future__ import annotations

from typing import Any

import numpy as np
import pytest

from game.content import grammar
from game.content.expr import (MAX_LENGTH, CompileContext, ExprError, compile_effect,
                               compile_predicate, compile_value)

CTX = CompileContext(persons={"lenin": 0, "stalin": 1, "trotsky": 2}, posts={"gensec": 0, "pravda": 1},
                     regions={"moscow": 0, "ukraine": 1}, blocs={"troika": 0}, events={"stroke": 0},
                     flags={"faction_ban": 0, "testament_read": 1},
                     policies={"procurement": (0, ("market", "force"))})
ALL = np.array([True, True, True, True])
IND = grammar.INDICATORS.index


def truth(text: str, env: Any) -> list[bool]:
    result = compile_predicate(text, CTX, site=3)(env)
    assert result.dtype == bool and result.shape == (4,)
    return result.tolist()


def value(text: str, env: Any) -> list[float]:
    result = compile_value(text, CTX)(env)
    assert result.dtype == float and result.shape == (4,)
    return result.tolist()


def error(text: str, effect: bool = False) -> ExprError:
    with pytest.raises(ExprError) as caught:
        (compile_effect if effect else compile_predicate)(text, CTX, 0)
    return caught.value


def test_comparisons_and_boolean_operators_work_per_game(env: Any) -> None:
    env.put("person", "prestige", 1, [10, 60, 70, 80])
    env.put("flag", "faction_ban", 0, [False, False, True, True])
    assert truth("stalin.prestige > 50", env) == [False, True, True, True]
    assert truth("stalin.prestige > 50 and not faction_ban", env) == [False, True, False, False]
    assert truth("stalin.prestige < 50 or faction_ban", env) == [True, False, True, True]
    assert truth("50 < stalin.prestige <= 70", env) == [False, True, True, False]
    assert truth("faction_ban == true", env) == [False, False, True, True]


def test_arithmetic_and_math_functions(env: Any) -> None:
    env.put("person", "prestige", 2, [10, 20, 30, 40])
    assert value("trotsky.prestige * 2 + 1", env) == [21, 41, 61, 81]
    assert value("clamp(trotsky.prestige, 15, 35)", env) == [15, 20, 30, 35]
    assert value("max(trotsky.prestige, 25) - min(trotsky.prestige, 25)", env) == [15, 5, 5, 15]
    assert value("abs(-trotsky.prestige)", env) == [10, 20, 30, 40]
    assert value("trotsky.prestige / 0", env) == [0, 0, 0, 0]      # never inf or nan


def test_indicators_and_the_scissors(env: Any) -> None:
    env.put("indicator", "industrial_prices", IND("industrial_prices"), [140, 100, 120, 90])
    env.put("indicator", "agricultural_prices", IND("agricultural_prices"), [70, 100, 0, 90])
    assert value("scissors", env) == [2.0, 1.0, 0.0, 1.0]
    assert truth("industrial_prices > 100", env) == [True, False, True, False]


def test_the_historiography_setting_scales_what_an_expression_says(env: Any) -> None:
    env.structural = 0.8
    assert value("4 * structural", env) == pytest.approx([3.2] * 4)
    assert value("4 * agency", env) == pytest.approx([0.8] * 4)
    assert truth("structural > agency", env) == [True] * 4


def test_date_and_year_compare_with_the_calendar(env: Any) -> None:
    env.month = 1923 * 12 + 2           # March 1923
    assert truth('date >= "1923-03"', env) == [True] * 4
    assert truth('date > "1923-03"', env) == [False] * 4
    assert truth('"1923-01" <= date < "1923-06"', env) == [True] * 4
    assert truth('"1923-04" <= date', env) == [False] * 4
    assert value("year", env) == [1923 + 2 / 12] * 4


def test_policies_compare_with_their_options(env: Any) -> None:
    env.put("policy", "procurement", 0, [0, 1, 1, 0])
    assert truth('procurement == "force"', env) == [False, True, True, False]
    assert truth('procurement != "force"', env) == [True, False, False, True]


def test_functions_get_typed_indices(env: Any) -> None:
    env.answers["holds"] = np.array([1, 0, 1, 0])
    assert truth("holds(stalin, gensec)", env) == [True, False, True, False]
    truth("member(trotsky, politburo) or controls(stalin, ukraine) or fired(stroke)", env)
    assert env.calls[0] == ("holds", (1, 0))
    assert env.calls[1:] == [("member", (2, 0)), ("controls", (1, 1)), ("fired", (0,))]


def test_chance_draws_at_numbered_sites(env: Any) -> None:
    assert truth("chance(0.5) and chance(2)", env) == [True, False, True, False]
    assert [site for _, site in env.draws] == [3 * 64, 3 * 64 + 1]
    assert env.draws[1][0].tolist() == [1.0] * 4                    # p is clipped to 0..1


def test_a_compiled_expression_is_kept_but_never_across_sites_or_ids(env: Any) -> None:
    # the memo hands back what was compiled for the same text and ids...
    assert compile_predicate("stalin.prestige > 50", CTX, 1) is \
        compile_predicate("stalin.prestige > 50", CTX, 2)
    same_ids = CompileContext(**{f: getattr(CTX, f) for f in ("persons", "posts", "regions",
                                                               "blocs", "events", "flags",
                                                               "policies")})
    assert compile_effect("stalin.prestige += 1", CTX) is compile_effect("stalin.prestige += 1",
                                                                         same_ids)
    # ... but chance() draws at the site it was compiled for,
    compile_predicate("chance(0.5)", CTX, site=5)(env)
    compile_predicate("chance(0.5)", CTX, site=6)(env)
    compile_predicate("chance(0.5)", CTX, site=5)(env)
    assert [site for _, site in env.draws] == [5 * 64, 6 * 64, 5 * 64]
    # and other ids resolve names to their own indices
    moved = CompileContext(persons={"stalin": 2, "trotsky": 1})
    env.put("person", "prestige", 1, [60, 60, 60, 60])
    env.put("person", "prestige", 2, [10, 10, 10, 10])
    assert compile_predicate("stalin.prestige > 50", CTX)(env).tolist() == [True] * 4
    assert compile_predicate("stalin.prestige > 50", moved)(env).tolist() == [False] * 4


def test_empty_condition_is_always_true(env: Any) -> None:
    assert truth("  ", env) == [True] * 4


def test_effects_change_only_masked_games(env: Any) -> None:
    env.put("person", "prestige", 1, [10.0, 20, 30, 40])
    mask = np.array([True, False, True, False])
    compile_effect("stalin.prestige += 5", CTX)(env, mask)
    assert env.get("person", "prestige", 1).tolist() == [15, 20, 35, 40]
    compile_effect("stalin.prestige *= 2", CTX)(env, ALL)
    assert env.get("person", "prestige", 1).tolist() == [30, 40, 70, 80]
    compile_effect("testament_read = true", CTX)(env, mask)
    assert env.get("flag", "testament_read", 1).tolist() == [True, False, True, False]
    compile_effect("strikes = 5", CTX)(env, ALL)
    assert env.get("indicator", "strikes", IND("strikes")).tolist() == [5] * 4


def test_effect_calls_pass_ids_names_and_numbers(env: Any) -> None:
    for text in ["expel(trotsky, party)", 'set_policy(procurement, "force")', "join(stalin, troika)",
                 "relation(stalin, trotsky, -0.5)", "enter(stalin, orgburo)", "secretary(ukraine, stalin, 0.8)"]:
        compile_effect(text, CTX)(env, ALL)
    names = [(name, tuple(a.tolist() if isinstance(a, np.ndarray) else a for a in args))
             for name, args, _ in env.done]
    assert names == [("expel", (2, "party")), ("set_policy", (0, "force")), ("join", (1, 0)),
                     ("relation", (1, 2, [-0.5] * 4)), ("enter", (1, 4)),
                     ("secretary", (1, 1, [0.8] * 4))]


@pytest.mark.parametrize("text,col,words", [
    ("__import__('os')", 0, "unknown function '__import__'"),
    ("stalin.__class__ == 1", 0, "no field '__class__'"),
    ("stalin.prestige.real > 1", 0, "only person.field or region.field"),
    ("stalln.prestige > 1", 0, "did you mean 'stalin'?"),
    ("stalin.prestige > 1 and x[0]", 24, "indexing"),
    ("(lambda: 1)() > 0", 1, "only the grammar's functions"),
    ("holds(stalin, trotsky)", 14, "'trotsky' is a person; holds() needs a post"),
    ("holds(stalin)", 0, "holds() takes 2 arguments"),
    ("member(stalin, politbureau)", 15, "did you mean 'politburo'"),
    ('procurement == "forse"', 15, "did you mean 'force'?"),
    ('date > "1923-13"', 7, "not a date"),
    ('date > 3', 7, "cannot compare date with a number"),
    ("stalin.prestige", 0, "expected a condition"),
    ("1 + faction_ban > 0", 4, "expected a number"),
    ("stalin.prestige ** 2 > 1", 0, "only + - * /"),
    ("stalin.prestige > 1 &&", 21, "cannot parse"),
    ("join(stalin, troika)", 0, "is an effect"),
    ("x if y else z", 0, "not part of the scenario grammar"),
    ("holds(stalin, post=gensec)", 19, "no named arguments"),
])
def test_forbidden_or_wrong_predicates_explain_themselves(text: str, col: int, words: str) -> None:
    err = error(text)
    assert err.col == col and words in (err.message + " " + err.fix), (err.col, str(err))


@pytest.mark.parametrize("text,words", [
    ("import os", "Import statements are not part"),
    ("stalin.prestige += 1; trotsky.prestige -= 1", "one statement"),
    ("stalin.alive = false", "use kill(person)"),
    ("faction_ban += 1", "only be set with ="),
    ("procurement = 1", "set_policy"),
    ("holds(stalin, gensec)", "changes nothing"),
    ("stalin.prestige + 1", "must change something"),
    ("newflag = true", "declared under flags"),
    ("expel(trotsky, galaxy)", "unknown level 'galaxy'"),
    ("", "one statement"),
])
def test_forbidden_or_wrong_effects_explain_themselves(text: str, words: str) -> None:
    err = error(text, effect=True)
    assert words in err.message + " " + err.fix, str(err)


def test_long_and_deep_expressions_are_refused() -> None:
    assert "longer than" in error("1 < 2 and " * (MAX_LENGTH // 10) + "true").message
    assert "nested too deeply" in error("not " * 40 + "true").message


def test_multiline_expressions_keep_their_columns() -> None:
    err = error("stalin.prestige > 1\n  and stalln.alive")
    assert err.col == 26


def test_columns_count_characters_not_bytes() -> None:
    ctx = CompileContext(persons={"stalin": 0}, policies={"prices": (0, ("réduction", "hausse"))})
    with pytest.raises(ExprError) as caught:
        compile_predicate('prices == "réduction" and stalln.alive', ctx)
    assert caught.value.col == len('prices == "réduction" and ')


def test_grammar_tables_match_the_engine() -> None:
    state = pytest.importorskip("game.engine.state")
    assert grammar.INDICATORS == state.INDICATORS
    assert grammar.BODIES == state.BODIES
    actions = pytest.importorskip("game.engine.actions")
    assert grammar.PLAYER_ACTIONS == actions.KIND_IDS


def test_context_from_scenario_indexes_ids(tiny_text: str) -> None:
    from game.content.loader import parse_scenario
    ctx = CompileContext.from_scenario(parse_scenario(tiny_text))
    assert ctx.persons == {"lenin": 0, "stalin": 1, "trotsky": 2}
    assert ctx.flags == {"faction_ban": 0, "testament_read": 1}
    assert ctx.policies == {"procurement": (0, ("market", "force"))}
    assert ctx.kind_of("moscow_org") == "post" and ctx.kind_of("troika") == "bloc"
