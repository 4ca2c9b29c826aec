"""The demo's county branch, set up like any other with ``create_branch``."""

from home.services.branch import create_branch


def ensure_branch(slug, name, short_name):
    """Return the branch page ``slug``, set up by ``create_branch`` when missing.

    ``create_branch`` adds its resource and event indexes in every language, its collection,
    its editor and approver groups and its moderation workflow; the translations it makes
    are marked unofficial, like the rest of the demo's English content.
    """
    return create_branch(slug, name, short_name=short_name, unofficial_translations=True).branch
