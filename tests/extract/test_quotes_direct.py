"""Quote marks alone: every quoting style, split and multi-paragraph quotes, apostrophes left alone."""

from parallax.extract.quotes.direct import find_marked


def _contents(text: str) -> list[str]:
    return [text[m.start:m.end] for m in find_marked(text)]


def test_curly_and_straight_double_quotes() -> None:
    text = '“We will not retreat,” the mayor said. Later she added: "The bridge stays open."'
    assert _contents(text) == ["We will not retreat,", "The bridge stays open."]


def test_single_quotes_and_apostrophes() -> None:
    text = "‘It’s over,’ the coach said. The team's captain said 'we didn't play well' on Sunday."
    assert _contents(text) == ["It’s over,", "we didn't play well"]


def test_plural_possessive_inside_double_quotes_is_not_a_quote() -> None:
    text = 'He said "the farmers\' union won\'t sign" and left.'
    assert _contents(text) == ["the farmers' union won't sign"]


def test_split_quote_around_speech_verb() -> None:
    text = "“The port is closed,” said the governor. “Ships must wait offshore.”"
    assert _contents(text) == ["The port is closed,", "Ships must wait offshore."]


def test_multi_paragraph_quote_is_one_quote() -> None:
    text = ('The envoy spoke for an hour.\n\n"We came to listen. We heard nothing new.\n\n'
            '"We will come back when there is something to discuss," he said.\n')
    marks = find_marked(text)
    assert len(marks) == 1
    assert marks[0].paragraphs == 2
    assert text[marks[0].start:marks[0].end].startswith("We came to listen.")
    assert text[marks[0].start:marks[0].end].endswith("to discuss,")


def test_guillemets_with_inner_spaces() -> None:
    assert _contents("« Nous resterons ici, » a-t-il dit.") == ["Nous resterons ici,"]


def test_nested_single_inside_double_stays_one_quote() -> None:
    text = '"They called it a \'temporary measure\' and it lasted ten years," she said.'
    assert _contents(text) == ["They called it a 'temporary measure' and it lasted ten years,"]
