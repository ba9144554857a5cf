"""Server configuration: environment variables, overridable by CLI options."""
from __future__ import annotations

import os
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Mapping

DEFAULT_DB = "voicecart.db"
MAX_BODY_BYTES = 128 * 1024  # Alexa requests are a few KB; 128 KB is generous and bounded


@dataclass(frozen=True)
class Config:
    """Everything the app factory needs. `dev` turns off Alexa signature checks and the
    text channel's token; it never turns off timestamp or skill-id checks."""

    db_path: Path = Path(DEFAULT_DB)
    dev: bool = False
    alexa_skill_id: str | None = None
    api_token: str | None = None
    dialogflow_user: str | None = None
    dialogflow_password: str | None = None
    dialogflow_token: str | None = None
    max_body_bytes: int = MAX_BODY_BYTES
    seed_demo: bool = True

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None, **overrides: object) -> "Config":
        env = os.environ if env is None else env

        def opt(name: str) -> str | None:
            value = env.get(name, "").strip()
            return value or None

        config = cls(
            db_path=Path(env.get("VOICECART_DB") or DEFAULT_DB),
            dev=env.get("VOICECART_DEV", "").lower() in ("1", "true", "yes"),
            alexa_skill_id=opt("VOICECART_ALEXA_SKILL_ID"),
            api_token=opt("VOICECART_API_TOKEN"),
            dialogflow_user=opt("VOICECART_DIALOGFLOW_USER"),
            dialogflow_password=opt("VOICECART_DIALOGFLOW_PASSWORD"),
            dialogflow_token=opt("VOICECART_DIALOGFLOW_TOKEN"),
        )
        return replace(config, **{k: v for k, v in overrides.items() if v is not None})

