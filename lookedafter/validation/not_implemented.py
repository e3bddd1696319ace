"""DfE rule codes deliberately not implemented, each with the reason.

A meta-test checks that every code in the DfE rule list for each collection year is either a rule
in ``rules/`` or listed here. Keys are DfE codes; a code listed here applies to every year unless
the reason says otherwise.
"""

from __future__ import annotations

NOT_IMPLEMENTED: dict[str, str] = {
    "105": (
        "Checks a UASC flag on the header record; the header file has carried no UASC column "
        "since UASC moved to its own file, and the canonical Header has none, so there is "
        "nothing to check (the UASC file's own rules cover it)."
    ),
}
