"""Effect statements: ``stalin.prestige += 10``, ``faction_ban = true``, ``expel(trotsky, party)``.

Each compiles to ``(env, mask) -> None``; the mask says in which games of the batch it applies,
so an effect never branches in Python on a game's state.
"""
from __future__ import annotations

import ast
from typing import Callable

import numpy as np

from game.content import grammar as g
from game.content.calls import CallCompiler, evaluate
from game.content.compiler import ARITH, Fn
from game.content.errors import did_you_mean
from game.content.grammar import Env

Effect = Callable[[Env, np.ndarray], None]

_EXAMPLE = "e.g. `stalin.prestige += 10`, `faction_ban = true` or `expel(trotsky, party)`"


def compile_statement(compiler: CallCompiler, stmt: ast.stmt) -> Effect:
    if isinstance(stmt, ast.Expr) and isinstance(stmt.value, ast.Call):
        return _action(compiler, stmt.value)
    if isinstance(stmt, ast.Assign):
        if len(stmt.targets) != 1:
            raise compiler.error(stmt, "set one thing per effect", "write a = 1 and b = 1 as two effects")
        return _assign(compiler, stmt.targets[0], None, stmt.value)
    if isinstance(stmt, ast.AugAssign):
        op = ARITH.get(type(stmt.op))
        if op is None:
            raise compiler.error(stmt, "only = += -= *= /= may change a value", _EXAMPLE)
        return _assign(compiler, stmt.target, op, stmt.value)
    if isinstance(stmt, ast.Expr):
        raise compiler.error(stmt, "an effect must change something; this only computes a value",
                             _EXAMPLE)
    raise compiler.error(stmt, f"{type(stmt).__name__} statements are not part of the grammar",
                         _EXAMPLE)


def _action(compiler: CallCompiler, node: ast.Call) -> Effect:
    name = compiler.function_name(node)
    if name not in g.ACTIONS:
        if name in g.QUERIES or name in g.MATH or name == "chance":
            raise compiler.error(node, f"{name}() asks a question; it changes nothing",
                                 "use it in a trigger or when, or call an effect such as appoint()")
        raise compiler.error(node.func, f"unknown effect '{name}'", did_you_mean(name, g.ACTIONS))
    slots = compiler.arguments(node, name, g.ACTIONS[name], 0, decider=True)

    def run(env: Env, mask: np.ndarray) -> None:
        env.do(name, evaluate(slots, env), mask)
    return run


def _assign(compiler: CallCompiler, target: ast.AST, op: Callable | None, value: ast.AST) -> Effect:
    kind, field, index, result = _target(compiler, target)
    if result == "bool":
        if op is not None:
            raise compiler.error(target, f"{field} is true or false; it can only be set with =",
                                 f"write {field} = true or {field} = false")
        new: Fn = compiler.predicate(value)
    else:
        new = compiler.number(value)

    def run(env: Env, mask: np.ndarray) -> None:
        amount = new(env)
        if op is not None:
            amount = op(np.asarray(env.get(kind, field, index), dtype=float), amount)
        env.set(kind, field, index, amount, mask)
    return run


def _target(compiler: CallCompiler, node: ast.AST) -> tuple[str, str, int, str]:
    """What an assignment changes: (kind, field, index, num|bool)."""
    ctx = compiler.ctx
    if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name):
        kind = ctx.kind_of(node.value.id)
        settable = {"person": g.PERSON_SETTABLE, "region": g.REGION_SETTABLE}.get(kind or "")
        if settable is None:
            raise compiler.error(node.value, f"'{node.value.id}' is not a person or region",
                                 did_you_mean(node.value.id, [*ctx.persons, *ctx.regions]))
        if node.attr not in settable:
            raise compiler.error(node, f"an effect cannot set {kind}.{node.attr}",
                                 "settable: " + ", ".join(settable) + _instead(node.attr))
        return kind, node.attr, ctx.ids(kind)[node.value.id], "num"
    if isinstance(node, ast.Name):
        word = node.id
        if word in g.INDICATORS:
            return "indicator", word, g.INDICATORS.index(word), "num"
        if word in ctx.flags:
            return "flag", word, ctx.flags[word], "bool"
        if word in ctx.policies:
            raise compiler.error(node, f"{word} is a policy", f"write set_policy({word}, \"option\")")
        if word in g.RESERVED:
            raise compiler.error(node, f"{word} cannot be changed by an effect", _EXAMPLE)
        raise compiler.error(node, f"unknown indicator or flag '{word}'",
                             did_you_mean(word, [*g.INDICATORS, *ctx.flags]) +
                             " (a new flag must be declared under flags:)")
    raise compiler.error(node, "an effect can set person.field, region.field, an indicator or a flag",
                         _EXAMPLE)


def _instead(field: str) -> str:
    return {"alive": "; use kill(person)", "expelled": "; use expel(person, party)",
            "silenced": "; use silence(person)"}.get(field, "")
