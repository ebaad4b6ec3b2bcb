"""Build the packaged actor dictionary from the Phoenix (PETRARCH-2) actor files, reproducibly.

    PYTHONPATH=src python scripts/build_actor_dictionary.py [--src /work/shared/data/petrarch2]
                                                           [--out src/parallax/data/actors.tsv]

Reads ``Phoenix.Countries.actors.txt``, ``Phoenix.International.actors.txt`` and ``Phoenix.MilNonState.actors.txt``
(TABARI actor format: a primary phrase, ``+synonyms``, then ``[CODE]`` or dated ``[CODE <date|>date|d1-d2]``
restrictions) plus ``src/parallax/data/actors_extra.txt`` (same format: groups and offices formed after the Phoenix
lists stopped) and ``src/parallax/data/people_extra.txt`` (office holders since then, joined by full name to their
Phoenix careers). Writes one record a line, ``kind  codes  name  forms``:

* kind: ``place`` (a country's own block: its other names, regions and cities), ``person`` (dated roles),
  ``body`` (institutions and offices), ``group`` (armed non-state groups), ``igo``, ``ngo``; companies are left out;
* codes: ``CODE:start-end`` comma-separated (YYYYMMDD, either end empty when open), CODE being CAMEO's
  country + role (``RUSGOV``, ``PAKREB``, ``IGOWSTNAT``) with historic country codes mapped to ISO 3166;
* forms: every phrase folded by :func:`parallax.extract.actors.dictionary.key`, ``|``-separated;
* short code: the record's one-word name, first acronym, or initials ("TALIBAN", "YPG", "BLA").
A form that names records of different countries is dropped from all of them: it says nothing reliable.
"""

from __future__ import annotations

import argparse
import re
from collections import defaultdict
from datetime import date
from pathlib import Path

from parallax.extract.actors.dictionary import key

ROOT = Path(__file__).resolve().parents[1]
FILES = ("Phoenix.Countries.actors.txt", "Phoenix.International.actors.txt", "Phoenix.MilNonState.actors.txt")
_CODE = re.compile(r"\[([A-Z~]+)\s*([^\]]*)\]")
ROLES = frozenset("GOV MIL REB OPP PTY COP JUD SPY LEG ELI CVL BUS MED EDU REL HLH DEV AGR ENV LAB REF HRI "
                  "IGO NGO INS SEP UAF MNC CRM MOD RAD".split())
PSEUDO = frozenset({"IGO", "NGO", "IMG", "MNC", "INT"})  # code roots that are no country
ARMED = frozenset({"REB", "INS", "SEP", "UAF"})
_RENAMED = {"TMP": "TLS", "KSV": "XKX", "USR": "SUN", "ROM": "ROU", "ZAR": "COD"}  # CAMEO's pre-ISO spellings


def _date(text: str) -> str | None:
    """PETRARCH's rule: YYMMDD (≤ 7 characters; YY ≤ 30 is 20YY) or YYYYMMDD; None when not a valid date."""
    text = text.strip()
    if not text.isdigit():
        return None
    if len(text) <= 7:
        yy = int(text[:2])
        text = (f"20{text[:2]}" if yy <= 30 else f"19{text[:2]}") + text[2:6]
    try:
        return date(int(text[:4]), int(text[4:6]), int(text[6:8])).strftime("%Y%m%d")
    except ValueError:
        return None


def _period(spec: str) -> tuple[str, str] | None:
    """'' -> always; '<d' before; '>d' after; 'd1-d2' between (ends included)."""
    spec = spec.strip()
    if not spec:
        return "", ""
    if spec[0] in "<>":
        d = _date(spec[1:])
        return None if d is None else (("", d) if spec[0] == "<" else (d, ""))
    if "-" in spec:
        a, b = (_date(x) for x in spec.split("-", 1))
        return None if a is None or b is None else (a, b)
    return None


def _phrase(line: str) -> str:
    return " ".join(line.replace("_", " ").split())


def _variants(phrase: str) -> list[str]:
    """"JAISH-E-MOHAMMAD (JEM)" -> the name without the bracket, and the acronym in it."""
    inner = re.findall(r"\(([^)]*)\)", phrase)
    if not inner:
        return [phrase]
    return [" ".join(re.sub(r"\([^)]*\)", " ", phrase).split()), *inner]


