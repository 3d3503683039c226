import json
import re

import pytest

from consultations.tests.factories import ConsultationIndexPageFactory, ConsultationPageFactory

LD_JSON = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.S)
STARTED = re.compile(r'name="started" value="([^"]+)"')


@pytest.fixture
def index(homes):
    return ConsultationIndexPageFactory(parent=homes.id)


@pytest.fixture
def index_en(index, translate):
    return translate(
        index, title="Public consultations", slug="public-consultations", intro="Drafts open for comment."
    )


@pytest.fixture
def consultation(index):
    """An open consultation (Indonesian)."""
    return ConsultationPageFactory(
        parent=index, title="Rancangan Perwali Bursa Kerja", slug="rancangan-bursa-kerja"
    )


@pytest.fixture
def consultation_en(consultation, index_en, translate):
    return translate(
        consultation,
        title="Draft regulation on job fairs",
        slug="draft-job-fairs",
        summary="A draft on job fairs.",
    )


@pytest.fixture
def comment_data(client):
    """``comment_data(page, **fields)``: a valid comment form for ``page``, with
    the guard fields as the page rendered them."""

    def _data(page, **fields):
        html = client.get(page.url).content.decode()
        data = {
            "started": STARTED.search(html).group(1),
            "website": "",
            "comment": "Pasal 3 sebaiknya mewajibkan bursa kerja ramah disabilitas.",
            "consent": "on",
        }
        data.update(fields)
        return {key: value for key, value in data.items() if value is not None}

    return _data


def json_ld(response):
    objects = []
    for text in LD_JSON.findall(response.content.decode()):
        data = json.loads(text)
        objects.extend(data if isinstance(data, list) else [data])
    return objects
