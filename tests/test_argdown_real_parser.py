"""Argdown round trips judged by the real Argdown parser (@argdown/cli 1.7.5, `argdown json`).

Lossless means: import a file, export it back, and the real parser counts the same
statements, arguments and relations by type in the export as in the original. This holds
for the five real files of the shared corpus, for every .argdown file of the Argdown
repository that the real parser accepts (tests/data/argdown-corpus/repository; the ones it
refuses are refused here too) and for our own files in tests/data/argdown (undercuts,
reconstructions with inference rules, contradictions, deep nesting, tags, front matter,
strict mode). Exports of hostile debates are read by the real parser too, and our own
parser is compared with it on a few hundred random and mangled texts: the same texts
accepted, the same counts.

The package is installed once into .cache/argdown with npm. Without Node.js and npm these
tests fail with a message saying so; they never pass without having run the real parser.
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from argdown_samples import (
    GUESSED,
    OUR_FILES,
    corpus_expected,
    corpus_files,
    hostile_debate,
    mutate,
    random_argdown,
    real_counts,
    repository_expected,
    repository_files,
)

from debate_editor.domain.errors import ImportFormatError
from debate_editor.domain.model import ClaimKind, Debate, LinkKind
from debate_editor.formats.argdown import argdown_counts, read_argdown, write_argdown

HOSTILE_SEEDS = range(40)
RANDOM_SEEDS = range(300)


def _repository(accepted: bool) -> dict[str, str]:
    """The Argdown repository's files the real parser accepts (or refuses), by a name
    made from their path there."""
    expected = repository_expected()
    return {f"repo__{path.removesuffix('.argdown').replace('/', '__')}":
            file.read_bytes().decode("utf-8")
            for path, file in repository_files().items()
            if (expected[path] is not None) == accepted}


def _sources() -> dict[str, str]:
    corpus, ours = corpus_files(), sorted(OUR_FILES.glob("*.argdown"))
    assert len(corpus) >= 5 and len(ours) >= 4, "Argdown files missing under tests/data"
    return {**{f"corpus__{p.stem}": p.read_text(encoding="utf-8") for p in corpus},
            **{f"ours__{p.stem}": p.read_text(encoding="utf-8") for p in ours},
            **_repository(accepted=True)}


@pytest.fixture(scope="module")
def judged(tmp_path_factory: pytest.TempPathFactory) -> dict[str, object]:
    """Everything the real parser has to read, read in one run."""
    sources = _sources()
    texts = dict(sources)
    for name, text in sources.items():
        texts[f"{name}__export"] = write_argdown(read_argdown(text))
    debates = {}
    for seed in HOSTILE_SEEDS:
        debates[f"hostile{seed}"] = hostile_debate(random.Random(seed))
        texts[f"hostile{seed}"] = write_argdown(debates[f"hostile{seed}"])
    samples = {}
    for seed in RANDOM_SEEDS:
        rnd = random.Random(1000 + seed)
        text = random_argdown(rnd)
        samples[f"random{seed}"] = mutate(rnd, text) if rnd.random() < 0.4 else text
    texts.update(samples)
    texts.update(_repository(accepted=False))
    texts.update({f"guessed{index}": text for index, (text, *_) in enumerate(GUESSED)})
    counts = real_counts(texts, tmp_path_factory.mktemp("argdown"))
    return {"sources": sources, "texts": texts, "counts": counts, "debates": debates,
            "samples": samples}


def test_the_real_parser_counts_what_the_corpus_says(judged: dict) -> None:
    expected = corpus_expected()
    named = [file for file in expected if f"corpus__{Path(file).stem}" in judged["counts"]]
    assert len(named) >= 5, expected.keys()
    for file in named:
        assert judged["counts"][f"corpus__{Path(file).stem}"] == expected[file], file


def test_the_real_parser_counts_what_the_repository_files_say(judged: dict) -> None:
    """The counts kept in repository/expected.json are the real parser's, refusals too."""
    expected = repository_expected()
    assert len(expected) == len(repository_files()) >= 30
    for path, counts in expected.items():
        name = f"repo__{path.removesuffix('.argdown').replace('/', '__')}"
        assert judged["counts"][name] == counts, path


