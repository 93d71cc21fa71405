"""The use cases the three front doors share: the officer's desk, export, import, the review
desk, receipts and trust anchors. The `cchc` command and both apps call these for every write;
below them are core/ (rules), store/ (persistence) and bundle/ (the file format)."""
