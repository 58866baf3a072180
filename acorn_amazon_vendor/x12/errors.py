"""The one error type of the X12 core, and the X12 error code lists it carries.

Every refusal of input is an :class:`X12Error`, located in the file (segment position,
position in its transaction set as in AK3-02, segment ID, element position) and in the
envelope (ISA13, GS06, ST02). Its ``level`` says which acknowledgment segment reports it
(TA1, AK9, AK5, AK3 or AK4) and ``code`` is the code value for that segment.
"""

# TA1-05 Interchange Note Code (X12 element I18, ISA/IEA control structure).
TA1_NOTE_CODES = {
    "000": "No error",
    "001": "The interchange control number in the header and trailer do not match",
    "003": "This version of the controls is not supported",
    "004": "The segment terminator is invalid",
    "005": "Invalid interchange ID qualifier for sender",
    "006": "Invalid interchange sender ID",
    "007": "Invalid interchange ID qualifier for receiver",
    "008": "Invalid interchange receiver ID",
    "010": "Invalid authorization information qualifier value",
    "011": "Invalid authorization information value",
    "012": "Invalid security information qualifier value",
    "013": "Invalid security information value",
    "014": "Invalid interchange date value",
    "015": "Invalid interchange time value",
    "016": "Invalid interchange standards identifier value",
    "017": "Invalid interchange version ID value",
    "018": "Invalid interchange control number value",
    "019": "Invalid acknowledgment requested value",
    "020": "Invalid test indicator value",
    "021": "Invalid number of included groups value",
    "022": "Invalid control structure",
    "023": "Improper (premature) end-of-file (transmission)",
    "024": "Invalid interchange content (e.g. invalid GS segment)",
    "025": "Duplicate interchange control number",
    "026": "Invalid data element separator",
    "027": "Invalid component element separator",
}

# AK9-05..09 Functional Group Syntax Error Code (X12 element 716).
AK9_ERROR_CODES = {
    "1": "Functional group not supported",
    "2": "Functional group version not supported",
    "3": "Functional group trailer missing",
    "4": "Group control number in the functional group header and trailer do not agree",
    "5": "Number of included transaction sets does not match actual count",
    "6": "Group control number violates syntax",
    "19": "Functional group control number not unique within interchange (5010)",
}

# AK5-02..06 Transaction Set Syntax Error Code (X12 element 718).
AK5_ERROR_CODES = {
    "1": "Transaction set not supported",
    "2": "Transaction set trailer missing",
    "3": "Transaction set control number in header and trailer do not match",
    "4": "Number of included segments does not match actual count",
    "5": "One or more segments in error",
    "6": "Missing or invalid transaction set identifier",
    "7": "Missing or invalid transaction set control number",
    "23": "Transaction set control number not unique within the functional group",
}

# AK3-04 Segment Syntax Error Code (X12 element 720).
AK3_ERROR_CODES = {
    "1": "Unrecognized segment ID",
    "2": "Unexpected segment",
    "3": "Mandatory segment missing",
    "4": "Loop occurs over maximum times",
    "5": "Segment exceeds maximum use",
    "6": "Segment not in defined transaction set",
    "7": "Segment not in proper sequence",
    "8": "Segment has data element errors",
}

# AK4-03 Data Element Syntax Error Code (X12 element 723; 12 and 13 are 5010 only).
AK4_ERROR_CODES = {
    "1": "Mandatory data element missing",
    "2": "Conditional required data element missing",
    "3": "Too many data elements",
    "4": "Data element too short",
    "5": "Data element too long",
    "6": "Invalid character in data element",
    "7": "Invalid code value",
    "8": "Invalid date",
    "9": "Invalid time",
    "10": "Exclusion condition violated",
    "12": "Too many repetitions",
    "13": "Too many components",
}

# Which acknowledgment segment reports an error, outermost first.
LEVELS = ("file", "TA1", "AK9", "AK5", "AK3", "AK4")

