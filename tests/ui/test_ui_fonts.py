"""The shipped typefaces render Latin, Cyrillic and the numero sign, and carry their licence."""
import pygame
import pytest

from game.ui.fonts import FILES, Fonts, font_path
from game.ui.paths import FONTS

SAMPLE = "Politburo № 1 — ПОЛИТБЮРО ЦК РКП(б), Ёлка, «съезд»"


def _notdef(font):
    return pygame.image.tobytes(font.render("\uffff", True, (0, 0, 0)), "RGBA")


@pytest.fixture(scope="module", autouse=True)
def fonts_ready():
    pygame.font.init()
    yield


@pytest.mark.parametrize("role", sorted(FILES))
def test_every_face_draws_numero_and_cyrillic(role):
    font = pygame.font.Font(font_path(role), 24)
    notdef = _notdef(font)
    for ch in "№ЁёЖжЩщЮюЯяБбЦц—«»":
        glyph = pygame.image.tobytes(font.render(ch, True, (0, 0, 0)), "RGBA")
        assert glyph != notdef, f"{role} has no glyph for {ch!r}"
    img = font.render(SAMPLE, True, (0, 0, 0))
    assert img.get_width() > 200


def test_each_font_file_has_its_licence_beside_it():
    licences = list(FONTS.glob("LICENSE-*.txt"))
    assert licences, "assets/fonts must ship the fonts' licence as LICENSE-*.txt"
    text = " ".join(p.read_text(encoding="utf-8") for p in licences)
    assert "ParaType" in text
    for name in FILES.values():
        assert (FONTS / name).is_file()


def test_sizes_follow_window_and_text_size():
    small, large = Fonts(1.0, 1.0), Fonts(1.5, 1.45)
    assert large.px("text", 16) > small.px("text", 16) * 2
    # headings grow more gently with the text size than body text
    assert Fonts(1.0, 1.45).px("display", 40) < Fonts(1.0, 1.45).px("text", 40)
    fit = small.fit("display", 100, "POLITBURO", 200)
    assert fit.size("POLITBURO")[0] <= 200
