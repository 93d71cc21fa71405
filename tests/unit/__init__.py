"""The pure domain (core/): plan, agencies, numbers, timing, scoring, the catalogue."""
