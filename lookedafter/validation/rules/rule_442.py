import polars as pl

from lookedafter.validation.helpers_b import flagged, not_respite
from lookedafter.validation.registry import Context, rule


@rule(
    "442",
    message="UPN is blank. Enter the child's unique pupil number, or a UN code (UN1-UN5) "
    "saying why it is not known.",
    table="Header",
    fields=("UPN",),
    needs=("Header", "Episodes"),
)
def validate(ctx: Context) -> pl.LazyFrame:
    looked_after = ctx["Episodes"].filter(not_respite()).select("CHILD").unique()
    return ctx["Header"].filter(pl.col("UPN").is_null()).join(looked_after, on="CHILD", how="semi")


def test_442_upn_needed_unless_only_short_breaks() -> None:
    header = pl.DataFrame({"CHILD": ["1", "2", "3"], "UPN": [None, None, "UN1"]})
    eps = pl.DataFrame({"CHILD": ["1", "2", "3"], "LS": ["C2", "V3", "C2"]})
    assert flagged("442", {"Header": header, "Episodes": eps}) == {"Header": [0]}
