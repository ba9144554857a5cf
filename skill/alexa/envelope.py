"""Alexa JSON <-> ask-sdk-model objects, with the body parsed once and the class maps cached.

ask-sdk-core's DefaultSerializer takes a JSON *string*: the route used to parse the body,
dump it back to text and have the SDK parse it again. Its walk also re-resolves every class
name with `__import__`, re-matches `list[...]` with a regex and parses the timestamp with
dateutil's general parser, on every request. This module does the same mapping from the dict
the route already parsed (orjson), with each model class's fields resolved once per process:
the same model objects, discriminators (`type` -> request class) and extra keys kept as
attributes. Any shape it does not expect (a model given as a list, a type string it does not
know) is handed to the SDK's own deserializer, so what the SDK accepted or refused stays so.
"""
from __future__ import annotations

import re
from datetime import date, datetime
from decimal import Decimal
from enum import Enum
from typing import Any, Callable

from ask_sdk_core.serialize import DefaultSerializer
from ask_sdk_model import RequestEnvelope
from dateutil import tz

from catalog.jsontext import dumps_bytes

_SDK = DefaultSerializer()
_sdk_deserialize: Callable[[Any, Any], Any] = getattr(_SDK, "_DefaultSerializer__deserialize")
# What Alexa sends ("2026-12-06T00:51:04Z"); anything else goes through dateutil, as in the SDK
_ALEXA_STAMP = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ\Z")
_PRIMITIVES = {"str": str, "int": int, "long": int, "float": float, "bool": bool}
_LIST = re.compile(r"list\[(.*)\]\Z")
_DICT = re.compile(r"dict\(([^,]*), (.*)\)\Z")

Convert = Callable[[Any], Any]
_new = object.__new__


class _Fallback(Exception):
    """A shape the fast path does not handle: let the SDK deserialize this value."""


class EnvelopeSerializer:
    """Request envelopes from parsed JSON, responses to JSON bytes; one per process."""

    def __init__(self) -> None:
        self._converters: dict[str, Convert] = {}
        self._models: dict[type, tuple[dict[str, tuple[str, Convert]], dict[str, Any]]] = {}
        self._classes: dict[str, type] = {}
        self._fields: dict[type, tuple[tuple[str, str], ...]] = {}

    # --- reading ------------------------------------------------------------------------------

    def request_envelope(self, payload: dict) -> RequestEnvelope:
        return self._model(RequestEnvelope)(payload)

    def _converter(self, spec: str) -> Convert:
        convert = self._converters.get(spec)
        if convert is None:
            convert = self._converters[spec] = self._build(spec)
        return convert

    def _build(self, spec: str) -> Convert:
        if (m := _LIST.match(spec)) is not None and "," not in m.group(1):
            item = self._converter(m.group(1).strip())
            return lambda v: [item(x) for x in v] if isinstance(v, list) else _sdk_deserialize(v, spec)
        if (m := _DICT.match(spec)) is not None:
            value = self._converter(m.group(2))
            return lambda v: ({k: value(x) for k, x in v.items()} if isinstance(v, dict)
                              else _sdk_deserialize(v, spec))
        if spec in _PRIMITIVES:
            kind = _PRIMITIVES[spec]
            return lambda v: v if type(v) is kind else _sdk_deserialize(v, spec)
        if spec == "object":
            return lambda v: v
        if spec == "datetime":
            return _datetime
        if spec in ("date", "list", "dict") or spec.startswith(("list[", "dict(")):
            return lambda v: _sdk_deserialize(v, spec)
        return self._model(self._class(spec))

    def _class(self, name: str) -> type:
        cls = self._classes.get(name)
        if cls is None:
            module, _, attr = name.rpartition(".")
            cls = self._classes[name] = getattr(__import__(module, fromlist=[attr]), attr)
        return cls

    def _model(self, cls: type) -> Convert:
        if issubclass(cls, Enum):
            return lambda v: v if v is None else cls(v)
        if not hasattr(cls, "deserialized_types"):
            return lambda v: v
        picks_child = hasattr(cls, "get_real_child_model")
        own_shape = None

        def convert(payload: Any) -> Any:
            nonlocal own_shape
            if payload is None:
                return None
            if not isinstance(payload, dict):
                return _sdk_deserialize(payload, cls)
            if picks_child:
                name = cls.get_real_child_model(payload)
                if not name:
                    return _sdk_deserialize(payload, cls)  # the SDK's own refusal
                real = self._class(name)
                by_key, blank = self._shape_of(real)
            else:
                real = cls
                if own_shape is None:
                    own_shape = self._shape_of(cls)
                by_key, blank = own_shape
            attrs = blank.copy()
            unknown = None
            # over the keys sent, not the class's fields: most of a model's fields are absent
            for key, value in payload.items():
                found = by_key.get(key)
                if found is None:
                    unknown = unknown or []
                    unknown.append(key)
                else:
                    attrs[found[0]] = None if value is None else found[1](value)
            for key in unknown or ():
                attrs[key] = payload[key]  # the SDK keeps unknown keys as attributes
            # The model as its __init__ would leave it, without calling it: every
            # ask-sdk-model __init__ only assigns its fields (None by default) and its
            # discriminator, which `blank` holds as a fresh instance had them
            model = _new(real)
            model.__dict__ = attrs
            return model
        return convert

    def _shape_of(self, cls: type) -> tuple[dict[str, tuple[str, Convert]], dict[str, Any]]:
        """(JSON key -> (attribute, converter) of the model's fields, a new instance's
        attributes)."""
        entry = self._models.get(cls)
        if entry is None:
            names = {**{k: k for k in cls.deserialized_types}, **getattr(cls, "attribute_map", {})}
            entry = self._models[cls] = ({
                key: (attr, self._converter(cls.deserialized_types[attr]))
                for attr, key in names.items() if attr in cls.deserialized_types},
                dict(vars(cls())))
        return entry

    # --- writing ------------------------------------------------------------------------------

    def serialize(self, obj: Any) -> Any:
        """What DefaultSerializer.serialize returns, with each class's field list cached."""
        if obj is None or isinstance(obj, (str, bool, int, float, bytes)):
            return obj
        if isinstance(obj, list):
            return [self.serialize(x) for x in obj]
        if isinstance(obj, tuple):
            return tuple(self.serialize(x) for x in obj)
        if isinstance(obj, (datetime, date)):
            return obj.isoformat()
        if isinstance(obj, Enum):
            return obj.value
        if isinstance(obj, Decimal):
            return int(obj) if obj % 1 == 0 else float(obj)
        if isinstance(obj, dict):
            return {k: self.serialize(v) for k, v in obj.items()}
        cls = type(obj)
        fields = self._fields.get(cls)
        if fields is None:
            names = {**{k: k for k in cls.deserialized_types}, **getattr(cls, "attribute_map", {})}
            fields = self._fields[cls] = tuple((attr, names[attr]) for attr in cls.deserialized_types)
        out = {}
        for attr, key in fields:
            value = getattr(obj, attr)
            if value is not None:
                out[key] = self.serialize(value)
        return out

    def response_bytes(self, response_envelope: Any) -> bytes:
        return dumps_bytes(self.serialize(response_envelope))


def _datetime(value: Any) -> Any:
    if isinstance(value, str) and _ALEXA_STAMP.match(value):
        return datetime(int(value[0:4]), int(value[5:7]), int(value[8:10]), int(value[11:13]),
                        int(value[14:16]), int(value[17:19]), tzinfo=tz.tzutc())
    return _sdk_deserialize(value, "datetime")
