import polars as pl

from lookedafter.validation.helpers_b import age, d, flagged, with_dob
from lookedafter.validation.registry import Context, rule


@rule(
    "352",
    message="The child started to be looked after (RNE S) aged 18 or over. Check DECOM, RNE "
    "and DOB.",
    table="Episodes",
    fields=("DECOM", "RNE"),
    needs=("Episodes", "Header"),
)
def validate(ctx: Context) -> pl.LazyFrame:
    return with_dob(ctx["Episodes"], ctx).filter(
        (pl.col("RNE") == "S") & (age(pl.col("DOB_H"), pl.col("DECOM")) >= 18)
    )


def test_352_care_cannot_start_at_18() -> None:
    header = pl.DataFrame({"CHILD": ["1", "2"], "DOB": [d("2007-06-01"), d("2007-06-02")]})
    eps = pl.DataFrame(
        {
            "CHILD": ["1", "2", "1"],
            "DECOM": [d("2025-06-01"), d("2025-06-01"), d("2025-06-01")],
            "RNE": ["S", "S", "P"],
        }
    )
    assert flagged("352", {"Header": header, "Episodes": eps}) == {"Episodes": [0]}
