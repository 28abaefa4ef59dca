"""Function calls in expressions: typed arguments resolved at compile time.

``holds(stalin, gensec)`` becomes ``env.call("holds", (2, 0))``: each id argument is checked
against the kind the function takes (a post, not a person) and replaced by its index; numeric
arguments stay expressions evaluated per game. The arithmetic helpers (min, max, abs, clamp) run
here in NumPy; ``chance(p)`` asks the engine's random stream at a site fixed at compile time.
"""
from __future__ import annotations

import ast
from typing import Callable, Union

import numpy as np

from game.content import grammar as g
from game.content.compiler import Compiler, Fn, Term
from game.content.errors import did_you_mean
from game.content.grammar import Env

Slot = Union[int, str, Fn]      # an index, an option or level name, or a per-game number

_MATH: dict[str, Callable[..., np.ndarray]] = {
    "min": np.minimum, "max": np.maximum, "abs": np.abs,
    "clamp": lambda x, lo, hi: np.minimum(np.maximum(x, lo), hi)}


def evaluate(slots: tuple[Slot, ...], env: Env) -> tuple:
    """The runtime arguments: numbers evaluated for this batch, ids and names as they are."""
    return tuple(slot(env) if callable(slot) else slot for slot in slots)


class CallCompiler(Compiler):
    """The full expression compiler: operators and names (Compiler) plus function calls."""

    def call(self, node: ast.Call, depth: int) -> Term:
        name = self.function_name(node)
        if name in g.ACTIONS:
            raise self.error(node, f"{name}() is an effect; it cannot be part of a condition",
                             "put it in an effects list")
        if name == "chance":
            (p,) = self.numbers(node, name, depth)
            return Term("bool", self._chance(p, node))
        if name in g.MATH:
            args, fn = self.numbers(node, name, depth), _MATH[name]
            return Term("num", lambda env: np.asarray(fn(*(a(env) for a in args)), dtype=float))
        if name in g.QUERIES:
            kinds, result = g.QUERIES[name]
            slots = self.arguments(node, name, kinds, depth)
            dtype = bool if result == "bool" else float
            if not any(callable(slot) for slot in slots):     # ids and names only: as they are
                return Term(result, lambda env: np.asarray(env.call(name, slots), dtype=dtype))
            return Term(result, lambda env: np.asarray(env.call(name, evaluate(slots, env)), dtype=dtype))
        raise self.error(node.func, f"unknown function '{name}'",
                         did_you_mean(name, [*g.QUERIES, *g.MATH, "chance"]))

    def function_name(self, node: ast.Call) -> str:
        if not isinstance(node.func, ast.Name):
            raise self.error(node.func, "only the grammar's functions may be called",
                             "e.g. holds(stalin, gensec)")
        if node.keywords:
            raise self.error(node.keywords[0].value, f"{node.func.id}() takes no named arguments",
                             f"write {g.signature(node.func.id)}")
        return node.func.id

    def numbers(self, node: ast.Call, name: str, depth: int) -> list[Fn]:
        arity = len(g.MATH.get(name, ("p",)))
        self.check_count(node, name, arity)
        return [self.number(arg, depth) for arg in node.args]

    def check_count(self, node: ast.Call, name: str, count: int) -> None:
        if len(node.args) != count or any(isinstance(a, ast.Starred) for a in node.args):
            raise self.error(node, f"{name}() takes {count} argument{'s' * (count != 1)}, "
                             f"given {len(node.args)}", f"write {g.signature(name)}")

    def _chance(self, p: Fn, node: ast.AST) -> Fn:
        site = self.next_site(node)
        return lambda env: np.asarray(env.chance(np.clip(p(env), 0.0, 1.0), site), dtype=bool)

    def arguments(self, node: ast.Call, name: str, kinds: tuple[str, ...], depth: int,
                  decider: bool = False) -> tuple[Slot, ...]:
        """Resolve each argument by the kind the function takes there; ``decider``: a person
        may be the event's decider (an effect's own arguments)."""
        self.check_count(node, name, len(kinds))
        slots: list[Slot] = []
        policy = ""
        for kind, arg in zip(kinds, node.args):
            if kind == "num":
                slots.append(self.number(arg, depth))
            elif kind in ("body", "level"):
                slots.append(self.word(arg, name, kind))
            elif kind == "policy":
                policy = self.word(arg, name, kind)
                slots.append(self.ctx.policies[policy][0])
            elif kind == "option":
                slots.append(self.option(arg, name, policy))
            elif kind == "person" and isinstance(arg, ast.Name) and arg.id == g.DECIDER:
                if not decider:
                    raise self.error(arg, f"'{g.DECIDER}' names the man who decides an event: "
                                     "only an event's effects may name him",
                                     f"name the person, e.g. {g.signature(name)}")
                slots.append(_the_decider)
            else:
                slots.append(self.identifier(arg, name, kind))
        return tuple(slots)

    def identifier(self, arg: ast.AST, fname: str, kind: str) -> int:
        ids = self.ctx.ids(kind)
        if not isinstance(arg, ast.Name):
            raise self.error(arg, f"{fname}() needs a {kind} id here", f"write {g.signature(fname)}")
        if arg.id in ids:
            return ids[arg.id]
        other = self.ctx.kind_of(arg.id)
        if other is not None:
            raise self.error(arg, f"'{arg.id}' is a {other}; {fname}() needs a {kind} here",
                             f"write {g.signature(fname)}" + _suggest(arg.id, ids))
        raise self.error(arg, f"unknown {kind} '{arg.id}'", did_you_mean(arg.id, ids))

    def word(self, arg: ast.AST, fname: str, kind: str) -> Union[int, str]:
        """A body (-> index into BODIES), a level (-> its name) or a policy id (-> its name)."""
        text = _bare(arg)
        known = {"body": g.BODIES, "level": g.LEVELS, "policy": tuple(self.ctx.policies)}[kind]
        if text is None:
            raise self.error(arg, f"{fname}() needs a {kind} here", "one of: " + ", ".join(known))
        if text not in known:
            raise self.error(arg, f"unknown {kind} '{text}'", did_you_mean(text, known))
        return g.BODIES.index(text) if kind == "body" else text

    def option(self, arg: ast.AST, fname: str, policy: str) -> str:
        options = self.ctx.policies[policy][1]
        text = _bare(arg)
        if text is None or text not in options:
            raise self.error(arg, f"policy {policy} has no option {text!r}" if text else
                             f"{fname}() needs an option of {policy} here",
                             did_you_mean(text or "", options))
        return text


def _the_decider(env: Env) -> np.ndarray:
    """The slot of ``decider``: the event's decider in each game (engine.events.deciders)."""
    return env.the_decider()


def _bare(arg: ast.AST) -> str | None:
    """A name or a quoted text: both spell a body, level, policy or option."""
    if isinstance(arg, ast.Name):
        return arg.id
    if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
        return arg.value
    return None


def _suggest(word: str, ids: object) -> str:
    hint = did_you_mean(word, ids)   # type: ignore[arg-type]
    return f" ({hint})" if hint.startswith("did you mean") else ""
