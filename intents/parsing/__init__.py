"""The parser: spoken text -> ParsedRequest (intent, items with quantity and unit, slots).

Pure functions over text and the catalog's vocabulary; no storage, no dialog state.
"""
