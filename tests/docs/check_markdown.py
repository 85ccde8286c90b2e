#!/usr/bin/env python3
"""Checks the README and docs/ as a reader meets them: every code fence closed (an unclosed one
turns the rest of a page into code), and every relative link and image pointing at a file that
exists in the repository.

    check_markdown.py REPOSITORY_ROOT
"""
import pathlib
import re
import sys

LINK = re.compile(r"\]\(([^)\s]+)\)")


def problems_in(path: pathlib.Path, root: pathlib.Path):
    fence_opened_at = None
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if line.lstrip().startswith("```"):
            fence_opened_at = None if fence_opened_at else number
            continue
        if fence_opened_at:
            continue
        for target in LINK.findall(line):
            if re.match(r"^[a-z]+:", target) or target.startswith("#"):
                continue
            file_part = target.split("#", 1)[0]
            if not (path.parent / file_part).resolve().exists():
                yield f"{path.relative_to(root)}:{number}: the link to {target} leads to no file"
    if fence_opened_at:
        yield f"{path.relative_to(root)}:{fence_opened_at}: this code fence is never closed"


def main() -> int:
    root = pathlib.Path(sys.argv[1]).resolve()
    pages = [root / "README.md", *sorted((root / "docs").glob("*.md"))]
    found = [problem for page in pages for problem in problems_in(page, root)]
    for problem in found:
        print(problem)
    print(f"{len(pages)} pages checked, {len(found)} problems")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
