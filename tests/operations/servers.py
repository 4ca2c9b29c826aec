"""A small HTTP server on 127.0.0.1 for tests that fetch URLs."""

import socket
import threading
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

#: The ports tests may listen on (tried in order until one is free).
TEST_PORTS = range(19300, 19340)


def free_port(exclude=(), ports=TEST_PORTS):
    """A port of ``ports`` (tried in order), not in ``exclude``, that a server can bind now.

    The probe binds without ``SO_REUSEADDR``, as Django's live server does: a port with
    connections of an earlier test still in TIME_WAIT is skipped, not only one in use.
    """
    for port in ports:
        if port in exclude:
            continue
        with socket.socket() as probe:
            try:
                probe.bind(("127.0.0.1", port))
            except OSError:
                continue
            return port
    raise RuntimeError("No free test port.")


def bind_test_server(handler_class):
    """A ThreadingHTTPServer on 127.0.0.1 and the first free port of TEST_PORTS."""
    for port in TEST_PORTS:
        try:
            return ThreadingHTTPServer(("127.0.0.1", port), handler_class)
        except OSError:
            continue
    raise RuntimeError("No free port for a test server.")


@contextmanager
def http_server(routes):
    """Serve ``routes`` ({path: (status, headers, body bytes)}) in a thread; yields the base URL.

    ``requests`` on the yielded object lists the paths asked for.
    """
    requested = []

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802 (the name http.server asks for)
            requested.append(self.path)
            status, headers, body = routes.get(self.path, (404, {}, b"not found"))
            self.send_response(status)
            headers = {"Content-Length": str(len(body)), **headers}
            for name, value in headers.items():
                if value is not None:  # None leaves a header out
                    self.send_header(name, value)
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    server = bind_test_server(Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        base = f"http://127.0.0.1:{server.server_address[1]}"
        yield type("Served", (), {"url": base, "requests": requested})
    finally:
        server.shutdown()
        server.server_close()
