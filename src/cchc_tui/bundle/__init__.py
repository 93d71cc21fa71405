"""Submission bundles: an offline PKI, building and signing bags, verifying and importing them."""
