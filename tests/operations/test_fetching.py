"""import_plan from URLs and --fetch-media: only public addresses, checked types, capped sizes.

A local HTTP server on 127.0.0.1 stands in for the internet. It is refused like every other
loopback, private, link-local, multicast or reserved address unless the test-only setting
FETCH_ALLOWED_NETWORKS names it; refusals happen before any connection and look the same.
"""

import copy
import json
import os
import socket
import tempfile
import threading
from contextlib import contextmanager
from io import BytesIO, StringIO
from pathlib import Path

from django.conf import settings
from django.core.management import CommandError, call_command
from django.test import SimpleTestCase, override_settings
from django.utils import translation
from PIL import Image as PILImage
from wagtail.documents import get_document_model
from wagtail.images import get_image_model

from cms import fetching
from plan.models import ActionPlanPage
from tests.fork import test_template_import as base
from tests.operations.servers import free_port, http_server

LOOPBACK = override_settings(FETCH_ALLOWED_NETWORKS=["127.0.0.1/32"])
REFUSED = "this address may not be fetched"


def png_bytes():
    buffer = BytesIO()
    PILImage.new("RGB", (4, 3), "red").save(buffer, "PNG")
    return buffer.getvalue()


def stored_files():
    """The uploaded files under MEDIA_ROOT (images, renditions, documents)."""
    root = Path(settings.MEDIA_ROOT)
    return sorted(
        str(path)
        for folder in ("original_images", "images", "documents")
        for path in (root / folder).rglob("*")
        if path.is_file()
    )


@contextmanager
def listening_socket(reply=b""):
    """A port on 127.0.0.1 that accepts connections, sends ``reply`` and hangs up."""
    server = socket.create_server(("127.0.0.1", 0))
    server.settimeout(0.2)
    stop = threading.Event()

    def serve():
        while not stop.is_set():
            try:
                connection, _address = server.accept()
            except OSError:
                continue
            with connection:
                connection.sendall(reply)

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    try:
        yield server.getsockname()[1]
    finally:
        stop.set()
        thread.join()
        server.close()


class EnglishTestCase(SimpleTestCase):
    """Messages in English."""

    def setUp(self):
        translation.activate("en")
        self.addCleanup(translation.deactivate)


