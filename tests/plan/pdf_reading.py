"""Reading a plan's PDF back with pypdf: pages, contents entries, structure tags."""

import io
import re
from dataclasses import dataclass

from pypdf import PdfReader

#: A line of the contents page: the entry, dot leaders, the page number.
TOC_LINE = re.compile(r"^(?P<entry>\d(?:\.\d)? .+?)\s*\.{3,}\s*(?P<page>\d+)$")


@dataclass
class ReadPdf:
    reader: PdfReader
    pages: list

    @property
    def catalog(self):
        return self.reader.trailer["/Root"]

    def toc(self, heading):
        """The (entry, page number) pairs of the page headed ``heading``."""
        page = next(text for text in self.pages if text.splitlines()[0].strip() == heading)
        entries = []
        for line in page.splitlines():
            match = TOC_LINE.match(line.strip())
            if match:
                entries.append((match["entry"], int(match["page"])))
        return entries

    def first_page_with(self, text):
        """The 1-based number of the first page with a line ``text``."""
        for number, page in enumerate(self.pages, start=1):
            if text in (line.strip() for line in page.splitlines()):
                return number
        return None

    def alt_texts(self):
        """The /Alt texts of the structure tree (figures)."""
        found = []
        stack = [self.catalog["/StructTreeRoot"]]
        while stack:
            node = stack.pop()
            node = node.get_object() if hasattr(node, "get_object") else node
            if isinstance(node, list):
                stack.extend(node)
            elif hasattr(node, "get"):
                if "/Alt" in node:
                    found.append(str(node["/Alt"]))
                kids = node.get("/K")
                if kids is not None:
                    stack.append(kids)
        return found


def read_pdf(data):
    reader = PdfReader(io.BytesIO(data))
    return ReadPdf(reader, [page.extract_text() for page in reader.pages])
