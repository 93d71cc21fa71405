"""The Textual app: screens, widgets, styles and key bindings (with ids, remappable)."""