class AddressTests(EnglishTestCase):
    """Every kind of non-public address is refused with the same message, without connecting."""

    REFUSED_URLS = (
        "http://127.0.0.1:{port}/",
        "http://127.0.0.1:1/",  # a closed port: the same message as an open one
        "http://localhost:{port}/",
        "http://[::1]:{port}/",
        "http://[::ffff:127.0.0.1]:{port}/",
        "http://2130706433:{port}/",  # 127.0.0.1 as one number
        "http://0.0.0.0:{port}/",
        "http://10.1.2.3/",
        "http://172.16.0.1/",
        "http://192.168.1.1/",
        "http://169.254.169.254/latest/meta-data/",
        "http://[fe80::1]/",
        "http://224.0.0.1/",
        "http://240.0.0.1/",
        "http://100.64.0.1/",
        # Names that do not resolve look like names that resolve to internal addresses, so the
        # errors do not tell which internal host names exist.
        "http://no-such-host.invalid/",
        "http://intranet-database-that-does-not-exist/",
        "http://xn--/",  # not even a valid name
    )

    def test_refused_addresses_look_alike_and_are_never_contacted(self):
        with http_server({"/": (200, {}, b"internal")}) as served:
            port = served.url.rsplit(":", 1)[1]
            messages = set()
            for url in self.REFUSED_URLS:
                with self.subTest(url=url), self.assertRaises(fetching.FetchError) as raised:
                    fetching.fetch_url(url.format(port=port), 1000)
                messages.add(str(raised.exception))
            self.assertEqual(served.requests, [])
        self.assertEqual(len(messages), 1)
        self.assertIn(REFUSED, messages.pop())

    def test_only_http_and_https(self):
        for url in ("file:///etc/passwd", "ftp://example.org/x", "gopher://example.org/"):
            with self.subTest(url=url), self.assertRaisesMessage(fetching.FetchError, "only http"):
                fetching.fetch_url(url, 1000)

    def test_public_addresses_are_allowed(self):
        for address in ("93.184.215.14", "2606:4700::6810:85e5", "1.1.1.1"):
            self.assertTrue(fetching.address_allowed(address), address)

    @LOOPBACK
    def test_allow_list_admits_the_test_server(self):
        with http_server({"/a": (200, {}, b"hello")}) as served:
            self.assertEqual(fetching.fetch_url(served.url + "/a", 100), b"hello")

    @LOOPBACK
    def test_every_redirect_is_checked(self):
        routes = {
            "/to-metadata": (302, {"Location": "http://169.254.169.254/latest/"}, b""),
            "/to-private": (301, {"Location": "http://[::1]/admin/"}, b""),
            "/to-file": (302, {"Location": "file:///etc/passwd"}, b""),
            "/hop": (302, {"Location": "/final"}, b""),
            "/final": (200, {}, b"arrived"),
            "/loop": (302, {"Location": "/loop"}, b""),
        }
        with http_server(routes) as served:
            for path in ("/to-metadata", "/to-private"):
                with self.assertRaisesMessage(fetching.FetchError, REFUSED):
                    fetching.fetch_url(served.url + path, 100)
            with self.assertRaisesMessage(fetching.FetchError, "only http"):
                fetching.fetch_url(served.url + "/to-file", 100)
            self.assertEqual(fetching.fetch_url(served.url + "/hop", 100), b"arrived")
            with self.assertRaisesMessage(fetching.FetchError, "too many redirects"):
                fetching.fetch_url(served.url + "/loop", 100)

    @LOOPBACK
    def test_servers_that_do_not_answer_look_alike(self):
        """A closed port, a port that hangs up and a port that speaks no HTTP give one message,
        and no message names the address or the port (they only happen for allowed addresses,
        but must still not map what listens where)."""
        messages = set()
        with listening_socket() as hang_up, listening_socket(reply=b"SSH-2.0-OpenSSH\r\n") as ssh:
            closed = free_port()
            for port in (closed, hang_up, ssh):
                with self.subTest(port=port), self.assertRaises(fetching.FetchError) as raised:
                    fetching.fetch_url(f"http://127.0.0.1:{port}/", 1000)
                message = str(raised.exception)
                self.assertNotIn(str(port), message)
                self.assertNotIn("127.0.0.1", message)
                messages.add(message)
        self.assertEqual(len(messages), 1, messages)

    @LOOPBACK
    def test_size_is_capped_while_reading(self):
        routes = {
            "/declared": (200, {}, b"x" * 5000),
            "/undeclared": (200, {"Content-Length": None}, b"x" * 5000),
        }
        with http_server(routes) as served:
            for path in routes:
                with self.subTest(path), self.assertRaises(fetching.TooLarge):
                    fetching.fetch_url(served.url + path, 1000)


class FileTests(EnglishTestCase):
    """Only regular files are read, and no more than the limit."""

    def test_devices_and_fifos_are_refused_without_reading(self):
        with tempfile.TemporaryDirectory() as folder:
            fifo = os.path.join(folder, "pipe")
            os.mkfifo(fifo)
            for path in ("/dev/zero", fifo, folder):
                with self.subTest(path), self.assertRaisesMessage(fetching.FetchError, "regular"):
                    fetching.read_file(path, 1000)

    def test_size_is_capped(self):
        with tempfile.NamedTemporaryFile() as file:
            file.write(b"x" * 1001)
            file.flush()
            with self.assertRaises(fetching.TooLarge):
                fetching.read_file(file.name, 1000)
            self.assertEqual(fetching.read_file(file.name, 1001), b"x" * 1001)


