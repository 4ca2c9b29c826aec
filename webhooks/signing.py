"""HMAC-SHA256 signatures of webhook bodies (see docs/deployment.md for verification)."""

import hashlib
import hmac

SIGNATURE_HEADER = "X-Handlingsplan-Signature"
TIMESTAMP_HEADER = "X-Handlingsplan-Timestamp"
EVENT_HEADER = "X-Handlingsplan-Event"


def signature(secret, timestamp, body):
    """``sha256=<hex>`` of HMAC-SHA256 with ``secret`` over ``"<timestamp>." + body``."""
    message = str(timestamp).encode() + b"." + body
    return "sha256=" + hmac.new(secret.encode(), message, hashlib.sha256).hexdigest()


def verify(secret, timestamp, body, received):
    """True when ``received`` is the signature of ``body`` sent at ``timestamp``."""
    return hmac.compare_digest(signature(secret, timestamp, body), received)
