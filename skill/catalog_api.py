"""PUT and PATCH /v1/catalog/products: the grocer's systems push products, prices and stock.

Bearer token VOICECART_CATALOG_TOKEN (also in --dev). The body is a JSON array of rows (or
`{"products": [...]}`); PUT rows have the catalog file's columns, PATCH rows `{"id", "price"?,
"in_stock"?}`. Good rows commit in one transaction; bad ones come back with index and reason.
This worker's matcher index starts rebuilding at once. On PostgreSQL every other worker on
every node is told at once by NOTIFY (catalog.pg_listener); on SQLite they see it at their
next look at the version (VOICECART_CATALOG_CHECK_INTERVAL). Until then they answer from the
old index.
"""
from __future__ import annotations

import hmac
from typing import Any

from flask import Blueprint, current_app, jsonify, request
from werkzeug.exceptions import RequestEntityTooLarge

from catalog.batch import MAX_BATCH, BatchReport, patch_products, upsert_products
from skill.http_utils import reject

bp = Blueprint("catalog_api", __name__)
CATALOG_PATH = "/v1/catalog/products"
MAX_CATALOG_BODY = 32 * 1024 * 1024


def _rows() -> list[Any] | tuple[int, str]:
    request.max_content_length = MAX_CATALOG_BODY  # a batch is bigger than a voice request
    try:
        data = request.get_json(force=True, silent=False)
    except RequestEntityTooLarge:
        raise
    except Exception:
        return 400, "the body is not valid JSON"
    if isinstance(data, dict) and set(data) == {"products"}:
        data = data["products"]
    if not isinstance(data, list):
        return 400, 'the body must be a JSON array of products (or {"products": [...]})'
    if not data:
        return 400, "the batch is empty"
    if len(data) > MAX_BATCH:
        return 413, f"at most {MAX_BATCH} products per batch"
    return data


def _authorised() -> bool:
    token = current_app.extensions["voicecart"].config.catalog_token
    given = request.headers.get("Authorization", "")
    return token is not None and hmac.compare_digest(given.encode(), f"Bearer {token}".encode())


def _answer(report: BatchReport):
    runtime = current_app.extensions["voicecart"]
    if report.saved:
        runtime.matchers.catalog_changed()
    status = 200 if report.saved or not report.rejected else 422
    return jsonify(saved=report.saved, rejected=report.rejected), status


@bp.route(CATALOG_PATH, methods=["PUT", "PATCH"])
def products():
    runtime = current_app.extensions["voicecart"]
    if runtime.config.catalog_token is None:
        return reject(403, "the catalog API is off: set VOICECART_CATALOG_TOKEN")
    if not _authorised():
        return reject(401, "missing or wrong bearer token")
    rows = _rows()
    if isinstance(rows, tuple):
        return reject(*rows)
    update = upsert_products if request.method == "PUT" else patch_products
    return _answer(update(runtime.catalog(), rows))
