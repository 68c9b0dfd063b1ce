"""Whose words a claim is: the voice vocabulary, the test for a direct quotation, and attribution text.

A claim's `voice` (data/claims.csv) says how its text presents it: `quoted` (the speaker's own words,
as the text quotes them), `paraphrased` (the speaker as the writer summarises them), `narration` (the
writer's own narration, framing or interpretation) or `reported` (an outlet's reporting, in the
writer's words). A source's `chain` (data/sources.csv) lists who stands between the speaker and the
page, as links 'role: who' joined by ' → '.
"""
from __future__ import annotations

import re

VOICES = ("quoted", "paraphrased", "narration", "reported")
CHAIN_ROLES = ("speaker", "interviewer", "host", "outlet", "summariser", "rewriter", "language model", "publisher")
LLM_EDITED = ("yes", "no", "not stated")

_PAIRED_MARKS = {"「": "」", "『": "』", "“": "”", "‘": "’"}
_STRAIGHT_MARK = '"'
_PARAGRAPH = "¶"
_WHITESPACE = re.compile(r"[ \t\r\f\v\u3000]+")
# 說：, 表示：, 指出： … a speech verb and a colon, the way these texts introduce someone's own words
_SPEECH_COLON = re.compile(r"(?:說|说|表示|指出|直言|坦言|強調|强调|談到|谈到|提到|回答|問道|问道)[：:]$")


def _compact(text: str) -> str:
    return _WHITESPACE.sub("", text.replace("\n", _PARAGRAPH))


def presented_as_quotation(quote: str, text: str) -> bool:
    """Whether the text presents `quote` as someone's own words, at every place it prints it.

    The test: the quote is itself one quotation (「…」 from its first character to its last), or one
    quotation split by a short speech tag (「…，」他最後說，「…」), or, within
    its paragraph, it opens inside quotation marks (an opening 「『“‘ not yet
    closed, or an odd number of straight double quotes before it), or follows a speech verb and a colon
    (他說：…). A sentence that only contains a quoted phrase (他說 NVIDIA 是「三十年的一夜成功」) is the
    writer's sentence around the speaker's phrase, a paraphrase.
    """
    page, wanted = _compact(text), _compact(quote).strip(_PARAGRAPH)
    if not wanted:
        return False
    if _is_one_quotation(wanted) or _is_split_quotation(wanted):
        return wanted in page
    starts = [m.start() for m in re.finditer(re.escape(wanted), page)]
    return bool(starts) and all(_opens_inside_quotation(page[:start].rsplit(_PARAGRAPH, 1)[-1]) for start in starts)


def _is_one_quotation(quote: str) -> bool:
    body = quote.rstrip("。，、；！？.,;!?")
    closing = _PAIRED_MARKS.get(body[:1])
    return bool(closing) and body.endswith(closing) and body.find(closing) == len(body) - 1


# 他最後說， / 她補充道： — the few characters a writer puts between two halves of one quotation
_SPEECH_TAG = re.compile(r"^[，,]?[^「」『』“”‘’]{0,8}(?:說|说|道|表示|補充|补充)[，,：:]?$")


def _is_split_quotation(quote: str) -> bool:
    """「A，」他說，「B。」: two quotations whose only words between them are a speech tag."""
    body = quote.rstrip("。，、；！？.,;!?")
    closing = _PAIRED_MARKS.get(body[:1])
    if not closing or not body.endswith(closing):
        return False
    parts = re.split(f"{re.escape(body[0])}|{re.escape(closing)}", body)
    # '「A」tag「B」' splits into ['', 'A', 'tag', 'B', '']
    return len(parts) == 5 and not parts[0] and not parts[4] and bool(_SPEECH_TAG.match(parts[2]))


def _opens_inside_quotation(before: str) -> bool:
    if _SPEECH_COLON.search(before):
        return True
    if before.count(_STRAIGHT_MARK) % 2 == 1:
        return True
    return any(before.count(opening) > before.count(closing) for opening, closing in _PAIRED_MARKS.items())


def parse_chain(chain: str) -> list[tuple[str, str]]:
    """'speaker: Dylan Patel → host: 大飛' -> [('speaker', 'Dylan Patel'), ('host', '大飛')]; raises on a bad link."""
    links = []
    for link in chain.split("→"):
        role, _, who = link.strip().partition(":")
        if not who.strip() or role.strip() not in CHAIN_ROLES:
            raise ValueError(f"link {link.strip()!r} is not 'role: who' with a role in {', '.join(CHAIN_ROLES)}")
        links.append((role.strip(), who.strip()))
    return links


OUTLET_ROLES = ("outlet", "publisher")


def chain_names(chain: str, roles: tuple[str, ...]) -> list[str]:
    """Who fills the given roles in a chain: chain_names(chain, ('outlet',)) -> ['Bloomberg']."""
    return [who for role, who in parse_chain(chain) if role in roles]


def writer_phrase(writer: str) -> str:
    """How prose names a text's writer: 'digest writer' -> "the digest's writer"; 'Best Partners host' -> 'the Best Partners host'."""
    return "the digest's writer" if writer == "digest writer" else f"the {writer}"


def attribution(speaker: str, voice: str, writer: str, reported_outlets: list[str]) -> str:
    """Who a claim belongs to, in words taken from the data.

    'Gavin Baker, as quoted by the digest's writer'; 'Dylan Patel, as summarised by the Best Partners
    host'; "the digest's writer"; "the digest's writer, reporting Bloomberg". Narration and reporting
    are the writer's own sentences (validation holds the speaker to the writer), so they name the writer.
    """
    by = writer_phrase(writer)
    if voice == "quoted":
        return f"{speaker}, as quoted by {by}"
    if voice == "paraphrased":
        return f"{speaker}, as summarised by {by}"
    if voice == "narration":
        return by
    if voice == "reported":
        return f"{by}, reporting {' and '.join(reported_outlets) or 'an unnamed outlet'}"
    raise ValueError(f"voice {voice!r} is not one of {VOICES}")
