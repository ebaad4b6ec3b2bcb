"""What an event is about: equipment, quantities and money in its sentence.

Model designations (S-300, MiG-29K, F/A-18) follow one general pattern: a short capitalised stem, a hyphen or
slash, digits, an optional suffix. Generic kinds ("attack helicopters") come from the weapon-noun list in
``parallax/data/events/weapons.txt``. Numbers use spaCy's ``like_num`` plus a number-word map; money uses the
ISO 4217 codes (pycountry) and a small symbol/word table.
"""

from __future__ import annotations

import re
from decimal import Decimal
from functools import lru_cache
from importlib.resources import files

import pycountry
from spacy.tokens import Span, Token

from parallax.model import Money

_DESIGNATION = re.compile(
    r"(?<![\w-])(?:[A-Z][A-Za-z]{0,4}(?:/[A-Z]{1,3})?-\d{1,4}[A-Z]{0,4}(?:-\d{1,3}[A-Z]{0,3})?"
    r"|[A-Z]{2,5}\d{1,4}[A-Z]{0,3})(?![\w-])"
)
# designation-shaped strings that are not equipment (diseases, groupings, formats)
_NOT_EQUIPMENT = re.compile(r"^(?:COVID|SARS|MERS|H\dN|G|P|BRICS|Article|Section|Resolution|Chapter|Title|"
                            r"Page|No|Part|Phase|Level|Category|Grade|Class|Type|Top|Room|Flight|Route|Highway|"
                            r"Unit|Block|Q|FY|CO|PM|AM|UTC|GMT|ISO|IPv|Web|Windows|iPhone|Galaxy)(?=[-/\d]|$)", re.I)

NUMBER_WORDS = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
    "seventeen eighteen nineteen twenty".split())}
NUMBER_WORDS.update({"thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
                     "ninety": 90, "hundred": 100, "dozen": 12, "dozens": 24, "a dozen": 12})
SCALES = {"thousand": 1e3, "k": 1e3, "million": 1e6, "mn": 1e6, "m": 1e6, "mln": 1e6, "billion": 1e9,
          "bn": 1e9, "b": 1e9, "bln": 1e9, "trillion": 1e12, "tn": 1e12, "crore": 1e7, "lakh": 1e5}
CURRENCY_SIGNS = {"$": "USD", "us$": "USD", "usd": "USD", "£": "GBP", "€": "EUR", "¥": "JPY", "₹": "INR",
                  "₽": "RUB", "a$": "AUD", "au$": "AUD", "c$": "CAD", "ca$": "CAD", "hk$": "HKD",
                  "nz$": "NZD", "s$": "SGD", "r$": "BRL", "₩": "KRW", "₺": "TRY", "₪": "ILS"}
CURRENCY_WORDS = {"dollar": "USD", "euro": "EUR", "pound": "GBP", "sterling": "GBP", "yen": "JPY",
                  "yuan": "CNY", "renminbi": "CNY", "rouble": "RUB", "ruble": "RUB", "rupee": None,
                  "won": "KRW", "lira": "TRY", "shekel": "ILS", "riyal": "SAR", "dirham": "AED", "franc": "CHF",
                  "real": "BRL", "rand": "ZAR", "naira": "NGN", "shilling": None, "peso": None}
_NUM = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_SCALE = r"(?:thousand|million|billion|trillion|crore|lakh|mln|bln|mn|bn|tn|[mbk])\b"
_MONEY_PREFIX = re.compile(
    r"(?<![\w$])(?P<cur>(?:US|AU|A|C|CA|HK|NZ|S|R)?\$|£|€|¥|₹|₽|₩|₺|₪|\b[A-Z]{3}\b)\s?"
    rf"(?P<num>{_NUM})(?:\s?-?(?P<scale>{_SCALE}))?", re.I)
_MONEY_SUFFIX = re.compile(
    rf"(?<![\w$£€])(?P<num>{_NUM})\s?(?P<scale>{_SCALE})?\s*(?:(?P<adj>[A-Z][a-z]+)\s)?"
    r"(?P<word>dollars?|euros?|pounds?(?: sterling)?|yen|yuan|renminbi|roubles?|rubles?|rupees?|won|lira|"
    r"shekels?|riyals?|dirhams?|francs?|reals?|rand|naira|shillings?|pesos?)\b", re.I)


@lru_cache(maxsize=1)
def _weapon_heads() -> dict[str, list[tuple[str, ...]]]:
    """head lemma → the lemma sequences ending in it."""
    text = (files("parallax") / "data" / "events" / "weapons.txt").read_text(encoding="utf-8")
    out: dict[str, list[tuple[str, ...]]] = {}
    for line in text.splitlines():
        if line.strip() and not line.startswith("#"):
            words = tuple(line.split())
            out.setdefault(words[-1], []).append(words)
    for seqs in out.values():
        seqs.sort(key=len, reverse=True)
    return out


