"""A line, once changed, stands: the leadership does not reopen a policy month after month."""
from game.engine import mutate


def test_a_policy_changed_this_month_cannot_be_changed_again_for_six_months(tiny):
    s = tiny.new_state([1])
    everywhere = s.over == s.over
    mutate.set_policy(tiny, s, everywhere, tiny.qidx["prices"], "cut")     # adopted this month
    mutate.set_policy(tiny, s, everywhere, tiny.qidx["prices"], "raise")   # and reversed at once
    cut = tiny.action("stalin", "propose", arg="cut_prices")
    assert tiny.why_illegal(s, 0, cut) == (
        "That line was changed less than 6 months ago; it stands until then.")
    s.turn += 5
    assert tiny.why_illegal(s, 0, cut) is not None
    s.turn += 1
    assert tiny.why_illegal(s, 0, cut) is None


def test_a_policy_untouched_since_the_start_may_be_changed_at_once(tiny):
    s = tiny.new_state([1])
    assert tiny.why_illegal(s, 0, tiny.action("stalin", "propose", arg="cut_prices")) is None


def test_setting_the_option_already_in_force_does_not_restart_the_term(tiny):
    s = tiny.new_state([1])
    q = tiny.qidx["procurement"]
    mutate.set_policy(tiny, s, s.over == s.over, q, "market")   # the option in force at the start
    assert s.policy_turn[0, q] == -1
