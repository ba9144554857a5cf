"""The bundled demo catalog: written by us, seeded into an empty database on first start."""
from __future__ import annotations

from pathlib import Path

from catalog.importer import ImportReport, import_catalog
from catalog.repository import CatalogRepository

DEMO_CATALOG = Path(__file__).resolve().parent / "data" / "demo_catalog.csv"


def seed_demo_catalog(repo: CatalogRepository) -> ImportReport | None:
    """Load the demo catalog when the catalog is empty; a grocer's own catalog is never touched."""
    if repo.count() > 0:
        return None
    return import_catalog(repo, DEMO_CATALOG)
