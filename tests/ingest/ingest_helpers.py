"""Builders for ingest fixtures: real WARC archives written with warcio, and small invented news pages."""

from __future__ import annotations

import io

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

PARAGRAPHS = (
    "Negotiators from the two neighbouring states met in Vienna on Tuesday to discuss a ceasefire along "
    "their disputed border, officials said.",
    "The foreign minister told reporters the talks had been difficult but constructive, and that a second "
    "round would follow next month.",
    "Opposition lawmakers criticised the government for agreeing to the meeting without preconditions.",
)


def page(title: str, paragraphs: tuple[str, ...] = PARAGRAPHS, head: str = "") -> str:
    """A small but realistic news page: navigation, article body, footer."""
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (
        f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>{title}</title>{head}</head><body>"
        "<nav><a href='/'>Home</a> | <a href='/world'>World</a> | <a href='/sport'>Sport</a></nav>"
        f"<article><h1>{title}</h1>{body}</article>"
        "<footer>Copyright 2024 Example Media Group. All rights reserved.</footer></body></html>"
    )


Record = tuple[str, str, str, bytes]  # (type, url, status or content type, payload)


def write_warc(records: list[Record], gzip: bool = True) -> bytes:
    """A WARC file as bytes: ``response`` records get HTTP headers, others are written as given."""
    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=gzip)
    for rec_type, url, meta, payload in records:
        if rec_type == "response":
            status, ctype = meta.split(";", 1) if ";" in meta else (meta, "text/html; charset=utf-8")
            http = StatusAndHeaders(status, [("Content-Type", ctype.strip())], protocol="HTTP/1.1")
            rec = writer.create_warc_record(url, "response", payload=io.BytesIO(payload), http_headers=http)
        else:
            rec = writer.create_warc_record(url, rec_type, payload=io.BytesIO(payload),
                                            warc_content_type=meta)
        writer.write_record(rec)
    return buf.getvalue()
