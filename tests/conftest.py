"""Fixtures shared by the whole suite.

Uploaded and generated files go to a temporary MEDIA_ROOT set in cms/settings/test.py, so
files made in setUpTestData are still there for the tests that read them.
"""
