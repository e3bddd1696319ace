import polars as pl

from lookedafter.validation.helpers_b import flagged
from lookedafter.validation.registry import Context, rule


@rule(
    "366",
    message="A short break (LS V3) episode must start a new period of care (RNE S): a child "
    "cannot change placement during a short break. Check RNE and LS.",
    table="Episodes",
    fields=("RNE",),
)
def validate(ctx: Context) -> pl.LazyFrame:
    return ctx["Episodes"].filter((pl.col("LS") == "V3") & (pl.col("RNE").fill_null("") != "S"))


def test_366_short_breaks_start_with_rne_s() -> None:
    eps = pl.DataFrame({"CHILD": ["1", "2", "3"], "LS": ["V3", "V3", "C2"], "RNE": ["P", "S", "P"]})
    assert flagged("366", {"Episodes": eps}) == {"Episodes": [0]}
