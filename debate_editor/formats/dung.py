"""The debate flattened into a plain attack graph, in the ICCMA formats (apx and i23).

Any Dung solver can then check our labelling (README, "Which claims stand"): the grounded
extension of this graph is exactly the set of claims and links that are *in*, and the
arguments it attacks are those that are *out*. Every claim and link id is an argument name
as it is; the auxiliary arguments are

- `not_S` for each claim S that is a source of some link: attacked by S, attacking every
  link S is a source of (a link falls when a source falls);
- evidential reading only, `unsupported_C` for each claim C that has supporting links:
  attacked by each of them, attacking C (C falls when every reason for it falls).

Should any id begin with `not_` (or `unsupported_`), that prefix takes one more `_` until
none does, so an auxiliary name is never an id. Pure Python.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from debate_editor.domain.errors import ExportError
from debate_editor.domain.model import Debate, LinkKind
from debate_editor.domain.status import Semantics, sources_of
from debate_editor.formats.registry import ExportOptions, Format, register

_NAME = re.compile(r"[A-Za-z0-9_]+")


@dataclass(frozen=True)
class AttackGraph:
    arguments: tuple[str, ...]
    attacks: tuple[tuple[str, str], ...]
    not_prefix: str = "not_"
    unsupported_prefix: str = "unsupported_"


def _prefix(base: str, ids: list[str]) -> str:
    prefix = base
    while any(item.startswith(prefix) for item in ids):
        prefix += "_"
    return prefix


def attack_graph(debate: Debate, semantics: Semantics = Semantics.GROUNDED) -> AttackGraph:
    """Claims, then links, then auxiliary arguments, each in the debate's order."""
    ids = [c.id for c in debate.claims] + [link.id for link in debate.links]
    for item in ids:
        if not _NAME.fullmatch(item):
            raise ExportError(
                f"The id “{item}” cannot be an argument name in the ICCMA formats, "
                "which take ids of ASCII letters, digits and _ only."
            )
    not_ = _prefix("not_", ids)
    unsupported = _prefix("unsupported_", ids)
    attacks: list[tuple[str, str]] = []
    fed: dict[str, list[str]] = {}
    supported: dict[str, list[str]] = {}
    for link in debate.links:
        if link.kind is LinkKind.OBJECTION:
            attacks.append((link.id, link.target))
        elif semantics is Semantics.EVIDENTIAL:
            supported.setdefault(link.target, []).append(link.id)
        for source in sources_of(link):
            fed.setdefault(source, []).append(link.id)
    aux: list[str] = []
    for claim in debate.claims:
        if claim.id in fed:
            name = not_ + claim.id
            aux.append(name)
            attacks.append((claim.id, name))
            attacks.extend((name, lid) for lid in fed[claim.id])
    for claim in debate.claims:
        if claim.id in supported:
            name = unsupported + claim.id
            aux.append(name)
            attacks.extend((lid, name) for lid in supported[claim.id])
            attacks.append((name, claim.id))
    return AttackGraph(tuple(ids + aux), tuple(attacks), not_, unsupported)


def apx_text(graph: AttackGraph) -> str:
    lines = [f"arg({name})." for name in graph.arguments]
    lines += [f"att({a},{b})." for a, b in graph.attacks]
    return "\n".join(lines) + "\n"


def i23_text(graph: AttackGraph) -> str:
    number = {name: i for i, name in enumerate(graph.arguments, start=1)}
    lines = [f"p af {len(graph.arguments)}"]
    lines += [f"# {i} {name}" for name, i in number.items()]
    lines += [f"{number[a]} {number[b]}" for a, b in graph.attacks]
    return "\n".join(lines) + "\n"


def write_apx(debate: Debate, options: ExportOptions) -> str:
    return apx_text(attack_graph(debate))


def write_i23(debate: Debate, options: ExportOptions) -> str:
    return i23_text(attack_graph(debate))


register(Format("apx", "Attack graph (ICCMA apx)", (".apx",), write=write_apx))
register(Format("i23", "Attack graph (ICCMA 2023)", (".i23",), write=write_i23))
