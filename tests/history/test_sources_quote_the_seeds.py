"""Every quotation in a shipped scenario is really in the seed text it cites.

A scenario cites its sources as ``source: {file: <seed file>, quote: <words>}`` (on persons,
posts, regions, blocs, motions, events, sittings, script moves, and in the top-level
``sources`` list), or as ``general history`` with no quote. These tests read every scenario
file as written - a what-if's overrides included - and hold each quote to the rules of the
authoring guide (scenarios/README.md, "Sources"):

* the file is one of the five seed texts, or ``general history`` (which quotes nothing);
* the quote has at most 25 words;
* the quote appears in that seed text, word for word. Only runs of whitespace (spaces, line
  breaks) are normalised: curly and straight quotation marks, dashes, ``*`` markup and the
  texts' own slips must be copied as the seed has them.

The seed texts live beside the repository, in ``../shared/seeds/``; without them the
quotation check is skipped (the other rules still run).
"""
from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
SCENARIOS = ROOT / "scenarios"
SEEDS = ROOT / ".." / "shared" / "seeds"
SEED_FILES = ("000_5aa68f36f912fac3.txt", "001_30958367ebd84fe2.txt", "002_ff0f80d5a52c10e2.txt",
              "003_b93a2685db1b60b4.txt", "004_e96e72266ef5953a.txt")
GENERAL = "general history"
MAX_WORDS = 25


def normalise(text: str) -> str:
    """Runs of whitespace become one space; nothing else changes."""
    return re.sub(r"\s+", " ", text).strip()


def _walk(node, where: str):
    """(where, source mapping) for every source in a parsed YAML document."""
    if isinstance(node, dict):
        for key, value in node.items():
            here = f"{where}.{key}" if where else str(key)
            if key == "source" and isinstance(value, dict):
                yield here, value
            elif key == "sources" and isinstance(value, list):
                for n, item in enumerate(value):
                    if isinstance(item, dict):
                        yield f"{here}[{n}]", item
            else:
                yield from _walk(value, here)
    elif isinstance(node, list):
        for n, item in enumerate(node):
            label = item.get("id", n) if isinstance(item, dict) else n
            if isinstance(item, dict) and "date" in item and "actor" in item:
                label = f"{item['date']} {item['actor']} {item.get('action', '')}"
            yield from _walk(item, f"{where}[{label}]")


def _cited(path: Path) -> list[tuple[str, dict]]:
    doc = yaml.safe_load(path.read_text(encoding="utf-8"))
    return list(_walk(doc, ""))


FILES = [pytest.param(p, id=p.stem) for p in sorted(SCENARIOS.glob("*.yaml"))]


def test_the_scenarios_quote_the_seeds_at_all():
    quoted = [s for p in SCENARIOS.glob("*.yaml") for _, s in _cited(p) if s.get("quote")]
    assert len(quoted) > 100, "the shipped scenarios should quote their sources"


@pytest.mark.parametrize("path", FILES)
def test_a_source_is_a_seed_text_or_general_history_and_quotes_25_words_at_most(path):
    problems = []
    for where, source in _cited(path):
        if source.get("file") not in SEED_FILES + (GENERAL,):
            problems.append(f"{where}: unknown source file {source.get('file')!r}")
        elif source["file"] == GENERAL and source.get("quote"):
            problems.append(f"{where}: general history quotes nothing")
        words = normalise(str(source.get("quote") or "")).split(" ")
        if len(words) > MAX_WORDS:
            problems.append(f"{where}: the quote has {len(words)} words")
    assert not problems, f"{path.name}:\n" + "\n".join(problems)


@pytest.fixture(scope="module")
def seeds() -> dict:
    if not SEEDS.is_dir():
        pytest.skip("the seed texts are not beside the repository (../shared/seeds/); "
                    "quotations cannot be checked here")
    return {f: normalise((SEEDS / f).read_text(encoding="utf-8")) for f in SEED_FILES
            if (SEEDS / f).is_file()}


@pytest.mark.parametrize("path", FILES)
def test_every_quotation_is_word_for_word_in_the_seed_it_cites(seeds, path):
    problems = []
    for where, source in _cited(path):
        if not source.get("quote") or source.get("file") == GENERAL:
            continue
        text = seeds.get(source["file"])
        quote = normalise(str(source["quote"]))
        if text is None:
            problems.append(f"{where}: seed {source['file']} is missing")
        elif quote not in text:
            problems.append(f"{where}: not in {source['file']}: {quote!r}")
    assert not problems, f"{path.name}:\n" + "\n".join(problems)
