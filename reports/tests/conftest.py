import pytest

from .dataset import build_dataset


@pytest.fixture
def dataset(homes):
    """The fixed data set of October 2026 (reports/tests/dataset.py)."""
    return build_dataset(homes)
