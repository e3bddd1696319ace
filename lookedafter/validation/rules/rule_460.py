import polars as pl

from lookedafter.validation.helpers_b import age, d, flagged, with_dob
from lookedafter.validation.registry import Context, rule

_STAYED_WITH_CARERS = "E17"


@rule(
    "460",
    message=(
        "The episode ended with the young person staying with their carers at 18 or over "
        "(E17), but they were under 18. Check REC, DEC and DOB."
    ),
    table="Episodes",
    fields=("DEC", "REC"),
    needs=("Episodes", "Header"),
)
def validate(ctx: Context) -> pl.LazyFrame:
    return with_dob(ctx["Episodes"], ctx).filter(
        (pl.col("REC") == _STAYED_WITH_CARERS) & (age(pl.col("DOB_H"), pl.col("DEC")) < 18)
    )


def test_460_staying_put_needs_age_18() -> None:
    header = pl.DataFrame(
        {"CHILD": ["1", "2", "3"], "DOB": [d("2007-06-02"), d("2007-06-01"), d("2010-01-01")]}
    )
    eps = pl.DataFrame(
        {"CHILD": ["1", "2", "3"], "DEC": [d("2025-06-01")] * 3, "REC": ["E17", "E17", "E13"]}
    )
    assert flagged("460", {"Header": header, "Episodes": eps}) == {"Episodes": [0]}
