"""Classes of junk line in scraped articles: markup, engagement prompts, credits, tag lists, breadcrumbs.

Each test returns a reason (for tests and the audit trail in ``removed``) or None. Lines are recognised by
their shape and vocabulary class, never by listing sentences; :mod:`parallax.ingest.clean` drops them.
"""

from __future__ import annotations

import re

_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
SENTENCE_END = re.compile(r"[.!?…][\"'”’)\]]*$")
_FINITE = frozenset(
    "is are was were be been has have had will would can could shall should may might must said says say "
    "told tells do does did denied denies warned warns agreed agrees".split()
)


def words_in(line: str) -> list[str]:
    return _WORD.findall(line.lower())


# Engagement vocabulary: words that only page furniture uses densely. A line is engagement junk when it is
# short and made *only* of these words and the filler words below (so "Share this article" and "Add a comment"
# go, while "Chile to share satellite data with Peru" stays: "Chile", "satellite", "data" are content).
ENGAGEMENT_TERMS = frozenset(
    """reply replies comment comments commenting share shares sharing shared subscribe subscribed subscription
    subscriptions subscriber subscribers unsubscribe newsletter newsletters follow following sign signup login
    log register email e-mail inbox cookie cookies advertisement advertisements advertising advert ad ads
    sponsored promoted read related recommended trending print whatsapp facebook twitter instagram telegram
    youtube linkedin reddit pinterest tiktok messenger flipboard rss app apps notifications alerts click tap
    download scroll bookmark tweet feedback tags topics loading link links story stories""".split()
)
FILLER_WORDS = frozenset(
    """a an the this that these those it its our us your you we i me my to on for via with of in at by from and
    or no not be is are yet there first now here more most below above up down free daily weekly latest today
    top next previous prev please article articles post posts page news update updates channel button
    continue continued reading full view show load hide all leave add write join get see also must don't do
    miss back home menu search close open less just copy copied clipboard google x briefing digest delivered
    straight sent every morning evening week day account required fields marked name website mail like likes
    sign-up log-in opt-in""".split()
)
# Imperatives that open calls to action ("Follow us on X for updates", "Click here to read more").
CTA_VERBS = frozenset(
    "leave post add write share subscribe follow sign log register join click tap download read watch listen "
    "like get bookmark save".split()
)
# Template sentences that only page furniture uses, whatever the line's length or punctuation.
_FOOTER = re.compile(
    r"(?i)\b(?:your email address will not be published|required fields are marked|comments are closed|"
    r"be the first to comment|you must be logged in to|save my name, email|story continues below|"
    r"continue reading below|we use cookies|this (?:web)?site uses cookies|published from a syndicated feed|"
    r"join our (?:whatsapp|telegram) channel|thank you for subscribing)\b|^(?:there are )?no comments(?: yet)?\W*$"
)
# Footer phrases that prose may also use ("Meta changed its privacy policy"): junk only on a short line.
_FOOTER_SHORT = re.compile(
    r"(?i)\b(?:all rights reserved|copyright\s*(?:©|\(c\))?\s*\d{4}|©\s*\d{4}|privacy policy|"
    r"terms of (?:use|service)|cookie (?:policy|settings|preferences|consent)|accept (?:all )?cookies|"
    r"download (?:the|our) app|"
    r"sign up for (?:our|the)|support (?:our|independent) journalism|thank you for reading)\b"
)
# "Also read: <link title>", "RELATED | <link title>", "Tags: a, b, c": a label that introduces links.
_LABEL = re.compile(
    r"(?i)^\s*(?:(?:also read|read also|must read|see also|don't miss|do not miss)\b|(?:read more|read|more from|"
    r"related(?: articles| stories| news| posts)?|recommended(?: for you)?|trending(?: now)?|watch|listen|tags?|"
    r"topics?|keywords?|filed under|advertisement|sponsored|you may also like|more stories)\s*[:|–—»>-])"
)


def engagement_reason(line: str) -> str | None:
    """'engagement' when a line is a comment/share/subscribe prompt, a link label or a footer template."""
    words = words_in(line)
    if (len(words) <= 40 and _FOOTER.search(line)) or (len(words) <= 12 and _FOOTER_SHORT.search(line)):
        return "engagement"
    if _LABEL.match(line) and (len(words) <= 12 or (len(words) <= 30 and not SENTENCE_END.search(line))):
        return "engagement"  # a link title has no final full stop; a long sentence after a label is prose
    if not words or len(words) > 15:
        return None
    terms = [w for w in words if w in ENGAGEMENT_TERMS]
    if not terms:
        return None
    residual = [w for w in words if w not in ENGAGEMENT_TERMS and w not in FILLER_WORDS]
    if len(words) <= 12 and not residual:
        return "engagement"
    if words[0] in CTA_VERBS and any(w in ENGAGEMENT_TERMS for w in words[1:]) and not finite_clause(words):
        return "engagement"
    return None


