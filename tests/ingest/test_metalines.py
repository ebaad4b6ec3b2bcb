"""Metadata lines still in a cleaned text are found anywhere, and prose around them is left alone."""

from parallax.ingest.metalines import in_metadata, is_metadata_line, metadata_spans

TEXT = ("date 2018-04-08 Chile accuses Bolivia of diverting border river\n\n"
        "By Maria Quispe\n\n"
        "Chile accused Bolivia of diverting the waters of a border river on April 7.\n\n"
        "Photo: handout/foreign ministry\n\n"
        "Updated: April 9, 2018 10:42 GMT\n\n"
        "Posted on April 10, 2018 by Jorge Mamani")


def _spans():
    return [(TEXT[s.start:s.end], s.whole) for s in metadata_spans(TEXT)]


def test_metadata_lines_and_stamps_are_found_anywhere():
    assert _spans() == [("date 2018-04-08", False), ("By Maria Quispe", True),
                        ("Photo: handout/foreign ministry", True), ("Updated: April 9, 2018 10:42 GMT", True),
                        ("Posted on April 10, 2018 by Jorge Mamani", True)]


def test_prose_is_not_metadata():
    prose = TEXT.index("Chile accused")
    spans = metadata_spans(TEXT)
    assert not in_metadata(prose, prose + 60, spans)
    headline = TEXT.index("Chile accuses")
    assert in_metadata(0, headline + 10, spans) and not in_metadata(0, headline + 10, spans, whole_only=True)
    for line in ("Chile accused Bolivia on April 7, 2018.", "On March 3, 2021, the two sides met in Accra.",
                 "Chile accuses Bolivia of diverting border river", "By Friday the talks had collapsed.",
                 "Updated: the ministry has withdrawn the statement."):
        assert not is_metadata_line(line)
