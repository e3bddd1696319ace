import polars as pl

from lookedafter.schema.codes import codes
from lookedafter.validation.helpers_c import flagged
from lookedafter.validation.registry import Context, rule


@rule(
    "SW13STG1",
    message="The reason for the change of social worker is not a valid code. Use one of the DfE "
    "codes (for example MANAGE, LEFTRL or OTHERS), in capitals.",
    table="SWEpisodes",
    fields=("SW_REASON",),
)
def validate(ctx: Context) -> pl.LazyFrame:
    reason = pl.col("SW_REASON")
    return ctx["SWEpisodes"].filter(
        reason.is_not_null() & ~reason.is_in(sorted(codes("SW_REASON")))
    )


def test_SW13STG1_reason_from_the_list() -> None:
    swe = pl.DataFrame({"CHILD": ["1", "2", "3"], "SW_REASON": ["MANAGE", "manage", None]})
    assert flagged("SW13STG1", 2026, {"SWEpisodes": swe}) == {"SWEpisodes": [1]}
