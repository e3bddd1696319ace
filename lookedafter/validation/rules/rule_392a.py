import polars as pl

from lookedafter.lib.postcodes import UNKNOWN_DISTANCE
from lookedafter.validation.helpers_b import flagged, not_respite, uasc_children
from lookedafter.validation.registry import Context, rule


@rule(
    "392a",
    message="No placement distance can be worked out for this episode: the home or placement "
    "postcode is missing or unknown. Enter valid HOME_POST and PL_POST (not needed for UASC or "
    "short breaks).",
    table="Episodes",
    fields=("PL_DISTANCE",),
)
def validate(ctx: Context) -> pl.LazyFrame:
    no_distance = pl.col("PL_DISTANCE").is_null() | (pl.col("PL_DISTANCE") >= UNKNOWN_DISTANCE)
    return (
        ctx["Episodes"]
        .join(uasc_children(ctx), on="CHILD", how="anti")
        .filter(not_respite() & no_distance)
    )


def test_392a_distance_needed_unless_uasc_or_short_break() -> None:
    eps = pl.DataFrame(
        {
            "CHILD": ["1", "2", "3", "4"],
            "LS": ["C2", "C2", "V3", "C2"],
            "HOME_POST": [None, None, None, None],
            "PL_POST": [None, None, None, None],
        }
    )
    uasc = pl.DataFrame({"CHILD": ["4"]})
    assert flagged("392a", {"Episodes": eps}) == {"Episodes": [0, 1, 3]}
    assert flagged("392a", {"Episodes": eps, "UASC": uasc}) == {"Episodes": [0, 1]}
