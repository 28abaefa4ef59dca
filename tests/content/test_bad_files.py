"""Each known-bad scenario file fails with its expected ``file:line:col`` and message.

The table is the contract with scenario authors: if a message changes, change it here on purpose.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from game.content import yamlsafe
from game.content.errors import ScenarioError
from game.content.loader import load_scenario

FIXTURES = Path(__file__).parent / "fixtures"

BAD = FIXTURES / "bad"

# file -> [(line:col, words the message must contain), ...] — every problem, in order.
EXPECTED: dict[str, list[tuple[str, tuple[str, ...]]]] = {
    "duplicate_key.yaml": [("10:5", ("duplicate key 'prestige'", "first at line 9"))],
    "alias_bomb.yaml": [(f"{n}:4", (f"anchor &{a} is not allowed",)) for n, a in zip(range(2, 11), "abcdefghi")],
    "bool_yes.yaml": [("9:13", ("persons[stalin].leader", "expected true or false", "found 'yes'"))],
    "unknown_person.yaml": [("12:13", ("posts[gensec].holder", "unknown person 'stalln'",
                                       "did you mean 'stalin'?"))],
    "bad_date.yaml": [("6:10", ("calendar.start", "'1923-13' is not a date", "YYYY-MM"))],
    "unknown_key.yaml": [("9:5", ("persons[stalin].prestiege", "unknown key", "did you mean 'prestige'?"))],
    "forbidden_expression.yaml": [("14:31", ("events[coup].trigger", "only the grammar's functions"))],
    "unknown_field.yaml": [("13:12", ("motions[escape].when", "a person has no field '__class__'"))],
    "effect_typo.yaml": [("18:20", ("choices[burn].effects[0]", "'trotksy'", "did you mean 'trotsky'?"))],
    "deep_nesting.yaml": [("3:46", ("nesting deeper than 40 levels",))],
    "missing_required.yaml": [("7:5", ("persons[stalin]", "missing required 'name'")),
                              ("10:5", ("regions[moscow]", "missing required 'members'")),
                              ("10:5", ("regions[moscow]", "missing required 'secretary'"))],
    "duplicate_id.yaml": [("10:10", ("regions[georgia].id", "already used by a person"))],
    "out_of_range.yaml": [("7:42", ("persons[stalin].prestige", "150 is out of range", "0 to 100")),
                          ("7:55", ("persons[stalin].health", "1.5 is out of range", "0 to 1"))],
    "number_words.yaml": [("7:42", ("persons[stalin].prestige", "expected a number", "'.nan'")),
                          ("10:41", ("regions[moscow].members", "expected a number", "'many'")),
                          ("11:11", ("cc_seats", "expected a whole number", "'40.5'"))],
    "tab_indent.yaml": [("4:1", ("YAML syntax", "tabs"))],
    "two_sittings_one_turn.yaml": [("11:40", ("sittings[plenum].date", "same turn as 'conference'",
                                              "3 months a turn", "monthly turns"))],
    "script_unknown_action.yaml": [("12:46", ("script[0].action", "unknown action 'appoint_secretry'",
                                              "did you mean 'appoint_secretary'"))],
    "bloc_when_unknown_event.yaml": [("13:18", ("blocs[right].when", "unknown event 'grain_crisiss'"))],
    "misled_without_decider.yaml": [("15:13", ("events[funeral].misled", "needs a decider"))],
    "decider_post.yaml": [("13:48", ("motions[tribute].effects[0]", "a motion has no decider")),
                          ("19:19", ("events[grain].decider_post", "unknown post 'general_secretry'",
                                     "did you mean 'general_secretary'?", "its holder decides")),
                          ("21:74", ("events[grain].choices[force].effects[0]",
                                     "names `decider` but the event has no `decider:`",
                                     "while the post is vacant")),
                          ("26:21", ("events[plenum].trigger", "'decider' names the man who "
                                     "decides an event", "only an event's effects"))],
    "politburo_seats.yaml": [("9:18", ("politburo_seats", "cannot have 0 seats", "at least 1")),
                             ("11:94", ("sittings[conference].politburo_seats",
                                        "only a congress sets", "kind: congress")),
                             ("12:88", ("sittings[congress].politburo_seats",
                                        "expected a whole number", "'7.5'"))],
    "engine_params.yaml": [("11:5", ("model.params.polemic_fatigeu", "unknown engine constant",
                                     "did you mean 'polemic_fatigue'")),
                           ("12:21", ("model.params.polemic_memory", "-3 is out of range",
                                      "at least 0")),
                           ("13:21", ("model.params.client_loyalty", "1.5 is out of range",
                                      "from 0 to 1"))],
    "inviolable.yaml": [("7:48", ("persons[lenin].inviolable.why", "say why no motion")),
                        ("8:79", ("persons[stalin].inviolable.when", "'lenn'",
                                  "did you mean 'lenin'?"))],
    "whatif_unknown_event_field.yaml": [("8:13", ("persons[lenin].helth", "did you mean 'health'?")),
                                        ("10:5", ("no event 'no_such_event'", "to delete"))],
}
# A loop is reported in the file whose base closes it.
LOOP = [("whatif_loop_a.yaml", "whatif_loop_b.yaml:5:7", "loop")]


def problems_of(path: Path) -> list[str]:
    with pytest.raises(ScenarioError) as caught:
        load_scenario(path)
    return [str(p) for p in caught.value.problems]


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_bad_file_gives_its_message(name: str) -> None:
    found = problems_of(BAD / name)
    expected = EXPECTED[name]
    assert len(found) == len(expected), "\n".join(found)
    for text, (where, words) in zip(found, expected):
        assert text.startswith(f"{BAD / name}:{where}: "), text
        for word in words:
            assert word in text, (word, text)


def test_every_bad_file_is_in_the_table() -> None:
    listed = set(EXPECTED) | {name for name, _, _ in LOOP} | {"whatif_loop_b.yaml"}
    assert {p.name for p in BAD.glob("*.yaml")} == listed


@pytest.mark.parametrize("name,where,word", LOOP)
def test_a_loop_of_what_ifs_is_refused(name: str, where: str, word: str) -> None:
    (text,) = problems_of(BAD / name)
    assert text.startswith(f"{BAD / where}: ") and word in text


def test_an_oversize_file_is_refused_before_parsing(tmp_path: Path) -> None:
    big = tmp_path / "big.yaml"
    big.write_text("id: big\nbio: " + "x" * yamlsafe.MAX_BYTES + "\n", encoding="utf-8")
    (text,) = problems_of(big)
    assert text.startswith(f"{big}:1:1: file is too large")


def test_non_utf8_file_names_the_byte(tmp_path: Path) -> None:
    path = tmp_path / "latin1.yaml"
    path.write_bytes("id: bad\ntitle: Sch\u00e4fer\n".encode("latin-1"))
    (text,) = problems_of(path)
    assert text.startswith(f"{path}:2:11: byte 0xe4 is not UTF-8 text")
