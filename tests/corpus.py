"""A generator of many distinct, plausible short articles for pipeline tests (our own text, no seeds)."""

from __future__ import annotations

import random
from pathlib import Path

COUNTRIES = ["Chile", "Argentina", "Peru", "Norway", "Iceland", "Kenya", "Ethiopia", "Vietnam", "Malaysia",
             "Ghana", "Senegal", "Finland", "Estonia", "Uruguay", "Bolivia", "Morocco", "Tunisia", "Nepal"]
VERBS = ["held talks with", "criticised", "signed a fisheries accord with", "sent a delegation to",
         "accused", "offered aid to", "rejected a proposal from", "agreed to cooperate with",
         "protested to", "imposed tariffs on", "hosted the foreign minister of", "warned"]
TOPICS = ["border crossings", "river water", "fishing quotas", "grain exports", "a pipeline route",
          "migrant workers", "port fees", "power lines", "customs rules", "a rail link", "airspace"]
DAYS = ["on Monday", "on Tuesday", "last week", "in March", "on Friday", "overnight", "this month"]
PEOPLE = ["Ana Torres", "Mikael Lund", "Grace Wanjiru", "Tran Van Minh", "Kofi Mensah", "Leila Benali",
          "Jonas Berg", "Sofia Ramos", "Amara Diallo", "Priya Thapa", "Lucas Ferreira", "Helmi Aalto"]
ROLES = ["foreign minister", "trade minister", "ambassador", "defence minister", "spokeswoman", "envoy"]


def article(rng: random.Random, i: int) -> str:
    a, b = rng.sample(COUNTRIES, 2)
    title = f"{a} and {b} at odds over {rng.choice(TOPICS)}"
    sents = []
    for _ in range(rng.randint(5, 9)):
        x, y = rng.sample(COUNTRIES, 2)
        sents.append(f"{x} {rng.choice(VERBS)} {y} over {rng.choice(TOPICS)} {rng.choice(DAYS)}, "
                     f"{rng.choice(ROLES)} {rng.choice(PEOPLE)} said, citing {rng.randint(2, 900)} cases.")
    return f"{title}\n\n" + " ".join(sents) + f"\n\nFile number {i}.\n"


def write_articles(folder: Path, n: int, seed: int = 7) -> list[Path]:
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(n):
        p = folder / f"article_{i:04d}.txt"
        p.write_text(article(rng, i), encoding="utf-8")
        paths.append(p)
    return paths


def db_rows(db, sql: str) -> list[tuple]:
    """All rows of ``sql`` on the store file ``db``, read-only (to compare two stores table by table)."""
    import duckdb

    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()
