import polars as pl

from lookedafter.validation.derive import birthday, continuously_looked_after
from lookedafter.validation.registry import Context, rule
from lookedafter.validation.testing import flags


@rule(
    "197B",
    message="This child turned 4 or 17 during the year and was looked after for the 12 months to "
    "31 March: give an SDQ score or a reason for no score. Check SDQ_SCORE and SDQ_REASON.",
    table="OC2",
    fields=("SDQ_REASON", "DOB"),
    needs=("OC2", "Episodes"),
)
def validate(ctx: Context) -> pl.LazyFrame:
    start, end = pl.lit(ctx.start), pl.lit(ctx.end)
    dob = pl.col("DOB")
    # A young person 17 on 1 April itself is "17 or over at the start of the year": rule 189 wants
    # their SDQ fields blank, so only 17th birthdays after 1 April count here.
    turns_17 = birthday(dob, 17).is_between(start, end, closed="right")
    turns = birthday(dob, 4).is_between(start, end) | turns_17
    missing = pl.col("SDQ_SCORE").is_null() & pl.col("SDQ_REASON").is_null()
    cla = continuously_looked_after(ctx)
    return ctx["OC2"].filter(turns & missing).join(cla, on="CHILD", how="semi")


EPISODES = {
    "CHILD": ["1", "2", "3", "4"],
    "DECOM": ["01/01/2024", "01/06/2025", "01/01/2024", "01/01/2015"],
    "RNE": ["S", "S", "S", "S"],
    "LS": ["C2", "C2", "C2", "C2"],
}


def test_197B_flags_four_and_seventeen_year_olds_with_nothing_recorded() -> None:
    oc2 = {
        "CHILD": ["1", "2", "3", "4"],
        "DOB": ["01/05/2021", "01/05/2021", "31/03/2009", "01/05/2015"],
        "SDQ_SCORE": [None, None, None, None],
        "SDQ_REASON": [None, None, None, None],
    }
    # child 1 turns 4 and child 3 turns 17 in 2025-26; child 2 joined care in June; child 4 is 10
    assert flags({"Episodes": EPISODES, "OC2": oc2}, "197B") == {"OC2": [0, 2]}


def test_197B_does_not_ask_for_an_sdq_from_a_young_person_17_on_1_april() -> None:
    oc2 = {
        "CHILD": ["1", "3"],
        "DOB": ["01/04/2008", "02/04/2008"],
        "SDQ_SCORE": [None, None],
        "SDQ_REASON": [None, None],
    }
    # born 1 April 2008: 17 on 1 April 2025, so rule 189 applies; born 2 April 2008 turns 17 later
    assert flags({"Episodes": EPISODES, "OC2": oc2}, "197B") == {"OC2": [1]}
