"""Art drawn in code: deterministic, sized as asked, for both palettes."""
import pygame
import pytest

from game.ui import art, art_board, art_portraits, palette
from game.ui.art_board import RegionMark


@pytest.fixture(autouse=True)
def display():
    pygame.display.init()
    pygame.display.set_mode((64, 64))
    yield


@pytest.mark.parametrize("pal", [palette.POSTER, palette.COLOURBLIND])
@pytest.mark.parametrize("kind", sorted(art.COMPOSITIONS))
def test_backgrounds(pal, kind):
    surf = art.background(kind, (320, 180), pal)
    assert surf.get_size() == (320, 180)
    assert art.background(kind, (320, 180), pal) is surf      # cached


def test_portraits_are_deterministic_and_distinct():
    a = art.portrait("stalin", 96, palette.POSTER)
    art_portraits._CACHE.clear()
    b = art.portrait("stalin", 96, palette.POSTER)
    c = art.portrait("trotsky", 96, palette.POSTER)
    raw = lambda s: pygame.image.tobytes(s, "RGBA")
    assert raw(a) == raw(b) != raw(c)
    assert art.portrait("a_person_nobody_knows", 64, palette.POSTER, initials="AN").get_size() == (64, 64)


def test_board_returns_a_hit_rect_per_region():
    surf = pygame.Surface((400, 300))
    pygame.font.init()
    font = pygame.font.Font(None, 16)
    marks = [RegionMark("moscow", "Moscow", (0.3, 0.5), 100, (200, 0, 0), 0.9, capital=True),
             RegionMark("urals", "Urals", (0.6, 0.4), 40, (0, 0, 200), 0.3, "Stalin")]
    hits = art.draw_board(surf, surf.get_rect(), marks, palette.POSTER, font, font)
    assert set(hits) == {"moscow", "urals"}
    assert hits["moscow"].collidepoint(art_board.board_point(surf.get_rect(), (0.3, 0.5)))
