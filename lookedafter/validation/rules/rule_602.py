import polars as pl

from lookedafter.validation.helpers_c import ADOPTED, flagged
from lookedafter.validation.registry import Context, rule


@rule(
    "602",
    message="Adoption details (AD1) are recorded but no episode shows the child was adopted (reason"
    " E11 or E12). Correct the episode's reason for ending, or remove the adoption details.",
    table="AD1",
    fields=("CHILD",),
    needs=("Episodes", "AD1"),
)
def validate(ctx: Context) -> pl.LazyFrame:
    adopted = ctx["Episodes"].filter(pl.col("REC").is_in(ADOPTED))
    return ctx["AD1"].join(adopted, on="CHILD", how="anti")


def test_602_ad1_only_for_adopted_children() -> None:
    eps = pl.DataFrame({"CHILD": ["1", "2"], "REC": ["E11", "E13"]})
    ad1 = pl.DataFrame({"CHILD": ["1", "2", "3"]})
    assert flagged("602", 2026, {"Episodes": eps, "AD1": ad1}) == {"AD1": [1, 2]}
