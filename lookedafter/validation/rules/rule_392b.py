import polars as pl

from lookedafter.validation.helpers_b import flagged, not_respite, uasc_children
from lookedafter.validation.registry import Context, rule


@rule(
    "392b",
    message="The home or placement postcode is missing. Enter HOME_POST and PL_POST (not needed "
    "for UASC or short breaks).",
    table="Episodes",
    fields=("HOME_POST", "PL_POST"),
)
def validate(ctx: Context) -> pl.LazyFrame:
    return (
        ctx["Episodes"]
        .join(uasc_children(ctx), on="CHILD", how="anti")
        .filter(not_respite() & (pl.col("HOME_POST").is_null() | pl.col("PL_POST").is_null()))
    )


def test_392b_postcodes_needed_unless_uasc_or_short_break() -> None:
    eps = pl.DataFrame(
        {
            "CHILD": ["1", "2", "3", "4"],
            "LS": ["C2", "C2", "V4", "C2"],
            "HOME_POST": ["M1 1AE", None, None, None],
            "PL_POST": ["M1 1AE", "M1 1AE", None, None],
        }
    )
    last_uasc = pl.DataFrame({"CHILD": ["4"]})
    got = flagged("392b", {"Episodes": eps}, last={"UASC": last_uasc})
    assert got == {"Episodes": [1]}
