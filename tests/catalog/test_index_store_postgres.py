"""The matcher index of a catalog held in PostgreSQL: keyed by a catalog id stored in the
database plus its version, kept in a folder that never spells the URL (which may hold a
password), and built by `python -m catalog.index_builder` given the URL."""
from __future__ import annotations

from pathlib import Path

from catalog.importer import import_catalog
from catalog.index_store import IndexStore, catalog_key
from catalog.matcher import Matcher
from skill.storage import PostgresStorage, index_directory
from support import postgres_database

CSV = "id,name,price\n1,Oat Milk,3.99\n2,Whole Milk,2.49\n3,Bag of Organic Bananas,1.99\n"


def _import(storage: PostgresStorage, tmp_path: Path, text: str = CSV) -> None:
    (tmp_path / "p.csv").write_text(text)
    import_catalog(storage.catalog(), tmp_path / "p.csv")


def test_the_key_is_the_catalogs_id_and_version_and_another_database_has_another_id(
        pg_url, tmp_path):
    storage = PostgresStorage(pg_url)
    try:
        _import(storage, tmp_path)
        first = storage.catalog().index_key()
        catalog_id, version = first.rsplit("-v", 1)
        assert version == "1" and catalog_id != "none"
        _import(storage, tmp_path, "id,name,price\n4,Ginger Kombucha,3.49\n")
        assert storage.catalog().index_key() == f"{catalog_id}-v2"  # same catalog, next version
    finally:
        storage.close()
    with postgres_database() as other_url:
        other = PostgresStorage(other_url)
        try:
            other.upgrade()
            _import(other, tmp_path)
            other_id, other_version = other.catalog().index_key().rsplit("-v", 1)
        finally:
            other.close()
    assert other_version == "1" and other_id != catalog_id  # never taken for the first's file


def test_the_folder_is_named_by_a_hash_of_server_and_database_never_by_the_password(
        monkeypatch, tmp_path):
    monkeypatch.delenv("VOICECART_INDEX_DIR", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    one = index_directory("postgresql://shop:s3cret-pw@db.example:5433/voicecart")
    assert one.parent == tmp_path / "cache" / "voicecart"
    assert "s3cret" not in str(one) and "db.example" not in str(one)
    # the same database reached as another user or with a rotated password: the same folder
    assert index_directory("postgresql://other:new-pw@db.example:5433/voicecart") == one
    assert index_directory("postgresql://shop:s3cret-pw@db.example:5433/staging") != one
    assert index_directory("postgresql://shop:s3cret-pw@db2.example:5433/voicecart") != one
    # a SQLite file keeps its folder beside it; VOICECART_INDEX_DIR names one for any backend
    assert index_directory(tmp_path / "shop.db") == tmp_path / "shop.db.index"
    monkeypatch.setenv("VOICECART_INDEX_DIR", str(tmp_path / "ix"))
    assert index_directory("postgresql://shop:s3cret-pw@db.example:5433/voicecart") == tmp_path / "ix"


def test_a_server_on_postgresql_builds_in_a_child_process_given_the_url(pg_url, tmp_path):
    from catalog import index_builder

    storage = PostgresStorage(pg_url)
    try:
        _import(storage, tmp_path)
        repo = storage.catalog()
        store = IndexStore(tmp_path / "ix", build_command=index_builder.command(pg_url),
                           child_from=0)
        matcher = Matcher(store.load(repo))
        assert matcher._ix.path == store.path_for(catalog_key(repo))
        assert matcher.resolve("bananas").product.id == "3"
        _import(storage, tmp_path, "id,name,price\n4,Ginger Kombucha,3.49\n")
        assert Matcher(store.load(repo)).resolve("kombucha").product.id == "4"
    finally:
        storage.close()


def test_the_catalog_streams_from_a_server_side_cursor_in_import_order(pg_url, tmp_path,
                                                                       monkeypatch):
    import psycopg

    import catalog.pg_repository as pg_repository
    monkeypatch.setattr(pg_repository, "STREAM_BATCH", 2)  # five rows: three fetches
    storage = PostgresStorage(pg_url)
    try:
        _import(storage, tmp_path, CSV + "4,Ginger Kombucha,3.49\n5,Rye Bread,4.25\n")
        stream = storage.catalog().all_products()
        first = next(stream)
        # the rows are still on the server, fetched a batch at a time through the cursor
        with psycopg.connect(pg_url, autocommit=True) as other:
            seen = [q for (q,) in other.execute(
                "select query from pg_stat_activity where pid <> pg_backend_pid()"
                " and query ilike %s", [f"%{pg_repository.STREAM_CURSOR}%"])]
        assert seen and all("FETCH" in q.upper() for q in seen), seen
        rest = list(stream)
    finally:
        storage.close()
    assert [p.id for p in [first, *rest]] == ["1", "2", "3", "4", "5"]
    assert rest[-1].name == "Rye Bread" and str(rest[-1].price) == "4.25"
