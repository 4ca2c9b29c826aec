"""The top of the page tree: the install's home page, the county branches and their people."""

from .contacts import ContactLink, ContactPerson
from .pages import BranchContact, BranchIndexPage, BranchPage, HomePage

__all__ = [
    "BranchContact",
    "BranchIndexPage",
    "BranchPage",
    "ContactLink",
    "ContactPerson",
    "HomePage",
]
