import polars as pl

from lookedafter.validation.derive import birthday, continuously_looked_after
from lookedafter.validation.registry import Context, rule
from lookedafter.validation.testing import flags


@rule(
    "186",
    message="This child was looked after for the 12 months to 31 March and was 4 to 16 all year: "
    "give an SDQ score, or a reason for no score. Check SDQ_SCORE.",
    table="OC2",
    fields=("SDQ_SCORE",),
    needs=("OC2", "Episodes"),
)
def validate(ctx: Context) -> pl.LazyFrame:
    dob = pl.col("DOB")
    in_age = (birthday(dob, 4) <= pl.lit(ctx.start)) & (birthday(dob, 17) > pl.lit(ctx.end))
    missing = pl.col("SDQ_SCORE").is_null() & pl.col("SDQ_REASON").is_null()
    cla = continuously_looked_after(ctx)
    return ctx["OC2"].filter(in_age & missing).join(cla, on="CHILD", how="semi")


# child 1 looked after all year; child 2 came into care in June 2025
EPISODES = {
    "CHILD": ["1", "2", "3", "4"],
    "DECOM": ["01/01/2024", "01/06/2025", "01/01/2024", "01/01/2024"],
    "RNE": ["S", "S", "S", "S"],
    "LS": ["C2", "C2", "C2", "C2"],
}


def test_186_flags_missing_scores_for_school_age_children_in_the_cohort() -> None:
    oc2 = {
        "CHILD": ["1", "2", "3", "4", "1"],
        "DOB": ["01/04/2015", "01/04/2015", "02/04/2021", "01/01/2015", "01/04/2015"],
        "SDQ_SCORE": [None, None, None, None, 10],
        "SDQ_REASON": [None, None, None, "SDQ2", None],
    }
    # child 3 turned 4 during the year (2 April 2025): rule 197B covers them instead
    assert flags({"Episodes": EPISODES, "OC2": oc2}, "186") == {"OC2": [0]}
