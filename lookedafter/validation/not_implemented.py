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
}
