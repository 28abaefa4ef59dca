"""The expression grammar of scenario files: parsed with ``ast`` over an allow-list, never eval'd.

A trigger, a ``when``, an aim or an effect is a string such as ``stalin.prestige > 50 and not
faction_ban`` or ``trotsky.prestige -= 10``. It is parsed once by Python's ``ast`` module; every
node type, name, field and function is checked against the grammar (``game.content.grammar``),
ids are resolved to indices at compile time with "did you mean" for typos, and the result is a
closure over the engine's :class:`Env`. Values are NumPy arrays with one entry per game of the
batch (bool for conditions, float for numbers): ``and``/``or``/``not`` are ``&``/``|``/``~``.

No user text ever reaches eval, exec or compile.

This module is the public face; the work is done in ``compiler`` (operators, names),
``calls`` (functions) and ``effects`` (statements); ``memo`` keeps what was compiled, so the
same expressions under the same ids are compiled once per process.
"""
from __future__ import annotations

from typing import Callable

import numpy as np

from game.content.calls import CallCompiler
from game.content.compiler import MAX_CHANCES, MAX_DEPTH, MAX_LENGTH
from game.content.effects import Effect, compile_statement
from game.content.grammar import CompileContext, Env, ExprError
from game.content.memo import compiled

Predicate = Callable[[Env], np.ndarray]


def compile_predicate(text: str, ctx: CompileContext, site: int = 0) -> Predicate:
    """A condition: ``env -> bool[B]``. Empty text means "always"."""
    if not text.strip():
        return lambda env: np.ones(env.batch, dtype=bool)
    return compiled("predicate", text, ctx, site, _predicate)


def _predicate(compiler: CallCompiler) -> Predicate:
    return compiler.predicate(compiler.parse("eval").body)


def compile_value(text: str, ctx: CompileContext, site: int = 0) -> Predicate:
    """A number: ``env -> float[B]``; a condition counts as 1.0 or 0.0."""
    compiler = CallCompiler(text, ctx, site)
    body = compiler.parse("eval").body
    term = compiler.term(body, 0)
    if term.kind == "bool" and term.fn is not None:
        fn = term.fn
        return lambda env: fn(env).astype(float)
    return compiler.require(term, "num", body)


def compile_effect(text: str, ctx: CompileContext, site: int = 0) -> Effect:
    """One statement: ``(env, mask) -> None``, acting only in the games where ``mask`` holds."""
    return compiled("effect", text, ctx, site, _effect)


def _effect(compiler: CallCompiler) -> Effect:
    module = compiler.parse("exec")
    if len(module.body) != 1:
        col = compiler.col(module.body[1]) if len(module.body) > 1 else 0
        raise ExprError("write exactly one statement per effect", col,
                        "put each effect in its own list item")
    return compile_statement(compiler, module.body[0])


__all__ = ["CompileContext", "Effect", "Env", "ExprError", "Predicate", "compile_effect",
           "compile_predicate", "compile_value", "MAX_CHANCES", "MAX_DEPTH", "MAX_LENGTH"]
