import polars as pl

from lookedafter.validation.helpers_b import d, flagged, with_dob
from lookedafter.validation.registry import Context, rule


@rule(
    "302",
    message="The episode starts before the child's date of birth. Check DECOM and DOB.",
    table="Episodes",
    fields=("DECOM", "DOB"),
    needs=("Episodes", "Header"),
)
def validate(ctx: Context) -> pl.LazyFrame:
    return with_dob(ctx["Episodes"], ctx).filter(pl.col("DECOM") < pl.col("DOB_H"))


def test_302_flags_episodes_before_birth() -> None:
    header = pl.DataFrame({"CHILD": ["1", "2"], "DOB": [d("2025-06-01"), d("2020-01-01")]})
    eps = pl.DataFrame(
        {"CHILD": ["1", "1", "2"], "DECOM": [d("2025-05-31"), d("2025-06-01"), d("2025-05-01")]}
    )
    assert flagged("302", {"Header": header, "Episodes": eps}) == {"Episodes": [0]}
