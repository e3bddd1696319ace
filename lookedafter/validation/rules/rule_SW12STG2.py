import polars as pl

from lookedafter.validation.helpers_c import RESPITE, flagged
from lookedafter.validation.registry import Context, rule


@rule(
    "SW12STG2",
    message="The child is looked after on 31 March, but no social worker episode covers the start "
    "of this period of care. Report every social worker episode of the past year, including"
    " those before the child became looked after.",
    table="Episodes",
    fields=("SW_DECOM",),
    needs=("Episodes", "SWEpisodes"),
)
def validate(ctx: Context) -> pl.LazyFrame:
    eps = ctx["Episodes"]
    not_respite = ~pl.col("LS").is_in(RESPITE).fill_null(False)
    at_end = eps.filter(
        not_respite & (pl.col("DECOM") <= ctx.end) & pl.col("DEC").is_null()
    ).select("CHILD")
    starts = eps.filter(
        (pl.col("RNE") == "S") & not_respite & pl.col("DECOM").is_between(ctx.start, ctx.end)
    ).join(at_end, on="CHILD", how="semi")
    first_sw = ctx["SWEpisodes"].group_by("CHILD").agg(pl.col("SW_DECOM").min().alias("FIRST_SW"))
    return starts.join(first_sw, on="CHILD", how="left").filter(
        pl.col("FIRST_SW").is_null() | (pl.col("FIRST_SW") > pl.col("DECOM"))
    )


def test_SW12STG2_social_worker_from_the_start_of_care() -> None:
    eps = pl.DataFrame(
        {
            "CHILD": ["1", "2", "3", "4", "5"],
            "DECOM": ["01/05/2025"] * 5,
            "DEC": [None, None, None, "01/06/2025", None],
            "RNE": ["S"] * 5,
            "LS": ["C2", "C2", "C2", "C2", "V3"],
        }
    )
    swe = pl.DataFrame({"CHILD": ["1", "2"], "SW_DECOM": ["01/04/2025", "02/05/2025"]})
    assert flagged("SW12STG2", 2026, {"Episodes": eps, "SWEpisodes": swe}) == {"Episodes": [1, 2]}
