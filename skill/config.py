"""Server configuration: environment variables, overridable by CLI options.

`Config.check()` runs when the app is made: a half-set credential pair or an empty secret stops
the server at start with a clear message, instead of failing open at the first request.
"""
from __future__ import annotations

import os
from dataclasses import dataclass, replace
from datetime import timedelta
from pathlib import Path
from typing import Mapping
from urllib.parse import urlsplit

DEFAULT_DB = "voicecart.db"
MAX_BODY_BYTES = 128 * 1024  # Alexa requests are a few KB; 128 KB is generous and bounded
DEFAULT_SESSION_CART_IDLE = timedelta(hours=24)
AUTH_MODES = ("builtin", "jwt", "introspection")
_REMOTE_SETTINGS = {
    "jwt": (("jwks_url", "VOICECART_JWKS_URL"), ("jwt_issuer", "VOICECART_JWT_ISSUER"),
            ("jwt_audience", "VOICECART_JWT_AUDIENCE")),
    "introspection": (("introspection_url", "VOICECART_INTROSPECTION_URL"),
                      ("introspection_client_id", "VOICECART_INTROSPECTION_CLIENT_ID"),
                      ("introspection_client_secret", "VOICECART_INTROSPECTION_CLIENT_SECRET")),
}
LINKING_POLICIES = ("checkout", "always", "off")

_SECRETS = {
    "api_token": "VOICECART_API_TOKEN",
    "dialogflow_user": "VOICECART_DIALOGFLOW_USER",
    "dialogflow_password": "VOICECART_DIALOGFLOW_PASSWORD",
    "dialogflow_token": "VOICECART_DIALOGFLOW_TOKEN",
    "webhook_secret": "VOICECART_WEBHOOK_SECRET",
    "inbound_secret": "VOICECART_INBOUND_SECRET",
    "catalog_token": "VOICECART_CATALOG_TOKEN",
    "metrics_token": "VOICECART_METRICS_TOKEN",
    "introspection_client_secret": "VOICECART_INTROSPECTION_CLIENT_SECRET",
}


class ConfigError(ValueError):
    """The configuration cannot be served safely; the message says what to set."""


