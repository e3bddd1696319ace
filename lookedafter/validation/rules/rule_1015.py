import polars as pl

from lookedafter.validation.derive import RESPITE
from lookedafter.validation.registry import Context, rule
from lookedafter.validation.testing import flags

# Foster and adoption placements may be the authority's own provision anywhere.
ANYWHERE = ("A3", "A4", "A5", "A6", "U1", "U2", "U3", "U4", "U5", "U6", "K3")


@rule(
    "1015",
    message="The placement is recorded as the authority's own provision (PR1) but its postcode is "
    "outside the authority. Check PLACE_PROVIDER and PL_POST.",
    table="Episodes",
    fields=("PL_LA",),
    needs=("Episodes", "LA"),
)
def validate(ctx: Context) -> pl.LazyFrame:
    own = sorted(ctx.own_areas)
    return ctx["Episodes"].filter(
        (pl.col("PLACE_PROVIDER") == "PR1")
        & pl.col("PLACE").is_not_null()
        & ~pl.col("PLACE").is_in(list(ANYWHERE))
        & pl.col("LS").is_not_null()
        & ~pl.col("LS").is_in(list(RESPITE))
        & pl.col("PL_LA").is_not_null()
        & ~pl.col("PL_LA").is_in(own)
    )


def test_1015_flags_own_provision_outside_the_authority() -> None:
    eps = {
        "CHILD": list("12345"),
        "LS": ["C2", "C2", "C2", "V3", "C2"],
        "PLACE": ["K2", "K2", "U1", "K2", "K2"],
        "PLACE_PROVIDER": ["PR1", "PR1", "PR1", "PR1", "PR2"],
        "PL_POST": ["M1 1AE", "LS1 1UR", "LS1 1UR", "LS1 1UR", "LS1 1UR"],
    }
    # Manchester (E08000003): only the Leeds children's home run as own provision is flagged
    assert flags({"Episodes": eps}, "1015", la_code="E08000003") == {"Episodes": [1]}
