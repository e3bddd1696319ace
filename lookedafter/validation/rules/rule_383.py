import polars as pl

from lookedafter.validation.helpers_b import TEMPORARY_PLACEMENTS, d, flagged
from lookedafter.validation.registry import Context, rule

_FIX = " Check PLACE (and from 2025-26 RNE = P and PL_POST) of the episode after the temporary one."


def _around_temporary(ctx: Context) -> pl.LazyFrame:
    """Episodes that follow a temporary placement, with the episode before that one."""
    # SEQ >= 2: the two rows before are the same child's, with start dates (undated rows have
    # no place in the order and no SEQ)
    usual = pl.col("SEQ") >= 2
    return (
        ctx.sequence()
        .with_columns(
            pl.col("PLACE_prev").alias("PLACE_tmp"),
            pl.when(usual).then(pl.col("PLACE").shift(2)).alias("PLACE_usual"),
            pl.when(usual).then(pl.col("PL_POST").shift(2)).alias("PL_POST_usual"),
            pl.when(usual).then(pl.col("ROW").shift(2)).alias("ROW_usual"),
        )
        .filter(pl.col("PLACE_tmp").is_in(TEMPORARY_PLACEMENTS) & pl.col("ROW_usual").is_not_null())
    )


def _not_same(a: str, b: str) -> pl.Expr:
    return pl.col(a).ne_missing(pl.col(b))


@rule(
    "383",
    message="After a temporary placement the child must return to their usual placement, "
    "but the placement type differs from the one before." + _FIX,
    table="Episodes",
    fields=("PLACE",),
    until=2025,
)
def validate_to_2025(ctx: Context) -> pl.LazyFrame:
    return _around_temporary(ctx).filter(_not_same("PLACE", "PLACE_usual"))


@rule(
    "383",
    message="After a temporary placement the child must return to their usual placement: the "
    "next episode needs RNE P and the same placement type and postcode as before." + _FIX,
    table="Episodes",
    fields=("PLACE", "RNE", "PL_POST"),
    since=2026,
)
def validate(ctx: Context) -> pl.LazyFrame:
    def postcode(c: str) -> pl.Expr:
        return pl.col(c).str.replace_all(" ", "").str.to_uppercase()

    return _around_temporary(ctx).filter(
        (pl.col("RNE").fill_null("") != "P")
        | _not_same("PLACE", "PLACE_usual")
        | postcode("PL_POST").ne_missing(postcode("PL_POST_usual"))
    )


def test_383_return_to_the_usual_placement() -> None:
    eps = pl.DataFrame(
        {
            "CHILD": ["1", "1", "1", "2", "2", "2", "3", "3", "3"],
            "DECOM": [d("2025-05-01"), d("2025-06-01"), d("2025-06-05")] * 3,
            "RNE": ["S", "P", "P", "S", "P", "T", "S", "P", "P"],
            "PLACE": ["U4", "T3", "U4", "U4", "T3", "U4", "U4", "T3", "U6"],
            "PL_POST": [
                "M1 1AE",
                None,
                "m11ae",
                "M1 1AE",
                None,
                "M1 1AE",
                "M1 1AE",
                None,
                "M1 1AE",
            ],
        }
    )
    assert flagged("383", {"Episodes": eps}, year=2026) == {"Episodes": [5, 8]}
    assert flagged("383", {"Episodes": eps}, year=2025) == {"Episodes": [8]}


def test_383_an_undated_episode_is_not_the_usual_placement() -> None:
    eps = pl.DataFrame(
        {
            "CHILD": ["1", "1", "1"],
            "DECOM": [None, d("2025-06-01"), d("2025-06-05")],
            "RNE": ["S", "S", "P"],
            "PLACE": ["K2", "T3", "U4"],
            "PL_POST": ["M1 1AE", None, "M2 3RT"],
        }
    )
    assert flagged("383", {"Episodes": eps}, year=2026) == {}
