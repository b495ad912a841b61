"""The resolve stage: findings about how a graph's claims are sourced, as pure functions over it."""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Iterator, Mapping
from types import MappingProxyType

from attrs import evolve, field, frozen

from ..errors import InputError
from ..model import Finding, Graph, GraphIndex, Severity
from . import citation, corpus, document
from .matching import match_claims
from .position import Located, positioned_claims

__all__ = ["ALL_RULES", "RULES", "RuleSelection", "fails", "resolve", "rule_examples", "rule_names"]

RULES: Mapping[str, tuple[Severity, str]] = MappingProxyType({
    "unattributed": (Severity.WARNING, "a claim with no source beyond the outlet itself"),
    "anonymous-source": (Severity.WARNING, "a claim resting on an anonymous party (\"sources said\")"),
    "dangling-source": (Severity.ERROR, "an outlet or hop names a source id that does not exist"),
    "circular-citation": (Severity.ERROR, "sources cite each other in a loop, within or across articles"),
    "date-after-publication": (
        Severity.ERROR,
        "a claim that tells of the past, or an article it cites, dated after the citing article "
        "(a warning for claims read by machine)"),
    "unresolved-mention": (Severity.WARNING, "a pronoun or description that links to no source"),
    "single-source": (Severity.INFO, "claims in an article that rest on one named party alone"),
    "not-independent": (
        Severity.WARNING,
        "one claim carried by several outlets that rest on one origin they cite, or in the very same "
        "words (a party the claim is about is no origin)"),
    "conflicting-figures": (
        Severity.WARNING,
        "the same claim about one event (one day) with different figures or dates in different outlets"),
})  # fmt: skip
"""Every rule `resolve` applies: name → (severity, what it finds). Names are stable output; the
severity is the most a finding of the rule gets (see `resolve`'s ``extracted``)."""


def rule_examples() -> dict[str, tuple[tuple[str, str], ...]]:
    """Per rule, the files of an example it fires on, as (name, contents): ``examples.toml``."""
    import tomllib
    from importlib.resources import files

    data = tomllib.loads(files(__name__).joinpath("examples.toml").read_text(encoding="utf-8"))
    return {rule: tuple(example.items()) for rule, example in data.items()}


def rule_names(names: Iterable[str]) -> frozenset[str]:
    """The rule names given, checked: `InputError` for one that is no rule, listing the rules."""
    chosen = frozenset(name.strip() for name in names if name.strip())
    unknown = sorted(chosen - RULES.keys())
    if unknown:
        listed = ", ".join(RULES)
        raise InputError(f"no rule named {', '.join(map(repr, unknown))}; the rules are: {listed}")
    return chosen


def _overrides(
    value: Mapping[str, Severity | None] | Iterable[tuple[str, Severity | None]],
) -> tuple[tuple[str, Severity | None], ...]:
    return tuple(sorted(dict(value).items()))


@frozen
class RuleSelection:
    """Which rules a run applies, and at what severity: ``--select``/``--ignore`` and ``[rules]``.

    The default applies every rule at its own severity. Rule names are checked when a selection is
    built from user input (`rule_names`); `resolve` takes any selection as it is.
    """

    select: frozenset[str] | None = None
    """Only these rules; None for every rule."""
    ignore: frozenset[str] = frozenset()
    """Rules left out, whatever ``select`` says."""
    severities: tuple[tuple[str, Severity | None], ...] = field(default=(), converter=_overrides)
    """A severity per rule that replaces its own; None switches the rule off (``= "off"``)."""

    def applies(self, rule: str) -> bool:
        """True when the run applies ``rule``."""
        if rule in self.ignore or (self.select is not None and rule not in self.select):
            return False
        return dict(self.severities).get(rule, RULES[rule][0]) is not None

    def severity(self, rule: str) -> Severity:
        """The severity ``rule``'s findings get in this run."""
        return dict(self.severities).get(rule) or RULES[rule][0]

    def then(self, later: RuleSelection) -> RuleSelection:
        """This selection with ``later``'s laid over it: the command line's over the config's.

        A later ``select`` replaces this one and brings back the rules it names that this one
        ignored or switched off; ``ignore`` adds up; later severities win.
        """
        chosen = later.select or frozenset()
        severities = {
            rule: severity for rule, severity in self.severities if not (severity is None and rule in chosen)
        }
        severities.update(later.severities)
        return RuleSelection(
            later.select if later.select is not None else self.select,
            (self.ignore - chosen) | later.ignore,
            severities,
        )


ALL_RULES = RuleSelection()
"""Every rule at its own severity: what `resolve` applies unless told otherwise."""

_DOCUMENT_RULES: tuple[tuple[str, Callable[[GraphIndex], Iterator[Located]]], ...] = (
    ("dangling-source", document.dangling_source),
    ("circular-citation", citation.circular_citation),
    ("unattributed", document.unattributed),
    ("anonymous-source", document.anonymous_source),
    ("unresolved-mention", document.unresolved_mention),
)
_ORDER = {rule: number for number, rule in enumerate(RULES)}
_RANKS = {severity: severity.rank for severity in Severity}
"""Each severity's rank, looked up once: a corpus sorts a finding per claim."""


def resolve(
    graph: Graph, rules: RuleSelection = ALL_RULES, *, extracted: Collection[str] = frozenset()
) -> tuple[Finding, ...]:
    """The findings of the ``rules`` chosen for a graph (one document, a curated file, or many).

    ``extracted`` names the documents whose claims were read by machine: a finding that rests on
    that reading (a date and its tense) is then less sure, so a rule may give it a lower severity
    than `RULES` says; curated claims get the full severity. A severity the selection sets for a
    rule stands for all its findings. Sorted by severity (error first), then document order. Corpus
    rules compare claims across documents only when there are several; the result never depends on
    ``graph.findings``. A rule left out is not run at all.
    """
    index = graph.index
    located: list[Located] = []
    for name, rule in _DOCUMENT_RULES:
        if rules.applies(name):
            located.extend(rule(index))
    if rules.applies("date-after-publication"):
        located.extend(document.date_after_publication(index, frozenset(extracted)))
    groups: list[corpus.Group] = []
    corpus_rules = ("not-independent", "conflicting-figures", "single-source")
    if len(graph.documents) > 1 and any(map(rules.applies, corpus_rules)):
        claims = list(positioned_claims(index))
        groups = [
            [claims[member] for member in group] for group in match_claims([claim for _, claim in claims])
        ]
        if rules.applies("not-independent"):
            located.extend(corpus.not_independent(index, groups))
        if rules.applies("conflicting-figures"):
            located.extend(corpus.conflicting_figures(index, groups))
    if rules.applies("single-source"):
        located.extend(corpus.single_source(index, groups))
    overrides = {rule: severity for rule, severity in rules.severities if severity is not None}
    if overrides:
        located = [
            (position, evolve(finding, severity=overrides.get(finding.rule, finding.severity)))
            for position, finding in located
        ]
    located.sort(key=lambda item: (-_RANKS[item[1].severity], item[0], _ORDER[item[1].rule], item[1].message))
    return tuple(dict.fromkeys(finding for _, finding in located))


def fails(findings: Iterable[Finding], threshold: Severity) -> bool:
    """True when any finding is at or above ``threshold``: the CLI's ``--fail-on``."""
    return any(finding.severity.rank >= threshold.rank for finding in findings)