class Record:
    def __init__(self, name: str, source: str, person_hint: bool) -> None:
        self.name = name
        self.forms = [name]
        self.codes: list[tuple[str, str, str]] = []
        self.source = source
        self.person_hint = person_hint

    def kind(self) -> str | None:
        """What the record names, from its codes and the file it came from."""
        if not self.codes:
            return None
        roots = {c[:3] for c, _, _ in self.codes}
        if roots.isdisjoint(PSEUDO) and all(len(c) == 3 or (len(c) == 6 and c[3:] not in ROLES) for c, _, _ in self.codes):
            return "place" if self.source == "FILE:Countries" else None  # a country's other names and places
        if any(c.startswith("MNC") for c, _, _ in self.codes):
            return None  # companies: no party to interstate events
        dated = any(s or e for _, s, e in self.codes)
        armed = any(c[3:6] in ARMED or c[:3] == "IMG" for c, _, _ in self.codes)
        if self.source == "FILE:People":
            return "person"
        if self.source == "FILE:Extra":  # groups and bodies only, some with a dated change of status
            return "igo" if roots <= {"IGO"} else "group" if armed else "body"
        if roots <= {"IGO"}:
            return "person" if self.person_hint or dated else "igo"
        if roots <= {"NGO"}:
            return "person" if self.person_hint or dated else "ngo"
        if self.source == "FILE:MilNonState":  # its dated records are leaders
            return "person" if self.person_hint or dated else "group"
        if armed and all(c[3:6] in ARMED or c[:3] == "IMG" for c, _, _ in self.codes):
            return "person" if self.person_hint else "group"  # a group with the dates it was active
        return "person" if self.person_hint or dated else "body"


def _valid_roots() -> set[str]:
    import pycountry

    return ({c.alpha_3 for c in pycountry.countries} | {c.alpha_3 for c in pycountry.historic_countries}
            | {"XKX", "PSE"} | PSEUDO)


VALID = _valid_roots()


def _iso(code: str) -> str:
    """ISO 3166 country root; a regional root ("MEA", "SAS", "HIN") becomes "INT", which names no state."""
    root = _RENAMED.get(code[:3], code[:3])
    return (root if root in VALID else "INT") + code[3:]


def parse(path: Path, source: str) -> list[Record]:
    """The records of one TABARI actor file, in order."""
    out: list[Record] = []
    cur: Record | None = None
    blank = True
    for raw in path.read_text(encoding="utf-8", errors="replace").splitlines():
        comment = raw.split("#", 1)[1] if "#" in raw else ""
        line = raw.split("#", 1)[0].rstrip()
        if not line.strip():
            blank = True
            continue
        codes = [(_iso(c.strip("~")), p) for c, spec in _CODE.findall(line) if (p := _period(spec)) is not None]
        body = _CODE.sub(" ", line).split(";", 1)[0].strip()
        if line[0] in " \t" and not body:  # a date restriction line
            if cur is not None:
                cur.codes += [(c, a, b) for c, (a, b) in codes]
            blank = False
            continue
        if body.startswith("+"):
            if cur is not None and _phrase(body[1:]):
                cur.forms.append(_phrase(body[1:]))
                cur.codes += [(c, a, b) for c, (a, b) in codes]
            blank = False
            continue
        phrase = _phrase(body)
        if not phrase:
            continue
        hint = "countryinfo" in comment.lower() or "rulers" in comment.lower()
        if cur is not None and not cur.codes and not blank:
            cur.forms.append(phrase)  # "BORIS_YELTSIN_" then "YELTSIN" before the codes: one record
            cur.codes += [(c, a, b) for c, (a, b) in codes]
            cur.person_hint = cur.person_hint or hint
        else:
            cur = Record(phrase, source, hint)
            cur.codes = [(c, a, b) for c, (a, b) in codes]
            out.append(cur)
        blank = False
    return out


def _title(phrase: str) -> str:
    words = []
    for w in phrase.split():
        low = w.lower()
        words.append(low if low in {"of", "the", "and", "for", "in", "al", "bin", "de"} and words else w.capitalize())
    return " ".join(words)


def common_words(path: Path | None, agents: Path | None) -> set[str]:
    """One-word forms that would match ordinary prose or a generic office: words a news corpus writes in lower
    case (also as a plural: "tigers", "youth"), and the agent nouns of ``Phoenix.agents.txt`` and
    ``agent_words.tsv`` ("senate", "parliament"). Such a word alone names no particular body."""
    out: set[str] = set()
    if path is not None and path.exists():
        text = path.read_text(encoding="utf-8", errors="replace")
        words = set(re.findall(r"(?<![.!?]\s)\b[a-z][a-z'-]+\b", text))
        out |= words | {w + "s" for w in words}
    if agents is not None and agents.exists():
        for line in agents.read_text(encoding="utf-8", errors="replace").splitlines():
            head = line.split("#", 1)[0].split("[", 1)[0].split("{", 1)[0].strip()
            if head and "!" not in head and "=" not in head:
                out.add(key(head))
    for row in (ROOT / "src/parallax/data/agent_words.tsv").read_text(encoding="utf-8").splitlines():
        if row and not row.startswith("#"):
            out.add(row.split("\t")[0].strip())
    return out


