"""``python -m game whatif``: the table with intervals, throughput, files, and clear errors."""
from __future__ import annotations

from lab_fixtures import TINY

from game.lab.cli import main


def test_whatif_prints_throughput_and_outcomes_and_writes_the_report(tmp_path, capsys):
    code = main(["--scenario", TINY, "--runs", "6", "--seed", "3", "--workers", "1",
                 "--out", str(tmp_path), "--compare-single", "2"])
    out = capsys.readouterr().out
    assert code == 0
    assert "games/s overall" in out and "per core" in out
    assert "Who leads at the end" in out and "95% interval" in out
    assert "Key event" in out and "Final indicator" in out
    assert "One at a time: 2 games" in out and "move for move: yes" in out
    assert "Peak memory" in out
    assert (tmp_path / "report.html").exists() and (tmp_path / "runs.csv").exists()


def test_whatif_refuses_bad_settings_with_a_sentence_and_exit_2(capsys):
    assert main(["--scenario", TINY, "--runs", "2", "--weights", "structual=0.3"]) == 2
    assert "did you mean 'structural'" in capsys.readouterr().err
    assert main(["--scenario", TINY, "--runs", "2", "--weights", "structural=2"]) == 2
    assert "out of range" in capsys.readouterr().err
    assert main(["--scenario", "no_such_scenario", "--runs", "2"]) == 2
    assert "no scenario named" in capsys.readouterr().err
    assert main(["--scenario", TINY, "--runs", "0"]) == 2
