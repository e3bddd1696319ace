import polars as pl

from lookedafter.validation.derive import OC3_ITEMS, any_given
from lookedafter.validation.registry import Context, rule
from lookedafter.validation.testing import flags

TRANSFERRED = "E3"  # REC: care taken over by another local authority


@rule(
    "1011",
    message="The child's last episode ended with care taken over by another authority (REC E3), so "
    "leave the care leaver details blank: the new authority returns them.",
    table="OC3",
    fields=("IN_TOUCH", "ACTIV", "ACCOM"),
    needs=("OC3", "Episodes"),
)
def validate(ctx: Context) -> pl.LazyFrame:
    last = (
        ctx["Episodes"]
        .sort("DECOM", nulls_last=False)
        .group_by("CHILD")
        .agg(pl.col("REC").last())
        .filter(pl.col("REC") == TRANSFERRED)
        .select("CHILD")
    )
    return ctx["OC3"].filter(any_given(OC3_ITEMS)).join(last, on="CHILD", how="semi")


def test_1011_flags_care_leaver_details_after_a_transfer() -> None:
    eps = {
        "CHILD": ["1", "1", "2", "2"],
        "DECOM": ["01/05/2025", "01/07/2025", "01/05/2025", "01/07/2025"],
        "REC": ["X1", "E3", "E3", "E13"],
    }
    oc3 = {"CHILD": ["1", "2"], "ACTIV": ["F1", "F1"], "ACCOM": ["D1", "D1"]}
    assert flags({"Episodes": eps, "OC3": oc3}, "1011") == {"OC3": [0]}
