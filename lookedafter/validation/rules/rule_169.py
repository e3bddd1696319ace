import polars as pl

from lookedafter.validation.derive import NO_LOCATION, RESPITE
from lookedafter.validation.registry import Context, rule
from lookedafter.validation.testing import flags


@rule(
    "169",
    message="The local authority of the placement cannot be worked out: PL_POST is missing or "
    "not a known postcode. Enter the placement's full postcode.",
    table="Episodes",
    fields=("PL_LA",),
)
def validate(ctx: Context) -> pl.LazyFrame:
    return ctx["Episodes"].filter(
        pl.col("PL_LA").is_null()
        & ~pl.col("LS").is_in(list(RESPITE))
        & ~pl.col("PLACE").is_in(list(NO_LOCATION))
    )


def test_169_flags_placements_whose_area_is_unknown() -> None:
    eps = {
        "CHILD": list("12345"),
        "LS": ["C2", "C2", "V3", "C2", "C2"],
        "PLACE": ["U1", "U1", "U1", "T0", "K2"],
        "PL_POST": ["LS1 1UR", "ZZ9 9ZZ", None, None, None],
    }
    assert flags({"Episodes": eps}, "169") == {"Episodes": [1, 4]}
