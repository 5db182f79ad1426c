from pathlib import Path

from app.embeddings import _split


def test_split_skips_headings(tmp_path: Path):
    (tmp_path / "a.md").write_text("# Title\n\nFirst paragraph.\n\nSecond.\n", encoding="utf-8")
    passages = list(_split(tmp_path))
    assert [p.text for p in passages] == ["First paragraph.", "Second."]
    assert {p.source for p in passages} == {"a.md"}