def _merge_people(items: list[tuple[str, Record, list[str]]]) -> list[tuple[str, Record, list[str]]]:
    """One record per person: two person records sharing a full name (two words or more) are one career listed
    twice ("KOFI_ANNAN" as a Ghanaian and as UN Secretary-General); their names and dated codes are joined."""
    parent = list(range(len(items)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    first: dict[str, int] = {}
    for i, (kind, _, forms) in enumerate(items):
        if kind != "person":
            continue
        for f in forms:
            if " " in f:
                j = first.setdefault(f, i)
                parent[find(i)] = find(j)
    groups: dict[int, list[int]] = defaultdict(list)
    for i in range(len(items)):
        groups[find(i)].append(i)
    out = []
    for root in sorted(groups):
        kind, rec, forms = items[root]
        for i in groups[root][1:]:
            rec.codes += [c for c in items[i][1].codes if c not in rec.codes]
            forms = forms + [f for f in items[i][2] if f not in forms]
        out.append((kind, rec, forms))
    return out


def build(src: Path, extra: Path | None, english: Path | None = None,
          people: Path | None = None) -> list[tuple[str, str, str, list[str], str]]:
    common = common_words(english, src / "Phoenix.agents.txt")
    records: list[Record] = []
    if people is not None and people.exists():  # office holders after Phoenix: joined to a Phoenix career by name
        records += parse(people, "FILE:People")
    if extra is not None and extra.exists():
        records += parse(extra, "FILE:Extra")  # first: where it shares a name with Phoenix, it is the newer record
    for name in FILES:
        records += parse(src / name, "FILE:" + name.split(".")[1])
    newer: set[str] = set()  # forms of the post-Phoenix records, which override the older ones
    items: list[tuple[str, Record, list[str]]] = []
    for r in records:
        kind = r.kind()
        if kind is None:
            continue
        forms = sorted({k for f in r.forms for v in _variants(f) if (k := key(v)) and len(k) >= 2 and
                        (" " in k or (k not in common and not k.isdigit()))})
        if r.source != "FILE:Extra":
            forms = [f for f in forms if f not in newer]
        else:
            newer.update(forms)
        if forms:
            items.append((kind, r, forms))
    items = _merge_people(items)
    owners: dict[str, set[str]] = defaultdict(set)  # form -> the states (or IGO codes) of its records
    for kind, r, forms in items:
        roots = {c[:3] for c, _, _ in r.codes if c[:3] != "INT"} or {"INT"}
        tag = {c for c, _, _ in r.codes} if kind == "igo" else roots
        for f in forms:
            owners[f].add(",".join(sorted(tag)))  # one record's own countries never conflict with each other
    out = []
    for kind, r, forms in items:
        keep = [f for f in forms if f in newer or len(owners[f]) == 1]
        if keep:
            codes = ",".join(f"{c}:{a}-{b}" for c, a, b in r.codes)
            out.append((kind, codes, _title(r.name), keep, _code(r)))
    return out


_MINOR = {"of", "the", "and", "for", "in", "on", "al", "el", "de"}


def _code(r: Record) -> str:
    """The record's stable short code: a one-word name ("TALIBAN"), else its first acronym form, in the file's
    order ("ISIS", "YPG"), else the initials of its name ("BLA"), else the name itself."""
    words = [v for f in r.forms for v in _variants(f)]
    if len(r.name.split()) == 1:
        return r.name.replace(".", "").upper()
    for w in words:
        w = w.replace(".", "").replace(" ", "")
        if 2 <= len(w) <= 6 and w.isalnum() and w.isupper():
            return w
    initials = "".join(w[0] for w in r.name.replace("-", " ").split() if w.lower() not in _MINOR and w[0].isalnum())
    if len(initials) >= 2:
        return initials
    return "".join(c for c in r.name.upper() if c.isalnum() or c == " ").strip()  # "AL QAIDA", not "Q"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--src", type=Path, default=Path("/work/shared/data/petrarch2"))
    ap.add_argument("--extra", type=Path, default=ROOT / "src/parallax/data/actors_extra.txt")
    ap.add_argument("--people", type=Path, default=ROOT / "src/parallax/data/people_extra.txt")
    ap.add_argument("--english", type=Path, default=Path("/work/shared/data/fnc1/train_bodies.csv"),
                    help="a news corpus whose lower-case words make one-word names unsafe")
    ap.add_argument("--out", type=Path, default=ROOT / "src/parallax/data/actors.tsv")
    args = ap.parse_args()
    rows = build(args.src, args.extra, args.english, args.people)
    lines = ["# kind\tcodes (CODE:start-end)\tname\tforms (folded, |-separated)\tshort code. Built by scripts/build_actor_dictionary.py"
             " from the Phoenix actor dictionaries (MIT, Open Event Data Alliance); see README.md."]
    lines += ["\t".join((k, c, n, "|".join(f), code)) for k, c, n, f, code in rows]
    args.out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    counts: dict[str, int] = defaultdict(int)
    for k, *_ in rows:
        counts[k] += 1
    print(f"{args.out}: {len(rows)} records, {sum(len(r[3]) for r in rows)} forms, "
          f"{args.out.stat().st_size // 1024} KiB; " + ", ".join(f"{k} {n}" for k, n in sorted(counts.items())))


if __name__ == "__main__":
    main()
