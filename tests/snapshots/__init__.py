"""SVG snapshots of every screen at 80×24 and 120×40."""
