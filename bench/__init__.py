"""Performance benchmark for ClinCalc search: every number is measured next to its floor, the bare model."""