def finite_clause(words: list[str]) -> bool:
    return any(w in _FINITE for w in words)


TAG = re.compile(r"</?(?P<name>[A-Za-z][A-Za-z0-9-]*)(?:\s[^<>]*)?/?>")
BLOCK_TAGS = frozenset("p div br li ul ol h1 h2 h3 h4 h5 h6 tr td th table section article blockquote".split())
_URL = re.compile(r"(?i)\bhttps?://\S+|\bwww\.\S+|\b[\w-]+(?:\.[\w-]+)+/\S*")
_CODE = re.compile(
    # a JavaScript call whose first argument is a quoted identifier — tag managers' "fn('config', 'ID');"
    r"""^\s*[A-Za-z_$][\w$.]*\(\s*['"][\w.-]+['"]\s*[,)]|"""
    r"<!--|-->|^!--|\b(?:dataLayer|googletag|adsbygoogle|fbq|_gaq|__tcfapi)\b|\bfunction\s*\w*\s*\([^)]*\)"
    r"\s*\{|\b(?:window|document)\.\w+|^\s*(?:var|let|const)\s+\w+\s*="
)
_CODE_END = re.compile(r"[;{}]\s*$")
_TWEET_SIGNATURE = re.compile(r"^[—–-]\s*[^()]{1,80}\(@\w{1,15}\)")


def code_reason(line: str) -> str | None:
    """'markup' for tracking code, HTML comment remnants and embedded-post signatures: never prose."""
    if _CODE.search(line) or (_CODE_END.search(line) and re.search(r"\w\(|[={}]", line)):
        return "markup"
    return "markup" if _TWEET_SIGNATURE.match(line) else None


def markup_reason(line: str) -> str | None:
    """'markup' for code (see :func:`code_reason`), URL-only and symbol-only lines."""
    if code_reason(line):
        return "markup"
    if not any(ch.isalnum() for ch in line):
        return "markup"
    useful = sum(ch.isalnum() or ch.isspace() for ch in line)
    if len(line) >= 6 and useful / len(line) < 0.6:
        return "markup"
    if _URL.search(line) and len(_URL.sub(" ", line).split()) < 3:
        return "markup"
    return None


_CREDIT_LABEL = re.compile(
    r"(?i)^\(?\s*(?:file |representational |representative |top |main |featured )?(?:photo|photos|photograph|"
    r"image|images|picture|pic|pics|credit|credits|courtesy|source|sources|video|graphic|graphics|illustration|"
    r"caption)(?:\s+(?:credit|credits|courtesy|source))?\s*(?:[:|/]|\bby\b|\bcourtesy\b)"
)
_CREDIT_ALONE = re.compile(r"(?i)^\(?\s*(?:photo|image|picture|video) credits?\s*\)?\s*$")
_STAFF_CREDIT = re.compile(
    r"(?i)^\(?\s*(?:(?:additional )?(?:reporting|writing|editing|compiled|translated|produced|edited|"
    r"written|research) by\b|with (?:additional )?inputs? from\b)"
)


def credit_reason(line: str) -> str | None:
    """'credit' for photo/source credits and wire staff credits ("(Reporting by ...; Editing by ...)")."""
    words = words_in(line)
    if _CREDIT_ALONE.match(line):
        return "credit"
    if (m := _CREDIT_LABEL.match(line)) and len(words_in(line[m.end():])) <= 10 and not finite_clause(words):
        return "credit"
    if _STAFF_CREDIT.match(line) and len(words) <= 30:
        return "credit"
    return None


def tag_list_reason(line: str) -> str | None:
    """'tags' for keyword lines: four or more short, mostly capitalised phrases, comma-separated, no verb."""
    if SENTENCE_END.search(line):
        return None
    items = [i.strip() for i in re.split(r"[,;|•·]", line) if i.strip()]
    if len(items) < 4 or any(len(i.split()) > 4 for i in items):
        return None
    if finite_clause(words_in(line)) or not all(any(ch.isalpha() for ch in i) for i in items):
        return None
    capitalised = sum(i[0].isupper() for i in items)
    return "tags" if capitalised * 2 >= len(items) else None


_CRUMB_SEP = re.compile(r"\s+[/>»›]\s+")


def breadcrumb_reason(line: str) -> str | None:
    """'navigation' for breadcrumb trails ("Home / World / Asia"): short items joined by path separators."""
    items = _CRUMB_SEP.split(line)
    if len(items) < 2 or SENTENCE_END.search(line) or any(len(i.split()) > 4 for i in items):
        return None
    if len(items) >= 3 or items[0].lower() == "home":
        return None if finite_clause(words_in(line)) else "navigation"
    return None


def junk_reason(line: str) -> str | None:
    """Why a line is junk (markup, engagement, credit, tags, navigation), or None for a line to keep."""
    return (markup_reason(line) or engagement_reason(line) or credit_reason(line) or tag_list_reason(line)
            or breadcrumb_reason(line))
