"""Monographs → chunks (one per section, shown whole) and the overlapping windows that get embedded."""

from __future__ import annotations

from clincalc_search.models import Chunk, Monograph

# all-MiniLM-L6-v2 truncates at 256 word pieces; ~150 words plus the heading prefix stays under it.
WINDOW_WORDS = 150
WINDOW_OVERLAP = 40


def chunk_monographs(monographs: list[Monograph]) -> list[Chunk]:
    chunks: list[Chunk] = []
    for m in sorted(monographs, key=lambda m: m.name):
        for s in m.sections:
            chunks.append(Chunk(
                id=len(chunks), drug=m.name, section=s.key, title=s.title, text=s.text,
                references=list(m.references), status=m.status_text,
            ))
    return chunks


def heading(chunk: Chunk, brands: list[str]) -> str:
    """Prefix each window with drug, brands and section, so a window of a long section still says
    whose and which it is."""
    brand = f" ({', '.join(brands)})" if brands else ""
    return f"{chunk.drug}{brand} — {chunk.title}:"


def windows(chunk: Chunk, brands: list[str]) -> list[str]:
    """Texts to embed for one chunk: the whole section when it fits, else overlapping word windows."""
    words = chunk.text.split()
    prefix = heading(chunk, brands)
    if len(words) <= WINDOW_WORDS:
        return [f"{prefix} {chunk.text}"]
    step = WINDOW_WORDS - WINDOW_OVERLAP
    starts = range(0, max(len(words) - WINDOW_OVERLAP, 1), step)
    return [f"{prefix} {' '.join(words[i : i + WINDOW_WORDS])}" for i in starts]


def sparse_text(chunk: Chunk, names: list[str]) -> str:
    """What BM25 indexes for a chunk: every name of the drug, the section title and the text."""
    return f"{' '.join(names)} {chunk.title} {chunk.text}"
