import polars as pl

from lookedafter.validation.helpers_b import carried_over, d, flagged
from lookedafter.validation.registry import Context, rule


@rule(
    "452",
    message="The placement's local authority (from PL_POST) in this year's first episode "
    "differs from last year's final episode, which was still open. Check PL_POST in both years.",
    table="Episodes",
    fields=("PL_LA",),
    needs=("Episodes", "Episodes_last"),
)
def validate(ctx: Context) -> pl.LazyFrame:
    return carried_over(ctx).filter(pl.col("PL_LA").ne_missing(pl.col("PL_LA_last")))


def test_452_placement_authority_carries_over() -> None:
    from lookedafter.lib import postcodes

    ref = postcodes.lookup(["M", "L"])
    m = ref.filter(pl.col("PCD").str.starts_with("M1"))["PCD"][0]
    liv = ref.filter(pl.col("PCD").str.starts_with("L1"))["PCD"][0]
    now = pl.DataFrame({"CHILD": ["1", "2"], "DECOM": [d("2024-06-01")] * 2, "PL_POST": [liv, m]})
    last = pl.DataFrame({"CHILD": ["1", "2"], "DECOM": [d("2024-06-01")] * 2, "PL_POST": [m, m]})
    assert flagged("452", {"Episodes": now}, last={"Episodes": last}) == {"Episodes": [0]}


def test_452_an_undated_episode_is_not_taken_as_the_first() -> None:
    from lookedafter.lib import postcodes

    ref = postcodes.lookup(["M", "L"])
    m = ref.filter(pl.col("PCD").str.starts_with("M1"))["PCD"][0]
    liv = ref.filter(pl.col("PCD").str.starts_with("L1"))["PCD"][0]
    now = pl.DataFrame({"CHILD": ["1", "1"], "DECOM": [None, d("2024-06-01")], "PL_POST": [liv, m]})
    last = pl.DataFrame({"CHILD": ["1"], "DECOM": [d("2024-06-01")], "PL_POST": [m]})
    assert flagged("452", {"Episodes": now}, last={"Episodes": last}) == {}
