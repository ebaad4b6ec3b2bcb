"""One actor per real person or body across documents, keeping every source's claim about them.

Countries merge by ISO3. People merge when their names are the same person written differently:
transliteration (Sergey/Sergei, Khwaja/Khawaja: same consonant skeleton), an initial for a first name, a
dropped middle name, or a one-edit typo of the surname when the first names agree. A different first name
never merges ("Omar Said" and "Ali Said" stay two), nor do conflicting countries. A bare surname joins a
full name only when exactly one full name fits. Organisations merge on folded name, acronym or a near-exact
fuzzy match (rapidfuzz). A bare name that also begins another full name ("Park" beside "Park Sung Ho", where the
family name comes first) joins neither. Anonymous sources never merge: two "senior officials" are not known to be one.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from functools import lru_cache

from rapidfuzz import fuzz
from rapidfuzz.distance import Levenshtein

from parallax.extract.actors.gazetteer import fold as gazetteer_fold
from parallax.extract.actors.types import ARMED_AGENTS, DocActors
from parallax.link.fuzzy import close_pairs
from parallax.link.unionfind import UnionFind
from parallax.model import Actor

ORG_FUZZ = 93  # token_sort_ratio for organisation names; below this "Ministry of Defence" ≠ "Ministry of Finance"


def fold(text: str) -> str:
    """The gazetteer's folding (lower case, accents stripped), with punctuation to spaces."""
    return " ".join(re.sub(r"[^\w\s]", " ", gazetteer_fold(text)).split())


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", fold(text)).strip("-") or "x"


@lru_cache(maxsize=65536)
def skeleton(word: str) -> str:
    """First letter plus consonants, doubles collapsed: "sergey"/"sergei" -> "srg", "khwaja"/"khawaja" -> "khwj"."""
    if not word:
        return ""
    rest = re.sub(r"[aeiouy]", "", word[1:])
    return re.sub(r"(.)\1+", r"\1", word[0] + rest)


def _same_word(a: str, b: str) -> bool:
    """Equal, or a vowel-only variant with enough consonants to be safe ("Said"/"Saud" are not one name)."""
    if a == b:
        return True
    ka = skeleton(a)
    return len(ka) >= 3 and ka == skeleton(b) and abs(len(a) - len(b)) <= 2


def _first_agree(a: str, b: str) -> bool:
    if len(a) == 1 or len(b) == 1:  # an initial
        return a[0] == b[0]
    return _same_word(a, b)


def same_person(a: list[str], b: list[str], ca: str | None, cb: str | None) -> bool:
    """Whether two folded full names (≥ 2 words each) name one person."""
    if ca and cb and ca != cb:
        return False
    if not _first_agree(a[0], b[0]):
        return False
    la, lb = a[-1], b[-1]
    if _same_word(la, lb):
        return True
    return min(len(la), len(lb)) >= 5 and Levenshtein.distance(la, lb) <= 1


@lru_cache(maxsize=65536)
def _words_of(name: str) -> tuple[str, ...]:
    return tuple(fold(name).split())


def _name_words(actor: Actor) -> tuple[str, ...]:
    return _words_of(actor.name)


def _link_people(people: list[Actor], uf: UnionFind) -> None:
    """Union people who are one person. Work is over distinct (name, country) keys, not mentions of them:
    a large corpus names the same few hundred people thousands of times."""
    keys: dict[tuple[tuple[str, ...], str | None], list[Actor]] = defaultdict(list)
    for a in people:
        keys[(_name_words(a), a.country)].append(a)
    for (words, _), members in keys.items():  # the same full name with the same country: one person
        if len(words) < 2:
            continue  # two bare "Khan"s are not known to be one person
        for m in members[1:]:
            uf.union(members[0].id, m.id)
    full = [k for k in keys if len(k[0]) >= 2]
    by_letter: dict[str, list[tuple[tuple[str, ...], str | None]]] = defaultdict(list)
    for k in full:
        by_letter[k[0][-1][0]].append(k)
    blocks: dict[tuple[str, str], list[tuple[tuple[str, ...], str | None]]] = defaultdict(list)
    for k in full:  # first names must agree on their first letter too (``same_person``)
        blocks[(k[0][-1][0], k[0][0][0])].append(k)
    for group in blocks.values():  # blocking on both first letters keeps this near-linear
        for i, ka in enumerate(group):
            a = keys[ka][0]
            for kb in group[i + 1:]:
                b = keys[kb][0]
                if uf.find(a.id) != uf.find(b.id) and same_person(list(ka[0]), list(kb[0]), ka[1], kb[1]):
                    uf.union(a.id, b.id)
    by_first: dict[str, list[tuple[tuple[str, ...], str | None]]] = defaultdict(list)
    for k in full:
        by_first[k[0][0]].append(k)
    for (words, country), members in keys.items():
        if len(words) != 1:
            continue
        roots = {uf.find(keys[kb][0].id) for kb in by_letter.get(words[0][0], [])
                 if _same_word(kb[0][-1], words[0]) and not (country and kb[1] and country != kb[1])}
        fronts = {uf.find(keys[kb][0].id) for kb in by_first.get(words[0], [])}
        if fronts - roots:
            continue  # "Park" ends one full name and begins another (family name first): not known which
        if len(roots) == 1:
            root = roots.pop()
            for a in members:
                uf.union(a.id, root)


