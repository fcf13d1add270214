"""Fail when a module passes 500 lines or a function 60 (migrations excluded).

Usage: python tools/check_size.py [PATH...]   (default: openita tools bench)
"""

from __future__ import annotations

import ast
import sys
from pathlib import Path

MAX_MODULE_LINES = 500
MAX_FUNCTION_LINES = 60


def problems_in(path: Path) -> list[str]:
    text = path.read_text(encoding="utf-8")
    found = []
    lines = text.count("\n") + (0 if text.endswith("\n") or not text else 1)
    if lines > MAX_MODULE_LINES:
        found.append(f"{path}: {lines} lines (limit {MAX_MODULE_LINES}); split it by noun")
    for node in ast.walk(ast.parse(text, filename=str(path))):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            length = (node.end_lineno or node.lineno) - node.lineno + 1
            if length > MAX_FUNCTION_LINES:
                found.append(
                    f"{path}:{node.lineno}: function {node.name} has {length} lines "
                    f"(limit {MAX_FUNCTION_LINES})"
                )
    return found


def python_files(roots: list[str]) -> list[Path]:
    files: list[Path] = []
    for root in map(Path, roots):
        candidates = [root] if root.is_file() else sorted(root.rglob("*.py"))
        files += [p for p in candidates if "migrations" not in p.parts and ".venv" not in p.parts]
    return files


def main(argv: list[str]) -> int:
    found = [
        p for path in python_files(argv or ["openita", "tools", "bench"]) for p in problems_in(path)
    ]
    for line in found:
        print(line)
    return 1 if found else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
