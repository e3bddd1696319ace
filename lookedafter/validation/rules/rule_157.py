import polars as pl

from lookedafter.validation.derive import birthday, continuously_looked_after
from lookedafter.validation.registry import Context, rule
from lookedafter.validation.testing import flags


@rule(
    "157",
    message="SDQ1 (child under 4 or over 16) is given as the reason for no SDQ score, but the "
    "child was 4 or over on 1 April and 16 or under on 31 March. Check SDQ_REASON and DOB.",
    table="OC2",
    fields=("SDQ_REASON", "DOB"),
    needs=("OC2", "Episodes"),
)
def validate(ctx: Context) -> pl.LazyFrame:
    dob = pl.col("DOB")
    in_age = (birthday(dob, 4) <= pl.lit(ctx.start)) & (birthday(dob, 16) >= pl.lit(ctx.end))
    wrong = pl.col("SDQ_SCORE").is_null() & (pl.col("SDQ_REASON") == "SDQ1")
    cla = continuously_looked_after(ctx)
    return ctx["OC2"].filter(in_age & wrong).join(cla, on="CHILD", how="semi")


EPISODES = {
    "CHILD": ["1", "2", "3"],
    "DECOM": ["01/01/2024", "01/01/2024", "01/01/2024"],
    "RNE": ["S", "S", "S"],
    "LS": ["C2", "C2", "C2"],
}


def test_157_flags_sdq1_for_children_of_school_age() -> None:
    oc2 = {
        "CHILD": ["1", "2", "3"],
        "DOB": ["01/01/2015", "01/01/2023", "01/01/2015"],
        "SDQ_SCORE": [None, None, None],
        "SDQ_REASON": ["SDQ1", "SDQ1", "SDQ2"],
    }
    assert flags({"Episodes": EPISODES, "OC2": oc2}, "157") == {"OC2": [0]}
