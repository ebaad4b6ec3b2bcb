"""Language: language identification and the spaCy pipeline every extractor reads."""
