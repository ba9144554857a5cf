"""The conversation: ParsedRequest + dialog state -> Reply, through one set of handlers that
every channel shares (elicit, disambiguate, confirm), with state kept server-side."""
