import polars as pl

from lookedafter.validation.helpers_b import flagged, postcode_key
from lookedafter.validation.registry import Context, rule


@rule(
    "392d",
    message="The home and placement postcodes are the same, which is only expected when the "
    "child is placed with parents (P1). Check HOME_POST, PL_POST and PLACE.",
    table="Episodes",
    fields=("HOME_POST", "PL_POST", "PLACE"),
)
def validate(ctx: Context) -> pl.LazyFrame:
    return ctx["Episodes"].filter(
        (postcode_key("HOME_POST") == postcode_key("PL_POST"))
        & (pl.col("PLACE").fill_null("") != "P1")
    )


def test_392d_same_postcode_only_with_parents() -> None:
    eps = pl.DataFrame(
        {
            "CHILD": ["1", "2", "3"],
            "HOME_POST": ["M1 1AE", "M1 1AE", "M1 1AE"],
            "PL_POST": ["m11ae", "M1 1AE", "M2 3RT"],
            "PLACE": ["U4", "P1", "U4"],
        }
    )
    assert flagged("392d", {"Episodes": eps}) == {"Episodes": [0]}
