"""Reachability over any relation of the debate, written once and iteratively.

The graph (what a claim answers) and the outline (which row a claim stands under) follow
different relations but ask the same two questions: does one claim lead to another, and
does any claim lead back to itself. Both walks keep their own stack, so a chain thousands
deep never meets Python's recursion limit.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable
from typing import TypeVar

Node = TypeVar("Node", bound=Hashable)


def reaches(start: Node, goal: Node, step: Callable[[Node], Iterable[Node]]) -> bool:
    """Whether `goal` is one or more steps away from `start`."""
    seen, waiting = {start}, [start]
    while waiting:
        for nxt in step(waiting.pop()):
            if nxt == goal:
                return True
            if nxt not in seen:
                seen.add(nxt)
                waiting.append(nxt)
    return False


def has_cycle(nodes: Iterable[Node], step: Callable[[Node], Iterable[Node]]) -> bool:
    """Whether some node leads back to itself (one depth-first search over all nodes)."""
    state: dict[Node, bool] = {}  # False: on the current path, True: finished
    for start in nodes:
        if start in state:
            continue
        state[start] = False
        stack = [(start, iter(step(start)))]
        while stack:
            node, ahead = stack[-1]
            nxt = next(ahead, None)
            if nxt is None:
                state[node] = True
                stack.pop()
            elif nxt not in state:
                state[nxt] = False
                stack.append((nxt, iter(step(nxt))))
            elif state[nxt] is False:
                return True
    return False


def reached(starts: Iterable[Node], step: Callable[[Node], Iterable[Node]],
            seen: set[Node] | None = None) -> set[Node]:
    """Every node `starts` lead to, the starts included; adds to `seen` when given, so a
    caller can spread from one start after another without walking anything twice."""
    seen = set() if seen is None else seen
    waiting = [node for node in starts if node not in seen]
    seen.update(waiting)
    while waiting:
        for nxt in step(waiting.pop()):
            if nxt not in seen:
                seen.add(nxt)
                waiting.append(nxt)
    return seen
