import polars as pl

from lookedafter.validation.helpers_c import flagged
from lookedafter.validation.registry import Context, rule


@rule(
    "EPI",
    message="This child is in the header but has no episodes and is not a care leaver in OC3. Add"
    " the child's episodes of care (the DfE portal cannot check the child further without"
    " them), or remove the child from the header.",
    table="Header",
    fields=("CHILD",),
)
def validate(ctx: Context) -> pl.LazyFrame:
    return (
        ctx["Header"]
        .join(ctx["Episodes"], on="CHILD", how="anti")
        .join(ctx["OC3"], on="CHILD", how="anti")
    )


def test_EPI_header_child_needs_episodes_or_oc3() -> None:
    header = pl.DataFrame({"CHILD": ["1", "2", "3"]})
    eps = pl.DataFrame({"CHILD": ["1", "1"]})
    oc3 = pl.DataFrame({"CHILD": ["3"]})
    assert flagged("EPI", 2026, {"Header": header, "Episodes": eps, "OC3": oc3}) == {"Header": [1]}
    assert flagged("EPI", 2026, {"Header": header}) == {"Header": [0, 1, 2]}
