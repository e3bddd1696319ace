import polars as pl

from lookedafter.validation.helpers_c import flagged
from lookedafter.validation.registry import Context, rule


@rule(
    "628",
    message="This care leaver was not looked after during the year, so motherhood details are not "
    "needed. Leave MOTHER blank.",
    table="Header",
    fields=("MOTHER",),
    needs=("Header", "Episodes", "OC3"),
)
def validate(ctx: Context) -> pl.LazyFrame:
    return (
        ctx["Header"]
        .filter(pl.col("MOTHER").is_not_null())
        .join(ctx["OC3"], on="CHILD", how="semi")
        .join(ctx["Episodes"], on="CHILD", how="anti")
    )


def test_628_no_motherhood_for_care_leavers_only_in_oc3() -> None:
    header = pl.DataFrame({"CHILD": ["1", "2", "3"], "MOTHER": ["0", "0", None]})
    oc3 = pl.DataFrame({"CHILD": ["1", "2", "3"]})
    eps = pl.DataFrame({"CHILD": ["2"], "DECOM": ["01/05/2025"]})
    assert flagged("628", 2026, {"Header": header, "OC3": oc3, "Episodes": eps}) == {"Header": [0]}
