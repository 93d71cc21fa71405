"""Both apps through Textual's pilot: flows, guards, keys, crashes."""