@dataclass(frozen=True)
class Config:
    """Everything the app factory needs. `dev` turns off Alexa signature checks and the
    text channel's token, and opens the Dialogflow webhooks when no credentials are set; it
    never turns off timestamp or skill-id checks, nor credentials that are configured."""

    db_path: Path = Path(DEFAULT_DB)  # or a skill.storage.PostgresUrl
    dev: bool = False
    alexa_skill_id: str | None = None
    api_token: str | None = None
    dialogflow_user: str | None = None
    dialogflow_password: str | None = None
    dialogflow_token: str | None = None
    max_body_bytes: int = MAX_BODY_BYTES
    seed_demo: bool = True
    # Carts of shoppers known only by a platform session (no user id) are forgotten after this
    session_cart_idle: timedelta = DEFAULT_SESSION_CART_IDLE
    # the grocer's order system (see README "Orders reach the store")
    webhook_url: str | None = None
    webhook_secret: str | None = None
    webhook_timeout: float = 5.0
    webhook_retry_limit: float = 24 * 3600.0   # seconds before an event goes to the dead letters
    inbound_secret: str | None = None
    catalog_token: str | None = None
    metrics_token: str | None = None  # GET /metrics needs it as a bearer token (None: 404)
    outbox_dispatcher: bool = True   # run the dispatcher inside `serve` when a URL is set

    def order_system_problem(self) -> str | None:
        """Why the order-system settings cannot work (a startup error), or None."""
        from cart.outbox.sender import check_webhook_url, signing_key
        try:
            if self.inbound_secret is not None:
                signing_key(self.inbound_secret, "VOICECART_INBOUND_SECRET")
            if self.webhook_url is None:
                return None
            if self.webhook_secret is None:
                return "VOICECART_WEBHOOK_URL is set but VOICECART_WEBHOOK_SECRET is not"
            check_webhook_url(self.webhook_url, dev=self.dev)
            signing_key(self.webhook_secret)
        except ValueError as exc:
            return str(exc)
        if not 0 < self.webhook_timeout <= 60:
            return "VOICECART_WEBHOOK_TIMEOUT must be more than 0 and at most 60 seconds"
        if self.webhook_retry_limit <= 0:
            return "VOICECART_WEBHOOK_RETRY_LIMIT must be a positive duration (e.g. 24h)"
        return None
    # Account linking: which validator turns a linked token into a customer (None: no
    # linking), and when a linked account is required (None: `checkout` with a validator)
    auth: str | None = None
    account_linking: str | None = None
    jwks_url: str | None = None
    jwt_issuer: str | None = None
    jwt_audience: str | None = None
    introspection_url: str | None = None
    introspection_client_id: str | None = None
    introspection_client_secret: str | None = None
    # `voicecart serve --dev` also seeds the demo account and alexa client (README)
    demo_accounts: bool = False
    smtp_url: str | None = None  # order confirmation emails (skill.order_mail)
    voice_code: str = "optional"  # `required`: every linked customer sets one before ordering
    # seconds between two looks at the catalog version by a serving worker: the fallback to
    # PostgreSQL's notifications, and SQLite's only way to see another process's import
    catalog_check_interval: float = 1.0

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None, **overrides: object) -> "Config":
        env = os.environ if env is None else env

        def opt(name: str) -> str | None:
            value = env.get(name, "").strip()
            return value or None

        idle = opt("VOICECART_SESSION_CART_IDLE_MINUTES")
        config = cls(
            db_path=_db_location(env.get("VOICECART_DB") or DEFAULT_DB),
            dev=env.get("VOICECART_DEV", "").lower() in ("1", "true", "yes"),
            alexa_skill_id=opt("VOICECART_ALEXA_SKILL_ID"),
            api_token=opt("VOICECART_API_TOKEN"),
            dialogflow_user=opt("VOICECART_DIALOGFLOW_USER"),
            dialogflow_password=opt("VOICECART_DIALOGFLOW_PASSWORD"),
            dialogflow_token=opt("VOICECART_DIALOGFLOW_TOKEN"),
            session_cart_idle=_minutes(idle) if idle else DEFAULT_SESSION_CART_IDLE,
            webhook_url=opt("VOICECART_WEBHOOK_URL"),
            webhook_secret=opt("VOICECART_WEBHOOK_SECRET"),
            webhook_timeout=_seconds(opt("VOICECART_WEBHOOK_TIMEOUT"), 5.0),
            webhook_retry_limit=_seconds(opt("VOICECART_WEBHOOK_RETRY_LIMIT"), 24 * 3600.0),
            inbound_secret=opt("VOICECART_INBOUND_SECRET"),
            catalog_token=opt("VOICECART_CATALOG_TOKEN"),
            metrics_token=opt("VOICECART_METRICS_TOKEN"),
            auth=(opt("VOICECART_AUTH") or "").lower() or None,
            account_linking=(opt("VOICECART_ACCOUNT_LINKING") or "").lower() or None,
            jwks_url=opt("VOICECART_JWKS_URL"),
            jwt_issuer=opt("VOICECART_JWT_ISSUER"),
            jwt_audience=opt("VOICECART_JWT_AUDIENCE"),
            introspection_url=opt("VOICECART_INTROSPECTION_URL"),
            introspection_client_id=opt("VOICECART_INTROSPECTION_CLIENT_ID"),
            introspection_client_secret=opt("VOICECART_INTROSPECTION_CLIENT_SECRET"),
            voice_code=(opt("VOICECART_VOICE_CODE") or "optional").lower(),
            smtp_url=opt("VOICECART_SMTP_URL"),
            catalog_check_interval=_seconds(opt("VOICECART_CATALOG_CHECK_INTERVAL"), 1.0),
        )
        return replace(config, **{k: v for k, v in overrides.items() if v is not None})

    @property
    def dialogflow_basic(self) -> bool:
        return bool(self.dialogflow_user and self.dialogflow_password)

    @property
    def dialogflow_credentials(self) -> bool:
        """True when the Dialogflow webhooks have credentials to check."""
        return self.dialogflow_basic or bool(self.dialogflow_token)

    @property
    def linking_policy(self) -> str:
        """`checkout`, `always` or `off`; --dev changes nothing here."""
        if self.account_linking:
            return self.account_linking
        return "checkout" if self.auth else "off"

    def check(self) -> "Config":
        """Raise ConfigError for settings that would fail open; return self otherwise."""
        for field, variable in _SECRETS.items():
            value = getattr(self, field)
            if value is not None and not value.strip():
                raise ConfigError(f"{variable} is set but empty; set a real value or unset it")
        if bool(self.dialogflow_user) != bool(self.dialogflow_password):
            have, missing = (("VOICECART_DIALOGFLOW_USER", "VOICECART_DIALOGFLOW_PASSWORD")
                             if self.dialogflow_user else
                             ("VOICECART_DIALOGFLOW_PASSWORD", "VOICECART_DIALOGFLOW_USER"))
            raise ConfigError(f"{have} is set without {missing}: Dialogflow basic auth needs both "
                              "(or use VOICECART_DIALOGFLOW_TOKEN alone)")
        if self.auth is not None and self.auth not in AUTH_MODES:
            raise ConfigError(f"VOICECART_AUTH must be one of {', '.join(AUTH_MODES)}, "
                              f"got {self.auth[:40]!r}")
        for field, variable in _REMOTE_SETTINGS.get(self.auth or "", ()):
            if not getattr(self, field):
                raise ConfigError(f"VOICECART_AUTH={self.auth} needs {variable}")
        url_setting = {"jwt": ("jwks_url", "VOICECART_JWKS_URL"),
                       "introspection": ("introspection_url", "VOICECART_INTROSPECTION_URL")}
        if self.auth in url_setting:
            field, variable = url_setting[self.auth]
            if not _safe_url(getattr(self, field), self.dev):
                raise ConfigError(f"{variable} must be an https URL (plain http only on "
                                  "localhost or 127.0.0.1 with --dev)")
        if self.account_linking is not None and self.account_linking not in LINKING_POLICIES:
            raise ConfigError(f"VOICECART_ACCOUNT_LINKING must be one of "
                              f"{', '.join(LINKING_POLICIES)}, got {self.account_linking[:40]!r}")
        if self.linking_policy != "off" and self.auth is None:
            # Linking required with nothing to check a token against would lock every
            # shopper out of ordering (or, worse, tempt someone to trust unchecked tokens)
            raise ConfigError(f"VOICECART_ACCOUNT_LINKING={self.linking_policy} needs "
                              "VOICECART_AUTH (builtin, jwt or introspection)")
        if self.voice_code not in ("required", "optional"):
            raise ConfigError(f"VOICECART_VOICE_CODE must be required or optional, "
                              f"got {self.voice_code[:40]!r}")
        if self.voice_code == "required" and self.linking_policy == "off":
            raise ConfigError("VOICECART_VOICE_CODE=required needs account linking "
                              "(VOICECART_AUTH): voice codes belong to linked customers")
        if self.smtp_url:
            from skill.order_mail import SmtpUrlError, parse_smtp_url
            try:
                parse_smtp_url(self.smtp_url)
            except SmtpUrlError as exc:
                raise ConfigError(str(exc)) from None
        if self.session_cart_idle <= timedelta(0):
            raise ConfigError("VOICECART_SESSION_CART_IDLE_MINUTES must be a positive number")
        problem = self.order_system_problem()
        if problem is not None:
            raise ConfigError(problem)
        if not 0 < self.catalog_check_interval <= 7 * 86400:
            raise ConfigError("VOICECART_CATALOG_CHECK_INTERVAL must be a positive duration of "
                              "at most a week (`1`, `30s`, `1h`)")
        return self


