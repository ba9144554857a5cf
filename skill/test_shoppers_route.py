"""Test shoppers over HTTP, for `voicecart dialog test --url`: scripted dialogs against a
running server speak as shoppers made for the run, and the run cleans up after itself.

    POST /v1/test-shoppers          {"like": "demo"}?         -> 201 {"user_id": "test-shopper-…"}
    POST /v1/test-shoppers/cleanup  {"user_ids": ["test-shopper-…", ...]}
                                    -> 200 {"cancelled_orders", "released_holds", "left"}

Both need what /v1/converse needs from a grocer's backend: the API token (VOICECART_API_TOKEN),
or --dev. That token may already speak for any shopper, so these routes give it no new power;
and cleanup touches only ids the server handed out as test shoppers, never a real shopper.
"""
from __future__ import annotations

import hmac

from flask import Blueprint, current_app, jsonify, request

from cart.test_shoppers import clean_up, create_test_shopper, is_test_shopper
from skill.http_utils import json_body, reject

bp = Blueprint("test_shoppers", __name__)
MAX_IDS = 1000
MAX_ID = 200


def _allowed(config) -> bool:
    given = request.headers.get("Authorization", "")
    token = given[7:].strip() if given[:7].lower() == "bearer " else ""
    ok = bool(config.api_token and token) and hmac.compare_digest(
        token.encode(), (config.api_token or "").encode())
    return ok or config.dev


def _refused(config):
    if not config.api_token and not config.dev:
        return reject(401, "test shoppers need VOICECART_API_TOKEN set on the server (or --dev)")
    return reject(401, "missing or wrong bearer token")


@bp.post("/v1/test-shoppers")
def new_test_shopper():
    runtime = current_app.extensions["voicecart"]
    if not _allowed(runtime.config):
        return _refused(runtime.config)
    body = json_body()
    like = body.get("like")
    if like is not None and (not isinstance(like, str) or not like.strip() or len(like) > MAX_ID):
        return reject(400, f"'like' must be a shopper id of at most {MAX_ID} characters")
    user_id = create_test_shopper(runtime.carts(), like.strip() if like else None)
    return jsonify(user_id=user_id), 201


@bp.post("/v1/test-shoppers/cleanup")
def clean_up_test_shoppers():
    runtime = current_app.extensions["voicecart"]
    if not _allowed(runtime.config):
        return _refused(runtime.config)
    ids = json_body().get("user_ids")
    if not isinstance(ids, list) or len(ids) > MAX_IDS:
        return reject(400, f"'user_ids' must be a list of at most {MAX_IDS} test shopper ids")
    if not all(is_test_shopper(i) for i in ids):
        return reject(400, "'user_ids' may only name test shoppers (ids this server handed out "
                           "from POST /v1/test-shoppers)")
    cancelled, released, left = 0, 0, []
    now = runtime.conversation.ports.clock()
    for user_id in dict.fromkeys(ids):
        done = clean_up(runtime.carts(), user_id, now=now)
        cancelled += done.cancelled_orders
        released += done.released_holds
        left += done.left
    return jsonify(cancelled_orders=cancelled, released_holds=released, left=left)
