"""Identifiers shared by the documents: product ID pairs and N1 parties (X12 4010/5010).

``ProductId`` is one qualifier/value pair as written in PO1 (PO106/PO107 ...), IT1,
LIN and ACK; ``Party`` is an N1 loop (N101 role, N102 name, N103/N104 identification,
with N3/N4 address lines when present).
"""

from dataclasses import dataclass

# N1 loop segments read into a Party (N1 Name, N3 Address, N4 Geographic Location).
PARTY_SEGMENTS = ("N1", "N2", "N3", "N4")


@dataclass(frozen=True)
class ProductId:
    """One product identification pair (e.g. PO106/PO107).

    Attributes:
        qualifier: Product/Service ID Qualifier (element 235): BP (ASIN), EN, UP, VN,
            IB, UK, UA ... (FACTS §3.2).
        value: Product/Service ID (element 234).
    """

    qualifier: str
    value: str


@dataclass(frozen=True)
class Party:
    """An N1 loop: a party with its role and identification.

    Attributes:
        role: N101 Entity Identifier Code (ST ship-to, BT bill-to, RI remit-to ...).
        name: N102.
        id_qualifier: N103 Identification Code Qualifier (92 assigned by buyer ...).
        id: N104 (for N1*ST*...*92 the Amazon FC code).
        address: N301/N302 lines.
        city: N401.
        state: N402.
        postal_code: N403.
        country: N404.
    """

    role: str
    name: str
    id_qualifier: str
    id: str
    address: tuple = ()
    city: str = ""
    state: str = ""
    postal_code: str = ""
    country: str = ""


def product_ids_from(elements, first, last):
    """Reads the qualifier/value pairs of a segment (e.g. PO106..PO125).

    Args:
        elements: The split segment ``[segment_id, element_1, ...]``.
        first: Position of the first qualifier.
        last: Position of the last value.

    Returns:
        tuple[ProductId, ...]: The pairs whose qualifier and value are both present.
    """
    pairs = []
    for position in range(first, min(last, len(elements) - 2) + 1, 2):
        qualifier, value = elements[position], elements[position + 1]
        if qualifier and value:
            pairs.append(ProductId(qualifier, value))
    return tuple(pairs)


def product_id_elements(product_ids):
    """Returns the flat element values of product ID pairs (qualifier, value, ...)."""
    values = []
    for product in product_ids:
        values += [product.qualifier, product.value]
    return values


def first_product_id(product_ids, qualifiers):
    """Returns the first value among ``qualifiers`` (in their order), else ""."""
    for qualifier in qualifiers:
        for product in product_ids:
            if product.qualifier == qualifier:
                return product.value
    return ""


def party_segments(party):
    """Writes a Party as N1 (and N3/N4 when it has an address) element lists."""
    if party is None:
        return []
    segments = [["N1", party.role, party.name, party.id_qualifier, party.id]]
    if party.address:
        segments.append(["N3", *party.address[:2]])
    if party.city or party.state or party.postal_code or party.country:
        segments.append(
            ["N4", party.city, party.state, party.postal_code, party.country]
        )
    return segments


def party_from(rows):
    """Reads a Party from the split N1, N3 and N4 segments of one N1 loop.

    Args:
        rows: The N1 row first, then the rows that follow it in its loop.

    Returns:
        Party: With the address of the loop's first N3 and N4.
    """
    n1 = rows[0] + [""] * 4
    values = {"address": (), "city": "", "state": "", "postal_code": ""}
    values["country"] = ""
    for row in rows[1:]:
        if row[0] == "N3" and not values["address"]:
            values["address"] = tuple(value for value in row[1:3] if value)
        elif row[0] == "N4" and not values["city"]:
            padded = row + [""] * 4
            values.update(city=padded[1], state=padded[2], postal_code=padded[3])
            values["country"] = padded[4]
    return Party(n1[1], n1[2], n1[3], n1[4], **values)