# British and American spellings of words common in organisation names: one body, two house styles.
_SPELLING = {"organisation": "organization", "organisations": "organizations", "defence": "defense",
             "centre": "center", "programme": "program", "labour": "labor", "armoured": "armored",
             "harbour": "harbor"}


def org_key(name: str) -> tuple[str, str | None]:
    """A folded organisation name with house-style spellings unified, and the acronym it trails, if any.

    Scraped and parsed text often leaves "Shanghai Cooperation Organisation (SCO" or "... Organization SCO":
    a last word equal to the initials of the words before it is the body's acronym, not part of its name.
    """
    words = [_SPELLING.get(w, w) for w in fold(name.replace("-", " ")).split()]
    acronym = None
    if len(words) >= 3:
        initials = "".join(w[0] for w in words[:-1] if w not in _MINOR)
        if len(words[-1]) >= 2 and words[-1] == initials:
            acronym, words = words[-1].upper(), words[:-1]
    return " ".join(words), acronym


_MINOR = {"of", "the", "and", "for", "on", "in", "de", "al"}


def _acronyms(actor: Actor) -> set[str]:
    found = {x for x in [actor.name, *actor.aliases] if x.isupper() and 2 <= len(x) <= 8}
    trailing = org_key(actor.name)[1]
    return found | {trailing} if trailing else found


def _link_orgs(orgs: list[Actor], uf: UnionFind) -> None:
    by_key: dict[str, str] = {}
    for a in orgs:
        for key in [org_key(a.name)[0], *(f"acr:{x}" for x in _acronyms(a))]:
            if key in by_key:
                uf.union(a.id, by_key[key])
            else:
                by_key[key] = a.id
    names = list({org_key(a.name)[0]: a for a in orgs}.items())
    for i, j in close_pairs([n for n, _ in names], fuzz.token_sort_ratio, ORG_FUZZ, max_gap=4):
        a, b = names[i][1], names[j][1]
        if a.country and b.country and a.country != b.country:
            continue
        if fuzz.token_sort_ratio(names[i][0], names[j][0]) >= ORG_FUZZ:
            uf.union(a.id, b.id)


def _global_id(members: list[Actor], name: str) -> str:
    a = members[0]
    if a.kind == "country" and a.country:
        return f"country:{a.country}"
    if any(m.anonymous for m in members):
        return f"anon:{a.id}"
    prefix = {"person": "person", "organization": "org", "group": "group"}.get(a.kind, "actor")
    return f"{prefix}:{slug(name)}"


def _merged(members: list[Actor], gid: str) -> Actor:
    names = Counter(m.name for m in members)
    name = max(names, key=lambda n: (n.count("(") == n.count(")"), names[n], len(n.split()),
                                     -members.index(next(m for m in members if m.name == n))))
    if members[0].kind == "country":
        name = members[0].name
    out = Actor(id=gid, name=name, kind=members[0].kind, anonymous=all(m.anonymous for m in members))
    countries = Counter(m.country for m in members if m.country)
    agents = Counter(m.agent for m in members if m.agent)
    orgs = Counter(m.organization for m in members if m.organization)
    out.country = countries.most_common(1)[0][0] if countries else None
    out.agent = agents.most_common(1)[0][0] if agents else None
    out.organization = orgs.most_common(1)[0][0] if orgs else None
    if out.agent in ARMED_AGENTS and out.kind != "person":  # a party of its own: where it fights, not whom for
        out.based_in, out.country = out.country, None
    for m in members:
        for alias in [m.name, *m.aliases]:
            if alias != name and alias not in out.aliases:
                out.aliases.append(alias)
        for role in m.roles:
            if role not in out.roles:
                out.roles.append(role)
        out.role_claims.extend(m.role_claims)
    return out


def merge_actors(per_doc: Sequence[DocActors]) -> tuple[list[Actor], dict[str, str]]:
    """Global actors and the map from every local actor id to its global id."""
    uf = UnionFind()
    everyone: list[Actor] = [a for d in per_doc for a in d.actors.values()]
    by_country: dict[str, str] = {}
    people, orgs, groups = [], [], []
    for a in everyone:
        uf.find(a.id)
        if a.kind == "country" and a.country:
            uf.union(a.id, by_country.setdefault(a.country, a.id))
        elif a.anonymous:
            continue
        elif a.kind == "person":
            people.append(a)
        elif a.kind == "organization":
            orgs.append(a)
        else:
            groups.append(a)
    _link_people(people, uf)
    _link_orgs(orgs, uf)
    _link_orgs(groups, uf)
    clusters: dict[str, list[Actor]] = defaultdict(list)
    for a in everyone:
        clusters[uf.find(a.id)].append(a)
    actors: list[Actor] = []
    mapping: dict[str, str] = {}
    taken: set[str] = set()
    for members in clusters.values():
        probe = _merged(members, "")
        gid = base = _global_id(members, probe.name)
        n = 2
        while gid in taken:
            gid, n = f"{base}-{n}", n + 1
        taken.add(gid)
        probe.id = gid
        actors.append(probe)
        for m in members:
            mapping[m.id] = gid
    return actors, mapping
