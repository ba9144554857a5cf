"""The baseline of the webhook benchmark: the smallest ask-sdk-core skill behind Flask.

One handler answers every request with "hello". POST /alexa does what voicecart's route does
minus our work: read the body, parse the JSON, deserialize it into ask-sdk-model objects,
dispatch through the SkillBuilder's skill, serialize the response. No signature check (voicecart
runs with --dev). Served exactly like `voicecart serve`, by gunicorn (gthread, preload_app):

    gunicorn --workers W --threads 2 --worker-class gthread --preload --keep-alive 5 \
        --bind 127.0.0.1:PORT bench.hello_skill:app

or `python -m bench.hello_skill --port PORT --workers W --threads 2 [--cpu-affinity auto|off]`
(the same options, programmatically, through skill.server.serve, which also keeps each worker
on a CPU of its own as `voicecart serve` does: skill.cpu_affinity).
"""
from __future__ import annotations

import json

from ask_sdk_core.dispatch_components import AbstractRequestHandler
from ask_sdk_core.handler_input import HandlerInput
from ask_sdk_core.serialize import DefaultSerializer
from ask_sdk_core.skill_builder import SkillBuilder
from ask_sdk_model import RequestEnvelope, Response
from flask import Flask, Response as HttpResponse, request


class HelloHandler(AbstractRequestHandler):
    def can_handle(self, handler_input: HandlerInput) -> bool:
        return True

    def handle(self, handler_input: HandlerInput) -> Response:
        return handler_input.response_builder.speak("hello").ask("hello").response


def create_app() -> Flask:
    sb = SkillBuilder()
    sb.add_request_handler(HelloHandler())
    skill = sb.create()
    serializer = DefaultSerializer()
    flask_app = Flask("hello_skill")

    @flask_app.post("/alexa")
    def alexa() -> HttpResponse:
        raw = request.get_data(cache=True)
        json.loads(raw)  # voicecart parses the body once as JSON before deserializing too
        envelope = serializer.deserialize(raw.decode("utf-8"), RequestEnvelope)
        response = skill.invoke(request_envelope=envelope, context=None)
        body = json.dumps(serializer.serialize(response), separators=(",", ":"))
        return HttpResponse(body, status=200, mimetype="application/json")

    @flask_app.get("/healthz")
    def healthz() -> HttpResponse:
        return HttpResponse('{"status":"ok"}', status=200, mimetype="application/json")

    return flask_app


app = create_app()


def main() -> None:
    import argparse

    from skill.cpu_affinity import MODES
    from skill.server import SQLITE_THREADS, serve

    parser = argparse.ArgumentParser(description="the hello ask-sdk-core skill under gunicorn")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=5001)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--threads", type=int, default=SQLITE_THREADS)
    parser.add_argument("--cpu-affinity", choices=MODES, default="auto")
    args = parser.parse_args()
    serve(app, host=args.host, port=args.port, workers=args.workers, threads=args.threads,
          cpu_affinity=args.cpu_affinity)


if __name__ == "__main__":
    main()
