"""18.0.1.1.0: the net sales of a line live in ``revenue`` (``amount`` is its alias)."""


def migrate(cr, version):
    """Copy the former ``amount`` column into ``revenue``."""
    if not version:
        return
    cr.execute(
        "SELECT 1 FROM information_schema.columns "
        "WHERE table_name = 'acorn_channel_sale' AND column_name = 'amount'"
    )
    if cr.fetchone():
        cr.execute(
            "UPDATE acorn_channel_sale SET revenue = amount "
            "WHERE revenue IS NULL AND amount IS NOT NULL"
        )
