"""Read a scenario file into YAML nodes, safely.

We never let PyYAML construct Python objects: the file is only *composed* into nodes (scalars
keep their raw text and a mark with file, line and column), and ``game.content.build`` turns the
nodes into the typed scenario. On the way in we refuse what makes YAML dangerous or surprising
for a hand-written file: oversize files, anchors and aliases (a few hundred bytes of them can
expand to gigabytes), explicit tags, duplicate keys (PyYAML silently keeps the last one), non-text
keys, and nesting too deep or too large for a scenario. Each refusal is a Problem at its mark.
"""
from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from yaml.composer import Composer
from yaml.error import Mark, MarkedYAMLError, YAMLError
from yaml.events import (AliasEvent, MappingEndEvent, ScalarEvent, SequenceEndEvent,
                         SequenceStartEvent)
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode
from yaml.parser import Parser
from yaml.reader import Reader, ReaderError
from yaml.scanner import Scanner

try:
    from yaml._yaml import CParser
except ImportError:          # PyYAML built without libyaml: the pure-Python parser does the same
    CParser = None

from game.content.errors import Problem, ScenarioError

MAX_BYTES = 2 * 1024 * 1024   # the full campaign is well under 200 kB
MAX_DEPTH = 40                # nesting of mappings and lists
MAX_NODES = 200_000           # scalars, lists and mappings in one file
MAX_PROBLEMS = 100            # stop composing after this many problems: the file is not YAML we want

NULLS = ("", "~", "null", "Null", "NULL")
_STR, _SEQ, _MAP = "tag:yaml.org,2002:str", "tag:yaml.org,2002:seq", "tag:yaml.org,2002:map"


class _Stop(Exception):
    """Composition cannot sensibly continue (a cap was hit)."""


def is_null(node: Node) -> bool:
    """A plain (unquoted) empty, ``~`` or ``null`` scalar. Quoted ``"null"`` is text."""
    return isinstance(node, ScalarNode) and node.style is None and node.value in NULLS


class _Source:
    """The file name and text that a composed node's marks point into."""
    __slots__ = ("file", "text")

    def __init__(self, file: str, text: str):
        self.file, self.text = file, text


def _mark_property(raw_name: str) -> property:
    """A node's ``start_mark`` or ``end_mark``, made from the parser's own mark on first use.

    Making two marks for every value was a tenth of loading a scenario, and only a value with
    a problem ever needs one. The mark names our file and holds its text (``problem_in_text``
    reads it), whichever parser made the raw one; one assigned by hand is kept as it is.
    """
    made = "_made" + raw_name

    def get(self: Node) -> Mark | None:
        mark = self.__dict__.get(made)
        if mark is None:
            raw, src = self.__dict__.get(raw_name), self.__dict__.get("_src")
            if raw is None or src is None:
                return None
            mark = Mark(src.file, raw.index, raw.line, raw.column, src.text, raw.index)
            self.__dict__[made] = mark
        return mark

    def set(self: Node, mark: Mark | None) -> None:
        self.__dict__[made] = mark
        self.__dict__[raw_name] = None

    return property(get, set)


class _LazyMarks:
    """The composer's nodes: PyYAML's own classes (isinstance holds), with lazy marks and the
    tag every node of ours has as a class attribute."""
    start_mark = _mark_property("_raw_start")
    end_mark = _mark_property("_raw_end")


class _Scalar(_LazyMarks, ScalarNode):
    tag = _STR

    def __init__(self, value: str, style: str | None, raw_start: Any, raw_end: Any, src: _Source):
        self.value, self.style, self._raw_start, self._raw_end, self._src = (
            value, style, raw_start, raw_end, src)


class _Sequence(_LazyMarks, SequenceNode):
    tag = _SEQ

    def __init__(self, raw_start: Any, flow_style: bool | None, src: _Source):
        self.value, self.flow_style, self._raw_start, self._raw_end, self._src = (
            [], flow_style, raw_start, None, src)


