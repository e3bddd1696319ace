import polars as pl

from lookedafter.validation.helpers_b import d, flagged, with_dob, years_after
from lookedafter.validation.registry import Context, rule


@rule(
    "359",
    message="The young person is still looked after after their 18th birthday, which is only "
    "possible under section 20(5) (LS V2) in a children's home (PLACE K2). Check LS, PLACE and "
    "DEC.",
    table="Episodes",
    fields=("DEC", "LS", "PLACE"),
    needs=("Episodes", "Header"),
)
def validate(ctx: Context) -> pl.LazyFrame:
    return with_dob(ctx["Episodes"], ctx).filter(
        (years_after(pl.col("DOB_H"), 18) < pl.lit(ctx.end))
        & pl.col("DEC").is_null()
        & ~((pl.col("LS") == "V2") & (pl.col("PLACE") == "K2")).fill_null(False)
    )


def test_359_over_18s_only_under_section_20_5() -> None:
    header = pl.DataFrame(
        {"CHILD": ["1", "2", "3"], "DOB": [d("2007-06-01"), d("2007-06-01"), d("2010-01-01")]}
    )
    eps = pl.DataFrame(
        {
            "CHILD": ["1", "2", "3"],
            "DECOM": [d("2025-01-01")] * 3,
            "DEC": [None, None, None],
            "LS": ["C2", "V2", "C2"],
            "PLACE": ["U4", "K2", "U4"],
        }
    )
    assert flagged("359", {"Header": header, "Episodes": eps}) == {"Episodes": [0]}
