"""Named constants of the rules, each a judgement a scenario may override under model.params.

The defaults are the calibrated values (see "Calibration" in scenarios/README.md). A teacher
who disagrees with one changes it in the scenario, not here. The table lives with the content
so that the checker can refuse an unknown name or a value out of range (game.content.validate)
without reaching into the engine; the engine reads it through game.engine.params.
"""
from __future__ import annotations

from types import MappingProxyType

DEFAULTS = MappingProxyType({
    # action points
    "ap_base": 2.0,                 # every active leader, each turn
    # appointments and the apparatus
    "appoint_loyalty": 0.65,        # loyalty of a newly appointed secretary to his patron
    "loyalty_drift": 0.01,          # monthly growth of a secretary's loyalty to a patron in power
    # months a newly placed regional secretary stays before anyone, his patron included, may
    # replace, move or dismiss him (engine.legality.appointment_stands)
    "secretary_tenure": 6.0,
    # months a patron without the General Secretary's powers waits before he may replace his
    # own secretary (rotating cadres was the Secretariat's work; legality.appointment_rule).
    # Tuned: at 12 a removed Stalin still replaced his waning men often enough for 63
    # appointments in a game (of 1,000); at 18 no game passes 50 and Stalin leads as often as
    # before
    "rotation_term": 18.0,
    "machine_base": 0.45,           # share of a region's delegates its secretary controls...
    "machine_recruits": 0.45,       # ...plus this much more per unit share of new recruits
    "client_loyalty": 0.85,         # share of a patron's CC clients who vote with him
    "delegates_per_thousand": 1.0,  # congress delegates per thousand members
    "recruit_size": 0.12,           # a recruitment drive adds this share of a region's members
    "recruit_bureaucracy": 1.5,     # ...and this much to the bureaucracy index per drive
    # a party of workers draws its recruits from the workers at the bench: drives yield in full
    # up to ``recruit_full`` thousand members (the party of 1929 was some 1.5 million, general
    # history) and less and less beyond it, none past ``party_ceiling`` (the industrial workers
    # were some 3 million). Before, a player's monthly drives had the Fifteenth Congress sit
    # with 8,207 delegates and the Sixteenth Conference with 12,533
    "recruit_full": 1500.0,
    "party_ceiling": 3000.0,
    # votes
    "vote_sharpness": 4.0,          # how decided a bloc of delegates is for a given score
    "cc_expel_majority": 0.667,     # share needed to expel from the CC or the party
    # the plenum after a Congress fills the Politburo's vacant seats (sittings.elect_politburo):
    # each seat goes to the eligible Central Committee member with the highest standing/100
    # + plenum_candidate_weight if he is a candidate member of the Politburo (the bench the
    # Committee drew on: Bukharin took Lenin's seat in 1924, Molotov and Kalinin new ones in
    # 1926) + plenum_camp_weight x the share of the Committee his camp (his patron's following,
    # else his own) commands; see scenarios/README.md 4.16
    "plenum_candidate_weight": 0.25,
    "plenum_camp_weight": 0.4,
    # a vote on a promotion to the Politburo weighs the man put up as well as the man who puts
    # him up: the mover's terms count for 1 - promotion_candidate_share of their weight, and
    # the candidate's own pull (his standing, the voter's ties to him, a banned faction he
    # leads) for that share, plus promotion_bench_weight if he is a candidate member of the
    # Politburo already (engine.votes._candidate)
    "promotion_candidate_share": 0.5,
    "promotion_bench_weight": 0.25,
    # a man whose health is below this takes no post, by a removal or a vacancy: Lenin, ill
    # from the spring of 1922 (health 0.85 at the start of the campaign), took none
    # (engine.succession; a post no follower can take goes to the Central Committee's choice)
    "post_health": 0.9,
    # prestige
    "faction_cost": 0.7,            # monthly prestige an open faction costs under the ban
    "condemn_prestige": 8.0,
    # a verdict on a man's views stands this many months before he may be condemned again:
    # the party condemned each opposition at a plenum or a conference, not month by month
    # (Trotskyism in January 1924 and January 1925; without it the rivals condemned the same
    # man some seven times a campaign, every month for years in one game in ten)
    "condemn_term": 12.0,
    # the party remembers a beaten man's open defiance this many months (engine.defiance): his
    # expulsion waits on it, not on the danger he still is (the Left, beaten in 1926, went on
    # as a faction and was expelled in the autumn of 1927)
    "defiance_memory": 12.0,
    "defiance_grace": 6.0,
    # the computer rivals take a condemned man's posts only once his views have been condemned
    # this many months and he has not submitted (ai.value_motions._posts_forfeit): the posts
    # went at the plenum after the verdict - Zinoviev's Leningrad and Kamenev's Moscow in
    # January 1926 after the Fourteenth Congress, Pravda in April 1929 with the verdict on the
    # Bukharin group (001), the unions in June (general history)
    "post_grace": 1.0,
    "polemic_prestige": 3.0,
    # diminishing returns of the pamphlet war: readers tire of the same quarrel, so a polemic
    # hits 1 / (1 + polemic_fatigue x the polemics its target has suffered lately); that count
    # keeps polemic_memory of itself from one month to the next (without it the pamphlet war
    # took every leader's standing to nothing within a year; see scenarios/README.md 10.3)
    "polemic_fatigue": 1.0,
    "polemic_memory": 0.5,
    # the party reads a polemic by who writes it (engine.resolve._polemic). Against a man with
    # a greater following (power.claim) it is an attack on the party's majority: it keeps
    # polemic_from_below of its force and costs its author two points - 002_ff0f80d5a52c10e2.txt:
    # "Trotsky continues to dig his grave by launching attacks on the party bureaucracy. His
    # criticism was none too popular with the party members". From the stronger side and
    # closer to the rank and file it is the party's line, and its author gains polemic_credit
    # of the harm it does - 003_b93a2685db1b60b4.txt: "A stream of literature was brought out
    # against Trotsky, while reinforcing the idea of the Leninist Old Guard". Nothing is to be
    # gained by attacking a man with no standing left to lose, and a beaten man's pamphlets
    # against the victor cost him (without it the pamphlet war went on for years, Zinoviev
    # writing some 37 polemics a game, and took the victor to less than 30 by 1927)
    "polemic_from_below": 0.5,
    "polemic_credit": 0.3,
    "failed_motion_prestige": 2.0,
    # a line, once changed, stands this many months before a motion (or the Comintern chairman)
    # may change it again: the leadership did not reopen a policy month after month - the NEP
    # extended in April 1925 was restricted in December, the extraordinary measures of January
    # 1928 eased in July (without it the rivals changed the Comintern's line some twenty times)
    "policy_term": 6.0,
    "speech_sway": 0.25,
    "testament_prestige": 18.0,
    "prestige_drift": 0.01,         # monthly pull of prestige back towards 30...
    # ...or towards this for the leading figure of the party (engine.upkeep.prestige_mark): the
    # victor of the congresses keeps the standing they gave him, his beaten rivals lose theirs
    # (without it the drift took from Stalin some 30 points a game and the victor of 1927 was
    # pulled back towards the ordinary while his rivals fell)
    "leader_prestige": 60.0,
    # economy (monthly rates and targets; 1913 = 100)
    "ind_price_rate": 0.055,
    "ind_price_raise": 190.0,       # target industrial prices when trusts set them freely
    "ind_price_hold": 135.0,
    "ind_price_cut": 105.0,
    "agr_price_rate": 0.12,
    "mood_rate": 0.10,
    "grain_rate": 0.15,
    "restoration_growth": 0.018,    # monthly industrial growth while below pre-war output
    "investment_growth": 0.022,     # ...plus this much at full investment
    "mature_growth": 0.002,         # monthly growth once restored...
    "mature_investment": 0.012,     # ...plus this much at full investment
    "crisis_turns": 6.0,            # months the worker-peasant alliance may fail before collapse
    # the world
    "isolation_bureaucracy": 0.12,  # monthly bureaucracy growth per unit of isolation (structural)
})


# constants that are shares or loyalties: a value past 1 has no meaning (every other constant
# is a rate, a weight, a count or a level, and may be any number of at least 0)
SHARES = frozenset({"appoint_loyalty", "machine_base", "client_loyalty", "recruit_size",
                    "cc_expel_majority", "post_health", "promotion_candidate_share"})


def limits(name: str) -> tuple[float, float | None]:
    """(lowest, highest or None) a scenario may set the constant ``name`` to."""
    return (0.0, 1.0) if name in SHARES else (0.0, None)
