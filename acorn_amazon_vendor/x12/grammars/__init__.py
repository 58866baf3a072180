"""Registry of transaction set grammars, keyed by (GS08 version prefix, ST01).

Each version module exposes ``GRAMMARS``, a tuple of TransactionGrammar; a set whose
(version, set ID) has no grammar is checked at envelope level only.
"""

from . import retail4010, v4010, v5010

# GS08 version prefixes (first six characters) this package reads and validates.
SUPPORTED_VERSIONS = frozenset({"004010", "005010"})

REGISTRY = {
    (grammar.version, grammar.set_id): grammar
    for module in (v4010, retail4010, v5010)
    for grammar in module.GRAMMARS
}


def version_key(gs08):
    """Returns the version prefix of a GS08 value ("004010VICS" -> "004010")."""
    return gs08[:6]


def get_grammar(version, set_id):
    """Returns the TransactionGrammar for a GS08 version and ST01, or None."""
    return REGISTRY.get((version_key(version), set_id))
