"""Write xblocks/builtin_course.json: the built-in course compiled for the blocks (run by `make banks`)."""

from __future__ import annotations

from pathlib import Path

from zhineng.xblocks.compiled import FILE, compile_builtin

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    (ROOT / "xblocks" / FILE).write_bytes(compile_builtin())


if __name__ == "__main__":
    main()
