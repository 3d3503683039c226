from django.utils.translation import gettext_lazy as _
from wagtail import blocks


class FeaturedLinkBlock(blocks.StructBlock):
    """A service or page the office wants people to find first."""

    page = blocks.PageChooserBlock(label=_("Page"), required=False)
    url = blocks.URLBlock(label=_("or address"), required=False)
    title = blocks.CharBlock(label=_("Title"), required=False, help_text=_("Defaults to the page title."))
    description = blocks.CharBlock(label=_("Short description"), required=False, max_length=200)

    class Meta:
        icon = "link"
        label = _("Featured link")
        template = "home/blocks/featured_link.html"

    def clean(self, value):
        value = super().clean(value)
        if not value.get("page") and not value.get("url"):
            from django.core.exceptions import ValidationError
            from wagtail.blocks.struct_block import StructBlockValidationError

            raise StructBlockValidationError(
                block_errors={"page": ValidationError(_("Choose a page or give an address."))}
            )
        return value
