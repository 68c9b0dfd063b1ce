"""Seeds: byte-for-byte copies of the shared sources, guarded by a SHA-256 manifest."""
from compute_ledger.evidence import seeds
from compute_ledger.paths import SEEDS


def test_seed_files_match_their_manifest():
    assert seeds.verify_manifest() == []
    assert len(seeds.read_manifest()) == len(list(SEEDS.glob("*.txt"))) == 5


def test_an_edited_seed_is_caught(seeds_copy):
    folder, manifest = seeds_copy
    victim = sorted(folder.glob("*.txt"))[0]
    victim.write_bytes(victim.read_bytes() + b" ")
    assert seeds.verify_manifest(folder, manifest) == [
        f"seeds/{victim.name}: SHA-256 differs from MANIFEST.sha256 (seeds are never edited)"]


def test_a_missing_or_extra_seed_is_caught(seeds_copy):
    folder, manifest = seeds_copy
    removed = sorted(folder.glob("*.txt"))[1]
    removed.unlink()
    (folder / "999_extra.txt").write_text("x")
    problems = seeds.verify_manifest(folder, manifest)
    assert f"MANIFEST.sha256: lists {removed.name} but it is missing from seeds/" in problems
    assert "seeds/999_extra.txt: not listed in MANIFEST.sha256" in problems


def test_script_detection():
    assert seeds.detect_script("英偉達的數據中心") == "Traditional"
    assert seeds.detect_script("英伟达的数据中心") == "Simplified"
    assert seeds.detect_script("英偉達和英伟达") == "mixed"
    assert seeds.detect_script("OpenAI 3000") == "unknown"


def test_quotes_match_verbatim_or_across_scripts():
    text = "英偉達給 OpenAI 的股權投資約 100 億美元"
    assert seeds.quote_is_verbatim("股權投資約100億美元", text)            # whitespace aside
    assert not seeds.quote_is_verbatim("股权投资约100亿美元", text)          # other script is not verbatim
    assert seeds.quote_matches_across_scripts("股权投资约100亿美元", text)   # but OpenCC finds it


def test_front_matter_is_read():
    seed = seeds.load_seed("000_9a438a1454e2eccd.txt")
    assert seed.front_matter["source_name"] == "Invest Like the Best EP.451 - Gavin Baker"
    assert not seed.body.startswith("---")
