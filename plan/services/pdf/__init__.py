"""The plan as a printable A4 document (PDF) in the shape of the printed original.

``plan_pdf`` renders a plan in one language with WeasyPrint and caches the result per plan,
language and content generation (a publish anywhere makes every cached PDF stale). WeasyPrint,
and the pango library it needs, are imported only when a PDF is rendered, so the rest of the
CMS runs on a machine without them; :class:`PdfUnavailable` says why no PDF can be made there.
"""

from .service import PDF_MEDIA_TYPE, PdfUnavailable, pdf_filename, plan_pdf

__all__ = ["PDF_MEDIA_TYPE", "PdfUnavailable", "pdf_filename", "plan_pdf"]