def _db_location(text: str):
    from skill.storage import db_location  # Path for a file, PostgresUrl for postgresql://
    return db_location(text)


def _safe_url(url: str, dev: bool) -> bool:
    from accounts.model import is_loopback  # accounts/ is below skill/: a downward import

    parts = urlsplit(url)
    if not parts.hostname:
        return False
    return parts.scheme == "https" or (dev and parts.scheme == "http" and is_loopback(parts.hostname))


def _minutes(text: str) -> timedelta:
    try:
        minutes = float(text)
    except ValueError:
        raise ConfigError(f"VOICECART_SESSION_CART_IDLE_MINUTES must be a number of minutes, "
                          f"got {text[:40]!r}") from None
    if not minutes > 0 or minutes > 10 ** 7:
        raise ConfigError("VOICECART_SESSION_CART_IDLE_MINUTES must be a positive number of minutes")
    return timedelta(minutes=minutes)


def _seconds(text: str | None, default: float) -> float:
    """`30`, `30s`, `15m`, `24h` -> seconds; a bad value falls back to -1 so the startup
    check names it instead of silently using the default."""
    if text is None:
        return default
    factor = {"s": 1, "m": 60, "h": 3600, "d": 86400}.get(text[-1].lower())
    number = text[:-1] if factor else text
    try:
        value = float(number) * (factor or 1)
    except ValueError:
        return -1.0
    return value if value == value else -1.0  # NaN
