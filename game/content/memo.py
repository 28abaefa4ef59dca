"""A bounded, in-memory memo of compiled expressions, so one scenario's are compiled once.

Loading a scenario compiles every expression to check it (``validate``), and building a
``Game`` from it compiles them all again; the lab and the tests build many games from one
scenario. Compiling is a pure function of the text, the statement kind, the ids in force
(``CompileContext``) and, for an expression that calls ``chance()``, its site. So a result is
kept under (kind, text, the context's token) with the number of ``chance()`` calls it made and
its site; it is reused when that number is 0 or the site is the same, and a compile that fails
is never kept (its error is raised again each time). Nothing is written to disk: the memo lives
and dies with the process, and holds at most ``MAX_ENTRIES`` results, dropping the oldest first.
"""
from __future__ import annotations

from typing import Any, Callable

from game.content.calls import CallCompiler
from game.content.grammar import CompileContext

MAX_ENTRIES = 4096

_memo: dict[tuple[str, str, object], tuple[Any, int, int]] = {}


def compiled(kind: str, text: str, ctx: CompileContext, site: int,
             make: Callable[[CallCompiler], Any]) -> Any:
    """``make(CallCompiler(text, ctx, site))``, or the same result kept from an earlier call."""
    key = (kind, text, ctx.token)
    kept = _memo.get(key)
    if kept is not None and (kept[1] == 0 or kept[2] == site):
        return kept[0]
    compiler = CallCompiler(text, ctx, site)
    result = make(compiler)
    if kept is None and len(_memo) >= MAX_ENTRIES:
        del _memo[next(iter(_memo))]      # the oldest (dicts keep insertion order)
    _memo[key] = (result, compiler.chances, site)
    return result


def clear() -> None:
    """Forget every kept result (for tests and benchmarks)."""
    _memo.clear()
