"""DfE rule codes deliberately not implemented, each with the reason.

A meta-test checks that every code in the DfE rule list for each collection year is either a rule
in ``rules/`` or listed here. Keys are DfE codes; a code listed here applies to every year unless
the reason says otherwise.
"""

from __future__ import annotations

NOT_IMPLEMENTED: dict[str, str] = {
    "105": (
        "Checks the UASC flag carried on the child's record in the XML form of the return. "
        "lookedafter reads the CSV files, whose header has no UASC column (UASC status comes "
        "from the UASC file, checked by its own rules), so there is nothing to check."
    ),
    "411": (
        "Checks that the placement location (in or out of the authority) agrees with the "
        "authority of placement. The CSV files carry neither field: lookedafter derives both "
        "from the placement postcode (derive.py: PL_LA is the postcode's ONS district, "
        "PL_LOCATION is IN exactly when that district is one of the authority's own areas, "
        "given by --la-code and --la-districts, so a county's districts count as its own), "
        "so the two cannot disagree."
    ),
}
