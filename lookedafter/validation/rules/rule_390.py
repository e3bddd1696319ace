import polars as pl

from lookedafter.validation.helpers_b import ADOPTION_PLACEMENTS, flagged
from lookedafter.validation.registry import Context, rule

_ADOPTED = ("E11", "E12")


@rule(
    "390",
    message="The child is recorded as adopted but the episode is not an adoption placement "
    "(A3-A6). Check REC and PLACE.",
    table="Episodes",
    fields=("PLACE", "REC"),
)
def validate(ctx: Context) -> pl.LazyFrame:
    return ctx["Episodes"].filter(
        pl.col("REC").is_in(_ADOPTED) & ~pl.col("PLACE").is_in(ADOPTION_PLACEMENTS).fill_null(False)
    )


def test_390_adoption_ends_an_adoption_placement() -> None:
    eps = pl.DataFrame(
        {"CHILD": ["1", "2", "3"], "PLACE": ["U1", "A4", "P1"], "REC": ["E11", "E12", "E13"]}
    )
    assert flagged("390", {"Episodes": eps}) == {"Episodes": [0]}
