"""Appointments stand: the Secretariat under the General Secretary placed the regional
secretaries, the Orgburo could reverse its choice only by a majority, and a man once placed
stayed long enough to build loyalty to his patron. Without these rules a General Secretary and
an Orgburo member re-appointed the same secretaries month after month."""
from game.engine import mutate
from game.engine.state import BODY

ORGBURO = BODY["orgburo"]


def _month(g, s, *moves):
    g.step(s, [[g.action(*m) for m in moves]])


def _wait(g, s, months):
    for _ in range(months):
        g.step(s, [[]])


def _kamenev_on_the_orgburo(tiny):
    s = tiny.new_state([5])
    s.member[:, tiny.pidx["kamenev"], ORGBURO] = True
    return s


def _kamenev_general_secretary(tiny):
    """Stalin loses the General Secretary's post to Kamenev but keeps his Orgburo seat, where
    his client Molotov gives him the majority."""
    s = tiny.new_state([5])
    everywhere = s.over == s.over
    mutate.appoint(tiny, s, everywhere, tiny.pidx["kamenev"], tiny.kidx["general_secretary"])
    return s


def test_a_secretary_appointed_by_the_general_secretary_is_not_moved_by_an_orgburo_member(tiny):
    s = _kamenev_on_the_orgburo(tiny)
    _month(tiny, s, ("stalin", "appoint_secretary", "ukraine"))
    move = tiny.action("kamenev", "appoint_secretary", "ukraine")
    assert "placed less than" in tiny.why_illegal(s, 0, move)           # not the next month
    _wait(tiny, s, int(tiny.params["secretary_tenure"]) + 1)
    why = tiny.why_illegal(s, 0, move)                                  # nor once his term is up
    assert why == ("The Ukraine secretary is the General Secretary's choice; only a majority "
                   "of the Orgburo behind Kamenev could overrule it.")


def test_a_newly_placed_secretary_stays_his_term_even_against_the_general_secretary(tiny):
    s = _kamenev_on_the_orgburo(tiny)
    _month(tiny, s, ("kamenev", "appoint_secretary", "ukraine"))
    assert s.sec_patron[0, tiny.ridx["ukraine"]] == tiny.pidx["kamenev"]
    again = tiny.action("stalin", "appoint_secretary", "ukraine")
    tenure = int(tiny.params["secretary_tenure"])
    assert tiny.why_illegal(s, 0, again) == (
        f"The Ukraine secretary was placed less than {tenure} months ago; he stays until then.")
    _wait(tiny, s, tenure)
    assert tiny.why_illegal(s, 0, again) is None


def test_an_orgburo_majority_overrules_the_general_secretary_and_its_choice_stands(tiny):
    s = _kamenev_general_secretary(tiny)
    ukraine, stalin = tiny.ridx["ukraine"], tiny.pidx["stalin"]
    _month(tiny, s, ("kamenev", "appoint_secretary", "ukraine"))
    _wait(tiny, s, int(tiny.params["secretary_tenure"]))
    _month(tiny, s, ("stalin", "appoint_secretary", "ukraine"))
    assert s.sec_patron[0, ukraine] == stalin
    _wait(tiny, s, int(tiny.params["secretary_tenure"]))
    back = tiny.action("kamenev", "appoint_secretary", "ukraine")
    assert "Orgburo" in tiny.why_illegal(s, 0, back)
    # once the majority is gone, the General Secretary's word is the last again
    s.member[:, [tiny.pidx["kamenev"], tiny.pidx["zinoviev"]], ORGBURO] = True
    assert tiny.why_illegal(s, 0, back) is None


def test_a_man_out_of_the_secretariat_waits_long_to_rotate_his_own_secretaries(tiny):
    """Stalin, on the Orgburo but no longer General Secretary, keeps his men while their loyalty
    wanes: replacing them was the Secretariat's work."""
    s = tiny.new_state([5])
    _month(tiny, s, ("stalin", "appoint_secretary", "ukraine"))
    everywhere = s.over == s.over
    mutate.appoint(tiny, s, everywhere, tiny.pidx["kamenev"], tiny.kidx["general_secretary"])
    _wait(tiny, s, int(tiny.params["secretary_tenure"]))
    rotate = tiny.action("stalin", "appoint_secretary", "ukraine")
    term = int(tiny.params["rotation_term"])
    assert tiny.why_illegal(s, 0, rotate) == (
        f"The Ukraine secretary is Stalin's own man, placed less than {term} months ago; without "
        "the General Secretary's powers he cannot replace him yet: rotating secretaries is the "
        "Secretariat's work.")
    _wait(tiny, s, term - int(tiny.params["secretary_tenure"]))
    assert tiny.why_illegal(s, 0, rotate) is None