def names_equipment(lemmas: list[str]) -> bool:
    """Whether a phrase (lower-case lemmas) ends in a kind of equipment: "the Vityaz missile system"."""
    if not lemmas:
        return False
    return any(tuple(lemmas[-len(seq):]) == seq for seq in _weapon_heads().get(lemmas[-1], []))


@lru_cache(maxsize=1)
def _iso_currencies() -> frozenset[str]:
    return frozenset(c.alpha_3 for c in pycountry.currencies)


def designations(text: str) -> list[str]:
    """Model designations in a text: "S-400", "Mi-35M", "JF-17", "F/A-18", "MQ9"."""
    out = []
    for m in _DESIGNATION.finditer(text):
        s = m.group(0)
        if _NOT_EQUIPMENT.match(s):
            continue
        if s not in out:
            out.append(s)
    return out


def number_value(tok: Token) -> float | None:
    """A cardinal's value: digits or number words ("four" → 4)."""
    low = tok.lower_.replace(",", "")
    if low in NUMBER_WORDS:
        return float(NUMBER_WORDS[low])
    try:
        return float(low)
    except ValueError:
        pass
    if "-" in low:  # twenty-four
        a, _, b = low.partition("-")
        if a in NUMBER_WORDS and b in NUMBER_WORDS:
            return float(NUMBER_WORDS[a] + NUMBER_WORDS[b])
    return None


def equipment(sent: Span) -> tuple[list[str], list[str]]:
    """(equipment, quantities) named in a sentence; quantities read "4 attack helicopters"."""
    heads = _weapon_heads()
    found: list[str] = [d for d in designations(sent.text)]
    quantities: list[str] = []
    for tok in sent:
        if tok.pos_ not in {"NOUN", "PROPN"}:
            continue
        seqs = heads.get(tok.lemma_.lower())
        if not seqs:
            continue
        start = tok.i
        while start - 1 >= sent.start and sent.doc[start - 1].dep_ in {"compound", "amod", "nmod", "hyph"} \
                and sent.doc[start - 1].pos_ not in {"PROPN"}:
            start -= 1
        left = [t.lemma_.lower() for t in sent.doc[start: tok.i + 1]]
        if not any(tuple(left[-len(seq):]) == seq for seq in seqs):
            continue
        if tok.lemma_.lower() in {"arm", "mine", "shell", "jet", "tank", "fighter"} and not _military_context(tok):
            continue
        phrase = sent.doc[start: tok.i + 1]
        kept = [t for t in phrase if t.dep_ not in {"det", "nummod", "poss", "case"} and not t.like_num]
        name = sent.doc.text[kept[0].idx: kept[-1].idx + len(kept[-1])] if kept else ""
        if name and not any(name in f or f in name for f in found):
            found.append(name)
        for c in tok.children:
            if c.dep_ == "nummod":
                n = number_value(c)
                if n is not None:
                    quantities.append(f"{n:g} {name}")
    return found, quantities


def _military_context(tok: Token) -> bool:
    """Ambiguous weapon nouns (arms, tanks, jets) count only with a military neighbour."""
    near = {t.lemma_.lower() for t in tok.sent}
    return bool(near & {"military", "army", "defence", "defense", "weapon", "missile", "troop", "navy", "air",
                        "force", "war", "combat", "fighter", "armoured", "armored", "deliver", "supply", "sell",
                        "buy", "purchase", "arsenal", "ammunition", "battle", "deal"})


def money(text: str) -> list[Money]:
    """Amounts of money with ISO 4217 currency: "£4.1 billion ($5.5 billion)" → GBP 4.1e9, USD 5.5e9."""
    out: list[Money] = []
    spans: list[tuple[int, int]] = []
    for m in _MONEY_PREFIX.finditer(text):
        cur = m.group("cur")
        code = CURRENCY_SIGNS.get(cur.lower()) or (cur.upper() if cur.upper() in _iso_currencies() and cur.isupper() else None)
        if code is None:
            continue
        out.append(Money(_amount(m.group("num"), m.group("scale")), code, m.group(0).strip()))
        spans.append(m.span())
    for m in _MONEY_SUFFIX.finditer(text):
        if any(s <= m.start() < e for s, e in spans):
            continue
        word = m.group("word").lower().rstrip("s").replace(" sterling", "")
        code = CURRENCY_WORDS.get(word)
        adj = (m.group("adj") or "").lower()
        if word == "rupee":
            code = {"indian": "INR", "pakistani": "PKR", "sri": "LKR", "nepalese": "NPR"}.get(adj)
        elif adj in {"australian", "canadian", "singapore", "hong", "new"} and word == "dollar":
            code = {"australian": "AUD", "canadian": "CAD", "singapore": "SGD", "hong": "HKD", "new": "NZD"}[adj]
        if code is None:
            continue
        out.append(Money(_amount(m.group("num"), m.group("scale")), code, m.group(0).strip()))
    return out


def _amount(num: str, scale: str | None) -> float:
    value = Decimal(num.replace(",", "")) * Decimal(str(SCALES.get((scale or "").lower(), 1.0)))
    return float(value)
