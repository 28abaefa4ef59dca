"""A sheet of the art drawn in code (portraits, board, backgrounds), for review."""
from __future__ import annotations

from pathlib import Path

import pygame

from game.ui import art, palette
from game.ui.art_board import RegionMark
from game.ui.fonts import Fonts, font_path

SAMPLE = ["lenin", "trotsky", "stalin", "zinoviev", "kamenev", "bukharin", "rykov", "tomsky",
          "molotov", "someone_new"]

# A demonstration only: the game draws the scenario's own regions and secretaries.
DEMO_REGIONS = [
    ("moscow", "Moscow", (0.22, 0.45), 120, 2, 0.9, True),
    ("leningrad", "Leningrad", (0.14, 0.25), 90, 4, 0.8, False),
    ("ukraine", "Ukraine", (0.12, 0.72), 100, 5, 0.4, False),
    ("urals", "Urals", (0.42, 0.42), 60, 2, 0.7, False),
    ("transcaucasia", "Transcaucasia", (0.22, 0.90), 40, 2, 0.5, False),
    ("siberia", "Siberia", (0.70, 0.45), 45, -1, 0.3, False),
]


def save_art_sheet(path: Path) -> Path:
    fonts = Fonts(1.0, 1.0)
    sheet = pygame.Surface((1600, 1000))
    for row, pal in enumerate((palette.POSTER, palette.COLOURBLIND)):
        y0 = row * 500
        sheet.blit(pygame.transform.smoothscale(art.background("title", (1280, 720), pal), (400, 225)), (0, y0))
        sheet.blit(pygame.transform.smoothscale(art.background("panel", (1280, 720), pal), (400, 225)), (0, y0 + 235))
        for i, pid in enumerate(SAMPLE):
            state = "dead" if pid == "lenin" else "fallen" if pid == "zinoviev" else ""
            img = art.portrait(pid, 110, pal, initials=pid[:2].upper(), state=state, font_path=font_path("display"))
            sheet.blit(img, (410 + (i % 5) * 116, y0 + 10 + (i // 5) * 120))
        board = pygame.Rect(1000, y0 + 10, 590, 470)
        pygame.draw.rect(sheet, pal.paper, board)
        marks = [RegionMark(i, n, p, m, pal.person_colour(c) if c >= 0 else pal.muted, loy, "", cap)
                 for i, n, p, m, c, loy, cap in DEMO_REGIONS]
        art.draw_board(sheet, board, marks, pal, fonts.get("display", 15), fonts.get("text", 12), hover="urals")
        pygame.draw.rect(sheet, pal.paper, (410, y0 + 255, 580, 225))
        for j, colour in enumerate(pal.series):
            pygame.draw.rect(sheet, colour, (420 + j * 56, y0 + 265, 48, 48))
        for j, dash in enumerate(palette.DASHES):
            art.dashed_line(sheet, pal.series[j], (420, y0 + 340 + j * 26), (980, y0 + 340 + j * 26), 3, dash)
    pygame.image.save(sheet, str(path))
    return path
