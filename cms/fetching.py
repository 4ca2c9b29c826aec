"""Reading outside input safely: URLs on the public internet and regular files, both capped.

``fetch_url`` fetches http(s) URLs whose host resolves to public addresses only: loopback,
private, link-local, multicast, reserved and unspecified addresses are refused after DNS
resolution, on every redirect, with one and the same message (also for a host name that does
not resolve), before any connection is made;
the connection goes to the address that was checked (no second lookup). The body is read in
chunks and refused as soon as it grows past the limit. ``read_file`` reads regular files
only (no devices, FIFOs or sockets), also capped while reading.

``FETCH_ALLOWED_NETWORKS`` (a test-only setting, empty by default) names networks that are
allowed despite being private, e.g. ``["127.0.0.1/32"]`` for a test server.
"""

import http.client
import ipaddress
import os
import socket
import ssl
import stat
import time
from urllib.parse import urljoin, urlsplit

from django.conf import settings
from django.utils.translation import gettext as _

MAX_REDIRECTS = 5
TIMEOUT_SECONDS = 30
#: A fetch that has not finished after this long is abandoned (a slow drip of bytes).
TOTAL_SECONDS = 120
CHUNK_BYTES = 64 * 1024
REDIRECT_STATUSES = {301, 302, 303, 307, 308}


class FetchError(ValueError):
    """A URL or file that cannot be read; the message says why, in the active language."""


def refused():
    """The one error for every refused address and every host name that does not resolve.

    It must not tell one from another: a name that resolves to an internal address and a name
    that does not resolve at all look the same, so the errors map nothing of the internal
    network (which names exist, which addresses or ports answer).
    """
    return FetchError(_("this address may not be fetched: only public internet addresses can"))


class TooLarge(FetchError):
    """A body or file over the size limit."""


def too_large(max_bytes):
    return TooLarge(_("larger than %(mb)s MB") % {"mb": f"{max_bytes / (1024 * 1024):g}"})


def _allowed_networks():
    return [ipaddress.ip_network(net) for net in getattr(settings, "FETCH_ALLOWED_NETWORKS", ())]


def address_allowed(address):
    """Whether an IP address (text) is public, or named by FETCH_ALLOWED_NETWORKS."""
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    if ip.version == 6 and ip.ipv4_mapped:
        ip = ip.ipv4_mapped
    if any(ip.version == net.version and ip in net for net in _allowed_networks()):
        return True
    return ip.is_global and not (
        ip.is_loopback
        or ip.is_private
        or ip.is_link_local
        or ip.is_multicast
        or ip.is_reserved
        or ip.is_unspecified
    )


def _checked_target(url):
    """(scheme, host, port, address, path) of ``url``; every resolved address must be allowed."""
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    if scheme not in ("http", "https"):
        raise FetchError(_("only http and https URLs can be fetched"))
    try:
        host, port = parts.hostname, parts.port or (443 if scheme == "https" else 80)
    except ValueError as error:  # a port that is not a number
        raise FetchError(_("not a valid URL")) from error
    if not host or parts.username or parts.password:
        raise FetchError(_("not a valid URL"))
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (OSError, UnicodeError) as error:
        raise refused() from error
    addresses = [info[4][0] for info in infos]
    if not addresses or not all(address_allowed(address) for address in addresses):
        raise refused()
    path = parts.path or "/"
    return scheme, host, port, addresses[0], path + (f"?{parts.query}" if parts.query else "")


class _PinnedHTTPConnection(http.client.HTTPConnection):
    """An HTTP connection to an address that was checked, whatever the host name says."""

    def __init__(self, host, port, address, timeout):
        super().__init__(host, port, timeout=timeout)
        self.address = address

    def connect(self):
        self.sock = socket.create_connection((self.address, self.port), self.timeout)


class _PinnedHTTPSConnection(http.client.HTTPSConnection):
    """An HTTPS connection to a checked address; the certificate is checked for the host name."""

    def __init__(self, host, port, address, timeout):
        super().__init__(host, port, timeout=timeout, context=ssl.create_default_context())
        self.address = address

    def connect(self):
        sock = socket.create_connection((self.address, self.port), self.timeout)
        self.sock = self._context.wrap_socket(sock, server_hostname=self.host)


def _read_capped(response, max_bytes, deadline):
    length = response.getheader("Content-Length")
    if length and length.isdigit() and int(length) > max_bytes:
        raise too_large(max_bytes)
    chunks, size = [], 0
    while True:
        chunk = response.read(CHUNK_BYTES)
        if not chunk:
            return b"".join(chunks)
        size += len(chunk)
        if size > max_bytes:
            raise too_large(max_bytes)
        if time.monotonic() > deadline:
            raise FetchError(_("the server took too long to answer"))
        chunks.append(chunk)


def fetch_url(url, max_bytes):
    """The body of an http(s) ``url`` (at most ``max_bytes``); raises FetchError."""
    deadline = time.monotonic() + TOTAL_SECONDS
    for _redirect in range(MAX_REDIRECTS + 1):
        scheme, host, port, address, path = _checked_target(url)
        connection_class = _PinnedHTTPSConnection if scheme == "https" else _PinnedHTTPConnection
        connection = connection_class(host, port, address, TIMEOUT_SECONDS)
        try:
            connection.request(
                "GET",
                path,
                headers={"User-Agent": "handlingsplan-cms", "Accept-Encoding": "identity"},
            )
            response = connection.getresponse()
            location = response.getheader("Location")
            if response.status in REDIRECT_STATUSES and location:
                url = urljoin(url, location)
                continue
            if response.status != 200:
                raise FetchError(
                    _("the server answered HTTP %(status)s") % {"status": response.status}
                )
            return _read_capped(response, max_bytes, deadline)
        except (OSError, http.client.HTTPException) as error:
            raise FetchError(_("the server cannot be reached or gave no valid answer")) from error
        finally:
            connection.close()
    raise FetchError(_("too many redirects"))


def read_file(path, max_bytes):
    """The bytes of the regular file at ``path`` (at most ``max_bytes``); raises FetchError.

    Devices (``/dev/zero``), FIFOs and sockets are refused without reading: the file is opened
    non-blocking, so opening a FIFO does not wait for a writer.
    """
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    except OSError as error:
        raise FetchError(error.strerror or str(error)) from error
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise FetchError(_("not a regular file"))
        chunks, size = [], 0
        while size <= max_bytes:
            chunk = os.read(fd, min(CHUNK_BYTES, max_bytes + 1 - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
        data = b"".join(chunks)
    except OSError as error:
        raise FetchError(error.strerror or str(error)) from error
    finally:
        os.close(fd)
    if len(data) > max_bytes:
        raise too_large(max_bytes)
    return data
