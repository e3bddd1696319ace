"""The engine is a library: it must import no Django (the web app calls it, never the reverse)."""

import ast
from pathlib import Path

ENGINE = ("schema", "ssda903", "synth", "lib", "timescales", "measures", "validation")
ROOT = Path(__file__).resolve().parents[2] / "lookedafter"


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text("utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module.split(".")[0])
    return names


def test_engine_modules_import_no_django() -> None:
    offenders = [
        str(p.relative_to(ROOT))
        for pkg in ENGINE
        for p in (ROOT / pkg).rglob("*.py")
        if "django" in _imports(p)
    ]
    assert offenders == []


def test_the_check_sees_engine_files() -> None:
    assert sum(1 for pkg in ENGINE for _ in (ROOT / pkg).rglob("*.py")) > 5
