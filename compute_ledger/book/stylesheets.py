"""Lighter pages: the theme's stylesheets cut down to the rules the built book can use.

The theme's stylesheets carry all of Bootstrap, every Font Awesome icon and its fonts, and the
styles of Sphinx extensions the book does not use: about 500 KB that every page loads. After the
HTML is written, each of them is rewritten keeping a rule only when every class its selector
requires is one the book can show: a class written in some page, or a word in some script the
pages load (scripts add classes such as `show` or `dropdown-menu-end` at run time). A font is kept
only when a kept rule names its family. The cut is conservative: selectors without classes, and
classes inside `:not()`, `:is()`, `:where()` or `:has()`, are kept as they are.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

_WORD = re.compile(r"[A-Za-z_][\w-]*")
_CLASS_ATTRIBUTE = re.compile(r"""\bclass=["']([^"']*)["']""")
_CLASS_IN_SELECTOR = re.compile(r"\.(-?[A-Za-z_][\w-]*)")
_FUNCTIONAL_PSEUDO = re.compile(r":(?:not|is|where|has)\((?:[^()]|\([^()]*\))*\)")
_FONT_FAMILY = re.compile(r"font-family\s*:\s*([^;}]+)")
# At-rules whose body is a list of rules to cut; any other block (@font-face, @keyframes, @page) is kept whole.
_NESTING = ("@media", "@supports", "@layer", "@container")


@dataclass
class Block:
    prelude: str
    body: str | None = None          # declarations of a rule or a leaf at-rule
    children: list = field(default_factory=list)  # rules inside @media and the like


def parse(css: str) -> list[Block]:
    """Split a stylesheet into rules, nesting those inside @media-like blocks (comments dropped)."""
    css = re.sub(r"/\*.*?\*/", "", css, flags=re.S)
    blocks, _ = _parse_list(css, 0)
    return blocks


def _parse_list(css: str, start: int) -> tuple[list[Block], int]:
    blocks, i, n = [], start, len(css)
    while i < n:
        while i < n and css[i].isspace():
            i += 1
        if i >= n or css[i] == "}":
            return blocks, i + 1
        brace, semicolon = _find(css, i, "{"), _find(css, i, ";")
        if brace == -1 and semicolon == -1:
            return blocks, n
        if semicolon != -1 and (brace == -1 or semicolon < brace):  # @charset, @import
            blocks.append(Block(css[i:semicolon + 1].strip()))
            i = semicolon + 1
            continue
        prelude = css[i:brace].strip()
        if prelude.startswith(_NESTING):
            children, i = _parse_list(css, brace + 1)
            blocks.append(Block(prelude, children=children))
        else:
            end = _matching(css, brace)
            blocks.append(Block(prelude, body=css[brace + 1:end]))
            i = end + 1
    return blocks, i


def _find(css: str, start: int, char: str) -> int:
    """Position of `char` at or after `start` outside strings, or -1."""
    quote, i = None, start
    while i < len(css):
        c = css[i]
        if quote:
            if c == "\\":
                i += 1
            elif c == quote:
                quote = None
        elif c in "\"'":
            quote = c
        elif c == char:
            return i
        elif c in "{}" and char not in "{}":
            return -1
        i += 1
    return -1


def _matching(css: str, brace: int) -> int:
    depth, i = 0, brace
    while True:
        i = min(p for p in (_find(css, i, "{"), _find(css, i, "}")) if p != -1)
        depth += 1 if css[i] == "{" else -1
        if depth == 0:
            return i
        i += 1


def required_classes(selector: str) -> set[str]:
    return set(_CLASS_IN_SELECTOR.findall(_FUNCTIONAL_PSEUDO.sub("", selector)))


def split_selectors(prelude: str) -> list[str]:
    parts, depth, current = [], 0, ""
    for c in prelude:
        depth += c in "([" and 1 or (c in ")]" and -1 or 0)
        if c == "," and depth == 0:
            parts.append(current.strip())
            current = ""
        else:
            current += c
    return [*parts, current.strip()]


def _cut(blocks: list[Block], used: set[str]) -> list[Block]:
    kept = []
    for block in blocks:
        if block.prelude.startswith(_NESTING):
            children = _cut(block.children, used)
            if children:
                kept.append(Block(block.prelude, children=children))
        elif block.body is None or block.prelude.startswith("@"):
            kept.append(block)
        else:
            selectors = [s for s in split_selectors(block.prelude) if required_classes(s) <= used]
            if selectors:
                kept.append(Block(",".join(selectors), body=block.body))
    return kept


def _families(blocks: list[Block]) -> set[str]:
    names = set()
    for block in blocks:
        names |= _families(block.children)
        if block.body and not block.prelude.startswith("@font-face"):
            for value in _FONT_FAMILY.findall(block.body):
                names |= {_family_name(name) for name in value.split(",")}
    return names


def _family_name(name: str) -> str:
    return name.strip().strip("\"'").replace("\\", "").lower()


def _drop_unused_fonts(blocks: list[Block], families: set[str]) -> list[Block]:
    kept = []
    for block in blocks:
        if block.prelude.startswith("@font-face"):
            declared = _FONT_FAMILY.search(block.body or "")
            if declared and _family_name(declared.group(1)) not in families:
                continue
        if block.children:
            block = Block(block.prelude, children=_drop_unused_fonts(block.children, families))
        kept.append(block)
    return kept


def serialise(blocks: list[Block]) -> str:
    out = []
    for block in blocks:
        if block.prelude.startswith(_NESTING):
            out.append(f"{block.prelude}{{{serialise(block.children)}}}")
        elif block.body is None:
            out.append(block.prelude)
        else:
            out.append(f"{block.prelude}{{{block.body}}}")
    return "".join(out)


def cut_stylesheet(css: str, used: set[str]) -> str:
    """The stylesheet with only the rules `used` classes can match, and only the fonts those rules name."""
    blocks = _cut(parse(css), used)
    return serialise(_drop_unused_fonts(blocks, _families(blocks)))


def used_classes(pages: list[Path], scripts: list[Path]) -> set[str]:
    """Every class written in a page, and every word of every script (which may add it at run time)."""
    used = set()
    for page in pages:
        for value in _CLASS_ATTRIBUTE.findall(page.read_text(encoding="utf-8")):
            used.update(value.split())
    for script in scripts:
        used.update(_WORD.findall(script.read_text(encoding="utf-8", errors="replace")))
    return used


_IMPORT = re.compile(r"""@import\s+(?:url\()?["']?([^"')\s]+\.css)""")
_LOADED = re.compile(r"""<(?:script[^>]*\ssrc|link[^>]*\shref)=["']([^"'?#]+\.(?:js|css))""")


def cut_theme_stylesheets(html_root: Path, own: set[str]) -> dict[str, tuple[int, int]]:
    """Rewrite every stylesheet the pages load from `_static`, except the book's own (`own` names);
    returns, per stylesheet, its bytes before and after."""
    pages = sorted(p for p in html_root.rglob("*.html") if "_static" not in p.relative_to(html_root).parts)
    loaded: set[Path] = set()
    for page in pages:
        for reference in _LOADED.findall(page.read_text(encoding="utf-8")):
            target = (page.parent / reference).resolve()
            if target.exists():
                loaded.add(target)
    for sheet in sorted(p for p in loaded if p.suffix == ".css"):
        for reference in _IMPORT.findall(sheet.read_text(encoding="utf-8")):
            if (sheet.parent / reference).exists():
                loaded.add((sheet.parent / reference).resolve())
    used = used_classes(pages, sorted(p for p in loaded if p.suffix == ".js"))
    sizes = {}
    for sheet in sorted(p for p in loaded if p.suffix == ".css" and p.name not in own):
        css = sheet.read_text(encoding="utf-8")
        cut = cut_stylesheet(css, used)
        sheet.write_text(cut, encoding="utf-8")
        sizes[sheet.relative_to(html_root).as_posix()] = (len(css.encode()), len(cut.encode()))
    return sizes
