import polars as pl

from lookedafter.validation.derive import first_rows, last_rows
from lookedafter.validation.helpers_c import flagged
from lookedafter.validation.registry import Context, rule


@rule(
    "502",
    message="Last year's return ended with an open episode, but this year's first episode has a "
    "different start date. Carry the open episode over with its original start date.",
    table="Episodes",
    fields=("DECOM",),
    needs=("Episodes", "Episodes_last"),
)
def validate(ctx: Context) -> pl.LazyFrame:
    open_last = (
        last_rows(ctx, "Episodes_last", "DECOM")
        .filter(pl.col("DEC").is_null())
        .select("CHILD", pl.col("DECOM").alias("DECOM_LAST"))
    )
    first = first_rows(ctx, "Episodes", "DECOM")
    return first.join(open_last, on="CHILD").filter(
        pl.col("DECOM").ne_missing(pl.col("DECOM_LAST"))
    )


def test_502_first_episode_must_start_when_last_years_open_one_did() -> None:
    last = pl.DataFrame(
        {"CHILD": ["1", "2", "3"], "DECOM": ["01/01/2025"] * 3, "DEC": [None, None, "01/02/2025"]}
    )
    eps = pl.DataFrame(
        {
            "CHILD": ["1", "1", "2", "3"],
            "DECOM": ["01/01/2025", "01/06/2025", "02/01/2025", "01/06/2025"],
        }
    )
    assert flagged("502", 2026, {"Episodes": eps}, {"Episodes": last}) == {"Episodes": [2]}
