"""The encyclopaedia's data (assets/glossary.yaml) and the marking of glossary terms in text.

``Glossary.mark(text)`` wraps the first mention of each known term in ``[[id|words]]`` markup so
that any text the engine or a scenario supplies (briefings, events, news) can be shown with
clickable terms by richtext.RichText.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

from game.ui.paths import ASSETS

GLOSSARY_FILE = ASSETS / "glossary.yaml"
GENERAL = "general history"


class GlossaryError(ValueError):
    pass


@dataclass(frozen=True)
class Source:
    file: str
    quote: str = ""


@dataclass(frozen=True)
class Entry:
    id: str
    term: str
    category: str
    text: str
    aliases: tuple[str, ...] = ()
    see: tuple[str, ...] = ()
    sources: tuple[Source, ...] = ()


class Glossary:
    def __init__(self, entries: list[Entry], categories: dict[str, str], source_titles: dict[str, str]):
        self.entries = {e.id: e for e in entries}
        self.order = sorted(self.entries, key=lambda i: self.entries[i].term.lower())
        self.categories = categories
        self.source_titles = source_titles
        self._pattern, self._alias_to_id = self._build_pattern()

    def __contains__(self, entry_id: str) -> bool:
        return entry_id in self.entries

    def __getitem__(self, entry_id: str) -> Entry:
        return self.entries[entry_id]

    def label(self, entry_id: str) -> str:
        """The words shown for a link to this entry: its term without the parenthesis."""
        entry = self.entries.get(entry_id)
        if not entry:
            return entry_id.replace("_", " ")
        return re.sub(r"\s*\([^)]*\)", "", entry.term).strip() or entry.term

    def search(self, query: str) -> list[str]:
        """Ids whose term, aliases or text contain the query (terms first), in order."""
        q = query.strip().lower()
        if not q:
            return list(self.order)
        head = [i for i in self.order if q in self.entries[i].term.lower()
                or any(q in a.lower() for a in self.entries[i].aliases)]
        body = [i for i in self.order if i not in head and q in self.entries[i].text.lower()]
        return head + body

    def _build_pattern(self):
        alias_to_id: dict[str, str] = {}
        for entry in self.entries.values():
            for alias in entry.aliases:
                alias_to_id.setdefault(alias, entry.id)
        names = sorted(alias_to_id, key=len, reverse=True)
        if not names:
            return None, alias_to_id
        pattern = re.compile(r"(?<![\w\[|])(" + "|".join(re.escape(n) for n in names) + r")(?![\w\]])")
        return pattern, alias_to_id

    def mark(self, text: str, exclude: str | None = None) -> str:
        """Link the first mention of each glossary term in plain text (existing markup is kept)."""
        if self._pattern is None:
            return text
        seen: set[str] = {exclude} if exclude else set()
        out, pos = [], 0
        for chunk in re.split(r"(\[\[[^\]]*\]\])", text):
            if chunk.startswith("[["):
                out.append(chunk)
                continue
            def repl(m: re.Match) -> str:
                entry_id = self._alias_to_id[m.group(1)]
                if entry_id in seen:
                    return m.group(1)
                seen.add(entry_id)
                return f"[[{entry_id}|{m.group(1)}]]"
            out.append(self._pattern.sub(repl, chunk))
        del pos
        return "".join(out)


def _entry(raw: dict, where: str) -> Entry:
    try:
        sources = tuple(Source(str(s["file"]), str(s.get("quote", ""))) for s in raw.get("sources", ()))
        return Entry(id=str(raw["id"]), term=str(raw["term"]), category=str(raw["category"]),
                     text=" ".join(str(raw["text"]).split()), aliases=tuple(map(str, raw.get("aliases", ()))),
                     see=tuple(map(str, raw.get("see", ()))), sources=sources)
    except (KeyError, TypeError) as exc:
        raise GlossaryError(f"{where}: missing or bad field {exc}") from None


def load_glossary(path: Path | None = None) -> Glossary:
    path = path or GLOSSARY_FILE
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    if not isinstance(data, dict) or not isinstance(data.get("entries"), list):
        raise GlossaryError(f"{path.name}: expected a mapping with a list under 'entries'")
    entries = [_entry(raw, f"{path.name}: entry {n}") for n, raw in enumerate(data["entries"], 1)]
    ids = [e.id for e in entries]
    dupes = sorted({i for i in ids if ids.count(i) > 1})
    if dupes:
        raise GlossaryError(f"{path.name}: duplicate ids {dupes}")
    return Glossary(entries, dict(data.get("categories", {})), dict(data.get("sources", {})))


@lru_cache(maxsize=1)
def default_glossary() -> Glossary:
    return load_glossary()
