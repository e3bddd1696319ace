import polars as pl

from lookedafter.validation.derive import ADOPTED
from lookedafter.validation.registry import Context, rule
from lookedafter.validation.testing import flags


@rule(
    "199",
    message="An earlier episode shows this child was adopted from care (REC E11 or E12), yet a "
    "later episode is recorded under the same child ID. Check the child's ID and episodes.",
    table="Episodes",
    fields=("CHILD",),
)
def validate(ctx: Context) -> pl.LazyFrame:
    cols = ["CHILD", "DECOM", "REC", "ROW"]
    eps = ctx["Episodes"].select(cols)
    if ctx.has("Episodes_last"):
        last = ctx["Episodes_last"].select(
            "CHILD", "DECOM", "REC", pl.lit(None, pl.Int64).alias("ROW")
        )
        eps = pl.concat([eps, last]).unique(["CHILD", "DECOM"], keep="first", maintain_order=True)
    adopted_before = (
        pl.col("REC").is_in(list(ADOPTED)).cast(pl.Int32).cum_sum().shift(1, fill_value=0)
    )
    ever_adopted = eps.filter(pl.col("REC").is_in(list(ADOPTED))).select("CHILD").unique()
    return (
        eps.join(ever_adopted, on="CHILD", how="semi")
        .filter(pl.col("DECOM").is_not_null())
        .sort("CHILD", "DECOM")
        .with_columns(adopted_before.over("CHILD").alias("_before"))
        .filter((pl.col("_before") > 0) & pl.col("ROW").is_not_null())
    )


def test_199_flags_episodes_after_an_adoption() -> None:
    eps = {
        "CHILD": ["1", "1", "2", "3"],
        "DECOM": ["01/05/2025", "01/09/2025", "01/05/2025", "01/05/2025"],
        "REC": ["E11", None, "E12", None],
    }
    assert flags({"Episodes": eps}, "199") == {"Episodes": [1]}
    last = {"CHILD": ["3"], "DECOM": ["01/01/2024"], "REC": ["E12"]}
    assert flags({"Episodes": eps}, "199", previous={"Episodes": last}) == {"Episodes": [1, 3]}
