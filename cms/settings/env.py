"""Small helpers for reading settings from environment variables."""

import os

from django.core.exceptions import ImproperlyConfigured

#: Where the settings come from: the process environment, except in the test settings, which
#: replace it (before the shared settings are read) so that the caller's environment does not
#: leak into the test suite.
ENVIRONMENT = os.environ


def env_str(name, default=None):
    """Return the variable, or ``default`` when it is unset or empty."""
    value = ENVIRONMENT.get(name, "")
    return value if value != "" else default


def env_list(name, default=""):
    """Return a comma-separated variable as a list of stripped, non-empty items."""
    return [item.strip() for item in env_str(name, default).split(",") if item.strip()]


def env_bool(name, default=False):
    value = env_str(name)
    if value is None:
        return default
    if value.lower() in {"1", "true", "yes", "on"}:
        return True
    if value.lower() in {"0", "false", "no", "off"}:
        return False
    raise ImproperlyConfigured(f"{name} must be true or false, not {value!r}.")


def env_int(name, default):
    value = env_str(name)
    if value is None:
        return default
    try:
        return int(value)
    except ValueError:
        raise ImproperlyConfigured(f"{name} must be a whole number, not {value!r}.") from None
