"""Language id on short invented news sentences in five languages and scripts."""

from __future__ import annotations

import pytest

from parallax.language.detect import detect_language


@pytest.mark.parametrize("text, lang", [
    ("The defence minister said talks on the patrol boat deal would resume in Oslo next week.", "en"),
    ("Le ministre de la Défense a déclaré que les pourparlers reprendraient la semaine prochaine à Oslo.", "fr"),
    ("Der Verteidigungsminister sagte, die Gespräche über das Abkommen würden nächste Woche fortgesetzt.", "de"),
    ("وزیر دفاع نے کہا کہ معاہدے پر مذاکرات اگلے ہفتے دوبارہ شروع ہوں گے۔", "ur"),
    ("रक्षा मंत्री ने कहा कि समझौते पर बातचीत अगले सप्ताह फिर से शुरू होगी।", "hi"),
    ("Министр обороны заявил, что переговоры о сделке возобновятся на следующей неделе.", "ru"),
])
def test_languages(text, lang):
    found, score = detect_language(text)
    assert found == lang
    assert 0.5 < score <= 1.0


@pytest.mark.parametrize("text", ["", "   ", "ok", "12345 !!! 678", "— — —"])
def test_too_little_text(text):
    assert detect_language(text) == ("und", 0.0)


def test_only_the_opening_is_classified():
    english = "The minister said the talks would resume next week in the capital. " * 40
    german = "Der Minister sagte, die Gespräche würden nächste Woche fortgesetzt. " * 400
    assert detect_language(english + german)[0] == "en"
