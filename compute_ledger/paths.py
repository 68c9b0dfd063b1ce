"""Where the project's files live, resolved from the package so notebooks work from any directory."""
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
DATA = ROOT / "data"
CHAPTERS = ROOT / "chapters"
BUILD = ROOT / "_build"
SEED_MANIFEST = SEEDS / "MANIFEST.sha256"
