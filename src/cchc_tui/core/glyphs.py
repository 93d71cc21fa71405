"""The marks the app prints, all in WGL4: the set the fonts of an old Windows console (Consolas,
Lucida Console) have. ✓ ✗ ✎ ↵ ∅ ≠ ⭘ and the eighth blocks are not there and show as boxes."""

from __future__ import annotations

OK = "√"  # U+221A
FAIL = "×"  # U+00D7
EDITED = "*"  # typed in, not saved yet
OPENS = "→"  # Enter opens what the line names
EMPTY = "—"  # a value left empty
DIFFERS = "!"  # two copies of a value differ
ICON = "≡"  # the header's icon (it opens the command palette)
