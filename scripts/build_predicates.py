"""Build ``parallax/data/events/cameo_verbs.tsv`` from the PETRARCH-2 CAMEO verb dictionary (MIT) and WordNet.

    PYTHONPATH=src python scripts/build_predicates.py [--cameo PATH/CAMEO.2.0.txt] [--wordnet /usr/share/wordnet]

The dictionary (``CAMEO.2.0.txt``, format in ``dictionaries.rst`` beside it) lists verbs in synonym blocks, each
block with a default CAMEO code, followed by patterns that refine the code by what the verb governs
("WITHDRAW * AMBASSADOR [161]", "STRIKE * DEAL [057]", "EXCLUDE * (FROM) [160]"). This script keeps what a
dependency parse can check cheaply:

- ``V`` rows: a verb lemma, the words that must follow it as its own dependents ("pull *back*", "back *down*",
  "rule *out*"), its code and PLOVER type, and its block. ``cameo_policy.tsv`` (beside this script) marks the
  blocks and verbs that code only through a pattern (thinking, moving, changing degree: "flew to", "considered");
- ``P`` rows: a block's patterns on the verb's direct object head and/or one preposition and its object head
  (synonym sets such as ``&MILITARY`` expanded); patterns on the subject or on adverbs are left out, and a
  pattern coded ``---`` or for the reversed direction (``[:110]``) is kept as "no event";
- ``A`` rows: the participles of verbs that code only as feelings ("concerned", "worried"), when WordNet lists
  them as adjectives;
- ``M`` rows: nouns that name a message or knowledge in WordNet (response, letter, information): sending or
  receiving one is no transfer of goods;
- ``N`` rows: event nouns, WordNet's derivationally related nouns of the coded verbs that name an act,
  a communication, an event, a feeling or a state (clash, protest, provocation, complaint, concern,
  disengagement), with the verb's code. WordNet 3.0 (Princeton licence) comes from the Debian package
  ``wordnet-base``; without it no noun rows are written.

CAMEO codes become PLOVER types through ``CAMEO2PLOVER-2021.txt`` with the project's usage where it differs
(signing = AGREE, sanctions = SANCTION, releases and easing = CONCEDE, abduction and hostage-taking = COERCE)
and with CAMEO's verbal classes PLOVER
dropped mapped as the annotation guidelines do (appeals = REQUEST, expressed concern = ACCUSE, denials = REJECT).
"""

from __future__ import annotations

import argparse
import re
from collections import defaultdict
from pathlib import Path

from parallax.extract.events.codebook import plover_of

ROOT = Path(__file__).resolve().parents[1]
# the shared data folder beside the checkout (or beside the folder of worktrees)
DEFAULT_CAMEO = next((p for p in (ROOT.parent / "shared", ROOT.parent.parent / "shared") if p.exists()),
                     ROOT.parent / "shared") / "data" / "petrarch2" / "CAMEO.2.0.txt"
DEFAULT_WORDNET = Path("/usr/share/wordnet")
POLICY = Path(__file__).with_name("cameo_policy.tsv")
OUT = ROOT / "src" / "parallax" / "data" / "events" / "cameo_verbs.tsv"

# CAMEO classes the 2021 table leaves out or types otherwise than this project (see module docstring).
CODE_OVERRIDES = {
    "020": "REQUEST", "021": "REQUEST", "022": "REQUEST", "023": "REQUEST", "024": "REQUEST", "025": "REQUEST",
    "026": "REQUEST", "027": "REQUEST", "028": "REQUEST",
    "012": "ACCUSE", "016": "REJECT",
    "057": "AGREE", "163": "SANCTION", "172": "SANCTION", "181": "COERCE",
    "081": "CONCEDE", "0811": "CONCEDE", "0812": "CONCEDE", "0813": "CONCEDE", "0814": "CONCEDE",
    "084": "CONCEDE", "0841": "CONCEDE", "0842": "CONCEDE", "085": "CONCEDE",
}
PREPOSITIONS = frozenset("""
about above across after against along alongside amid among around at before behind below beneath beside between
beyond by despite during for from in inside into near of off on onto outside over past since through throughout
to toward towards under until upon via with within without
""".split())
PARTICLES = frozenset("back down out up off away over aside along apart".split())
# WordNet noun files whose nouns name acts: act, communication, event, feeling, motive, state
NOUN_LEXFILES = frozenset({4, 10, 11, 12, 16, 26})
MESSAGE_LEXFILES = frozenset({9, 10})  # WordNet noun.cognition, noun.communication
GOODS_LEXFILES = frozenset({6, 13, 17, 21, 27})  # artifact, food, object, possession, substance: can be shipped
_CODE = re.compile(r"\[([0-9-]*):?([0-9-]*)\]")
_WORD = re.compile(r"[a-z][a-z-]*")


