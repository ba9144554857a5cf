"""Audit fault 7 on a bare `voicecart serve` (gunicorn): a chunked body over the limit was cut
to the limit and processed (200), and a client still uploading a too-large body got a
connection reset instead of the 413. Raw sockets, a real server process."""
from __future__ import annotations

import json
import socket

import pytest

from support import read_response, running_server

pytestmark = pytest.mark.slow
TOKEN = "body-limit-token"
LIMIT = 128 * 1024


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    db = tmp_path_factory.mktemp("body") / "body.db"
    with running_server(db, env={"VOICECART_API_TOKEN": TOKEN}) as (base, _):
        yield int(base.rsplit(":", 1)[1])


def send_chunked(port: int, body: bytes) -> bytes:
    with socket.create_connection(("127.0.0.1", port), timeout=20) as sock:
        sock.sendall(b"POST /v1/converse HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                     b"Authorization: Bearer " + TOKEN.encode() + b"\r\nConnection: close\r\n"
                     b"Transfer-Encoding: chunked\r\n\r\n")
        for start in range(0, len(body), 4096):
            chunk = body[start:start + 4096]
            sock.sendall(b"%x\r\n" % len(chunk) + chunk + b"\r\n")
        sock.sendall(b"0\r\n\r\n")
        answer = b""
        while part := sock.recv(65536):
            answer += part
    return answer


def turn(text: str, session: str) -> bytes:
    return json.dumps({"user_id": "ann", "session_id": session, "text": text}).encode()


def test_a_chunked_body_over_the_limit_is_413_not_cut_and_processed(server):
    # valid JSON followed by padding: cut at the limit, it still parsed and the eggs were added
    answer = send_chunked(server, turn("add a dozen eggs", "pad") + b" " * (LIMIT + 10_000))
    assert answer.startswith(b"HTTP/1.1 413"), answer[:200]
    assert b"larger than 131072 bytes" in answer
    read = send_chunked(server, turn("what's in my cart", "check"))
    assert b"HTTP/1.1 200" in read[:20] and b"empty" in read.lower()


def test_a_chunked_body_within_the_limit_is_served(server):
    answer = send_chunked(server, turn("add two lemons", "ok") + b" " * (LIMIT - 200))
    assert answer.startswith(b"HTTP/1.1 200") and b"lemon" in answer.lower()


@pytest.mark.parametrize("size", [LIMIT + 1, 12 * 1024 * 1024])
def test_a_client_still_uploading_reads_the_413(server, size):
    with socket.create_connection(("127.0.0.1", server), timeout=20) as sock:
        sock.sendall(b"POST /v1/converse HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                     b"Authorization: Bearer " + TOKEN.encode() + b"\r\n"
                     b"Content-Length: %d\r\n\r\n" % size)
        sent = 0
        while sent < size:  # an ordinary client sends its whole body, then reads
            sent += sock.send(b"x" * min(65536, size - sent))
        answer = read_response(sock)
    assert answer.startswith(b"HTTP/1.1 413"), answer[:200]
    assert b'"reason":"the request body is larger than 131072 bytes"' in answer


def test_a_bad_content_length_is_400(server):
    with socket.create_connection(("127.0.0.1", server), timeout=20) as sock:
        sock.sendall(b"POST /v1/converse HTTP/1.1\r\nHost: x\r\nContent-Length: -5\r\n\r\n")
        answer = read_response(sock)
    assert answer.startswith(b"HTTP/1.1 400")
