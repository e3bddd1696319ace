import polars as pl

from lookedafter.validation.helpers_b import flagged
from lookedafter.validation.registry import Context, rule


@rule(
    "207",
    message="Last year's return recorded this child as a mother (MOTHER = 1) but this year's "
    "does not. Check MOTHER: once a mother, the child stays recorded as one.",
    table="Header",
    fields=("MOTHER",),
    needs=("Header", "Header_last", "Episodes"),
)
def validate(ctx: Context) -> pl.LazyFrame:
    last = ctx["Header_last"].select("CHILD", pl.col("MOTHER").alias("MOTHER_last"))
    looked_after = ctx["Episodes"].select("CHILD").unique()
    return (
        ctx["Header"]
        .join(last.unique("CHILD"), on="CHILD", how="inner")
        .join(looked_after, on="CHILD", how="semi")
        .filter((pl.col("MOTHER_last") == "1") & (pl.col("MOTHER").fill_null("") != "1"))
    )


def test_207_flags_a_mother_no_longer_recorded_as_one() -> None:
    header = pl.DataFrame(
        {"CHILD": ["1", "2", "3", "4", "5"], "MOTHER": ["1", "0", None, "0", "0"]}
    )
    last = pl.DataFrame({"CHILD": ["1", "2", "3", "4", "5"], "MOTHER": ["1", "1", "1", "0", "1"]})
    episodes = pl.DataFrame({"CHILD": ["1", "2", "3", "4"]})
    got = flagged("207", {"Header": header, "Episodes": episodes}, last={"Header": last})
    # 5 has no episodes this year, so is not checked.
    assert got == {"Header": [1, 2]}
