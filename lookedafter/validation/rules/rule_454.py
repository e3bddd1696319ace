import polars as pl

from lookedafter.lib.postcodes import UNKNOWN_DISTANCE
from lookedafter.validation.helpers_b import flagged
from lookedafter.validation.registry import Context, rule

_MAX_MILES = 350


@rule(
    "454",
    message="The placement is more than 350 miles from the child's home. Check HOME_POST and "
    "PL_POST (a former UASC's home postcode may be wrong).",
    table="Episodes",
    fields=("PL_DISTANCE",),
    since=2026,
)
def validate(ctx: Context) -> pl.LazyFrame:
    distance = pl.col("PL_DISTANCE")
    return ctx["Episodes"].filter((distance > _MAX_MILES) & (distance < UNKNOWN_DISTANCE))


def test_454_flags_very_distant_placements() -> None:
    from lookedafter.lib import postcodes

    ref = postcodes.lookup(["T", "K"])
    cornwall = ref.filter(pl.col("PCD").str.starts_with("TR1"))["PCD"][0]
    truro2 = ref.filter(pl.col("PCD").str.starts_with("TR1"))["PCD"][1]
    caithness = ref.filter(pl.col("PCD").str.starts_with("KW1"))["PCD"][0]
    eps = pl.DataFrame(
        {
            "CHILD": ["1", "2", "3"],
            "HOME_POST": [cornwall, cornwall, cornwall],
            "PL_POST": [caithness, truro2, None],
        }
    )
    assert flagged("454", {"Episodes": eps}) == {"Episodes": [0]}