class _Mapping(_LazyMarks, MappingNode):
    tag = _MAP

    def __init__(self, raw_start: Any, flow_style: bool | None, src: _Source):
        self.value, self.flow_style, self._raw_start, self._raw_end, self._src = (
            [], flow_style, raw_start, None, src)


class _Composing(Composer):
    """PyYAML's composer, refusing anchors, aliases, tags, duplicate or non-text keys, and
    documents too deep or too large. It never resolves tags: every scalar stays raw text, and we
    decide types ourselves from the field it fills, so ``no`` stays ``no`` and ``010`` stays ``010``.
    """
    text: str
    file: str

    def setup(self, text: str, file: str) -> None:
        Composer.__init__(self)
        self.text, self.file = text, file
        self.source = _Source(file, text)
        self.problems: list[Problem] = []
        self.count = 0

    def mark(self, mark: Mark) -> Mark:
        """A mark naming our file and holding the text, whichever parser made it."""
        return Mark(self.file, mark.index, mark.line, mark.column, self.text, mark.index)

    def report(self, mark: Mark, message: str, fix: str) -> None:
        self.problems.append(Problem.at(mark, message, fix, self.file))
        if len(self.problems) >= MAX_PROBLEMS:
            self.problems.append(Problem.at(mark, f"too many problems ({MAX_PROBLEMS}); stopped here",
                                            "fix the ones above and check again", self.file))
            raise _Stop

    def compose_node(self, parent: Node | None, index: object) -> Node:
        return self._node(self.get_event(), 1)

    # The two methods below are the hot loop of loading (one call per value of the file). They
    # take the parser's events in exactly the order PyYAML's Composer does - each event is fully
    # checked before the next one is parsed, so a syntax error further on finds the same
    # problems already reported - but dispatch on the event's class once instead of asking
    # check_event() several times, and go the refusal checks' slow way only when needed.
    def _node(self, event: Any, depth: int) -> Node:
        """The node that starts with ``event`` (taken from the parser), ``depth`` levels deep."""
        kind = type(event)
        if kind is AliasEvent:
            if event.anchor not in self.anchors:     # its anchor is reported already
                self.anchors[event.anchor] = None
                self.report(event.start_mark, f"alias *{event.anchor} is not allowed in scenario files",
                            "write the value out in full (anchors and aliases are refused)")
            return ScalarNode(_STR, "", self.mark(event.start_mark), self.mark(event.end_mark))
        if event.anchor is not None or event.tag is not None or self.count >= MAX_NODES:
            self._refuse(event)
        else:
            self.count += 1
        if depth > MAX_DEPTH:
            self.report(event.start_mark, f"nesting deeper than {MAX_DEPTH} levels",
                        "a scenario never needs this many levels; check the indentation")
            raise _Stop
        src, get = self.source, self.get_event
        if kind is ScalarEvent:
            # libyaml calls the plain style '', PyYAML None: is_null() relies on None.
            return _Scalar(event.value, event.style or None, event.start_mark, event.end_mark, src)
        if kind is SequenceStartEvent:
            seq = _Sequence(event.start_mark, event.flow_style, src)
            items = seq.value
            event = get()
            while type(event) is not SequenceEndEvent:
                items.append(self._node(event, depth + 1))
                event = get()
            seq._raw_end = event.end_mark
            return seq
        node = _Mapping(event.start_mark, event.flow_style, src)
        pairs = node.value
        seen: dict[str, ScalarNode] = {}
        event = get()
        while type(event) is not MappingEndEvent:
            key = self._node(event, depth + 1)
            value = self._node(get(), depth + 1)
            if type(key) is _Scalar and key.value not in seen:
                seen[key.value] = key
                pairs.append((key, value))
            elif self._key_ok(key, seen):     # if not, it has reported why
                seen[key.value] = key
                pairs.append((key, value))
            event = get()
        node._raw_end = event.end_mark
        return node

    def _refuse(self, event: object) -> None:
        """Report what a scenario file may not use on this node; stop at the size cap."""
        mark = event.start_mark  # type: ignore[attr-defined]
        anchor, tag = getattr(event, "anchor", None), getattr(event, "tag", None)
        if anchor is not None:
            self.anchors[anchor] = None
            self.report(mark, f"anchor &{anchor} is not allowed in scenario files",
                        "remove the &name and write values out in full")
        if tag is not None:
            tag = str(tag).replace("tag:yaml.org,2002:", "!!")
            self.report(mark, f"tag {tag} is not allowed in scenario files",
                        "remove the tag; put quotes around a value you want read as text")
        self.count += 1
        if self.count > MAX_NODES:
            self.report(mark, f"more than {MAX_NODES} values in one file",
                        "split the scenario or remove generated content")
            raise _Stop

    def _key_ok(self, key: Node, seen: dict[str, ScalarNode]) -> bool:
        if not isinstance(key, ScalarNode):
            self.report(key.start_mark, "a key must be a plain name, not a list or mapping",
                        "use a name such as `stalin:` as the key")
            return False
        first = seen.get(key.value)
        if first is not None:
            self.report(key.start_mark,
                        f"duplicate key '{key.value}' (first at line {first.start_mark.line + 1})",
                        "remove one of them or merge their contents")
            return False
        return True


