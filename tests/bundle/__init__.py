"""The signed bundle and the services around it: format, CMS, PKI, trust, import, receipts."""
