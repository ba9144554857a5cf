"""skill.http_utils.replace_lone_surrogates: the quick scan that lets most bodies skip the walk
must never let a lone surrogate through, in either of the forms a JSON body can carry it."""
import json

import pytest

from skill.http_utils import replace_lone_surrogates


def _parsed(raw: bytes):
    return json.loads(raw.decode("utf-8", "surrogatepass"))


@pytest.mark.parametrize("raw", [
    b'{"text": "eggs \\ud800"}',                      # an escape
    b'{"text": "eggs \\uDFFF"}',                      # an escape in capitals
    '{"text": "eggs \ud83d"}'.encode("utf-8", "surrogatepass"),  # UTF-8-encoded, unescaped
    b'{"a": [{"text": "x"}, {"text": "eggs \\udc00"}]}',          # nested in a list
])
def test_a_lone_surrogate_in_either_form_becomes_the_replacement_character(raw):
    data = _parsed(raw)
    replace_lone_surrogates(data, raw)
    text = json.dumps(data, ensure_ascii=False)
    assert "\ufffd" in text
    text.encode("utf-8")  # storable: no surrogate left


@pytest.mark.parametrize("raw", [
    b'{"text": "caf\\u00e9 \\ud83d\\ude00"}',          # escapes, the surrogates paired
    '{"text": "café 😀"}'.encode("utf-8"),             # plain UTF-8 (its bytes hold no ED A0-BF)
    b'{"text": "add milk"}',
])
def test_a_body_without_a_lone_surrogate_is_left_as_it_is(raw):
    data = _parsed(raw)
    before = json.dumps(data, ensure_ascii=False)
    replace_lone_surrogates(data, raw)
    assert json.dumps(data, ensure_ascii=False) == before
