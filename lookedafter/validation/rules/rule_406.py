import polars as pl

from lookedafter.lib.postcodes import UNKNOWN_DISTANCE
from lookedafter.validation.helpers_b import flagged, uasc_children
from lookedafter.validation.registry import Context, rule


@rule(
    "406",
    message="The child is or was an unaccompanied asylum-seeking child, so no placement "
    "distance should be worked out. Leave HOME_POST blank for UASC.",
    table="Episodes",
    fields=("PL_DISTANCE",),
    needs=("Episodes", "UASC"),
)
def validate(ctx: Context) -> pl.LazyFrame:
    return (
        ctx["Episodes"]
        .join(uasc_children(ctx), on="CHILD", how="semi")
        .filter(pl.col("PL_DISTANCE") < UNKNOWN_DISTANCE)
    )


def test_406_no_distance_for_uasc() -> None:
    from lookedafter.lib import postcodes

    real = postcodes.lookup(["M"])["PCD"].to_list()[:2]
    eps = pl.DataFrame(
        {
            "CHILD": ["1", "2", "3"],
            "HOME_POST": [real[0], None, real[0]],
            "PL_POST": [real[1], real[1], real[1]],
        }
    )
    uasc = pl.DataFrame({"CHILD": ["1", "2"]})
    assert flagged("406", {"Episodes": eps, "UASC": uasc}) == {"Episodes": [0]}
