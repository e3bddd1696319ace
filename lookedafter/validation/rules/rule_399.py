import polars as pl

from lookedafter.validation.helpers_b import RESPITE_LEGAL_STATUSES, d, flagged
from lookedafter.validation.registry import Context, rule


@rule(
    "399",
    message="The child is looked after only for short breaks (LS V3 or V4), so MOTHER, reviews "
    "and review participation are not collected. Remove MOTHER, REVIEW and REVIEW_CODE.",
    table="Header",
    fields=("MOTHER", "LS", "REVIEW", "REVIEW_CODE"),
    needs=("Episodes", "Header", "Reviews"),
)
def validate(ctx: Context) -> dict[str, pl.LazyFrame]:
    eps = ctx["Episodes"]
    respite_only = (
        eps.group_by("CHILD")
        .agg(pl.col("LS").is_in(RESPITE_LEGAL_STATUSES).fill_null(False).all().alias("_ONLY"))
        .filter("_ONLY")
        .select("CHILD")
    )
    header = (
        ctx["Header"]
        .join(respite_only, on="CHILD", how="semi")
        .filter(pl.col("MOTHER").is_not_null())
    )
    reviews = (
        ctx["Reviews"]
        .join(respite_only, on="CHILD", how="semi")
        .filter(pl.col("REVIEW").is_not_null() | pl.col("REVIEW_CODE").is_not_null())
    )
    children = pl.concat([header.select("CHILD"), reviews.select("CHILD")]).unique()
    return {
        "Header": header,
        "Reviews": reviews,
        "Episodes": eps.join(children, on="CHILD", how="semi"),
    }


def test_399_short_break_children_have_no_mother_or_reviews() -> None:
    eps = pl.DataFrame({"CHILD": ["1", "1", "2", "3", "3"], "LS": ["V3", "V4", "V3", "V3", "C2"]})
    header = pl.DataFrame({"CHILD": ["1", "2", "3"], "MOTHER": [None, "0", "0"]})
    reviews = pl.DataFrame(
        {
            "CHILD": ["1", "3"],
            "REVIEW": [d("2025-06-01"), d("2025-06-01")],
            "REVIEW_CODE": ["PN1", "PN1"],
        }
    )
    got = flagged("399", {"Episodes": eps, "Header": header, "Reviews": reviews})
    assert got == {"Episodes": [0, 1, 2], "Header": [1], "Reviews": [0]}