class _PyComposer(Reader, Scanner, Parser, _Composing):
    def __init__(self, text: str, file: str):
        Reader.__init__(self, text)
        Scanner.__init__(self)
        Parser.__init__(self)
        self.setup(text, file)


if CParser is not None:
    class _CComposer(_Composing, CParser):   # libyaml's scanner: about ten times faster
        def __init__(self, text: str, file: str):
            CParser.__init__(self, text)
            self.setup(text, file)


def _composer(text: str, file: str) -> _Composing:
    return _CComposer(text, file) if CParser is not None else _PyComposer(text, file)


def _syntax_fix(problem: str, char: str) -> str:
    """A hint for the YAML syntax errors teachers actually make."""
    text = problem or ""
    if char == "\t" or "\\t" in text:
        return "indent with spaces, not tabs"
    if "mapping values are not allowed" in text:
        return "put quotes around a value that contains ': ', or fix the indentation"
    if "expected <block end>" in text or "indentation" in text:
        return "line up keys of one mapping at the same indentation"
    if "found character '@'" in text or "found character '`'" in text:
        return "quote the value"
    if "single document" in text:
        return "a scenario is one YAML document: remove the extra '---'"
    if "while scanning a quoted" in text or "found unexpected end of stream" in text:
        return "close the quote or bracket that was opened"
    return "check the indentation, quotes and brackets near here"


def _position(text: str, index: int) -> tuple[int, int]:
    """1-based line and column of a character index in ``text``."""
    index = max(0, min(index, len(text)))
    line = text.count("\n", 0, index) + 1
    return line, index - (text.rfind("\n", 0, index) + 1) + 1


def _decode(data: bytes, file: str) -> str:
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as err:
        line = data.count(b"\n", 0, err.start) + 1
        col = err.start - (data.rfind(b"\n", 0, err.start) + 1) + 1
        raise ScenarioError([Problem(file, line, col, f"byte 0x{data[err.start]:02x} is not UTF-8 text",
                                     "save the file as UTF-8")]) from None
    return text[1:] if text.startswith("\ufeff") else text


