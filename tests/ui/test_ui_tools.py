"""The screenshot and bench commands run headless and produce their output."""
from game.ui import bench, screenshots


def test_screenshots_are_written(tmp_path):
    saved = screenshots.render(tmp_path, only=["title", "glossary"], sizes=[(1280, 720)], texts=["largest"])
    names = sorted(p.name for p in saved)
    assert names == ["art_sheet.png", "glossary_1280x720_largest.png", "title_1280x720_largest.png"]
    assert all(p.stat().st_size > 10_000 for p in saved)


def test_bench_reports_percentiles():
    result = bench.run(frames=20)
    assert result["frames"] == 20
    assert 0 < result["p50_ms"] <= result["p95_ms"] <= result["max_ms"]


def test_entry_points_exist():
    from game.ui import app
    assert callable(app.main) and callable(screenshots.main) and callable(bench.main)
