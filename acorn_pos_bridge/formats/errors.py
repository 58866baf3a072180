"""The one error type of the format readers: a refusal located in the input.

A :class:`FormatError` holds one or more :class:`Location` problems (file, row,
column, message). Readers collect every problem of a file before raising, so a
malformed file is refused as a whole and its sender sees all its faults at once.
"""

from dataclasses import dataclass

# How many problems the message of one error lists before "and N more".
SHOWN_PROBLEMS = 10


@dataclass(frozen=True)
class Location:
    """One problem, located.

    ``row`` counts from 1 as a spreadsheet (or a text editor) shows it; ``column``
    is a column's header name; ``path`` locates a value in a JSON document, e.g.
    ``receipts[0].lines[1].quantity``.
    """

    filename: str
    row: int | None
    column: str | None
    message: str
    path: str | None = None

    def __str__(self):
        where = [self.filename]
        if self.row is not None:
            where.append(f"row {self.row}")
        if self.column:
            where.append(f"column {self.column!r}")
        if self.path:
            where.append(f"at {self.path}")
        return f"{', '.join(where)}: {self.message}"


class FormatError(Exception):
    """Input the readers refuse; ``problems`` lists every located fault found."""

    def __init__(self, problems):
        self.problems = tuple(problems)
        super().__init__(self.summary())

    @classmethod
    def at(cls, filename, message, row=None, column=None, path=None):
        """Builds an error with a single located problem."""
        return cls([Location(filename, row, column, message, path)])

    @property
    def first(self):
        """The first problem, which tells where reading stopped making sense."""
        return self.problems[0]

    def summary(self):
        """One line per problem, the first ``SHOWN_PROBLEMS`` of them."""
        lines = [str(problem) for problem in self.problems[:SHOWN_PROBLEMS]]
        hidden = len(self.problems) - SHOWN_PROBLEMS
        if hidden > 0:
            lines.append(f"... and {hidden} more problem(s)")
        return "\n".join(lines)
