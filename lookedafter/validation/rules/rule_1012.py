import polars as pl

from lookedafter.validation.registry import Context, rule
from lookedafter.validation.testing import flags

OTHER_TABLES = ("PlacedAdoption", "Missing", "Reviews", "AD1", "PrevPerm", "OC2")


@rule(
    "1012",
    message="This child has no episodes this year, so no other records (reviews, missing periods, "
    "adoption, previous permanence, OC2) should be returned for them. Check the child ID.",
    table="Episodes",
    fields=("CHILD",),
    needs=("Episodes",),
)
def validate(ctx: Context) -> dict[str, pl.LazyFrame]:
    children = ctx["Episodes"].select("CHILD").unique()
    return {
        table: ctx[table].join(children, on="CHILD", how="anti")
        for table in OTHER_TABLES
        if ctx.has(table)
    }


def test_1012_flags_records_of_children_without_episodes() -> None:
    eps = {"CHILD": ["1", "2"]}
    reviews = {"CHILD": ["1", "3"]}
    missing = {"CHILD": ["4", "2"]}
    got = flags({"Episodes": eps, "Reviews": reviews, "Missing": missing}, "1012")
    assert got == {"Missing": [0], "Reviews": [1]}
