"""The command line, as a newcomer would use it."""
import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def run(*args, timeout=300):
    return subprocess.run([sys.executable, "-m", "game", *args], cwd=ROOT, capture_output=True,
                          text=True, timeout=timeout)


def test_scenarios_lists_the_campaign_with_a_description():
    out = run("scenarios")
    assert out.returncode == 0
    line = next(l for l in out.stdout.splitlines() if l.startswith("campaign "))
    assert len(line.split(None, 1)[1]) > 20


def test_simulate_plays_a_whole_game_and_summarises_it(tmp_path):
    log = tmp_path / "log.jsonl"
    out = run("simulate", "--scenario", "campaign", "--seed", "1", "--log", str(log))
    assert out.returncode == 0, out.stderr
    assert "leads the party" in out.stdout or "collapsed" in out.stdout
    assert "Final indicators" in out.stdout
    records = [json.loads(l) for l in log.read_text(encoding="utf-8").splitlines()]
    assert records[0]["date"] == "1922-04"
    assert {"turn", "date", "kind", "persons", "text"} <= set(records[0])
    votes = [r for r in records if r["kind"] == "vote"]
    assert votes and all(v["voters"] or v["groups"] for v in votes)


def test_simulate_json_summary():
    out = run("simulate", "--scenario", "campaign", "--seed", "2", "--json")
    summary = json.loads(out.stdout)
    assert summary["over"] and summary["leader"]


def test_check_explains_a_broken_file_with_its_line_and_exits_2(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("id: bad\ntitle: Bad\ndescription: x\ncalendar: {start: '1922-04', "
                   "end: '1923-01'}\npersons:\n  - {id: stalin, name: Stalin, patron: stallin}\n"
                   "posts: []\nregions: []\n", encoding="utf-8")
    out = run("check", str(bad))
    assert out.returncode == 2
    assert "Traceback" not in out.stderr + out.stdout
    assert f"{bad}:6:" in out.stdout + out.stderr
    assert "stalin" in (out.stdout + out.stderr).lower()


def test_an_unknown_command_is_refused_politely():
    out = run("frobnicate")
    assert out.returncode == 2 and "commands:" in out.stderr


def test_warm_compiles_the_rules_ahead_of_need_and_says_so():
    out = run("warm", "--scenario", "tests/engine/fixtures/tiny.yaml")
    assert out.returncode == 0, out.stderr
    assert out.stdout.startswith("rules compiled and ready")
