import polars as pl

from lookedafter.validation.helpers_b import flagged, uasc_and_header_rows, uasc_both_years
from lookedafter.validation.registry import Context, rule


@rule(
    "205D",
    message="The child is UASC this year but was in last year's return without UASC status. "
    "Check the UASC file for both years.",
    table="UASC",
    fields=("UASC", "CHILD"),
    needs=("UASC", "UASC_last", "Header", "Header_last"),
)
def validate(ctx: Context) -> dict[str, pl.LazyFrame]:
    bad = uasc_both_years(ctx).filter(pl.col("NOW") & ~pl.col("LAST") & pl.col("IN_LAST"))
    return uasc_and_header_rows(bad)


def test_205D_flags_new_uasc_status_for_a_child_known_last_year() -> None:
    header = pl.DataFrame({"CHILD": ["1", "2", "3"]})
    uasc = pl.DataFrame({"CHILD": ["1", "2", "3"], "DUC": [None, None, None]})
    header_last = pl.DataFrame({"CHILD": ["1", "2"]})
    uasc_last = pl.DataFrame({"CHILD": ["2"], "DUC": [None]})
    got = flagged(
        "205D",
        {"Header": header, "UASC": uasc},
        last={"Header": header_last, "UASC": uasc_last},
    )
    # 1 was looked after last year without UASC; 3 is new this year.
    assert got == {"Header": [0], "UASC": [0]}
