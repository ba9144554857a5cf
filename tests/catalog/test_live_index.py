"""The shared index follows the catalog: an import in another process is picked up."""
from __future__ import annotations

import threading

from catalog.database import ConnectionPool
from catalog.importer import import_catalog
from catalog.live_index import LiveMatcher
from catalog.repository import SqliteCatalogRepository


class Ticks:
    """A monotonic clock the test moves by hand."""

    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def test_a_reimport_is_picked_up_after_the_check_interval(tmp_path):
    pool = ConnectionPool(tmp_path / "c.db")
    repo = SqliteCatalogRepository(pool.get())
    repo.ensure_schema()
    (tmp_path / "a.csv").write_text("id,name,price\n1,Oat Milk,3.99\n")
    import_catalog(repo, tmp_path / "a.csv")
    ticks = Ticks()
    live = LiveMatcher(lambda: SqliteCatalogRepository(pool.get()), check_every=2.0, monotonic=ticks)
    assert live.current().resolve("kombucha").best is None

    # another process imports (its own connection), the running index keeps answering
    other = SqliteCatalogRepository(ConnectionPool(tmp_path / "c.db").get())
    (tmp_path / "b.csv").write_text("id,name,price\n2,Ginger Kombucha,3.49\n")
    import_catalog(other, tmp_path / "b.csv")
    assert live.current().resolve("kombucha").best is None  # not checked yet: no rebuild

    ticks.now = 5.0
    live.current()  # starts the background rebuild
    for thread in threading.enumerate():
        if thread.name == "catalog-index-rebuild":
            thread.join(timeout=30)
    assert live.current().resolve("kombucha").product.name == "Ginger Kombucha"
    assert len(live.current()) == 2


def test_refresh_rebuilds_at_once_and_only_when_the_catalog_changed(tmp_path):
    pool = ConnectionPool(tmp_path / "c.db")
    repo = SqliteCatalogRepository(pool.get())
    repo.ensure_schema()
    (tmp_path / "a.csv").write_text("id,name,price\n1,Oat Milk,3.99\n")
    import_catalog(repo, tmp_path / "a.csv")
    live = LiveMatcher(lambda: SqliteCatalogRepository(pool.get()))
    first = live.current()
    assert live.refresh() is first  # nothing changed: the same index
    import_catalog(repo, tmp_path / "a.csv", replace=True)
    assert live.refresh() is not first


def test_a_change_announced_while_a_rebuild_runs_is_rebuilt_after_it(tmp_path):
    """A notification that arrives while the index for the previous change is being built
    must not be dropped: with the periodic look an hour away, nothing else would bring it."""
    pool = ConnectionPool(tmp_path / "c.db")
    repo = SqliteCatalogRepository(pool.get())
    repo.ensure_schema()
    (tmp_path / "a.csv").write_text("id,name,price\n1,Oat Milk,3.99\n")
    import_catalog(repo, tmp_path / "a.csv")
    building, release = threading.Event(), threading.Event()
    live = LiveMatcher(lambda: SqliteCatalogRepository(pool.get()), check_every=3600.0)
    build = live._build

    def slow_build(repository):
        matcher = build(repository)  # the catalog as it is now, before the next change
        building.set()
        release.wait(30)  # held until the next change has been announced
        return matcher

    live._build = slow_build  # the real build, only made to wait
    (tmp_path / "b.csv").write_text("id,name,price\n2,Ginger Kombucha,3.49\n")
    import_catalog(repo, tmp_path / "b.csv")
    live.catalog_changed()
    assert building.wait(30)
    (tmp_path / "c.csv").write_text("id,name,price\n3,Cold Brew Coffee,4.99\n")
    import_catalog(repo, tmp_path / "c.csv")
    live.catalog_changed()  # a rebuild is running: this one must be remembered
    release.set()
    for thread in threading.enumerate():
        if thread.name == "catalog-index-rebuild":
            thread.join(timeout=30)
    assert live.current().resolve("cold brew").product.name == "Cold Brew Coffee"
    assert len(live.current()) == 3