def compose_text(data: str | bytes, file: str) -> Node | None:
    """Compose one YAML document into nodes; ``None`` for an empty document.

    Raises ScenarioError with every problem found before composition had to stop.
    """
    if len(data) > MAX_BYTES:
        raise ScenarioError([Problem(file, 1, 1, f"file is too large ({len(data)} bytes)",
                                     f"a scenario file may be at most {MAX_BYTES // (1024 * 1024)} MB")])
    text = _decode(data, file) if isinstance(data, bytes) else data
    composer: _Composing | None = None
    root: Node | None = None
    stopped: list[Problem] = []
    try:
        composer = _composer(text, file)
        root = composer.get_single_node()
    except _Stop:
        pass
    except MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        message = ", ".join(part for part in (err.context, err.problem) if part) or "not valid YAML"
        char = text[mark.index] if mark is not None and 0 <= mark.index < len(text) else ""
        stopped.append(Problem.at(mark, f"YAML syntax: {message}", _syntax_fix(str(err), char), file))
    except ReaderError as err:
        line, col = _position(text, err.position)
        code = err.character if isinstance(err.character, int) else 0
        stopped.append(Problem(file, line, col, f"character U+{code:04X} is not allowed here",
                               "remove the control character (only printable text may appear)"))
    except (YAMLError, RecursionError) as err:
        stopped.append(Problem(file, 1, 1, f"cannot read YAML: {err}", "check the file is YAML"))
    problems = (composer.problems if composer else []) + stopped
    if problems:
        raise ScenarioError(problems)
    return root


def read_file(path: str | os.PathLike[str], file: str | None = None) -> Node | None:
    """Read and compose a file; every failure (missing, unreadable, too big) is a ScenarioError."""
    name = file or str(path)
    try:
        with open(Path(path), "rb") as handle:
            data = handle.read(MAX_BYTES + 1)
    except OSError as err:
        raise ScenarioError([Problem(name, 1, 1, f"cannot read file: {err.strerror or err}",
                                     "check the path and that the file exists")]) from None
    if len(data) > MAX_BYTES:
        size = os.path.getsize(path) if os.path.isfile(path) else len(data)
        raise ScenarioError([Problem(name, 1, 1, f"file is too large ({size} bytes)",
                                     f"a scenario file may be at most {MAX_BYTES // (1024 * 1024)} MB")])
    return compose_text(data, name)


def root_mapping(node: Node | None, file: str) -> MappingNode:
    """The document must be a mapping of scenario fields."""
    if node is None:
        raise ScenarioError([Problem(file, 1, 1, "the file is empty",
                                     "a scenario is a mapping with id, title, calendar, persons …")])
    if not isinstance(node, MappingNode):
        raise ScenarioError([Problem.at(node.start_mark, "the file must be a mapping of keys",
                                        "start with `id: my_scenario` at the left margin")])
    return node


def scalar_value(node: MappingNode, key: str) -> ScalarNode | None:
    """The scalar value under ``key`` in a mapping node, if any."""
    for k, v in node.value:
        if k.value == key and isinstance(v, ScalarNode):
            return v
    return None



def problem_in_text(node: Node, offset: int, message: str, fix: str = "") -> Problem:
    """A problem at character ``offset`` of a scalar's value (e.g. an expression error).

    Exact when the value's text stands verbatim in the file (plain or quoted on one line, or a
    ``|`` block); otherwise, as with escapes or folded lines, the problem points at the scalar.
    """
    start = node.start_mark
    buffer, end = start.buffer, node.end_mark.pointer if node.end_mark else None
    value = node.value if isinstance(node, ScalarNode) else ""
    if buffer is None or start.pointer is None or end is None or not 0 <= offset <= len(value):
        return Problem.at(start, message, fix)
    lines = value.split("\n")
    wanted = value.count("\n", 0, offset)
    found, pos = -1, start.pointer
    for line in lines[:wanted + 1]:
        found = buffer.find(line, pos, end)
        if found < 0:
            return Problem.at(start, message, fix)
        pos = found + len(line)
    col = offset - (value.rfind("\n", 0, offset) + 1)
    line_no = start.line + buffer.count("\n", start.pointer, found)
    return Problem(str(start.name), line_no + 1, found - (buffer.rfind("\n", 0, found) + 1) + col + 1,
                   message, fix)
