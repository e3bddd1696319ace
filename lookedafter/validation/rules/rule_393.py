import polars as pl

from lookedafter.validation.helpers_b import flagged, not_respite
from lookedafter.validation.registry import Context, rule


@rule(
    "393",
    message="The child is a looked-after girl but MOTHER is blank. Enter 1 if she is a mother, "
    "otherwise 0.",
    table="Header",
    fields=("MOTHER",),
    needs=("Header", "Episodes"),
)
def validate(ctx: Context) -> pl.LazyFrame:
    looked_after = ctx["Episodes"].filter(not_respite()).select("CHILD").unique()
    female = pl.col("SEX").is_in(("F", "2"))
    return (
        ctx["Header"]
        .filter(female & pl.col("MOTHER").is_null())
        .join(looked_after, on="CHILD", how="semi")
    )


def test_393_mother_needed_for_looked_after_girls() -> None:
    header = pl.DataFrame(
        {
            "CHILD": ["1", "2", "3", "4"],
            "SEX": ["F", "M", "F", "F"],
            "MOTHER": [None, None, "0", None],
        }
    )
    eps = pl.DataFrame({"CHILD": ["1", "2", "3", "4"], "LS": ["C2", "C2", "C2", "V3"]})
    assert flagged("393", {"Header": header, "Episodes": eps}) == {"Header": [0]}
