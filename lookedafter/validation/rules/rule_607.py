import polars as pl

from lookedafter.validation.helpers_c import FEMALE, RESPITE, ceased_care, flagged, in_year
from lookedafter.validation.registry import Context, rule


@rule(
    "607",
    message="This girl or young woman ceased to be looked after during the year but whether she is "
    "a mother is blank. Record MOTHER (0 or 1).",
    table="Header",
    fields=("DEC", "REC", "MOTHER", "LS", "SEX"),
    needs=("Header", "Episodes"),
)
def validate(ctx: Context) -> dict[str, pl.LazyFrame]:
    header = ctx["Header"].filter((pl.col("SEX") == FEMALE) & pl.col("MOTHER").is_null())
    left = ctx["Episodes"].filter(
        ceased_care() & in_year(ctx, "DEC") & ~pl.col("LS").is_in(RESPITE).fill_null(False)
    )
    return {
        "Header": header.join(left, on="CHILD", how="semi"),
        "Episodes": left.join(header, on="CHILD", how="semi"),
    }


def test_607_leaver_needs_mother_field() -> None:
    header = pl.DataFrame(
        {
            "CHILD": ["1", "2", "3", "4"],
            "SEX": ["F", "F", "M", "F"],
            "MOTHER": [None, None, None, "0"],
        }
    )
    eps = pl.DataFrame(
        {
            "CHILD": ["1", "2", "3", "4"],
            "DEC": ["01/06/2025"] * 4,
            "REC": ["E13", "E13", "E13", "E13"],
            "LS": ["C2", "V3", "C2", "C2"],
        }
    )
    result = flagged("607", 2026, {"Header": header, "Episodes": eps})
    assert result == {"Header": [0], "Episodes": [0]}
