"""Hostile text: what a person may paste into a claim, and what must come out unchanged.

Each entry is text a view could misread: markup Qt would render (`Qt::mightBeRichText`
says yes to most of these), syntax of our text formats, bidirectional overrides, emoji
sequences, invisible characters, NUL, mixed line ends. `hostile_debate` puts all of
them into one debate, in every text field, so one file exercises every view.
"""

from __future__ import annotations

from debate_editor.domain import Claim, ClaimKind, Debate, DebateInfo, Link, LinkKind

LONG_WORDS = ("word " * 20_000).strip() + " end"
"""100,000 characters of ordinary words."""
LONG_RUN = "x" * 100_000
"""100,000 characters without a place to break a line."""

HOSTILE: dict[str, str] = {
    "html": '<b>x</b><img src=x onerror=alert(1)> &amp; <i>y</i>',
    "script": '<script>alert("pwned")</script> after the script',
    "rich text": "<qt><p style='color:red'>red</p><table><tr><td>cell</td></tr></table></qt>",
    "entities": "&lt;b&gt; is not bold, &#65; is not A, &nbsp; stays",
    "doctype": "<!DOCTYPE html><html><body><h1>Big</h1></body></html>",
    "markdown": "# Not a heading\n* not a bullet\n1. not a number\n> not a quote\n"
                "[not](http://a.link) `code` **bold** _em_ | a | b |\n---\n<br>",
    "argdown": "[Title]: not a statement\n  + <Arg>: not an argument\n  - [Other] #tag "
               "{key: value}\n// not a comment /* nor this */ ===",
    "kialo": "1.1. Pro: not a Kialo line -> See 1.",
    "long words": LONG_WORDS,
    "long run": LONG_RUN,
    "right to left": "Hebrew שלום עולם, Arabic مرحبا بالعالم, numbers 123 ٤٥٦",
    "bidi overrides": "start \u202eRLO reversed\u202c \u202dLRO\u202c \u2067iso\u2069 "
                      "\u200fRLM\u200e end",
    "emoji": "👩‍👩‍👧‍👦 family, 🏳️‍🌈 flag, 👍🏽 thumb, 🇪🇺 flag, 1️⃣ keycap",
    "zero width": "zero\u200bwidth\u200cnon\u200djoiner\u2060word\ufeffjoiner",
    "combining": "Z\u0337\u0322\u031ba\u0334l\u0338g\u0337o\u0336 e\u0301 a\u0308 "
                 "\u0915\u094d\u0937",
    "nul": "before\x00after the NUL",
    "line ends": "one\r\ntwo\rthree\nfour\u2028five\u2029six\x85seven",
    "tabs": "col1\tcol2\t\tcol3\t",
    "no-break": "no\u00a0break, narrow\u202fno-break, figure\u2007space, soft\u00adhyphen",
    "controls": "bell\x07 escape\x1b[31m red? backspace\x08 form\x0cfeed",
}
"""Claim texts, each stored and shown exactly as written."""

UNSTORABLE = {"lone surrogate": "half a pair: \ud83d here", "lone low": "\udc00 alone"}
"""Text that has no UTF-8 form: refused with InvalidDebateError, never a crash."""


def hostile_debate(title: str = "<b>Title</b> & [*] \u202eevil") -> Debate:
    """One thesis per entry of HOSTILE, each with a reason and an objection whose texts
    are hostile too, and titles, notes, sources and tags from the same corpus."""
    claims: list[Claim] = []
    links: list[Link] = []
    names = list(HOSTILE)
    for n, name in enumerate(names, start=1):
        text = HOSTILE[name]
        other = HOSTILE[names[n % len(names)]]
        thesis = Claim(id=f"t{n}", text=text, kind=ClaimKind.THESIS, order=n,
                       title=other[:60] if len(other) < 200 else "",
                       note=text[:500], source=other[:100], tags=(name, "<b>tag</b>"))
        reason = Claim(id=f"r{n}", text=other, kind=ClaimKind.EVIDENCE)
        objection = Claim(id=f"o{n}", text=f"{name}: {text}", kind=ClaimKind.CLAIM)
        claims += [thesis, reason, objection]
        links += [Link(id=f"s{n}", source=reason.id, to_claim=thesis.id),
                  Link(id=f"x{n}", source=objection.id, to_claim=thesis.id,
                       kind=LinkKind.OBJECTION)]
    return Debate(info=DebateInfo(title=title, description=HOSTILE["markdown"]),
                  claims=tuple(claims), links=tuple(links))
