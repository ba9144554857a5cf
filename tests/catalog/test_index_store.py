"""The matcher index file: built once per catalog version, mapped by every process, never
taken for another catalog's, switched to atomically after a change."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import threading
from pathlib import Path

from catalog.database import ConnectionPool
from catalog.importer import import_catalog
from catalog.index_store import IndexStore, catalog_key, default_directory, stored_files
from catalog.live_index import LiveMatcher
from catalog.matcher import Matcher
from catalog.repository import SqliteCatalogRepository

CSV = "id,name,price,brand,synonyms\n1,Oat Milk,3.99,Oatly,\n2,Whole Milk,2.49,,vitamin d milk\n" \
      "3,Bag of Organic Bananas,1.99,,\n4,Banana Pudding,3.29,,\n"


def _catalog(tmp_path: Path, name: str = "c.db", text: str = CSV) -> SqliteCatalogRepository:
    repo = SqliteCatalogRepository(ConnectionPool(tmp_path / name).get())
    repo.ensure_schema()
    (tmp_path / f"{name}.csv").write_text(text)
    import_catalog(repo, tmp_path / f"{name}.csv")
    return repo


def _join_rebuilds() -> None:
    for thread in threading.enumerate():
        if thread.name == "catalog-index-rebuild":
            thread.join(timeout=60)


def test_a_stored_index_is_mapped_again_not_rebuilt(tmp_path):
    repo = _catalog(tmp_path)
    store = IndexStore(tmp_path / "ix")
    Matcher(store.load(repo))
    [path] = stored_files(tmp_path / "ix")
    stamp = path.stat().st_mtime_ns, path.stat().st_ino

    again = Matcher(IndexStore(tmp_path / "ix").load(repo))  # a restart: a new process's store
    assert (path.stat().st_mtime_ns, path.stat().st_ino) == stamp
    assert again._ix.path == path
    assert again.resolve("bananas").product.id == "3"
    assert again.resolve("vitamin d milk").product.id == "2"
    assert again.resolve("oatly milk").product.id == "1"
    assert again.get("4").name == "Banana Pudding" and again.get("99") is None


def test_a_stored_index_of_an_older_format_is_built_again(tmp_path, monkeypatch, caplog):
    # an upgrade that changes what the index holds (format 3: spice aisles answer to "dried")
    # must not answer from a file the older release wrote
    from catalog import index_build, index_views  # the reader keeps this release's number

    assert index_views.FORMAT_VERSION == index_build.FORMAT_VERSION
    repo = _catalog(tmp_path)
    key = catalog_key(repo)
    path = IndexStore(tmp_path / "ix").path_for(key)
    path.parent.mkdir(parents=True)
    with monkeypatch.context() as old_release:  # the file the release before wrote
        old_release.setattr(index_build, "FORMAT_VERSION", index_build.FORMAT_VERSION - 1)
        index_build.build_index_file(repo.all_products(), path, meta={"key": key})
    written = path.stat().st_mtime_ns, path.stat().st_ino

    matcher = Matcher(IndexStore(tmp_path / "ix").load(repo))
    assert (path.stat().st_mtime_ns, path.stat().st_ino) != written
    assert "rebuilding" in caplog.text and "format" in caplog.text
    assert matcher.resolve("bananas").product.id == "3"


def test_the_mapped_index_answers_like_one_built_in_memory(tmp_path):
    repo = _catalog(tmp_path)
    mapped = Matcher(IndexStore(tmp_path / "ix").load(repo), memo_size=0)
    built = Matcher.build(repo.all_products(), memo_size=0)
    for phrase in ["milk", "bananas", "banana pudding", "oat milk", "bananna", "whole"]:
        a, b = mapped.resolve(phrase), built.resolve(phrase)
        assert (a.product and a.product.id, a.confidence, a.ambiguous) == \
               (b.product and b.product.id, b.confidence, b.ambiguous)


def test_a_catalog_change_gets_a_new_file_beside_the_old_one(tmp_path):
    repo = _catalog(tmp_path)
    store = IndexStore(tmp_path / "ix")
    old = Matcher(store.load(repo))
    old_key = catalog_key(repo)
    (tmp_path / "more.csv").write_text("id,name,price\n5,Ginger Kombucha,3.49\n")
    import_catalog(repo, tmp_path / "more.csv")
    assert catalog_key(repo) != old_key
    new = Matcher(store.load(repo))
    assert new.resolve("kombucha").product.id == "5"
    assert old.resolve("kombucha").best is None  # the old mapping still answers as before
    assert len(stored_files(tmp_path / "ix")) == 2


def test_another_catalogs_file_is_never_used(tmp_path):
    """Two databases at the same version: a file copied under the other's name is refused
    and rebuilt rather than answering with the wrong products."""
    a = _catalog(tmp_path, "a.db")
    b = _catalog(tmp_path, "b.db", "id,name,price\n7,Sourdough Bread,4.99\n")
    assert a.version() == b.version() and catalog_key(a) != catalog_key(b)
    store = IndexStore(tmp_path / "ix")
    store.load(a)
    shutil.copy(store.path_for(catalog_key(a)), store.path_for(catalog_key(b)))
    matcher = Matcher(store.load(b))
    assert matcher.resolve("sourdough bread").product.id == "7"
    assert matcher.resolve("bananas").best is None


def test_a_truncated_file_is_rebuilt(tmp_path):
    repo = _catalog(tmp_path)
    store = IndexStore(tmp_path / "ix")
    store.load(repo)
    path = store.path_for(catalog_key(repo))
    path.write_bytes(path.read_bytes()[:200])
    assert Matcher(store.load(repo)).resolve("bananas").product.id == "3"


def test_workers_sharing_a_store_switch_after_a_change_and_build_it_once(tmp_path):
    repo = _catalog(tmp_path)
    store_dir = tmp_path / "ix"
    pool = ConnectionPool(tmp_path / "c.db")
    workers = [LiveMatcher(lambda: SqliteCatalogRepository(pool.get()), check_every=0.0,
                           store=IndexStore(store_dir)) for _ in range(3)]
    first = stored_files(store_dir)
    assert len(first) == 1
    assert all(w.current()._ix.path == first[0] for w in workers)  # one file, mapped by all

    (tmp_path / "more.csv").write_text("id,name,price\n5,Ginger Kombucha,3.49\n")
    import_catalog(repo, tmp_path / "more.csv")
    for w in workers:
        w.current()  # each notices the change and starts its rebuild
    _join_rebuilds()
    paths = {w.current()._ix.path for w in workers}
    assert len(paths) == 1 and paths != {first[0]}
    assert all(w.current().resolve("kombucha").product.id == "5" for w in workers)
    assert len(stored_files(store_dir)) == 2


def test_catalog_import_builds_the_index_for_the_server(tmp_path):
    db = tmp_path / "shop.db"
    (tmp_path / "p.csv").write_text(CSV)
    voicecart = Path(sys.executable).with_name("voicecart")
    done = subprocess.run([str(voicecart), "catalog", "import", str(tmp_path / "p.csv"),
                           "--db", str(db)], capture_output=True, text=True, timeout=120,
                          env={**os.environ, "VOICECART_DB": str(db)})
    assert done.returncode == 0, done.stderr
    assert "matcher index ready (4 products" in done.stderr
    repo = SqliteCatalogRepository(ConnectionPool(db).get())
    [path] = stored_files(default_directory(db))
    assert path == IndexStore(default_directory(db)).path_for(catalog_key(repo))


def test_a_server_builds_in_a_child_process_and_maps_the_result(tmp_path):
    """What a server does: the build runs in `python -m catalog.index_builder`, whose memory
    goes when it exits; the server only maps the file."""
    from catalog import index_builder
    repo = _catalog(tmp_path)
    store = IndexStore(tmp_path / "ix", build_command=index_builder.command(tmp_path / "c.db"),
                       child_from=0)
    matcher = Matcher(store.load(repo))
    assert matcher._ix.path == store.path_for(catalog_key(repo))
    assert matcher.resolve("bananas").product.id == "3"
    (tmp_path / "more.csv").write_text("id,name,price\n5,Ginger Kombucha,3.49\n")
    import_catalog(repo, tmp_path / "more.csv")
    assert Matcher(store.load(repo)).resolve("kombucha").product.id == "5"
