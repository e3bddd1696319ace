from datetime import date

import polars as pl

from lookedafter.validation.derive import first_rows
from lookedafter.validation.helpers_c import flagged, present
from lookedafter.validation.registry import Context, rule

# Previous permanence is collected only for periods of care starting on or after this date.
COLLECTED_FROM = date(2016, 4, 1)


@rule(
    "634",
    message="Previous permanence details are recorded but the child's period of care started before"
    " 1 April 2016, when they were not collected. Remove the previous permanence details.",
    table="PrevPerm",
    fields=("LA_PERM", "PREV_PERM", "DATE_PERM", "DECOM"),
    needs=("Episodes", "PrevPerm"),
)
def validate(ctx: Context) -> pl.LazyFrame:
    first = first_rows(ctx, "Episodes", "DECOM").filter(pl.col("DECOM") < COLLECTED_FROM)
    return (
        ctx["PrevPerm"]
        .filter(present("LA_PERM", "PREV_PERM", "DATE_PERM"))
        .join(first, on="CHILD", how="semi")
    )


def test_634_previous_permanence_only_for_care_from_2016() -> None:
    eps = pl.DataFrame(
        {"CHILD": ["1", "2", "3"], "DECOM": ["31/03/2016", "01/04/2016", "31/03/2016"]}
    )
    prev = pl.DataFrame({"CHILD": ["1", "2", "3"], "PREV_PERM": ["Z1", "Z1", None]})
    assert flagged("634", 2026, {"Episodes": eps, "PrevPerm": prev}) == {"PrevPerm": [0]}
