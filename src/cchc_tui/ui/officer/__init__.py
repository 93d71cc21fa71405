"""The officer's app (`cchc`, `cchc tui`): the app and a module per screen."""
