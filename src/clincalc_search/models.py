"""The pydantic vocabulary passed between stages: corpus → chunks → index → retrieval → answer."""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

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


class ReviewRecord(BaseModel):
    """Who reviewed a monograph, when, and the sha256 of the body they read (see corpus.body_sha256)."""

    model_config = ConfigDict(frozen=True, extra="forbid", str_strip_whitespace=True)

    by: str = Field(min_length=1)  # a role or a name
    on: date
    sha256: str = Field(pattern=r"^[0-9a-f]{64}$")


AbroadLanguage = Literal["es", "fr", "de", "it", "pt"]
# Where each language's brands are sold, as the drug page names them.
COUNTRIES: dict[AbroadLanguage, str] = {
    "es": "Spain", "fr": "France", "de": "Germany", "it": "Italy", "pt": "Portugal and Brazil"}


class Monograph(BaseModel):
    model_config = ConfigDict(frozen=True)

    name: str
    other_names: list[str] = Field(default_factory=list)
    brands: list[str] = Field(default_factory=list)
    # Brands sold in Spain, France, Germany, Italy, Portugal or Brazil, by language: questions there name the drug
    # by them ("el Orfidal", "il Tavor"). Recognised like brands; the refusal names only `brands`.
    brands_abroad: dict[AbroadLanguage, list[str]] = Field(default_factory=dict)
    drug_class: str
    kicker: str
    specialist: bool
    references: list[str]
    related: list[str] = Field(default_factory=list)
    status: Literal["draft", "clinician-reviewed"]
    reviewed: ReviewRecord | None = None
    sections: list[Section]
    path: str  # file name relative to the monographs folder
    sha256: str
    # Hash of the body as a reviewer signs it (corpus.body_sha256); empty in snapshots made before it existed.
    body_sha256: str = ""
    modified: datetime | None = None  # the file's modification time (UTC) when it was parsed

    def section(self, key: str) -> Section:
        return next(s for s in self.sections if s.key == key)

    @property
    def title(self) -> str:
        return self.name[:1].upper() + self.name[1:]

    @property
    def brand_text(self) -> str:
        return ", ".join(self.brands)

    @property
    def names_abroad(self) -> list[str]:
        return [b for names in self.brands_abroad.values() for b in names]

    @property
    def all_names(self) -> list[str]:
        """Every name a question may call the drug by: generic, other names, brands, brands sold abroad."""
        return [self.name, *self.other_names, *self.brands, *self.names_abroad]

    @property
    def status_text(self) -> str:
        """Exactly one of `draft`, `clinician-reviewed (DATE)` or `changed since review (DATE)`: a review
        counts only for the text that was reviewed, and only when the file also says clinician-reviewed."""
        if self.status != "clinician-reviewed" or self.reviewed is None:
            return "draft"
        on = self.reviewed.on.isoformat()
        if self.reviewed.sha256 == self.body_sha256:
            return f"clinician-reviewed ({on})"
        return f"changed since review ({on})"

    @property
    def modified_text(self) -> str:
        return self.modified.date().isoformat() if self.modified else "unknown"


class SafetyTopic(BaseModel):
    """A safety topic every member of a class must cover in one section (see content_checks)."""

    model_config = ConfigDict(frozen=True, extra="forbid", str_strip_whitespace=True)

    topic: str = Field(min_length=1)
    section: SectionKey
    # Covered when the section's text contains any term (case-insensitive, whole-word prefix).
    terms: list[Annotated[str, Field(min_length=1)]] = Field(min_length=1)
    line: int = 0  # where it is declared in classes.yaml


class ClassException(BaseModel):
    """A member that need not cover a class safety topic, and why."""

    model_config = ConfigDict(frozen=True, extra="forbid", str_strip_whitespace=True)

    drug: str = Field(min_length=1)
    topic: str = Field(min_length=1)
    reason: str = Field(min_length=1)
    line: int = 0


class Subgroup(BaseModel):
    """A subgroup of a class: the members whose kicker holds one of its English kicker phrases ("loop diuretic";
    "atypical" or "second-generation"), with the names English ("loop diuretics") and the other languages
    ("diuréticos de asa") give it."""

    model_config = ConfigDict(frozen=True, extra="forbid", str_strip_whitespace=True)

    english: list[Annotated[str, Field(min_length=1)]] = Field(min_length=1)
    aliases: list[Annotated[str, Field(min_length=1)]] = Field(default_factory=list)
    names: dict[AbroadLanguage, list[Annotated[str, Field(min_length=1)]]] = Field(default_factory=dict)
    # A subgroup the corpus has no member of ("direct-acting antivirals" among the antivirals): named, a question is
    # about medicines the corpus lacks and abstains, rather than being answered with the class's other members.
    lacking: bool = False
    line: int = 0

    @field_validator("english", mode="before")
    @classmethod
    def _one_or_several(cls, value: object) -> object:
        # Most subgroups are one phrase, written as a string ("loop diuretic"); a list when the kickers say it in
        # several ways.
        return [value] if isinstance(value, str) else value

    @model_validator(mode="after")
    def _named(self) -> Subgroup:
        if not self.aliases and not self.names:
            raise ValueError("a subgroup needs English aliases or names abroad: nothing would name it")
        return self


class DrugClass(BaseModel):
    model_config = ConfigDict(frozen=True)

    name: str
    description: str
    aliases: list[str] = Field(default_factory=list)  # e.g. "DOACs", "SSRIs": ways people name the class
    # The class's names in the other languages people ask in ("IBP", "Protonenpumpenhemmer"), by language.
    aliases_abroad: dict[AbroadLanguage, list[str]] = Field(default_factory=dict)
    subgroups: list[Subgroup] = Field(default_factory=list)
    # The conditions the class is named by beside a medicine word ("Parkinson's meds", "farmaci per l'asma"), by
    # language; only where the class alone is what "medicines for" the condition means.
    conditions: dict[Literal["en", "es", "fr", "de", "it", "pt"], list[str]] = Field(default_factory=dict)
    safety_topics: list[SafetyTopic] = Field(default_factory=list)
    exceptions: list[ClassException] = Field(default_factory=list)
    # A class the corpus has no monograph of ("triptans"): listed only so that a question naming it abstains, naming
    # it, rather than being answered from a monograph that mentions a word beside it. It is no class of the product.
    lacking: bool = False


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
    status: str = "draft"  # Monograph.status_text when the index was built
    # [start, end) character offsets into `text` of the lines that answer the question, best first; empty
    # when no line stands out. Additive to the CLI contract; the text itself is never changed.
    highlights: list[tuple[int, int]] = Field(default_factory=list)


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
    # Editorial gaps (class checklists, citations, contraindications first) fail `validate` but do not stop a
    # build: the previous index would keep serving the same text, so refusing would only hold back fixes.
    blocks_build: bool = Field(default=True, exclude=True)

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.field}: {self.message}"