class Lemmas:
    """Noun lemmas as the runtime model produces them (pattern objects are often plural: TALKS, CHARGES)."""

    def __init__(self) -> None:
        from parallax.language.nlp import load_nlp

        self.nlp = load_nlp()
        self._pipe = self.nlp.get_pipe("lemmatizer")
        self.nouns = set(self._pipe.lookups.get_table("lemma_index")["noun"])

    def noun(self, word: str) -> str:
        word = word.lower()
        if word in self.nouns:
            return word
        tok = self.nlp.make_doc(word)[0]
        tok.pos_ = "NOUN"
        out = self._pipe.rule_lemmatize(tok)
        return (out[0] if out else word).lower()

    def verb(self, word: str) -> str:
        """CAMEO gives base forms; a few entries are participles ("WORRIED", "KILLED")."""
        word = word.lower()
        if not word.endswith("ed"):
            return word
        tok = self.nlp.make_doc(word)[0]
        tok.pos_ = "VERB"
        out = self._pipe.rule_lemmatize(tok)
        return (out[0] if out else word).lower()


def parse_code(text: str) -> tuple[str, bool] | None:
    """'[110]' → ('110', False); '[---]' → ('-', False); '[:110]' → ('-', True): the reversed direction."""
    m = _CODE.search(text)
    if not m:
        return None
    src, tgt = m.group(1), m.group(2)
    if src and set(src) != {"-"}:
        return src, False
    if tgt and set(tgt) != {"-"}:
        return "-", True
    return "-", False


def plover(code: str) -> str | None:
    if code == "-":
        return None
    for c in (code, code[:3]):
        if c in CODE_OVERRIDES:
            return CODE_OVERRIDES[c]
    return plover_of(code)


def read_synsets(lines: list[str]) -> dict[str, list[str]]:
    sets: dict[str, list[str]] = {}
    cur: str | None = None
    for line in lines:
        s = line.split("#")[0].strip()
        if s.startswith("---"):
            break
        if s.startswith("&"):
            cur = s.rstrip("_")
            sets[cur] = []
        elif s.startswith("+") and cur:
            sets[cur].append(s[1:].rstrip("_").replace("_", " ").strip())
        elif not line.strip():
            cur = None
    return sets


def read_policy(path: Path) -> tuple[dict[str, tuple[str, bool]], dict[str, tuple[str, bool]],
                                     dict[str, list[tuple[str, str, str, str]]]]:
    """(block name → (code, keep nouns)), (verb → (code, keep nouns)), (block name → added patterns)
    from cameo_policy.tsv."""
    blocks: dict[str, tuple[str, bool]] = {}
    verbs: dict[str, tuple[str, bool]] = {}
    added: dict[str, list[tuple[str, str, str, str]]] = defaultdict(list)
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        f = line.split("\t")
        if f[0] == "block":
            blocks[f[1]] = (f[2], len(f) > 3 and f[3] == "nouns")
        elif f[0] == "verb":
            verbs[f[1]] = (f[2], len(f) > 3 and f[3] == "nouns")
        elif f[0] == "pattern":
            added[f[1]].append((f[2], f[3], f[4], f[5]))
    return blocks, verbs, added


def _heads(item: str, synsets: dict[str, list[str]], lem: Lemmas) -> list[str]:
    """The head lemma(s) of one pattern element: WORD, {PHRASE WITH HEAD}, &SYNSET."""
    item = item.strip("{}").strip()
    if not item:
        return []
    last = item.split()[-1]
    words = synsets.get(last.rstrip("_"), []) if last.startswith("&") else [last]
    out = []
    for w in words:
        w = w.split()[-1].strip("+$%^").lower()
        if re.fullmatch(r"[a-z][a-z'-]*", w):
            out.append(lem.noun(w))
    return out


