"""Admin views of the plan app (hooked into Wagtail's admin by ``plan/wagtail_hooks.py``)."""