class ImportFromUrlTests(base.TemplateImportTestCase):
    """``import_plan <URL>`` and ``--fetch-media`` through the command, as an operator runs it."""

    def run_import_source(self, source, **options):
        with translation.override("en"):
            out = StringIO()
            call_command("import_plan", source, branch="finnmark", stdout=out, **options)
        return out.getvalue()

    def assert_nothing_written(self, run):
        counts, files = base.database_counts(), stored_files()
        with self.assertRaises(CommandError) as raised:
            run()
        self.assertEqual(base.database_counts(), counts)
        self.assertEqual(stored_files(), files)
        self.assertIn("nothing was changed", str(raised.exception))
        return str(raised.exception)

    def test_template_url_on_loopback_is_refused(self):
        body = json.dumps(self.document).encode()
        with http_server({"/plan.json": (200, {}, body)}) as served:
            message = self.assert_nothing_written(
                lambda: self.run_import_source(served.url + "/plan.json")
            )
            self.assertIn(REFUSED, message)
            self.assertEqual(served.requests, [])
            with LOOPBACK:
                self.run_import_source(served.url + "/plan.json")
        self.assertTrue(ActionPlanPage.objects.child_of(self.finnmark).exists())

    def test_devices_and_fifos_as_template_are_refused(self):
        with tempfile.TemporaryDirectory() as folder:
            fifo = os.path.join(folder, "template.json")
            os.mkfifo(fifo)
            for path in ("/dev/zero", fifo):
                message = self.assert_nothing_written(lambda p=path: self.run_import_source(p))
                self.assertIn("not a regular file", message)

    def media_document(self, image_url, document_url):
        document = copy.deepcopy(self.document)
        document["images"][0].update(url=image_url, file_hash="0" * 40)
        document["documents"][0].update(url=document_url, file_hash="1" * 40)
        return document

    def test_media_on_loopback_are_refused_and_nothing_is_stored(self):
        with http_server({"/i.png": (200, {}, png_bytes())}) as served:
            document = self.media_document(served.url + "/i.png", served.url + "/d.pdf")
            message = self.assert_nothing_written(
                lambda: self.run_import(document, fetch_media=True)
            )
            self.assertEqual(served.requests, [])
        self.assertIn("$.images[0].url", message)
        self.assertIn(REFUSED, message)

    @LOOPBACK
    def test_media_must_be_what_they_claim_by_content(self):
        admin_page = b"<!DOCTYPE html><html><body>Django administration login</body></html>"
        routes = {
            "/image.png": (200, {"Content-Type": "image/png"}, admin_page),
            "/good.png": (200, {}, png_bytes()),
            "/sitemap.pdf": (200, {"Content-Type": "application/pdf"}, admin_page),
            "/report.pdf": (200, {}, b"%PDF-1.4\n%\xe2\xe3\n1 0 obj\n<<>>\nendobj\n%%EOF\n"),
        }
        with http_server(routes) as served:
            for image, doc, path in (
                ("/image.png", "/report.pdf", "$.images[0].url"),
                ("/good.png", "/sitemap.pdf", "$.documents[0].url"),
            ):
                document = self.media_document(served.url + image, served.url + doc)
                document["documents"][0]["filename"] = "rapport.pdf"
                message = self.assert_nothing_written(
                    lambda d=document: self.run_import(d, fetch_media=True)
                )
                self.assertIn(path, message)
            document = self.media_document(served.url + "/good.png", served.url + "/report.pdf")
            document["documents"][0]["filename"] = "rapport.pdf"
            images = get_image_model().objects.count()
            documents = get_document_model().objects.count()
            output = self.run_import(document, fetch_media=True)
        self.assertIn("Fetched", output)
        self.assertEqual(get_image_model().objects.count(), images + 1)
        self.assertEqual(get_document_model().objects.count(), documents + 1)
        plan = ActionPlanPage.objects.child_of(self.finnmark).get()
        self.assertEqual((plan.cover_image.width, plan.cover_image.height), (4, 3))
