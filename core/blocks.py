"""The few StreamField blocks of the content model, and the rich-text features editors get."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks

#: Rich-text features for body text: headings, emphasis, lists and links, nothing else.
RICH_TEXT_FEATURES = ["h3", "h4", "bold", "italic", "ol", "ul", "link", "document-link"]
#: Rich-text features for short texts such as leads and summaries.
INLINE_RICH_TEXT_FEATURES = ["bold", "italic", "link"]


class DefinitionBlock(blocks.StructBlock):
    """A term with its definition and where the definition comes from."""

    term = blocks.CharBlock(label=_("Term"), help_text=_('The word defined, e.g. "Samhandling".'))
    definition = blocks.RichTextBlock(
        label=_("Definition"),
        features=INLINE_RICH_TEXT_FEATURES + ["ol", "ul"],
        help_text=_("The definition, quoted or in your own words."),
    )
    source = blocks.CharBlock(
        label=_("Source"),
        required=False,
        help_text=_('Where the definition comes from, e.g. "Store norske leksikon".'),
    )
    source_url = blocks.URLBlock(
        label=_("Source link"), required=False, help_text=_("A link to the source, if online.")
    )

    class Meta:
        icon = "help"
        label = _("Definition")


class QuoteBlock(blocks.StructBlock):
    """A quotation from a resource article, with the page it stands on."""

    text = blocks.TextBlock(label=_("Quotation"), help_text=_("The quoted text, without quotes."))
    resource = blocks.PageChooserBlock(
        label=_("Source resource"),
        page_type="resources.ResourceArticlePage",
        required=False,
        help_text=_("The resource article the quotation comes from."),
    )
    page_number = blocks.CharBlock(
        label=_("Page"),
        required=False,
        max_length=20,
        help_text=_('The page number in the source, e.g. "6".'),
    )

    class Meta:
        icon = "openquote"
        label = _("Quotation")


class ProgrammeItemBlock(blocks.StructBlock):
    """One item in an event's programme: time, what happens, who speaks."""

    time = blocks.CharBlock(
        label=_("Time"), required=False, max_length=32, help_text=_('E.g. "09:30" or "Dag 1".')
    )
    item = blocks.CharBlock(label=_("Item"), help_text=_('What happens, e.g. "Velkommen".'))
    speaker = blocks.CharBlock(
        label=_("Speaker"), required=False, help_text=_("Who speaks or leads the item.")
    )
    description = blocks.TextBlock(
        label=_("Description"), required=False, help_text=_("A short description, if needed.")
    )

    class Meta:
        icon = "time"
        label = _("Programme item")
