import polars as pl

from lookedafter.validation.helpers_b import flagged
from lookedafter.validation.registry import Context, rule


@rule(
    "378",
    message="A child placed with parents (P1) cannot be accommodated under a single period of "
    "section 20 accommodation (LS V2). Check PLACE and LS.",
    table="Episodes",
    fields=("PLACE", "LS"),
)
def validate(ctx: Context) -> pl.LazyFrame:
    return ctx["Episodes"].filter((pl.col("PLACE") == "P1") & (pl.col("LS") == "V2"))


def test_378_no_placement_with_parents_under_section_20() -> None:
    eps = pl.DataFrame(
        {"CHILD": ["1", "2", "3"], "PLACE": ["P1", "P1", "U1"], "LS": ["V2", "C2", "V2"]}
    )
    assert flagged("378", {"Episodes": eps}) == {"Episodes": [0]}