def _split_items(post: str) -> list[str]:
    """'{A B} (FOR X) C' → ['{A B}', '(FOR X)', 'C']."""
    return re.findall(r"\{[^}]*\}|\([^)]*\)|[^\s(){}]+", post)


def _prep_phrase(item: str, synsets: dict[str, list[str]], lem: Lemmas) -> tuple[str, list[str]] | None:
    inner = _split_items(item[1:-1])
    if not inner or inner[0].lower() not in PREPOSITIONS:
        return None
    return inner[0].lower(), ((_heads(" ".join(inner[1:]), synsets, lem) or ["-"]) if len(inner) > 1 else ["-"])


def parse_pattern(body: str, synsets: dict[str, list[str]], lem: Lemmas) -> list[tuple[str, str, str]] | None:
    """(object head, preposition, prepositional object head) triples a pattern's post-verb part asks for;
    None when the pattern needs what the runtime does not check (subject words, adverbs, particles)."""
    if "*" not in body:
        return None
    pre, post = body.split("*", 1)
    if pre.strip():
        return None
    items = [i for i in _split_items(post) if i not in {"+", "$", "%", "^"} and not i.startswith(("+", "$"))]
    if not items:
        return None
    objs, prep, pobjs = ["-"], "-", ["-"]
    first, rest = items[0], items[1:]
    if first.startswith("("):
        pp = _prep_phrase(first, synsets, lem)
        if pp is None:
            return None
        prep, pobjs = pp
    elif first.lower() in PREPOSITIONS:
        prep = first.lower()
        if rest and not rest[0].startswith("("):
            pobjs = _heads(rest[0], synsets, lem) or ["-"]
            rest = rest[1:]
    elif first.lower() in PARTICLES or first.lower().endswith("ly"):
        return None
    else:
        objs = _heads(first, synsets, lem)
        if not objs:
            return None
        if rest and rest[0].startswith("("):
            pp = _prep_phrase(rest[0], synsets, lem)
            if pp is not None:
                prep, pobjs = pp
            rest = rest[1:]
    if rest:
        return None
    return [(o, prep, p) for o in objs for p in pobjs]


def parse_verb(line: str, lem: Lemmas) -> tuple[str, str, str | None] | None:
    """'+PULL_BACK {...} [087]' → ('pull', 'back', '087'); words before the verb ("WIRE_+TAP") are left out,
    as are CAMEO's run-on entries ("KILL_AND")."""
    s = line.split("#")[0]
    code = parse_code(re.sub(r"\{[^}]*\}", "", s))
    word = re.sub(r"\{[^}]*\}|\[[^\]]*\]", "", s).strip().split()
    if not word:
        return None
    parts = [p for p in word[0].split("_") if p]
    if not parts or (len(parts) > 1 and not parts[0].startswith("+")):
        return None
    verb = parts[0].lstrip("+").lower()
    after = [p.lower() for p in parts[1:]]
    if not _WORD.fullmatch(verb) or len(verb) < 3 or any(not _WORD.fullmatch(a) for a in after) \
            or any(a in {"and", "or"} for a in after):
        return None
    return lem.verb(verb), " ".join(after) or "-", (code[0] if code else None)


def read_wordnet(folder: Path) -> dict[str, dict[str, int]]:
    """verb → {derivationally related noun: WordNet noun file number}, from data.verb and data.noun."""
    def synsets(path: Path) -> dict[str, tuple[int, list[str], list[tuple[str, str, str, int, int]]]]:
        out = {}
        for line in path.read_text(encoding="latin-1").splitlines():
            if line.startswith("  "):
                continue
            f = line.split(" | ")[0].split()
            n = int(f[3], 16)
            words = [f[4 + 2 * i].lower() for i in range(n)]
            i = 4 + 2 * n
            ptrs = []
            for k in range(int(f[i])):
                sym, off, pos, st = f[i + 1 + 4 * k: i + 5 + 4 * k]
                ptrs.append((sym, off, pos, int(st[:2], 16), int(st[2:], 16)))
            out[f[0]] = (int(f[1]), words, ptrs)
        return out

    if not (folder / "data.verb").exists():
        return {}
    nouns, verbs = synsets(folder / "data.noun"), synsets(folder / "data.verb")
    out: dict[str, dict[str, int]] = defaultdict(dict)
    for _lex, words, ptrs in verbs.values():
        for sym, off, pos, src, tgt in ptrs:
            if sym == "+" and pos == "n" and src > 0 and off in nouns:
                lex, nwords, _ = nouns[off]
                out[words[src - 1]].setdefault(nwords[tgt - 1], lex)
    return out


