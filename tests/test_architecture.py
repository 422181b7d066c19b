"""The house's rules, checked on the code itself: the layers, no cycles, small modules, public APIs.

`make lint` runs the import contracts (pyproject.toml, [tool.importlinter]); these tests run
them too, so CI fails on a broken layer even where lint is skipped, and show that the contract
can fail at all.
"""

from __future__ import annotations

import ast
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGES = ("bot", "flows")
MAX_LINES = 400


def python_files(*packages: str) -> list[Path]:
    return sorted(p for package in packages for p in (ROOT / package).rglob("*.py"))


def lint_imports(cwd: Path) -> subprocess.CompletedProcess[str]:
    exe = Path(sys.executable).with_name("lint-imports")
    return subprocess.run(
        [str(exe), "--no-cache", "--config", str(cwd / "pyproject.toml")],
        cwd=cwd,
        capture_output=True,
        text=True,
        env={"PYTHONPATH": str(cwd), "PATH": "/usr/bin:/bin"},
    )


def test_the_import_contracts_hold() -> None:
    run = lint_imports(ROOT)
    assert run.returncode == 0, run.stdout[-3000:]


def test_a_lower_layer_importing_a_higher_one_breaks_the_contract(tmp_path: Path) -> None:
    for package in PACKAGES:
        shutil.copytree(ROOT / package, tmp_path / package, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    models = tmp_path / "bot" / "db" / "models.py"
    models.write_text(models.read_text() + "\nfrom bot.runner import runner  # noqa: E402\n")
    run = lint_imports(tmp_path)
    assert run.returncode != 0
    assert "BROKEN" in run.stdout and "bot.db.models -> bot.runner.runner" in run.stdout


def test_no_module_of_bot_is_over_400_lines() -> None:
    long = {
        str(p.relative_to(ROOT)): n
        for p in python_files("bot")
        if (n := len(p.read_text().splitlines())) > MAX_LINES
    }
    assert not long, f"split these by what they hold: {long}"


def test_no_private_name_is_imported_from_another_module() -> None:
    """`from x import _name` and `import x._private`: nobody's private API, ours or a dependency's."""
    found: list[str] = []
    for path in python_files(*PACKAGES, "tests", "bench"):
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.ImportFrom) and node.module != "__future__":
                parts = (node.module or "").split(".")
                names = [a.name for a in node.names]
                private = [p for p in parts + names if p.startswith("_") and not p.startswith("__")]
            elif isinstance(node, ast.Import):
                private = [a.name for a in node.names if any(p.startswith("_") for p in a.name.split("."))]
            else:
                continue
            if private:
                found.append(f"{path.relative_to(ROOT)}:{node.lineno}: {private}")
    assert not found, "\n".join(found)