# Severity: an "error" rejects its set or group, a "warning" only notes it (AK5/AK9 E).
SEVERITIES = ("error", "warning")


class X12Error(Exception):
    """Bad X12 input, located in the file and in the envelope.

    Attributes:
        message: A sentence a person understands.
        level: "file", "TA1", "AK9", "AK5", "AK3" or "AK4" (see ``LEVELS``).
        code: The code value for that acknowledgment element (e.g. TA1-05 "001"), or
            None when X12 has no code for the problem.
        segment_position: Position of the segment in the file, the first ISA being 1.
        set_position: Position of the segment in its transaction set, ST being 1.
        segment_id: ID of the segment in error (or missing).
        element_position: Position of the element in its segment (1-based).
        component_position: Position of the component in a composite element.
        element_reference: X12 data element number, for AK4-02.
        bad_value: Copy of the bad element, for AK4-04.
        loop_id: Loop identifier, for AK3-03.
        isa_control: ISA13 of the interchange.
        gs_control: GS06 of the functional group.
        st_control: ST02 of the transaction set.
        severity: "error" or "warning".
    """

    def __init__(self, message, *, level="file", code=None, **location):
        """Builds the error; see the class attributes for the keyword arguments."""
        super().__init__(message)
        self.message = message
        self.level = level
        self.code = code
        self.segment_position = location.pop("segment_position", None)
        self.set_position = location.pop("set_position", None)
        self.segment_id = location.pop("segment_id", None)
        self.element_position = location.pop("element_position", None)
        self.component_position = location.pop("component_position", None)
        self.element_reference = location.pop("element_reference", None)
        self.bad_value = location.pop("bad_value", None)
        self.loop_id = location.pop("loop_id", None)
        self.isa_control = location.pop("isa_control", None)
        self.gs_control = location.pop("gs_control", None)
        self.st_control = location.pop("st_control", None)
        self.severity = location.pop("severity", "error")
        if location:
            raise TypeError(f"unknown X12Error fields: {sorted(location)}")

    def __str__(self):
        return f"{self.location()}: {self.message}"

    def __repr__(self):
        return f"X12Error({str(self)!r}, level={self.level!r}, code={self.code!r})"

    def location(self):
        """Returns where the error is, e.g. "segment 7 (BEG, #2 in set 0001), elem 03".

        Returns:
            str: The location, or "file" when nothing more precise is known.
        """
        text = ""
        if self.segment_position is not None:
            inner = [self.segment_id] if self.segment_id else []
            if self.set_position is not None:
                inner.append(f"#{self.set_position} in set {self.st_control}")
            text = f"segment {self.segment_position}"
            text += f" ({', '.join(inner)})" if inner else ""
        elif self.segment_id:
            text = f"segment {self.segment_id}"
        if self.element_position is not None:
            element = f"element {self.element_position:02d}"
            if self.component_position is not None:
                element += f"-{self.component_position}"
            text = f"{text}, {element}" if text else element
        envelope = self.envelope()
        if envelope:
            text = f"{text} [{envelope}]" if text else f"[{envelope}]"
        return text or "file"

    def envelope(self):
        """Returns the control numbers, e.g. "ISA 000000001 / GS 1 / ST 0001"."""
        pairs = (("ISA", self.isa_control), ("GS", self.gs_control))
        pairs += (("ST", self.st_control),)
        return " / ".join(
            f"{name} {value}" for name, value in pairs if value is not None
        )

    def to_dict(self):
        """Returns the error as a JSON-ready dict (the ``acorn-edi --json`` shape)."""
        return {
            "segment_position": self.segment_position,
            "set_position": self.set_position,
            "segment_id": self.segment_id,
            "element_position": self.element_position,
            "message": self.message,
            "level": self.level,
            "code": self.code,
            "severity": self.severity,
            "isa_control": self.isa_control,
            "gs_control": self.gs_control,
            "st_control": self.st_control,
        }
