"""The vote explanations speak of each voter as the scenario does: Krupskaya's views are
"her views", and the rest keep "his"."""
import json

import pytest

from game.ai.play import play_one
from game.content.loader import load_scenario
from game.engine import votes
from game.engine.game import Game


@pytest.fixture(scope="module")
def campaign() -> Game:
    return Game(load_scenario("campaign"))


def test_a_woman_voter_has_her_views_and_her_career(campaign):
    g, i = campaign, campaign.pidx
    k, z, s = i["krupskaya"], i["zinoviev"], i["stalin"]
    assert votes.reason_text(g, "ideology", -0.2, s, z, k) == \
        "her views are closer to Grigory Zinoviev's than to Joseph Stalin's"
    assert votes.reason_text(g, "patronage", 0.3, s, z, k) == \
        "owes her career to Joseph Stalin or his allies"
    assert votes.reason_text(g, "noise", 0.1, s, z, k) == "her own judgement"


def test_a_man_voter_keeps_his(campaign):
    g, i = campaign, campaign.pidx
    assert votes.reason_text(g, "ideology", 0.2, i["stalin"], i["trotsky"], i["bukharin"]) == \
        "his views are closer to Joseph Stalin's than to Leon Trotsky's"


def test_the_record_of_a_whole_campaign_never_calls_krupskaya_him(campaign, tmp_path):
    _, log = play_one(campaign, 1)
    path = tmp_path / "log.jsonl"
    log.write(str(path))
    said = [reason["text"] for line in path.read_text(encoding="utf-8").splitlines()
            for voter in json.loads(line).get("voters") or () if voter["id"] == "krupskaya"
            for reason in voter.get("reasons", []) + voter.get("despite", [])]
    assert said, "Krupskaya votes in the Central Committee in this game"
    assert not [text for text in said if " his " in f" {text} " and "allies" not in text]
