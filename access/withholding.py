"""What a refused form shows in place of a refused choice.

A form refused by ``access.choices`` is drawn again with what the editor posted, and a chooser
draws the title of the object its value names. The title of another branch's draft contact
person or page is not for this editor to read, so the refused field is drawn with the refused
objects taken out: a chooser field shows what it held before (empty for a new choice), a
chooser block in a stream field is emptied, and a link or embed in rich text loses the link
(its text stays) or the embed. The form stays invalid; nothing of this is saved.
"""

from bs4 import BeautifulSoup
from django.db import models
from django.forms import ModelChoiceField
from wagtail.blocks import StreamValue, StructValue
from wagtail.blocks.list_block import ListValue
from wagtail.models import Page
from wagtail.rich_text import RichText, features


def key(obj):
    """What names ``obj`` among the refused: its base model and id (a page as a ``Page``)."""
    model = Page if isinstance(obj, Page) else obj._meta.concrete_model
    return model, str(obj.pk)


def withhold(form, name, refused, is_rich_text=False):
    """Draw field ``name`` of ``form`` again without the objects ``refused``."""
    refused = {key(obj) for obj in refused}
    html_name = form.add_prefix(name)
    posted = form._widget_data_value(form.fields[name].widget, html_name)
    if isinstance(form.fields[name], ModelChoiceField):
        shown = form.initial.get(name)  # what was chosen before
    elif is_rich_text and isinstance(posted, str):
        shown = _html_without(posted, refused)
    else:
        shown = _without(posted, refused)
    _show(form, html_name, shown)


def _show(form, html_name, value):
    """Make ``form`` draw ``value`` for the input ``html_name`` instead of what was posted
    (Django reads every posted value through ``Form._widget_data_value``)."""
    shown = form.__dict__.get("_withheld")
    if shown is None:
        shown = form._withheld = {}
        read_posted = form._widget_data_value

        def widget_data_value(widget, name):
            if name in shown:
                return shown[name]
            return read_posted(widget, name)

        form._widget_data_value = widget_data_value
    shown[html_name] = value


def _without(value, refused):
    """``value`` of a stream field (or a part of one) with the ``refused`` objects taken out;
    changes the value in place (it is a fresh copy read from the posted data)."""
    if isinstance(value, models.Model):
        return None if key(value) in refused else value
    if isinstance(value, RichText):
        value.source = _html_without(value.source, refused)
    elif isinstance(value, StreamValue):
        for child in value:
            child.value = _without(child.value, refused)
    elif isinstance(value, StructValue):
        for name, child in value.items():
            value[name] = _without(child, refused)
    elif isinstance(value, ListValue):
        for child in value.bound_blocks:
            child.value = _without(child.value, refused)
    return value


def _html_without(html, refused):
    """Rich-text HTML (database format) without the links to and embeds of ``refused``."""
    soup = BeautifulSoup(html or "", "html.parser")
    changed = False
    for tag, kind, handlers in (
        ("a", "linktype", features.get_link_types()),
        ("embed", "embedtype", features.get_embed_types()),
    ):
        for element in soup.find_all(tag, attrs={kind: True}):
            model = _model_of(handlers.get(element[kind]))
            if model is None or (model, str(element.get("id"))) not in refused:
                continue
            if tag == "a":
                element.unwrap()  # the link's text stays
            else:
                element.decompose()
            changed = True
    return str(soup) if changed else html


def _model_of(handler):
    """The base model a rich-text link or embed handler points at, or ``None``."""
    try:
        model = handler.get_model()
    except (AttributeError, NotImplementedError):
        return None
    return Page if issubclass(model, Page) else model._meta.concrete_model
