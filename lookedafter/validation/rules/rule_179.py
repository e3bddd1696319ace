import polars as pl

from lookedafter.schema.codes import codes
from lookedafter.validation.derive import NO_LOCATION, RESPITE
from lookedafter.validation.registry import Context, rule
from lookedafter.validation.testing import flags


@rule(
    "179",
    message="Whether the placement is inside or outside the authority cannot be worked out: "
    "PL_POST is missing or not a known postcode. Enter the placement's full postcode.",
    table="Episodes",
    fields=("PL_LOCATION",),
)
def validate(ctx: Context) -> pl.LazyFrame:
    location = pl.col("PL_LOCATION")
    return ctx["Episodes"].filter(
        (location.is_null() | ~location.is_in(sorted(codes("PL_LOCATION"))))
        & ~pl.col("LS").is_in(list(RESPITE))
        & ~pl.col("PLACE").is_in(list(NO_LOCATION))
    )


def test_179_flags_placements_with_no_location() -> None:
    eps = {
        "CHILD": list("1234"),
        "LS": ["C2", "C2", "V4", "C2"],
        "PLACE": ["U1", "U1", "U1", "Z11"],
        "PL_POST": ["M1 1AE", None, None, None],
    }
    assert flags({"Episodes": eps}, "179", la_code="E08000003") == {"Episodes": [1]}
