"""metric: a formula over the file's counts (words, sentences, syllables, headings, ...)
whose `condition` flags the file; the value is the message's `%s` (two decimals).

The formula is arithmetic with `math.` functions, evaluated from its syntax tree: no
names but the counts, no calls but math's."""

from __future__ import annotations

import ast
import math
import operator
import re

from audit.document.segment import split_sentences
from audit.language.syllables import count as syllables
from audit.vale.checks import Alert, Check, StyleError, format_message

VARIABLES = ("pre", "list", "blockquote", *(f"heading_h{i}" for i in range(1, 7)))
_OPS = {
    ast.Add: operator.add,
    ast.Sub: operator.sub,
    ast.Mult: operator.mul,
    ast.Div: operator.truediv,
    ast.Mod: operator.mod,
    ast.Pow: operator.pow,
    ast.USub: operator.neg,
    ast.UAdd: operator.pos,
    ast.Gt: operator.gt,
    ast.Lt: operator.lt,
    ast.GtE: operator.ge,
    ast.LtE: operator.le,
    ast.Eq: operator.eq,
    ast.NotEq: operator.ne,
}
_WORD = re.compile(r"[A-Za-z\u00c0-\u024f]+(?:['\u2019-][A-Za-z\u00c0-\u024f]+)*|\d+(?:[.,]\d+)*")


def evaluate(expression: str, names: dict[str, float]) -> float | bool:
    def value(node):
        if isinstance(node, ast.Expression):
            return value(node.body)
        if isinstance(node, ast.Constant) and isinstance(node.value, int | float):
            return node.value
        if isinstance(node, ast.Name) and node.id in names:
            return names[node.id]
        if isinstance(node, ast.BinOp | ast.UnaryOp) and type(node.op) in _OPS:
            if isinstance(node, ast.UnaryOp):
                return _OPS[type(node.op)](value(node.operand))
            return _OPS[type(node.op)](value(node.left), value(node.right))
        if isinstance(node, ast.Compare) and len(node.ops) == 1 and type(node.ops[0]) in _OPS:
            return _OPS[type(node.ops[0])](value(node.left), value(node.comparators[0]))
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and isinstance(node.func.value, ast.Name)
            and node.func.value.id == "math"
            and hasattr(math, node.func.attr)
        ):
            return getattr(math, node.func.attr)(*map(value, node.args))
        raise ValueError(f"not allowed in a formula: {ast.unparse(node)}")

    return value(ast.parse(expression.strip(), mode="eval"))


def counts(text: str) -> dict[str, float]:
    """Vale's readability counts of a text."""
    words = _WORD.findall(text)
    sylls = [syllables(w) for w in words]
    return {
        "words": len(words),
        "sentences": max(1, len(split_sentences(text))) if words else 0,
        "characters": sum(len(w) for w in words),
        "syllables": sum(sylls),
        "complex_words": sum(1 for w, s in zip(words, sylls) if s >= 3 and not w[:1].isupper()),
        "polysyllabic_words": sum(1 for s in sylls if s >= 3),
        "long_words": sum(1 for w in words if len(w) > 6),
        "paragraphs": len([p for p in text.split("\n\n") if p.strip()]),
    }


def _counts_of(block) -> dict[str, float]:
    """The counts of a block, worked out once for all the metric rules of a file."""
    cached = getattr(block, "counts", None)
    if cached is None:
        cached = block.counts = counts(block.text)
    return cached


class Metric(Check):
    default_scope = "summary"

    def setup(self) -> None:
        self._formula = re.sub(r"heading\.(h[1-6])", r"heading_\1", str(self.data.get("formula", "")))
        self._condition = str(self.data.get("condition", ""))
        if not self._formula.strip():
            raise StyleError(self.path, "formula", "is missing")

    def run(self, block, state):
        if not block.scope.startswith("summary"):
            return []
        names = dict(_counts_of(block))
        if not names["words"]:
            return []  # Vale computes no metrics on a file without prose
        names.update({k: float(state.file.counts.get(k, 0)) for k in VARIABLES})
        try:
            result = evaluate(self._formula, names)
            flagged = evaluate(f"{result:f} {self._condition}", names)
        except ZeroDivisionError:
            return []
        except (ValueError, SyntaxError, TypeError) as error:
            raise StyleError(self.path, "formula", str(error)) from None
        if not flagged:
            return []
        return [Alert(-1, -1, self._message(f"{result:.2f}"), "", dict(self.action))]

    def _message(self, value: str) -> str:
        return format_message(self.message, value)


CHECK = Metric
