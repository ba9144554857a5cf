"""POST /alexa: verify, deserialize, dispatch through ask-sdk-core, serialize.

The body is parsed once (orjson): verification reads that dict, and the ask-sdk-model objects
are built from it (skill.alexa.envelope), not from a second dump and parse.

Every verification failure is a 400 with a short reason (Amazon's certification probes expect
400); the reason goes to the log, the body says only what a caller may know.
"""
from __future__ import annotations

import logging

from flask import Blueprint, Response, current_app, request

from catalog.jsontext import loads
from skill.alexa.envelope import EnvelopeSerializer
from skill.alexa.handlers import build_skill
from skill.alexa.verify import AlexaRequestVerifier, VerificationError
from skill.http_utils import reject, replace_lone_surrogates
from skill.request_log import adopt_platform_id

log = logging.getLogger("voicecart.alexa")
bp = Blueprint("alexa", __name__)
# Built once per process: it caches each ask-sdk-model class's fields as it meets them
_serializer = EnvelopeSerializer()
# Alexa's user ids run to a few hundred characters; ids are refused past this, never cut (two
# cut ids sharing a prefix would share one shopper's cart)
MAX_ID = 1000


def init_alexa(app, verifier: AlexaRequestVerifier | None = None) -> None:
    runtime = app.extensions["voicecart"]
    config = runtime.config
    app.extensions["voicecart.alexa"] = {
        "skill": build_skill(runtime.conversation, runtime.linker, dev=config.dev),
        "verifier": verifier or AlexaRequestVerifier(
            skill_id=config.alexa_skill_id, check_signature=not config.dev,
            clock=lambda: runtime.conversation.ports.clock()),
    }
    app.register_blueprint(bp)


@bp.post("/alexa")
def alexa():
    parts = current_app.extensions["voicecart.alexa"]
    raw = request.get_data(cache=True)  # the exact bytes Amazon signed
    try:
        envelope = loads(raw)
    except (ValueError, RecursionError):
        return reject(400, "the body is not valid JSON")
    if not isinstance(envelope, dict) or not isinstance(envelope.get("request"), dict):
        return reject(400, "not an Alexa request envelope")
    adopt_platform_id(envelope["request"].get("requestId"))  # logs follow Amazon's id
    replace_lone_surrogates(envelope, raw)  # the signature is checked on `raw`, unchanged
    try:
        parts["verifier"].verify(request.headers, raw, envelope)
    except VerificationError as exc:
        log.warning("alexa request refused: %s", exc.reason)
        return reject(400, f"request verification failed: {exc.reason}")
    if _too_long(envelope, "context", "System", "user", "userId") or \
            _too_long(envelope, "session", "user", "userId") or \
            _too_long(envelope, "session", "sessionId"):
        return reject(400, f"an id in the envelope is longer than {MAX_ID} characters")
    try:
        request_envelope = _serializer.request_envelope(envelope)
        if request_envelope is None or request_envelope.request is None:
            raise ValueError("no request")
    except Exception as exc:  # the SDK raises several types for shapes it can't map
        # A caller's malformed body is not our fault: one line, no traceback in the log
        log.info("alexa envelope could not be deserialized: %s", type(exc).__name__)
        return reject(400, "not an Alexa request envelope")
    response_envelope = parts["skill"].invoke(request_envelope=request_envelope, context=None)
    return Response(_serializer.response_bytes(response_envelope), status=200,
                    mimetype="application/json")


def _too_long(envelope: dict, *path: str) -> bool:
    value = envelope
    for key in path:
        value = value.get(key) if isinstance(value, dict) else None
    return isinstance(value, str) and len(value) > MAX_ID
