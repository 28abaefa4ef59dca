"""Marked-up text: bold, italic and clickable terms, laid out within its width."""
import pygame
import pytest

from game.ui.fonts import Fonts
from game.ui.richtext import RichText, RichTextView, parse, plain


@pytest.fixture(autouse=True)
def fonts_ready():
    pygame.font.init()


def test_markup_is_parsed_into_spans():
    spans = parse("The **ban** on *factions* and [[nep|the NEP]] or [[kulak]].", lambda i: i.upper())
    assert [(s.text, s.style, s.link) for s in spans if s.style != "normal" or s.link] == [
        ("ban", "bold", None), ("factions", "italic", None), ("the NEP", "normal", "nep"), ("KULAK", "normal", "kulak")]
    assert plain("a [[nep|NEP]] b") == "a NEP b"


def test_layout_wraps_within_width_and_keeps_link_rects():
    rich = RichText("word " * 60 + "[[nep|NEP]]", Fonts(), 16).layout(300)
    assert rich.surface.get_width() == 300
    assert rich.height > rich.line_h * 5
    (rect, link), = rich.links
    assert link == "nep" and rect.right <= 300
    assert rich.link_at(rect.center) == "nep"
    assert rich.link_at((0, 0)) is None


def test_view_reports_a_click_on_a_term():
    rich = RichText("See [[nep|NEP]] here.", Fonts(), 16)
    view = RichTextView(pygame.Rect(10, 10, 300, 100), rich)
    rect, _ = view.rich.links[0]
    pos = (rect.centerx + 10, rect.centery + 10)
    view.handle_event(pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=pos, button=1))
    assert view.handle_event(pygame.event.Event(pygame.MOUSEBUTTONUP, pos=pos, button=1)) == "nep"


def test_long_text_scrolls_by_whole_lines():
    rich = RichText("line\n" * 100, Fonts(), 16)
    view = RichTextView(pygame.Rect(0, 0, 200, 205), rich)
    assert view.rect.h % rich.line_h == 0
    view.scroll_by(10_000)
    assert view.scroll == view.max_scroll and view.scroll % rich.line_h == 0
