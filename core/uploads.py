"""Files from the public: checked by content, kept private, handed out as attachments.

The type of an upload is read from its first bytes (and images are opened
with Pillow), never from its name or the browser's Content-Type, so a renamed
executable is refused. The limit comes from PUBLIC_UPLOAD_MAX_BYTES, which the
error message also quotes. Accepted files go to the "private" storage, which
has no URL: staff download them through views that check permission first.
"""

import uuid

from django import forms
from django.conf import settings
from django.core.files.storage import storages
from django.http import FileResponse
from django.template.defaultfilters import filesizeformat
from django.utils import timezone
from django.utils.text import get_valid_filename
from django.utils.translation import gettext_lazy as _

#: type → (MIME type, label shown to people)
FILE_TYPES = {
    "pdf": ("application/pdf", "PDF"),
    "jpeg": ("image/jpeg", "JPG"),
    "png": ("image/png", "PNG"),
    "webp": ("image/webp", "WebP"),
}
IMAGE_TYPES = {"jpeg", "png", "webp"}


def detect_type(fileobj):
    """ "pdf", "jpeg", "png" or "webp" from the content, or None."""
    position = fileobj.tell() if hasattr(fileobj, "tell") else 0
    fileobj.seek(0)
    head = fileobj.read(16)
    fileobj.seek(0)
    if head.startswith(b"%PDF-"):
        detected = "pdf"
    elif head.startswith(b"\xff\xd8\xff"):
        detected = "jpeg"
    elif head.startswith(b"\x89PNG\r\n\x1a\n"):
        detected = "png"
    elif head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        detected = "webp"
    else:
        detected = None
    if detected in IMAGE_TYPES and not _is_image(fileobj):
        detected = None
    fileobj.seek(position)
    return detected


def _is_image(fileobj):
    from PIL import Image

    try:
        with Image.open(fileobj) as image:
            image.verify()
        return True
    except Exception:
        return False
    finally:
        fileobj.seek(0)


def upload_limit():
    return settings.PUBLIC_UPLOAD_MAX_BYTES


class CheckedFileField(forms.FileField):
    def __init__(self, *, allowed_types=("pdf", "jpeg", "png"), max_bytes=None, **kwargs):
        unknown = set(allowed_types) - set(FILE_TYPES)
        if unknown:
            raise ValueError(f"Unknown file types: {sorted(unknown)}")
        self.allowed_types = tuple(allowed_types)
        self._max_bytes = max_bytes
        kwargs.setdefault("help_text", self.default_help_text())
        super().__init__(**kwargs)

    @property
    def max_bytes(self):
        return min(self._max_bytes or upload_limit(), upload_limit())

    def type_labels(self):
        return ", ".join(FILE_TYPES[t][1] for t in self.allowed_types)

    def default_help_text(self):
        return _("%(types)s, at most %(size)s.") % {
            "types": self.type_labels(),
            "size": filesizeformat(self.max_bytes),
        }

    def widget_attrs(self, widget):
        attrs = super().widget_attrs(widget)
        attrs["accept"] = ",".join(FILE_TYPES[t][0] for t in self.allowed_types)
        return attrs

    def clean(self, data, initial=None):
        uploaded = super().clean(data, initial)
        if not uploaded or uploaded is initial:
            return uploaded
        if uploaded.size > self.max_bytes:
            raise forms.ValidationError(
                _("The file is too large (%(size)s): it must be at most %(limit)s."),
                code="file_too_large",
                params={"size": filesizeformat(uploaded.size), "limit": filesizeformat(self.max_bytes)},
            )
        detected = detect_type(uploaded)
        if detected not in self.allowed_types:
            raise forms.ValidationError(
                _("This file is not a %(types)s file. Choose a file of one of those types."),
                code="file_type",
                params={"types": self.type_labels()},
            )
        uploaded.detected_type = detected
        uploaded.content_type_detected = FILE_TYPES[detected][0]
        return uploaded


def private_storage():
    """For ``FileField(storage=private_storage)``: a callable, so migrations
    record the reference and each settings module picks the backend."""
    return storages["private"]


def private_upload_to(instance, filename):
    """A random name (the original may hold personal data) under app/yyyy/mm/."""
    extension = filename.rsplit(".", 1)[-1].lower() if "." in filename else "bin"
    extension = extension if extension.isalnum() and len(extension) <= 5 else "bin"
    now = timezone.now()
    return f"{instance._meta.app_label}/{now:%Y/%m}/{uuid.uuid4().hex}.{extension}"


def attachment_response(fieldfile, filename, content_type="application/octet-stream"):
    """The file as a download, never rendered inline and never cached."""
    fieldfile.open("rb")
    response = FileResponse(
        fieldfile,
        as_attachment=True,
        filename=get_valid_filename(filename) or "file",
        content_type=content_type,
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    return response
