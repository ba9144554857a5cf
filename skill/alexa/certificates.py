"""Getting Amazon's signing certificate chain and the roots it must chain to.

The download is bounded (a timeout over headers and body, a size limit, no redirects) and
cached until the leaf expires or a day passes, whichever is sooner; the trust store is the
operating system's bundle, loaded once.
"""
from __future__ import annotations

import logging

import http.client
import os
import socket
import ssl
import threading
import warnings
from collections import OrderedDict
from datetime import datetime, timedelta
from urllib.parse import urlsplit

from cryptography import x509

from skill.http_utils import loggable
from skill.alexa.errors import (FETCH_TIMEOUT_SECONDS, MAX_CACHE_AGE, MAX_CHAIN_BYTES, PEM_BLOCK,
                                Clock, FetchFunc, VerificationError, as_utc, utcnow)

log = logging.getLogger("skill.alexa.verify")  # one logger for the whole verification

def parse_chain(pem: bytes) -> list[x509.Certificate]:
    """PEM chain -> certificates, leaf first (Amazon's order)."""
    try:
        chain = x509.load_pem_x509_certificates(pem)
    except ValueError as exc:
        raise VerificationError("cert chain unparseable", str(exc)) from exc
    if not chain:
        raise VerificationError("cert chain unparseable", "no certificates")
    return chain


_CacheEntry = tuple[list[x509.Certificate], datetime]  # chain, expiry


class CertificateFetcher:
    """Fetches Amazon's PEM chain by URL, bounded in time and size, and caches it.

    Pass `fetch` (url -> PEM bytes) or subclass and override `fetch` to replace the network, as
    the tests do. Entries live until the leaf's not_valid_after, and at most `max_age`, so a
    rotated chain is picked up within a day. Thread-safe; concurrent misses may fetch twice,
    which is cheaper than serialising every request behind one slow download.
    """

    def __init__(
        self,
        fetch: FetchFunc | None = None,
        *,
        clock: Clock = utcnow,
        timeout: float = FETCH_TIMEOUT_SECONDS,
        max_bytes: int = MAX_CHAIN_BYTES,
        max_age: timedelta = MAX_CACHE_AGE,
        max_entries: int = 16,
    ) -> None:
        self._fetch = fetch if fetch is not None else self.fetch
        self._clock = clock
        self.timeout = timeout
        self.max_bytes = max_bytes
        self.max_age = max_age
        self.max_entries = max_entries
        self._cache: OrderedDict[str, _CacheEntry] = OrderedDict()
        self._lock = threading.Lock()

    def get_chain(self, url: str) -> list[x509.Certificate]:
        now = as_utc(self._clock())
        with self._lock:
            entry = self._cache.get(url)
        if entry is not None and now < entry[1]:
            return entry[0]
        chain = parse_chain(self._fetch_bounded(url))
        expires = min(chain[0].not_valid_after_utc, now + self.max_age)
        with self._lock:
            self._cache[url] = (chain, expires)
            self._cache.move_to_end(url)
            while len(self._cache) > self.max_entries:
                self._cache.popitem(last=False)
        return chain

    def clear(self) -> None:
        with self._lock:
            self._cache.clear()

    def _fetch_bounded(self, url: str) -> bytes:
        try:
            pem = self._fetch(url)
        except VerificationError:
            raise
        except Exception as exc:  # any failure to fetch is the request's problem, not a 500
            log.warning("alexa cert fetch failed for %s: %s", loggable(url), loggable(repr(exc)))
            raise VerificationError("cert fetch failed", type(exc).__name__) from exc
        if not isinstance(pem, (bytes, bytearray)):
            raise VerificationError("cert fetch failed", "fetcher returned no bytes")
        if len(pem) > self.max_bytes:
            raise VerificationError("cert chain too large")
        return bytes(pem)

    def fetch(self, url: str) -> bytes:
        """Default network fetch: no redirects, and `timeout` for the whole download, not only
        per socket operation: a watchdog shuts the socket down at the deadline, so a server
        that trickles its headers or body a byte at a time cannot hold a worker."""
        log.info("fetching alexa signing chain %s", loggable(url))
        parts = urlsplit(url)
        connection_class = (http.client.HTTPSConnection if parts.scheme.lower() == "https"
                            else http.client.HTTPConnection)  # http: loopback tests only
        conn = connection_class(parts.hostname or "", parts.port, timeout=self.timeout)
        expired = threading.Event()

        def expire() -> None:
            expired.set()
            sock = conn.sock
            if sock is not None:
                try:  # the plain socket's shutdown: wakes a blocked read, TLS or not
                    socket.socket.shutdown(sock, socket.SHUT_RDWR)
                except OSError:
                    pass

        watchdog = threading.Timer(self.timeout, expire)
        watchdog.daemon = True
        watchdog.start()
        try:
            conn.connect()
            if expired.is_set():
                raise VerificationError("cert fetch failed", "timed out")
            conn.request("GET", parts.path + (f"?{parts.query}" if parts.query else ""),
                         headers={"User-Agent": "voicecart"})
            response = conn.getresponse()
            if response.status != 200:  # a redirect would fetch from somewhere not validated
                raise VerificationError("cert fetch failed", f"HTTP {response.status}")
            body = response.read(self.max_bytes + 1)
        except (OSError, http.client.HTTPException, ValueError) as exc:
            if expired.is_set():
                raise VerificationError("cert fetch failed", "timed out") from exc
            raise
        finally:
            watchdog.cancel()
            conn.close()
        if expired.is_set():
            raise VerificationError("cert fetch failed", "timed out")
        if len(body) > self.max_bytes:
            raise VerificationError("cert chain too large")
        return body


# --- trust store ---------------------------------------------------------------------------------


_system_roots: list[x509.Certificate] | None = None
_system_roots_lock = threading.Lock()
_BUNDLE_PATHS = (
    "/etc/ssl/certs/ca-certificates.crt",
    "/etc/pki/tls/certs/ca-bundle.crt",
    "/etc/ssl/cert.pem",
)


def _bundle_candidates() -> list[str]:
    paths = ssl.get_default_verify_paths()
    candidates = [os.environ.get("SSL_CERT_FILE"), paths.cafile, paths.openssl_cafile]
    candidates += _BUNDLE_PATHS
    try:
        import certifi  # optional: only used when the OS has no bundle

        candidates.append(certifi.where())
    except ImportError:
        pass
    return [path for path in candidates if path and os.path.isfile(path)]


def _load_bundle(path: str) -> list[x509.Certificate]:
    with open(path, "rb") as handle:
        blocks = PEM_BLOCK.findall(handle.read())
    roots = []
    # One block at a time: OS bundles carry a few certificates that cryptography warns about
    # (or may one day refuse), and one bad root must not cost us the others.
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for block in blocks:
            try:
                roots.append(x509.load_pem_x509_certificate(block))
            except ValueError:
                continue
    return roots


def load_system_roots() -> list[x509.Certificate]:
    """The OS trust store (or certifi's), loaded once per process."""
    global _system_roots
    with _system_roots_lock:
        if _system_roots is None:
            loaded = (_load_bundle(path) for path in _bundle_candidates())
            _system_roots = next((roots for roots in loaded if roots), None)
        if not _system_roots:
            raise VerificationError("trust store unavailable")
        return _system_roots


# --- the verifier ------------------------------------------------------------------------------
