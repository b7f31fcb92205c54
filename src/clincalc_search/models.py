"""The pydantic vocabulary passed between stages: corpus → chunks → index → retrieval → answer."""

from __future__ import annotations

from datetime import date
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

SectionKey = Literal["overview", "how_it_works", "prescribing", "monitoring", "counselling", "evidence"]

# Order matters: it is the order of the monograph page.
SECTION_TITLES: dict[str, str] = {
    "overview": "Overview",
    "how_it_works": "How it works",
    "prescribing": "Prescribing in practice",
    "monitoring": "Monitoring",
    "counselling": "Counselling the patient",
    "evidence": "Evidence & guidelines",
}
SECTION_KEYS: tuple[str, ...] = tuple(SECTION_TITLES)


class Section(BaseModel):
    model_config = ConfigDict(frozen=True)

    key: SectionKey
    title: str
    text: str  # verbatim, exactly as in the file (stripped of surrounding blank lines)
    line: int  # 1-based line of the heading (or first line of the overview)


class Monograph(BaseModel):
    model_config = ConfigDict(frozen=True)

    name: str
    other_names: list[str] = Field(default_factory=list)
    brands: list[str] = Field(default_factory=list)
    drug_class: str
    kicker: str
    specialist: bool
    references: list[str]
    related: list[str] = Field(default_factory=list)
    status: Literal["draft", "clinician-reviewed"]
    reviewed: date | None = None
    sections: list[Section]
    path: str  # file name relative to the monographs folder
    sha256: str

    def section(self, key: str) -> Section:
        return next(s for s in self.sections if s.key == key)

    @property
    def title(self) -> str:
        return self.name[:1].upper() + self.name[1:]

    @property
    def brand_text(self) -> str:
        return ", ".join(self.brands)

    @property
    def status_text(self) -> str:
        if self.status == "clinician-reviewed" and self.reviewed:
            return f"clinician-reviewed ({self.reviewed.isoformat()})"
        return "draft — not yet clinician-reviewed"


class DrugClass(BaseModel):
    model_config = ConfigDict(frozen=True)

    name: str
    description: str
    aliases: list[str] = Field(default_factory=list)  # e.g. "DOACs", "SSRIs": ways people name the class


class Chunk(BaseModel):
    """One section of one monograph: the unit of retrieval and of display."""

    model_config = ConfigDict(frozen=True)

    id: int
    drug: str
    section: SectionKey
    title: str
    text: str
    references: list[str]
    status: str


class Hit(BaseModel):
    drug: str
    section: SectionKey
    title: str
    text: str
    references: list[str]
    score: float
    status: str = Field(exclude=True, default="draft")


class Answer(BaseModel):
    question: str
    refused: bool = False
    message: str | None = None
    drug: str | None = None
    hits: list[Hit] = Field(default_factory=list)
    # How the answer was found, in one line: the phrase that made it a dose question, or the evidence that
    # chose the section. Optional and additive to the CLI contract.
    why: str | None = None
    # Not part of the CLI contract: how the answer was found, for the app's explainer panel.
    trace: dict[str, object] = Field(default_factory=dict, exclude=True)


class Problem(BaseModel):
    """One thing wrong with the corpus, located precisely enough to fix by hand."""

    file: str
    line: int
    field: str
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.field}: {self.message}"
