"""ClinCalc search: extractive search over clinical drug monographs."""

__version__ = "0.1.0"
