"""The five seed texts: integrity, front matter, script detection and script-insensitive matching."""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import hanzidentifier
import yaml
from opencc import OpenCC

from ..paths import SEED_MANIFEST, SEEDS

_TO_SIMPLIFIED = OpenCC("t2s")
_TO_TRADITIONAL = OpenCC("s2t")
_FRONT_MATTER = re.compile(r"\A---\n(.*?)\n---\n", re.S)
_WHITESPACE = re.compile(r"\s+")


@dataclass(frozen=True)
class Seed:
    file: str
    text: str

    @property
    def front_matter(self) -> dict:
        match = _FRONT_MATTER.match(self.text)
        return yaml.safe_load(match.group(1)) if match else {}

    @property
    def body(self) -> str:
        return _FRONT_MATTER.sub("", self.text, count=1)


def sha256_of(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def read_manifest(manifest: Path = SEED_MANIFEST) -> dict[str, str]:
    """File name -> SHA-256, from a `sha256sum`-format manifest."""
    entries = {}
    for line in manifest.read_text(encoding="utf-8").splitlines():
        if line.strip():
            digest, name = line.split(maxsplit=1)
            entries[name.lstrip("*")] = digest
    return entries


def verify_manifest(folder: Path = SEEDS, manifest: Path = SEED_MANIFEST) -> list[str]:
    """Problems found comparing the seed files with their manifest; empty when they match."""
    expected = read_manifest(manifest)
    present = {p.name for p in folder.glob("*.txt")}
    problems = [f"{manifest.name}: lists {name} but it is missing from {folder.name}/"
                for name in sorted(expected.keys() - present)]
    problems += [f"{folder.name}/{name}: not listed in {manifest.name}"
                 for name in sorted(present - expected.keys())]
    problems += [f"{folder.name}/{name}: SHA-256 differs from {manifest.name} (seeds are never edited)"
                 for name in sorted(present & expected.keys())
                 if sha256_of(folder / name) != expected[name]]
    return problems


@lru_cache(maxsize=None)
def load_seed(file: str, folder: Path = SEEDS) -> Seed:
    return Seed(file=file, text=(folder / file).read_text(encoding="utf-8-sig"))  # a BOM is harmless; CRLF reads as LF


def script_counts(text: str) -> tuple[int, int]:
    """Characters that exist only in Traditional, and only in Simplified, script."""
    traditional = sum(1 for ch in text if hanzidentifier.is_traditional(ch) and not hanzidentifier.is_simplified(ch))
    simplified = sum(1 for ch in text if hanzidentifier.is_simplified(ch) and not hanzidentifier.is_traditional(ch))
    return traditional, simplified


def detect_script(text: str) -> str:
    """'Traditional', 'Simplified' or 'mixed', from the characters unique to each script."""
    traditional, simplified = script_counts(text)
    if traditional and simplified:
        return "mixed"
    if simplified:
        return "Simplified"
    if traditional:
        return "Traditional"
    return "unknown"


def to_simplified(text: str) -> str:
    return _TO_SIMPLIFIED.convert(text)


def to_traditional(text: str) -> str:
    return _TO_TRADITIONAL.convert(text)


@lru_cache(maxsize=4096)
def normalise(text: str) -> str:
    """A matching key: Simplified script, no whitespace, full-width ASCII folded to half-width."""
    folded = "".join(chr(ord(ch) - 0xFEE0) if "！" <= ch <= "～" else ch for ch in text)
    return without_whitespace(to_simplified(folded))


def without_whitespace(text: str) -> str:
    return _WHITESPACE.sub("", text)


def quote_is_verbatim(quote: str, text: str) -> bool:
    """Whether a quote occurs in a text character for character, whitespace aside."""
    return without_whitespace(quote) in without_whitespace(text)


def quote_matches_across_scripts(quote: str, text: str) -> bool:
    """Whether a quote occurs in a text once both are folded to one script (and half-width ASCII)."""
    return normalise(quote) in normalise(text)
