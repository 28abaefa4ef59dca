"""The encyclopaedia is complete, consistent and faithful to its sources."""
import re
from pathlib import Path

import pygame
import pytest

from game.ui.fonts import font_path
from game.ui.glossary import GENERAL, load_glossary
from game.ui.richtext import TOKEN, plain

REQUIRED = ["nep", "scissors_crisis", "rabkrin", "lenin_enrollment", "faction_ban", "permanent_revolution",
            "socialism_in_one_country", "kulak", "nepmen", "triumvirate", "orgburo", "politburo",
            "central_committee", "secretariat", "general_secretary", "control_commission", "ogpu", "comintern",
            "pravda", "left_opposition", "platform_of_46", "new_course", "united_opposition", "right_opposition",
            "lenins_testament", "georgian_affair", "smychka", "lessons_of_october", "five_year_plan",
            "war_communism", "kronstadt"]
SEED_NAME = re.compile(r"^\d{3}_[0-9a-f]{16}\.txt$")


@pytest.fixture(scope="module")
def glossary():
    return load_glossary()


def seeds_dir():
    """The seed texts, where this checkout can see them (they are not part of the repo)."""
    import os
    root = Path(__file__).resolve().parents[2]
    for cand in (os.environ.get("POLITBURO_SEEDS"), root / "seeds", root.parent / "shared" / "seeds"):
        if cand and Path(cand).is_dir():
            return Path(cand)
    return None


def norm(text: str) -> str:
    for a, b in (("’", "'"), ("‘", "'"), ("“", '"'), ("”", '"'), ("*", ""), ("–", "-"), ("—", "-")):
        text = text.replace(a, b)
    return " ".join(text.split())


def sentences(text: str) -> list[str]:
    return [s for s in re.split(r'(?<=[.!?])["”]?\s+(?=["“]?[A-Z0-9])', plain(text)) if s.strip()]


def test_every_required_term_has_an_entry(glossary):
    assert not [t for t in REQUIRED if t not in glossary]


def test_each_entry_is_two_to_five_sentences(glossary):
    bad = {e.id: len(sentences(e.text)) for e in glossary.entries.values() if not 2 <= len(sentences(e.text)) <= 5}
    assert not bad


def test_links_and_see_also_point_at_entries(glossary):
    for e in glossary.entries.values():
        links = [m.group(1) for m in TOKEN.finditer(e.text) if m.group(1)]
        assert all(link in glossary for link in links + list(e.see)), e.id


def test_every_entry_names_a_source(glossary):
    for e in glossary.entries.values():
        assert e.sources, e.id
        for s in e.sources:
            assert s.file == GENERAL or SEED_NAME.match(s.file), (e.id, s.file)
            assert (s.file == GENERAL) == (not s.quote), (e.id, s.file)
            assert len(s.quote.split()) <= 25, e.id
            assert s.file in glossary.source_titles


def test_quotes_are_verbatim_from_the_seed_texts(glossary):
    folder = seeds_dir()
    if folder is None:
        pytest.skip("seed texts not available beside this checkout")
    texts = {p.name: norm(p.read_text(encoding="utf-8")) for p in folder.glob("*.txt")}
    for e in glossary.entries.values():
        for s in e.sources:
            if s.file != GENERAL:
                assert norm(s.quote) in texts[s.file], (e.id, s.quote)


def test_every_character_can_be_drawn(glossary):
    pygame.font.init()
    font = pygame.font.Font(font_path("serif"), 20)
    notdef = pygame.image.tobytes(font.render("\uffff", True, (0, 0, 0)), "RGBA")
    chars = {c for e in glossary.entries.values() for c in e.term + e.text + "".join(s.quote for s in e.sources)}
    missing = [c for c in sorted(chars) if c.strip()
               and pygame.image.tobytes(font.render(c, True, (0, 0, 0)), "RGBA") == notdef]
    assert not missing


def test_terms_in_any_text_become_links(glossary):
    marked = glossary.mark("The scissors crisis hurt the kulaks; the scissors crisis again; see [[nep|NEP]].")
    assert marked.count("[[scissors_crisis|") == 1
    assert "[[kulak|kulaks]]" in marked
    assert marked.endswith("[[nep|NEP]].")


def test_link_labels_drop_the_parenthesis(glossary):
    assert glossary.label("nep") == "NEP"
    assert glossary.label("smychka") == "Smychka"


def test_search_finds_terms_before_mentions(glossary):
    found = glossary.search("testament")
    assert found[0] == "lenins_testament"
    assert len(found) > 1
