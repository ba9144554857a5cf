"""A customer's one-line address (as `customers add --address` takes it) split into the parts
a delivery needs. Pure; returns None when the parts cannot be told apart, so nothing is ever
delivered to a guessed address (the shopper is asked instead)."""
from __future__ import annotations

import re
from dataclasses import dataclass

_ZIP = re.compile(r"\b(\d{5}(?:-\d{4})?)\s*$")
_REGION = re.compile(r"^(.*\S)\s+([A-Za-z]{2})$")  # "Brooklyn NY"


@dataclass(frozen=True)
class AddressParts:
    line1: str
    city: str
    region: str
    postal_code: str
    line2: str | None = None


def split_address(address: str | None, zip_code: str | None) -> AddressParts | None:
    """"12 Elm St, Apt 3, Brooklyn, NY 11215" or "12 Elm St, Brooklyn NY" with --zip 11215."""
    if not address:
        return None
    text = address.strip()
    found = _ZIP.search(text)
    postal = (zip_code or "").strip() or (found.group(1) if found else "")
    if found:
        text = text[:found.start()].rstrip(" ,")
    parts = [p.strip() for p in text.split(",") if p.strip()]
    if not postal or len(parts) < 2:
        return None
    last = parts[-1]
    if len(parts) >= 3 and re.fullmatch(r"[A-Za-z]{2}", last):
        region, city, street = last, parts[-2], parts[:-2]
    else:
        m = _REGION.match(last)
        if not m:
            return None
        city, region, street = m.group(1), m.group(2), parts[:-1]
    if not street:
        return None
    return AddressParts(line1=street[0], city=city, region=region.upper(), postal_code=postal,
                        line2=", ".join(street[1:]) or None)
