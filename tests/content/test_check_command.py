"""``python -m game check`` prints every problem, a summary, and exits 0 or 2 — never a traceback."""
from __future__ import annotations

import io
import subprocess
import sys
from pathlib import Path

from game.content.check import main

FIXTURES = Path(__file__).parent / "fixtures"
TINY = FIXTURES / "tiny.yaml"

REPO = Path(__file__).resolve().parents[2]


def run(*files: str) -> tuple[int, list[str]]:
    out = io.StringIO()
    status = main(list(files), out=out)
    return status, out.getvalue().splitlines()


def test_a_clean_file_prints_ok_and_what_it_holds() -> None:
    status, lines = run(str(TINY))
    assert status == 0
    assert lines[0] == (f"ok: {TINY}: 3 persons, 3 posts, 2 regions, 1 bloc, 2 motions, 2 events, "
                        "1 sitting, 2 script moves")
    assert lines[-1] == "all 1 file ok"


def test_a_what_if_says_what_it_is_based_on() -> None:
    status, lines = run(str(FIXTURES / "lenin_lives.yaml"))
    assert status == 0 and "(what-if of tiny)" in lines[0]


def test_problems_are_printed_one_a_line_then_counted() -> None:
    bad = FIXTURES / "bad" / "missing_required.yaml"
    status, lines = run(str(TINY), str(bad))
    assert status == 2
    assert lines[1].startswith(f"{bad}:7:5: persons[stalin]: missing required 'name'")
    assert lines[-1] == "3 problems in 1 of 2 files"


def test_a_missing_file_is_a_message_not_a_traceback(tmp_path: Path) -> None:
    status, lines = run(str(tmp_path / "nope.yaml"))
    assert status == 2 and "cannot read file" in lines[0]


def test_no_files_prints_usage() -> None:
    assert run()[0] == 2 and run("--help")[0] == 0


def test_as_a_program_it_never_prints_a_traceback() -> None:
    bad = FIXTURES / "bad" / "alias_bomb.yaml"
    done = subprocess.run([sys.executable, "-m", "game.content.check", str(bad), "no/such.yaml"],
                          cwd=REPO, capture_output=True, text=True, timeout=60)
    assert done.returncode == 2 and "Traceback" not in done.stdout + done.stderr


def test_content_never_imports_pygame_or_the_engine() -> None:
    code = ("import sys, game.content.loader, game.content.expr, game.content.check, "
            "game.content.overrides; "
            "bad = [m for m in sys.modules if m.startswith(('pygame', 'game.engine'))]; "
            "print(bad); sys.exit(1 if bad else 0)")
    done = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True,
                          timeout=60)
    assert done.returncode == 0, done.stdout + done.stderr
