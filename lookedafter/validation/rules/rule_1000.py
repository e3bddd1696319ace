import polars as pl

from lookedafter.validation.derive import OC3_ITEMS, any_given
from lookedafter.validation.registry import Context, rule
from lookedafter.validation.testing import flags

DIED = "E2"  # REC: episode ended because the child died


@rule(
    "1000",
    message="The child's episodes show they died while looked after (REC E2), so leave the care "
    "leaver details (IN_TOUCH, ACTIV, ACCOM) blank.",
    table="OC3",
    fields=("IN_TOUCH", "ACTIV", "ACCOM"),
    needs=("OC3", "Episodes"),
)
def validate(ctx: Context) -> pl.LazyFrame:
    died = ctx["Episodes"].filter(pl.col("REC") == DIED).select("CHILD")
    if ctx.has("Episodes_last"):
        last = ctx["Episodes_last"].filter(pl.col("REC") == DIED).select("CHILD")
        died = pl.concat([died, last])
    return ctx["OC3"].filter(any_given(OC3_ITEMS)).join(died.unique(), on="CHILD", how="semi")


def test_1000_flags_care_leaver_details_for_a_child_who_died_in_care() -> None:
    eps = {"CHILD": ["1", "2"], "DEC": ["01/06/2025", "01/06/2025"], "REC": ["E2", "E13"]}
    oc3 = {"CHILD": ["1", "2", "1"], "IN_TOUCH": ["DIED", "YES", None]}
    assert flags({"Episodes": eps, "OC3": oc3}, "1000") == {"OC3": [0]}
    last = {"CHILD": ["2"], "DEC": ["01/06/2024"], "REC": ["E2"]}
    got = flags({"Episodes": eps, "OC3": oc3}, "1000", previous={"Episodes": last})
    assert got == {"OC3": [0, 1]}