def build(cameo: Path, wordnet: Path, lem: Lemmas) -> tuple[list[str], dict[str, int]]:
    lines = cameo.read_text(encoding="latin-1").splitlines()
    synsets = read_synsets(lines)
    block_policy, verb_policy, added = read_policy(POLICY)
    rows_v: list[tuple[str, str, str, str, str]] = []
    rows_p: list[tuple[str, str, str, str, str, str, str]] = []
    block_verbs: set[str] = set()  # the verbs of the block being read
    noun_src: list[tuple[str, str]] = []  # (verb, code) whose nouns may be events
    feelings: list[tuple[str, str]] = []  # (verb, code) coding only as a noun or a participle ("concerned")
    block, block_code, noun_code, keep_nouns, nulled = None, "-", "-", False, False
    n_blocks = 0
    for line in lines:
        s = line.strip()
        if s.startswith("---"):
            m = re.match(r"---\s+(\S+)\s+(\[[^\]]*\])", s)
            if not m:
                continue
            n_blocks += 1
            block = f"B{n_blocks:03d}"
            block_verbs = set()
            code = parse_code(m.group(2))
            block_code = code[0] if code and not code[1] else "-"
            for obj, prep, pobj, c in added.get(m.group(1), ()):
                rows_p.append((block, obj, prep, pobj, c, plover(c) or "-", "-"))
            policy = block_policy.get(m.group(1))
            keep_nouns = policy is not None and policy[1]
            nulled = policy is not None and policy[0] == "-"
            noun_code = block_code
            if policy is not None:
                block_code = policy[0]
            continue
        if block is None or not s or s.startswith(("#", "~", "&")):
            continue
        if s.startswith("-"):
            code = parse_code(s.split("#")[0])
            triples = parse_pattern(s[1:].split("#")[0].split("[")[0], synsets, lem) if code else None
            # the verb a pattern was written for ("- * SANCTIONS [040]  # DEBATE"): a block's patterns came from
            # TABARI's per-verb lists, and "debate sanctions" says nothing of "oppose sanctions"
            note = s.split("#", 1)[1].split() if "#" in s else []
            tag = lem.verb(note[0].split("_")[0]) if note and note[0].split("_")[0].isalpha() else "-"
            tag = tag if tag in block_verbs else "-"  # a note naming no verb of the block binds to none
            for obj, prep, pobj in triples or ():
                rows_p.append((block, obj, prep, pobj, code[0], plover(code[0]) or "-", tag))  # type: ignore[index]
            continue
        v = parse_verb(s, lem)
        if v is None:
            continue
        verb, after, code = v
        block_verbs.add(verb)
        own = code if code is not None else noun_code  # the dictionary's own code for this verb
        c, nouns_too = verb_policy.get(verb, (code if code is not None and not nulled else block_code, keep_nouns))
        rows_v.append((verb, after, c, plover(c) or "-", block))
        if after == "-":
            if nouns_too and c == "-":
                noun_src.append((verb, own))
                feelings.append((verb, own))
            elif c != "-":
                noun_src.append((verb, c))
    rows_n = nouns(noun_src, read_wordnet(wordnet))
    rows_a = adjectives(feelings, wordnet)
    rows_m = messages(wordnet)
    out = [f"V\t{v}\t{a}\t{c}\t{p}\t{b}" for v, a, c, p, b in dict.fromkeys(rows_v)]
    out += [f"P\t{b}\t{o}\t{pr}\t{po}\t{c}\t{p}\t{v}" for b, o, pr, po, c, p, v in dict.fromkeys(rows_p)]
    out += [f"N\t{n}\t{c}\t{p}\t{v}" for n, c, p, v in rows_n]
    out += [f"A\t{a}\t{c}\t{p}\t{v}" for a, c, p, v in dict.fromkeys(rows_a)]
    out += [f"M\t{m}" for m in rows_m]
    return out, {"blocks": n_blocks, "verbs": len(set(rows_v)), "patterns": len(set(rows_p)), "nouns": len(rows_n),
                 "adjectives": len(rows_a), "messages": len(rows_m)}


