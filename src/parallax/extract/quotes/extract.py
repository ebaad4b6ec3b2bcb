"""Quotes of one document: direct quotations and reported speech, each with its speaker and chain.

Order of work: quote marks give the direct quotations (no parse needed); the parse gives the frame around each
one (the stretch of the same sentence outside the marks) and the speech cue in it; reported clauses come from
cue verbs outside quotations. Speakers are then resolved in text order, so that "he added" and "the official"
find who spoke last. Unattributed sentences are the outlet's own voice and are not quotes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from parallax.extract.actors.types import DocActors
from parallax.extract.quotes.claims import remember_parse
from parallax.extract.quotes.cues import Cue, is_according, is_speech_verb, read_cue
from parallax.extract.quotes.direct import Marked, find_marked
from parallax.extract.quotes.indirect import find_reported
from parallax.extract.quotes.speakers import Resolver, Who, can_speak
from parallax.model import Document, Quote

_FINAL = ".!?"
_INNER_END = re.compile(r"[.!?]\s+[A-Z]")  # a quotation that runs on past the end of a sentence
MIN_WORDS = 4


@dataclass(slots=True)
class _Found:
    kind: str
    start: int
    end: int
    cue: Cue | None
    para: int
    marked: Marked | None = None


def _paragraph_index(text: str) -> list[int]:
    """Start offsets of paragraphs (lines)."""
    starts = [0]
    for i, ch in enumerate(text):
        if ch == "\n":
            starts.append(i + 1)
    return starts


def _para_of(starts: list[int], pos: int) -> int:
    from bisect import bisect_right
    return bisect_right(starts, pos) - 1


def _boundaries(sdoc: Doc, inside) -> list[int]:
    """Sentence starts that really follow sentence-final punctuation outside a quotation."""
    out = []
    text = sdoc.text
    for sent in sdoc.sents:
        c = sent.start_char
        if inside(c):
            continue
        j = c - 1
        while j >= 0 and text[j].isspace():
            j -= 1
        while j >= 0 and text[j] in "\"'”’»":
            j -= 1
        if j < 0 or text[j] in _FINAL or text[j] == "\n" or "\n" in text[j:c]:
            out.append(c)
    return out


def _sentence_like(sdoc: Doc, m: Marked) -> bool:
    span = sdoc.char_span(m.start, m.end, alignment_mode="expand")
    if span is None:
        return False
    words = [t for t in span if not t.is_punct and not t.is_space]
    has_verb = any(t.pos_ in ("VERB", "AUX") for t in span)
    return len(words) >= MIN_WORDS and has_verb


def _cue_tokens(sdoc: Doc, lo: int, hi: int, in_quote: list[bool]) -> list[Token]:
    span = sdoc.char_span(lo, hi, alignment_mode="contract") if hi > lo else None
    if span is None:
        return []
    return [t for t in span if not in_quote[t.i] and (is_speech_verb(t) or is_according(t))]


def _direct(sdoc: Doc, text: str, marked: list[Marked], in_quote: list[bool], pstarts: list[int]) -> list[_Found]:
    inside = lambda c: any(m.start <= c < m.end for m in marked)  # noqa: E731
    bounds = _boundaries(sdoc, inside)
    from bisect import bisect_left, bisect_right
    out: list[_Found] = []
    for k, m in enumerate(marked):
        para = _para_of(pstarts, m.open)
        p_lo = pstarts[para]
        last_para = _para_of(pstarts, m.close if m.close is not None else m.end)
        p_hi = pstarts[last_para + 1] - 1 if last_para + 1 < len(pstarts) else len(text)
        prev = marked[k - 1] if k else None
        nxt = marked[k + 1] if k + 1 < len(marked) else None
        b_lo = max(p_lo, (prev.close + 1) if prev and prev.close is not None and prev.close < m.open else p_lo)
        i = bisect_right(bounds, m.open) - 1
        if i >= 0:
            b_lo = max(b_lo, bounds[i])
        a_start = (m.close + 1) if m.close is not None else m.end
        a_hi = min(p_hi, nxt.open if nxt and nxt.open > a_start else p_hi)
        j = bisect_left(bounds, a_start + 1)
        if j < len(bounds):
            a_hi = min(a_hi, bounds[j])
        before = _cue_tokens(sdoc, b_lo, m.open, in_quote)
        after = _cue_tokens(sdoc, a_start, a_hi, in_quote)
        tail = text[m.start:m.end].rstrip()
        trailing = text[a_start:a_hi].lstrip()
        wants_after = bool(tail) and (tail[-1] in ",?!" or trailing.startswith(",")) or not before
        lead = text[b_lo:m.open].strip()
        verbs_before = [t for t in before if not is_according(t)]
        before = verbs_before or before  # "X added, according to the paper:" - the verb speaks, the paper relays
        cue_tok = (after[0] if after else None) if wants_after and after else (before[-1] if before else None)
        if cue_tok is None and after:
            cue_tok = after[0]
        sentence = _sentence_like(sdoc, m)
        if cue_tok is None and m.close is not None and text[:m.open].strip() == "" and text[m.close + 1:p_hi].strip() == "":
            continue  # a quoted headline: no one is said to have said it
        opens_sentence = not lead.strip() or lead.strip().lower() in ("and", "but", "or") or lead.endswith(":") or (bool(before) and lead.endswith(","))
        if sentence and not opens_sentence and text[m.start:m.start + 1].islower() \
                and not _INNER_END.search(text, m.start, m.end):
            sentence = False  # a clause quoted inside the outlet's own sentence ("called on X “to engage ...”")
        if not sentence:
            # a fragment is a quote only when it is the whole utterance ('"No," she said.' / 'He said: "No."')
            standalone = bool(tail) and tail[-1] in _FINAL + "," and opens_sentence and (
                not lead.strip() and (cue_tok is None or cue_tok.idx >= a_start) or lead.endswith((":", ",")))
            follows = bool(out) and out[-1].para == para and cue_tok is None and not lead.strip()
            if not standalone or (cue_tok is None and not follows):
                continue
        shares_next = cue_tok is None and nxt is not None and not text[a_start:nxt.open].strip(" ,;—–-andor")
        cue = read_cue(cue_tok) if cue_tok is not None else None
        if cue is not None and cue.speaker is not None and m.start <= cue.speaker.start_char < (m.close or m.end):
            # the parse took a word inside the quotation as the speaker: the speaker is in the frame around it
            lo, hi = (a_start, cue_tok.idx) if cue_tok.idx >= a_start else (b_lo, cue_tok.idx)
            cue.speaker = cue.speaker_full = _frame_speaker(sdoc, lo, hi)
        out.append(_Found("direct", m.start, m.end, cue, para, m))
        if shares_next:
            out[-1].marked = None  # "“A” and “B,” X said": takes the cue of the quote that follows
    for k in range(len(out) - 2, -1, -1):
        if out[k].marked is None and out[k].cue is None and out[k + 1].para == out[k].para:
            out[k].cue = out[k + 1].cue
    return out


def _frame_speaker(sdoc: Doc, lo: int, hi: int) -> Span | None:
    """The person (else the last noun phrase) named between a quotation and its cue:
    '"...," Senator Jane Doe, told reporters' where the parse hung the name on a word of the quote."""
    span = sdoc.char_span(lo, hi, alignment_mode="contract") if hi > lo else None
    if span is None:
        return None
    people = [e for e in span.ents if e.label_ == "PERSON"]
    if people:
        return people[-1]
    chunks = [c for c in span.noun_chunks if c.root.pos_ in ("NOUN", "PROPN")]
    return chunks[-1] if chunks else None


def _token_mask(sdoc: Doc, spans) -> list[bool]:
    """Per token: does it lie inside one of the character spans?"""
    mask = [False] * len(sdoc)
    for start, end in spans:
        span = sdoc.char_span(start, end, alignment_mode="expand")
        if span is not None:
            for t in span:
                mask[t.i] = True
    return mask


def extract_quotes(sdoc: Doc, doc: Document, actors: DocActors) -> list[Quote]:
    """Direct and indirect quotes of one document, speakers as local actor ids (or None), in text order."""
    text = doc.text
    marked = find_marked(text)
    in_quote = _token_mask(sdoc, ((m.start, m.end) for m in marked))
    pstarts = _paragraph_index(text)
    found = _direct(sdoc, text, marked, in_quote, pstarts)
    direct_spans = [(f.start, f.end) for f in found]
    kept = _token_mask(sdoc, direct_spans)
    def speaks(cue: Token) -> bool:
        speaker = read_cue(cue).speaker
        return speaker is not None and can_speak(speaker, actors)

    for r in find_reported(sdoc, in_quote, kept, speaks):
        if any(s <= r.start and r.end <= e for s, e in direct_spans):
            continue
        found.append(_Found("indirect", r.start, r.end, read_cue(r.cue), _para_of(pstarts, r.start)))
    indirect = [(f.start, f.end) for f in found if f.kind == "indirect"]
    # a quoted fragment inside a reported clause belongs to that clause ("said ties do not “target anyone”")
    found = [f for f in found if f.kind == "indirect" or not any(s <= f.start and f.end <= e for s, e in indirect)]
    found.sort(key=lambda f: f.start)
    remember_parse(doc.id, sdoc)
    return _resolve(found, doc, actors)


def _resolve(found: list[_Found], doc: Document, actors: DocActors) -> list[Quote]:
    res = Resolver(actors, quoted=[(f.start, f.end) for f in found])
    own = doc.outlet or "this outlet"
    quotes: list[Quote] = []
    last_direct: tuple[int, Who | None, list[str]] | None = None
    for f in found:
        who: Who | None = None
        relays: list[str] = []
        cue_text = None
        if f.cue is not None:
            cue = f.cue
            cue_text = cue.text
            at = cue.token.idx
            for r in cue.relays:
                rw = res.resolve(r, r, at)
                rw.outlet = True
                relays.append(rw.text)
            if cue.speaker is not None:
                who = res.resolve(cue.speaker, cue.speaker_full or cue.speaker, at)
        elif f.kind == "direct" and last_direct is not None and f.para - last_direct[0] <= 1:
            who, relays = last_direct[1], last_direct[2]  # a quote running on from the same speaker
            if who is not None:
                who.at = f.start
        if who is not None and who.outlet and not relays and who.text != own:
            chain = [own, who.text]
        else:
            chain = [own, *relays] + ([who.text] if who is not None else [])
        q = Quote(
            id=f"{doc.id}:q{len(quotes)}", doc=doc.id, speaker=who.actor if who else None,
            speaker_text=who.text if who else "", anonymous=who.anonymous if who else False,
            kind=f.kind, start=f.start, end=f.end, text=doc.text[f.start:f.end],
            affiliation=who.affiliation if who else None, chain=chain, cue=cue_text,
        )
        quotes.append(q)
        if f.kind == "direct":
            last_direct = (f.para, who, relays)
        elif who is not None:
            last_direct = (f.para, who, relays)
    return quotes
