import polars as pl

from lookedafter.validation.helpers_b import flagged
from lookedafter.validation.registry import Context, rule

_ADOPTED = ("E11", "E12")
# Placed for adoption with current foster carers, and not with them.
_WITH_CARERS = ("A3", "A5")
_NOT_WITH_CARERS = ("A4", "A6")


@rule(
    "335",
    message="Whether the child was adopted by their foster carers (FOSTER_CARE) disagrees with "
    "the adoption placement type: A3/A5 mean adopted by current foster carers (1), A4/A6 mean "
    "not (0). Check FOSTER_CARE and PLACE.",
    table="AD1",
    fields=("PLACE", "FOSTER_CARE"),
    needs=("AD1", "Episodes"),
)
def validate(ctx: Context) -> dict[str, pl.LazyFrame]:
    ad1 = ctx["AD1"].select("CHILD", "FOSTER_CARE", pl.col("ROW").alias("ROW_AD1"))
    bad = (
        ctx["Episodes"]
        .filter(pl.col("REC").is_in(_ADOPTED))
        .join(ad1, on="CHILD", how="inner")
        .filter(
            (pl.col("PLACE").is_in(_WITH_CARERS) & (pl.col("FOSTER_CARE") == "0"))
            | (pl.col("PLACE").is_in(_NOT_WITH_CARERS) & (pl.col("FOSTER_CARE") == "1"))
        )
    )
    return {
        "Episodes": bad,
        "AD1": bad.select("CHILD", pl.col("ROW_AD1").alias("ROW")).unique(),
    }


def test_335_foster_carer_flag_matches_adoption_placement() -> None:
    eps = pl.DataFrame(
        {
            "CHILD": ["1", "2", "3", "4"],
            "PLACE": ["A3", "A4", "A5", "A6"],
            "REC": ["E11", "E12", "E11", None],
        }
    )
    ad1 = pl.DataFrame({"CHILD": ["1", "2", "3", "4"], "FOSTER_CARE": ["0", "1", "1", "1"]})
    assert flagged("335", {"AD1": ad1, "Episodes": eps}) == {"AD1": [0, 1], "Episodes": [0, 1]}