@pytest.mark.parametrize("name", sorted(_repository(accepted=False)))
def test_what_the_real_parser_refuses_is_refused(judged: dict, name: str) -> None:
    assert judged["counts"][name] is None, "the real parser accepts it now"
    with pytest.raises(ImportFormatError):
        read_argdown(judged["texts"][name])


@pytest.mark.parametrize("name", sorted(_sources()))
def test_import_then_export_keeps_every_count(judged: dict, name: str) -> None:
    original = judged["counts"][name]
    exported = judged["counts"][f"{name}__export"]
    assert original is not None, f"the real parser refuses {name} itself"
    assert exported is not None, f"the real parser refuses our export:\n" \
                                 f"{judged['texts'][f'{name}__export']}"
    assert exported == original, judged["texts"][f"{name}__export"]


def _expected_from_debate(debate: Debate) -> dict[str, object]:
    """What an export of a debate must count: one statement per claim (plus the statements
    of premise-conclusion structures), one argument per argument claim, one relation per
    link (an undercut once per undercutting claim and attacked reason)."""
    claims = {c.id: c for c in debate.claims}
    links = {link.id: link for link in debate.links}
    structure_statements = sum(c.argument_structure.count("\n(") + 1
                               for c in debate.claims if c.argument_structure)
    relations: dict[str, int] = {}
    undercuts = {(link.source, links[link.to_link].source)
                 for link in debate.links if link.to_link is not None}
    for link in debate.links:
        if link.to_link is None:
            kind = "support" if link.kind is LinkKind.SUPPORT else "attack"
            relations[kind] = relations.get(kind, 0) + 1
    if undercuts:
        relations["undercut"] = len(undercuts)
    return {
        "statements": sum(c.kind is not ClaimKind.ARGUMENT for c in claims.values())
        + structure_statements,
        "arguments": sum(c.kind is ClaimKind.ARGUMENT for c in claims.values()),
        "relations": dict(sorted(relations.items())),
    }


@pytest.mark.parametrize("seed", HOSTILE_SEEDS)
def test_hostile_exports_read_right_by_the_real_parser(judged: dict, seed: int) -> None:
    name = f"hostile{seed}"
    text, debate = judged["texts"][name], judged["debates"][name]
    assert judged["counts"][name] == argdown_counts(text), text
    links = {link.id: link for link in debate.links}
    # Argdown merges an undercut by a claim of its own reason with other undercuts of it,
    # so the simple one-relation-per-link figure holds only without those.
    own = [link for link in debate.links if link.to_link is not None
           and link.source in (links[link.to_link].source, links[link.to_link].target)]
    if not own:
        assert judged["counts"][name] == _expected_from_debate(debate), text


@pytest.mark.parametrize("index", range(len(GUESSED)))
def test_what_we_import_with_a_warning_the_real_parser_reads(judged: dict, index: int) -> None:
    text = GUESSED[index][0]
    assert judged["counts"][f"guessed{index}"] == argdown_counts(text), text


def test_our_parser_agrees_with_the_real_one(judged: dict) -> None:
    """Same texts accepted and refused, same counts, on a few hundred random texts."""
    disagreements = []
    agreed = 0
    for name, text in judged["samples"].items():
        real = judged["counts"][name]
        try:
            ours: object = argdown_counts(text)
        except ImportFormatError as error:
            ours = error
        if isinstance(ours, ImportFormatError):
            if real is not None:
                disagreements.append((name, "we refuse", str(ours), real))
            else:
                agreed += 1
        elif ours != real:
            disagreements.append((name, "counts differ", ours, real))
        else:
            agreed += 1
    assert not disagreements, disagreements[:5]
    assert agreed > 0.9 * len(judged["samples"])
