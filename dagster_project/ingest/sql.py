"""Quoting for the few identifiers that reach SQL text; values always travel as parameters."""


def quote_identifier(name: str) -> str:
    return '"' + str(name).replace('"', '""') + '"'
