"""Compile a parsed expression (``ast``) into closures over NumPy arrays, node by allowed node.

Every sub-expression becomes a :class:`Term`: a number (``float[B]``), a condition
(``bool[B]``), or one of the few things only a comparison or a function argument may use (a quoted
text, ``date``, a policy, an id). Any node type not in ``_HANDLERS`` is refused with its column.
"""
from __future__ import annotations

import ast
import math
import re
import warnings
from dataclasses import dataclass
from typing import Any, Callable

import numpy as np

from game.content import grammar as g
from game.content.errors import did_you_mean
from game.content.grammar import CompileContext, Env, ExprError

MAX_LENGTH = 500      # characters in one expression
MAX_DEPTH = 32        # nesting of operators and calls
MAX_CHANCES = 64      # chance() calls per expression: site * 64 + n must not collide
_HUGE = 10 ** 300     # integer literals from here up are "too large"

Fn = Callable[[Env], np.ndarray]


@dataclass
class Term:
    kind: str                 # num | bool | text | date | policy | id
    fn: Fn | None = None
    text: str = ""            # the literal (text) or the name (policy, id)
    index: int = -1           # policy or id index
    id_kind: str = ""         # for kind == "id": person, post, region, bloc, event


def divide(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """x / 0 is 0: a scenario must not be able to put inf or nan into the state."""
    a, b = np.broadcast_arrays(np.asarray(a, dtype=float), np.asarray(b, dtype=float))
    return np.divide(a, b, out=np.zeros(a.shape), where=b != 0)


ARITH: dict[type, Callable[[np.ndarray, np.ndarray], np.ndarray]] = {
    ast.Add: np.add, ast.Sub: np.subtract, ast.Mult: np.multiply, ast.Div: divide}
_COMPARE: dict[type, Callable[[np.ndarray, np.ndarray], np.ndarray]] = {
    ast.Lt: np.less, ast.LtE: np.less_equal, ast.Gt: np.greater, ast.GtE: np.greater_equal,
    ast.Eq: np.equal, ast.NotEq: np.not_equal}
_FLIP = {ast.Lt: ast.Gt, ast.LtE: ast.GtE, ast.Gt: ast.Lt, ast.GtE: ast.LtE, ast.Eq: ast.Eq,
         ast.NotEq: ast.NotEq}


def const(value: float | bool) -> Fn:
    dtype = bool if isinstance(value, bool) else float
    return lambda env: np.full(env.batch, value, dtype=dtype)


class Compiler:
    """Compiles one expression text. Holds the text (for columns), the ids and the chance site."""

    def __init__(self, text: str, ctx: CompileContext, site: int):
        if len(text) > MAX_LENGTH:
            raise ExprError(f"expression longer than {MAX_LENGTH} characters", MAX_LENGTH,
                            "split it: set a flag in one event and test it in another")
        # YAML block scalars bring newlines; as spaces they keep every column where it was.
        self.flat = text.replace("\r", " ").replace("\n", " ").replace("\t", " ")
        self.lead = len(self.flat) - len(self.flat.lstrip())   # Python would call it an indent
        self.ctx = ctx
        self.site = site
        self.chances = 0

    def parse(self, mode: str) -> Any:
        try:
            with warnings.catch_warnings():     # "invalid escape sequence" and the like
                warnings.simplefilter("ignore")
                return ast.parse(self.flat[self.lead:], mode=mode)
        except SyntaxError as err:
            col = self.lead + max(0, (err.offset or 1) - 1)
            raise ExprError(f"cannot parse: {err.msg}", min(col, len(self.flat)),
                            _syntax_fix(err.msg or "", self.flat)) from None
        except (ValueError, RecursionError, MemoryError, OverflowError):
            raise ExprError("expression cannot be read", 0, "use only printable text") from None

    def col(self, node: ast.AST) -> int:
        """0-based character offset of a node (ast gives UTF-8 byte offsets)."""
        line = self.flat[self.lead:].encode("utf-8")
        return self.lead + len(line[:getattr(node, "col_offset", 0)].decode("utf-8", errors="ignore"))

    def error(self, node: ast.AST, message: str, fix: str = "") -> ExprError:
        return ExprError(message, self.col(node), fix)

    # -- typed entry points ----------------------------------------------------------------

    def predicate(self, node: ast.AST, depth: int = 0) -> Fn:
        return self.require(self.term(node, depth), "bool", node)

    def number(self, node: ast.AST, depth: int = 0) -> Fn:
        return self.require(self.term(node, depth), "num", node)

    def require(self, term: Term, kind: str, node: ast.AST) -> Fn:
        if term.kind == kind and term.fn is not None:
            return term.fn
        raise self.error(node, f"expected {_KIND_WORDS[kind]}, found {_term_words(term)}",
                         _REQUIRE_FIX[kind])

    def term(self, node: ast.AST, depth: int) -> Term:
        if depth > MAX_DEPTH:
            raise self.error(node, "expression nested too deeply", "split it into simpler parts")
        handler = _HANDLERS.get(type(node))
        if handler is None:
            raise self.error(node, f"{_node_words(node)} is not part of the scenario grammar",
                             "use numbers, names, comparisons, and/or/not, + - * / and the listed functions")
        return getattr(self, handler)(node, depth + 1)

    # -- leaves ----------------------------------------------------------------------------

    def constant(self, node: ast.Constant, depth: int) -> Term:
        value = node.value
        if isinstance(value, bool):
            return Term("bool", const(value))
        if isinstance(value, (int, float)):
            if not (isinstance(value, float) or abs(value) < _HUGE) or not math.isfinite(float(value)):
                raise self.error(node, "number too large", "use an ordinary number")
            return Term("num", const(float(value)))
        if isinstance(value, str):
            return Term("text", text=value)
        raise self.error(node, f"{type(value).__name__} values are not part of the grammar",
                         "use numbers, true/false, or quoted dates and policy options")

    def name(self, node: ast.Name, depth: int) -> Term:
        word, ctx = node.id, self.ctx
        if word in ("true", "false"):
            return Term("bool", const(word == "true"))
        if word in g.INDICATORS:
            return Term("num", _reader("indicator", word, g.INDICATORS.index(word), "num"))
        if word in _SPECIAL:
            return _SPECIAL[word]()
        if word in ctx.flags:
            return Term("bool", _reader("flag", word, ctx.flags[word], "bool"))
        if word in ctx.policies:
            return Term("policy", text=word, index=ctx.policies[word][0])
        kind = ctx.kind_of(word)
        if kind is not None:
            return Term("id", text=word, index=ctx.ids(kind)[word], id_kind=kind)
        if word in g.QUERIES or word in g.ACTIONS or word in g.MATH or word == "chance":
            raise self.error(node, f"{word} is a function", f"call it: {g.signature(word)}")
        if word == g.DECIDER:
            raise self.error(node, f"'{word}' names the man who decides an event: only as a "
                             "person in an event's effects", "e.g. relation(bukharin, decider, "
                             "-0.3); elsewhere name the person")
        raise self.error(node, f"unknown name '{word}'", did_you_mean(word, ctx.all_names()))

    def attribute(self, node: ast.Attribute, depth: int) -> Term:
        owner = node.value
        if not isinstance(owner, ast.Name):
            raise self.error(node, "only person.field or region.field may use a dot",
                             "e.g. stalin.prestige or moscow.loyalty")
        kind = self.ctx.kind_of(owner.id)
        fields = {"person": g.PERSON_FIELDS, "region": g.REGION_FIELDS}.get(kind or "")
        if fields is None:
            what = f"a {kind}" if kind else "not a person or region"
            known = [*self.ctx.persons, *self.ctx.regions]
            raise self.error(owner, f"'{owner.id}' is {what}; only persons and regions have fields",
                             did_you_mean(owner.id, known) if not kind else "e.g. stalin.prestige")
        if node.attr not in fields:
            raise self.error(node, f"a {kind} has no field '{node.attr}'",
                             did_you_mean(node.attr, fields))
        index = self.ctx.ids(kind)[owner.id]
        return Term(fields[node.attr], _reader(kind, node.attr, index, fields[node.attr]))

    # -- operators -------------------------------------------------------------------------

    def boolop(self, node: ast.BoolOp, depth: int) -> Term:
        parts = [self.predicate(v, depth) for v in node.values]
        conj = isinstance(node.op, ast.And)
        combine = np.logical_and if conj else np.logical_or

        # Once every game's answer is settled (false for ``and``, true for ``or``) the other
        # parts cannot change it, and they only read (a chance() draws from a site of its own):
        # they are not worked out. Every part gives a fresh [B] array, so the answer is one too.
        def run(env: Env) -> np.ndarray:
            out = parts[0](env)
            for part in parts[1:]:
                if (not out.any()) if conj else out.all():
                    break
                out = combine(out, part(env))
            return out
        return Term("bool", run)

    def unaryop(self, node: ast.UnaryOp, depth: int) -> Term:
        if isinstance(node.op, ast.Not):
            inner = self.predicate(node.operand, depth)
            return Term("bool", lambda env: ~inner(env))
        if isinstance(node.op, (ast.USub, ast.UAdd)):
            value = self.number(node.operand, depth)
            sign = -1.0 if isinstance(node.op, ast.USub) else 1.0
            return Term("num", lambda env: sign * value(env))
        raise self.error(node, "the operator ~ is not part of the grammar", "use not")

    def binop(self, node: ast.BinOp, depth: int) -> Term:
        op = ARITH.get(type(node.op))
        if op is None:
            raise self.error(node, "only + - * / are allowed in arithmetic", "rewrite with + - * /")
        left, right = self.number(node.left, depth), self.number(node.right, depth)
        return Term("num", lambda env: op(left(env), right(env)))

    def compare(self, node: ast.Compare, depth: int) -> Term:
        nodes = [node.left, *node.comparators]
        terms = [self.term(n, depth) for n in nodes]
        pairs = [self.pair(op, terms[i], terms[i + 1], nodes[i + 1]) for i, op in enumerate(node.ops)]

        def run(env: Env) -> np.ndarray:
            out = pairs[0](env)
            for pair in pairs[1:]:
                out = out & pair(env)
            return out
        return Term("bool", run)

    def pair(self, op: ast.cmpop, a: Term, b: Term, node: ast.AST) -> Fn:
        """One comparison of a chain (``a op b``), typed."""
        if type(op) not in _COMPARE:
            raise self.error(node, "only < <= > >= == != compare", "e.g. stalin.prestige >= 50")
        if b.kind in ("date", "policy") and a.kind == "text":
            a, b, op = b, a, _FLIP[type(op)]()
        fn = _COMPARE[type(op)]
        equality = isinstance(op, (ast.Eq, ast.NotEq))
        if a.kind == b.kind == "num" or (a.kind == b.kind == "bool" and equality):
            left, right = a.fn, b.fn
            return lambda env: fn(left(env), right(env))
        if a.kind == "date" and b.kind == "text":
            return self._date(fn, b, node)
        if a.kind == "policy" and b.kind == "text" and equality:
            return self._policy(fn, a, b, node)
        raise self.error(node, f"cannot compare {_term_words(a)} with {_term_words(b)}",
                         "compare numbers with numbers, date with \"1923-03\", a policy with \"option\"")

    def _date(self, fn: Callable, literal: Term, node: ast.AST) -> Fn:
        month = g.month_index(literal.text)
        if month is None:
            raise self.error(node, f"\"{literal.text}\" is not a date",
                             f"write \"YYYY-MM\", e.g. \"1923-03\" (years {g.MIN_YEAR}-{g.MAX_YEAR})")
        return lambda env: fn(np.full(env.batch, env.month), month)

    def _policy(self, fn: Callable, policy: Term, literal: Term, node: ast.AST) -> Fn:
        options = self.ctx.policies[policy.text][1]
        if literal.text not in options:
            raise self.error(node, f"policy {policy.text} has no option \"{literal.text}\"",
                             did_you_mean(literal.text, options))
        option, name, index = options.index(literal.text), policy.text, policy.index
        return lambda env: fn(np.asarray(env.get("policy", name, index)), option)

    def call(self, node: ast.Call, depth: int) -> Term:
        """Function calls are compiled by the subclass in ``game.content.calls``."""
        raise self.error(node, "function calls are not available here")

    def next_site(self, node: ast.AST) -> int:
        if self.chances >= MAX_CHANCES:
            raise self.error(node, f"more than {MAX_CHANCES} chance() calls", "split the expression")
        self.chances += 1
        return self.site * MAX_CHANCES + self.chances - 1


def _reader(kind: str, field: str, index: int, result: str) -> Fn:
    dtype = bool if result == "bool" else float
    return lambda env: np.asarray(env.get(kind, field, index), dtype=dtype)


def _scissors() -> Term:
    ind, agr = g.INDICATORS.index("industrial_prices"), g.INDICATORS.index("agricultural_prices")
    return Term("num", lambda env: divide(env.get("indicator", "industrial_prices", ind),
                                          env.get("indicator", "agricultural_prices", agr)))


_SPECIAL: dict[str, Callable[[], Term]] = {
    "date": lambda: Term("date", text="date"),
    "year": lambda: Term("num", lambda env: np.full(env.batch, env.month / 12.0)),
    "turn": lambda: Term("num", lambda env: np.full(env.batch, float(env.turn))),
    "scissors": _scissors,
    # the historiography setting (scenario ``historiography: structural``): how much the
    # structural historians' forces count, and its complement for the agency historians'
    "structural": lambda: Term("num", lambda env: np.full(env.batch, env.structural)),
    "agency": lambda: Term("num", lambda env: np.full(env.batch, 1.0 - env.structural)),
}

# The allow-list: the only node types an expression may contain, and the method compiling each.
_HANDLERS: dict[type, str] = {
    ast.Constant: "constant", ast.Name: "name", ast.Attribute: "attribute", ast.Call: "call",
    ast.BoolOp: "boolop", ast.UnaryOp: "unaryop", ast.BinOp: "binop", ast.Compare: "compare"}

_KIND_WORDS = {"bool": "a condition (true or false)", "num": "a number"}
_REQUIRE_FIX = {
    "bool": "compare it, e.g. `stalin.prestige > 50`, or use a flag or a function such as holds()",
    "num": "use a number, an indicator, or a field such as stalin.prestige"}


def _term_words(term: Term) -> str:
    if term.kind == "id":
        return f"the {term.id_kind} '{term.text}'"
    return {"num": "a number", "bool": "a condition", "text": f"the text \"{term.text}\"",
            "date": "date", "policy": f"the policy '{term.text}'"}.get(term.kind, term.kind)


def _node_words(node: ast.AST) -> str:
    words = {ast.Subscript: "indexing with [ ]", ast.Lambda: "lambda", ast.IfExp: "x if y else z",
             ast.List: "a list", ast.Tuple: "a tuple", ast.Dict: "a dict", ast.Set: "a set",
             ast.ListComp: "a comprehension", ast.GeneratorExp: "a generator",
             ast.NamedExpr: "the := operator", ast.JoinedStr: "an f-string", ast.Await: "await"}
    return words.get(type(node), type(node).__name__)


def _syntax_fix(msg: str, text: str) -> str:
    if "'=='" in msg or re.search(r"(^|[^=!<>])=($|[^=])", text):
        return "use == to compare (= only sets a value in an effect)"
    if "&&" in text or "||" in text:
        return "use and / or"
    if "never closed" in msg or "unmatched" in msg or "does not match" in msg:
        return "check the brackets"
    return "expressions look like `stalin.prestige > 50 and not faction_ban`"
