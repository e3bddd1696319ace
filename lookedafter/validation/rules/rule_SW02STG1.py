import polars as pl

from lookedafter.validation.helpers_c import flagged
from lookedafter.validation.registry import Context, rule


@rule(
    "SW02STG1",
    message="The social worker ID does not begin with SW (Social Work England registration) or XX "
    "(unregistered or not known). Correct the ID.",
    table="SWEpisodes",
    fields=("SW_ID",),
)
def validate(ctx: Context) -> pl.LazyFrame:
    sw_id = pl.col("SW_ID")
    return ctx["SWEpisodes"].filter(
        sw_id.is_not_null() & ~sw_id.str.starts_with("SW") & ~sw_id.str.starts_with("XX")
    )


def test_SW02STG1_id_prefix() -> None:
    swe = pl.DataFrame({"CHILD": ["1", "2", "3", "4"], "SW_ID": ["SW123", "XX1", "sw123", None]})
    assert flagged("SW02STG1", 2026, {"SWEpisodes": swe}) == {"SWEpisodes": [2]}
