import polars as pl

from lookedafter.validation.helpers_b import flagged, this_year
from lookedafter.validation.registry import Context, rule


@rule(
    "348",
    message="Last year's return recorded this care leaver as having died, but this year's does "
    "not. Check IN_TOUCH (it should stay DIED) or last year's record.",
    table="OC3",
    fields=("IN_TOUCH",),
    needs=("OC3", "OC3_last"),
    since=2026,
)
def validate(ctx: Context) -> pl.LazyFrame:
    died = ctx["OC3_last"].filter(pl.col("IN_TOUCH") == "DIED").select("CHILD").unique()
    return (
        this_year(ctx["OC3"], ctx)
        .join(died, on="CHILD", how="semi")
        .filter(pl.col("IN_TOUCH").fill_null("") != "DIED")
    )


def test_348_a_death_stays_recorded() -> None:
    now = pl.DataFrame({"CHILD": ["1", "2", "3"], "IN_TOUCH": ["YES", "DIED", "YES"]})
    last = pl.DataFrame({"CHILD": ["1", "2", "3"], "IN_TOUCH": ["DIED", "DIED", "YES"]})
    assert flagged("348", {"OC3": now}, last={"OC3": last}) == {"OC3": [0]}
