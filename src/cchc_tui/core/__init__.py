"""UI-free core: plan and agency models, assignment, periods, document numbers.

Nothing in this package may import Textual (a test enforces it).
"""
