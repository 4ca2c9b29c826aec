"""Endpoints that span page types: index, search, resolve, sitemap and preview."""
