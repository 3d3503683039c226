import pytest

from tests.shared_data import shared_layer

from .dataset import build_dataset


@pytest.fixture
@shared_layer("dataset", build_dataset, below="homes")
def dataset(homes, shared_data):
    """The fixed data set of October 2026 (reports/tests/dataset.py), built once for the
    tests that can share it (tests/shared_data.py)."""
    return shared_data.get("dataset", homes)
