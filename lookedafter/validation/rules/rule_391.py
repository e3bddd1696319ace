import polars as pl

from lookedafter.validation.helpers_b import age, d, flagged, this_year
from lookedafter.validation.registry import Context, rule


@rule(
    "391",
    message="Care leaver information is given but the young person was not aged 17 to 21 at any "
    "time in the year. Check DOB, or remove IN_TOUCH, ACTIV and ACCOM.",
    table="OC3",
    fields=("DOB", "IN_TOUCH", "ACTIV", "ACCOM"),
)
def validate(ctx: Context) -> pl.LazyFrame:
    dob = pl.col("DOB")
    completed = pl.any_horizontal(pl.col(c).is_not_null() for c in ("IN_TOUCH", "ACTIV", "ACCOM"))
    too_young = age(dob, pl.lit(ctx.end)) < 17
    too_old = age(dob, pl.lit(ctx.start)) > 21
    return this_year(ctx["OC3"], ctx).filter(completed & (too_young | too_old))


def test_391_care_leavers_aged_17_to_21() -> None:
    oc3 = pl.DataFrame(
        {
            "CHILD": ["1", "2", "3", "4", "5"],
            "DOB": [
                d("2009-04-01"),
                d("2009-03-31"),
                d("2003-04-02"),
                d("2003-04-01"),
                d("2012-01-01"),
            ],
            "IN_TOUCH": ["YES", "YES", "YES", "YES", None],
        }
    )
    # 1 turns 17 only after 31 March 2026; 4 was 22 on 1 April 2025; 5 has nothing completed.
    assert flagged("391", {"OC3": oc3}) == {"OC3": [0, 3]}