def messages(wordnet: Path) -> list[str]:
    """Nouns that name a message or a piece of knowledge in at least half of their senses seen in WordNet's
    tagged corpus and never a thing that can be shipped (response, information, assurance; not "drone"):
    receiving or sending one is no transfer of goods."""
    index, data = wordnet / "index.noun", wordnet / "data.noun"
    if not index.exists():
        return []
    lexfile = {f[0]: int(f[1]) for line in data.read_text(encoding="latin-1").splitlines()
               if line and not line.startswith(" ") and (f := line.split())}
    out = []
    for line in index.read_text(encoding="latin-1").splitlines():
        if not line or line.startswith(" "):
            continue
        f = line.split()
        pointers, tagged = int(f[3]), int(f[5 + int(f[3])])
        every = f[6 + pointers:]
        senses = every[:tagged]
        if tagged and f[0].isalpha() and 2 * sum(lexfile[o] in MESSAGE_LEXFILES for o in senses) >= len(senses) \
                and not any(lexfile[o] in GOODS_LEXFILES for o in every):
            out.append(f[0])
    return out


def adjectives(codes: list[tuple[str, str]], wordnet: Path) -> list[tuple[str, str, str, str]]:
    """Participles of the verbs that code only as feelings ("concerned", "worried"), kept when WordNet lists
    them as adjectives: "X is concerned about Y" voices the concern the noun does."""
    index = wordnet / "index.adj"
    known = {line.split()[0] for line in index.read_text(encoding="latin-1").splitlines()
             if line and not line.startswith(" ")} if index.exists() else set()
    out = []
    for verb, code in codes:
        ptype = plover(code)
        forms = [verb + "d" if verb.endswith("e") else verb[:-1] + "ied" if verb.endswith("y") else verb + "ed"]
        out += [(f, code, ptype, verb) for f in forms if f in known and ptype]
    return out


def nouns(sources: list[tuple[str, str]], derived: dict[str, dict[str, int]]) -> list[tuple[str, str, str, str]]:
    """Event nouns: WordNet nominalisations of coded verbs naming acts (one PLOVER type, else left out)."""
    seen: dict[str, tuple[str, str, str, str]] = {}
    ambiguous: set[str] = set()
    for verb, code in sources:
        ptype = plover(code)
        if ptype is None:
            continue
        for n, lex in sorted(derived.get(verb, {}).items()):
            if lex not in NOUN_LEXFILES or not _WORD.fullmatch(n):
                continue
            if n in seen and seen[n][2] != ptype:
                ambiguous.add(n)
            seen.setdefault(n, (n, code, ptype, verb))
    return [seen[n] for n in sorted(seen) if n not in ambiguous]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--cameo", type=Path, default=DEFAULT_CAMEO)
    ap.add_argument("--wordnet", type=Path, default=DEFAULT_WORDNET)
    ap.add_argument("--out", type=Path, default=OUT)
    args = ap.parse_args()
    rows, counts = build(args.cameo, args.wordnet, Lemmas())
    head = [
        "# CAMEO verb dictionary for event predicates: generated by scripts/build_predicates.py; do not edit.",
        "# Verbs and patterns: CAMEO.2.0.txt of openeventdata/petrarch2 (commit 676801c), MIT licence,",
        "# Copyright (c) 2015 Open Event Data Alliance. Event nouns: WordNet 3.0 derivational links,",
        "# Copyright 2006 Princeton University (WordNet licence). See README.md in this folder.",
        "# V verb  words-after  cameo  plover  block | P block  object  prep  prep-object  cameo  plover  verb |",
        "# N noun  cameo  plover  verb | A participle adjective  cameo  plover  verb | M message noun.",
        "# '-' = none; a code '-' or plover '-' codes no event.",
        f"# {counts['blocks']} blocks, {counts['verbs']} verbs, {counts['patterns']} patterns, {counts['nouns']} nouns",
    ]
    args.out.write_text("\n".join(head + rows) + "\n", encoding="utf-8")
    print(counts)


if __name__ == "__main__":
    main()
