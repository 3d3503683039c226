"""core.pagination.paginate never fails on a bad ?page=."""

import pytest
from django.test import RequestFactory

from core.pagination import paginate

ITEMS = list(range(1, 26))  # 25 items, 10 a page: pages 1, 2 and 3


def _page(query, items=ITEMS):
    return paginate(RequestFactory().get("/id/berita/", query), items, per_page=10)


@pytest.mark.parametrize(
    ("query", "number"),
    [
        ({}, 1),
        ({"page": "abc"}, 1),
        ({"page": ""}, 1),
        ({"page": "-1"}, 1),
        ({"page": "0"}, 1),
        ({"page": "2"}, 2),
        ({"page": "3"}, 3),
        ({"page": "99999"}, 3),
        ({"page": "1.5"}, 1),
    ],
)
def test_paginate_turns_any_page_parameter_into_a_real_page(query, number):
    page = _page(query)

    assert page.number == number
    assert list(page) == ITEMS[(number - 1) * 10 : number * 10]


def test_paginate_gives_an_empty_first_page_for_no_items():
    page = _page({"page": "7"}, items=[])

    assert page.number == 1
    assert list(page) == []


def test_paginate_reads_the_named_parameter():
    request = RequestFactory().get("/id/berita/", {"page": "1", "halaman": "2"})

    assert paginate(request, ITEMS, per_page=10, param="halaman").number == 2
