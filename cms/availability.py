"""Is the service up: /healthz and /readyz, and the answer when the database is unreachable.

``server_error`` is the project's handler500: an error of the database connection becomes a
503 with Retry-After (JSON in the API's error shape under /api/, a plain page elsewhere, e.g.
in the admin) instead of a 500; other errors under /api/ become a JSON 500.
"""

import logging
import sys

from django.conf import settings
from django.db import DatabaseError, InterfaceError, OperationalError, connection
from django.http import HttpResponse, JsonResponse
from django.template.loader import render_to_string
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.defaults import server_error as default_server_error

from cms.api.errors import error_body

logger = logging.getLogger(__name__)

#: Errors that mean "the database cannot be reached", not "the query is wrong".
UNAVAILABLE_ERRORS = (OperationalError, InterfaceError)


def _is_api(request):
    return request.path_info.startswith("/api/")


def plain_page(title, message, status):
    """A minimal HTML page that needs no database (no context processors, no session)."""
    context = {"title": title, "message": message, "LANGUAGE_CODE": get_language()}
    return HttpResponse(render_to_string("errors/plain.html", context), status=status)


def database_unavailable(request):
    """A 503 telling the client to come back in DATABASE_RETRY_AFTER_SECONDS."""
    detail = _("The service is temporarily unavailable. Try again in a little while.")
    if _is_api(request):
        response = JsonResponse(error_body(503, detail), status=503)
    else:
        response = plain_page(_("Temporarily unavailable"), detail, 503)
    response["Retry-After"] = str(settings.DATABASE_RETRY_AFTER_SECONDS)
    response["Cache-Control"] = "no-store"
    return response


def server_error(request, *args, **kwargs):
    """handler500: 503 when the database is unreachable, JSON under /api/."""
    error = sys.exc_info()[1]
    if isinstance(error, UNAVAILABLE_ERRORS):
        logger.error("Database unavailable: %s", error)
        return database_unavailable(request)
    if _is_api(request):
        return JsonResponse(error_body(500, _("Internal server error.")), status=500)
    return default_server_error(request, *args, **kwargs)


@never_cache
def healthz(request):
    """200 while the process answers (liveness); touches nothing else."""
    return JsonResponse({"status": "ok"})


@never_cache
def readyz(request):
    """200 when the database answers, else 503 (readiness)."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except DatabaseError as error:
        logger.warning("Not ready, database unavailable: %s", error)
        response = JsonResponse({"status": "unavailable", "database": "unreachable"}, status=503)
        response["Retry-After"] = str(settings.DATABASE_RETRY_AFTER_SECONDS)
        return response
    return JsonResponse({"status": "ok", "database": "ok"})
