import polars as pl

from lookedafter.validation.derive import age_at
from lookedafter.validation.helpers_c import flagged
from lookedafter.validation.registry import Context, rule


@rule(
    "542",
    message="The child was under 10 on 31 March but conviction information is recorded. Leave "
    "CONVICTED blank for children under 10.",
    table="OC2",
    fields=("DOB", "CONVICTED"),
)
def validate(ctx: Context) -> pl.LazyFrame:
    age = age_at(pl.col("DOB"), pl.lit(ctx.end))
    return ctx["OC2"].filter(age.lt(10) & pl.col("CONVICTED").is_not_null())


def test_542_outcome_fields_follow_age_and_completion() -> None:
    oc2 = pl.DataFrame(
        {
            "CHILD": ["1", "2", "3"],
            "DOB": ["01/04/2016", "31/03/2016", "01/04/2016"],
            "CONVICTED": ["0", "0", None],
        }
    )
    assert flagged("542", 2026, {"OC2": oc2}) == {"OC2": [0]}
