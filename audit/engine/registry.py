"""The rule registry: every rule is found through the entry-point group `article_audit.rules`.

Built-in rules are declared in this project's `pyproject.toml` like any plug-in's, so
built-in and third-party rules load the same way. An entry point names either

- a rule class (`shouting = "house_rules.shouting:Shouting"`), or
- a package holding a word-list file named after the entry point
  (`house-words = "house_rules"` loads `house_rules/house-words.yml`, a list in the
  format of `audit.engine.word_lists`): a word-list rule needs no Python.

Scanning the installed distributions for entry points imports `importlib.metadata` and
reads every `entry_points.txt`: some 25 ms, a tenth of a one-file run. The scan's result
is kept in the cache folder, keyed by the distributions' metadata folders on `sys.path`
and their modification times (an install, an upgrade or a removal changes them), so a
run imports only the rules themselves.
"""

from __future__ import annotations

import importlib
import os
import sys
from functools import lru_cache
from pathlib import Path
from types import ModuleType
from typing import NamedTuple

from audit.engine.rule import Rule, RuleDefinitionError
from audit.storage.cache import cached_table

GROUP = "article_audit.rules"


class RegistryError(Exception):
    """A rule could not be loaded: the message names the entry point and its distribution."""


class EntryPoint(NamedTuple):
    name: str  # the rule's id
    value: str  # "module:attribute" or "package"
    distribution: str  # "name version" of the distribution that declares it


def registry() -> dict[str, type[Rule]]:
    """Rule id -> rule class, in id order."""
    return dict(_loaded()[0])


def origins() -> dict[str, str]:
    """Rule id -> where it came from: the distribution that declares it, and its version."""
    return dict(_loaded()[1])


@lru_cache(maxsize=1)
def _loaded() -> tuple[tuple[tuple[str, type[Rule]], ...], tuple[tuple[str, str], ...]]:
    rules: dict[str, type[Rule]] = {}
    where: dict[str, str] = {}
    for point in entry_points():
        cls = load(point)
        if cls.id in rules:
            raise RegistryError(f"rule {cls.id!r} is declared twice: by {where[cls.id]} and by {point.distribution}")
        rules[cls.id] = cls
        where[cls.id] = point.distribution
    ordered = sorted(rules)
    return tuple((rid, rules[rid]) for rid in ordered), tuple((rid, where[rid]) for rid in ordered)


def load(point: EntryPoint) -> type[Rule]:
    """The rule an entry point names; RegistryError says what is wrong with it."""
    module_name, _, attribute = point.value.partition(":")
    try:
        module = importlib.import_module(module_name.strip())
        target = _attribute(module, attribute.strip()) if attribute else _word_list(module, point.name)
    except RegistryError:
        raise
    except (ImportError, AttributeError, OSError, ValueError, RuleDefinitionError) as exc:
        raise RegistryError(
            f"rule {point.name!r} from {point.distribution} ({point.value}) could not be loaded: {exc}"
        ) from None
    if not (isinstance(target, type) and issubclass(target, Rule)):
        raise RegistryError(f"rule {point.name!r} from {point.distribution}: {point.value} is not a rule class")
    if target.id != point.name:
        raise RegistryError(
            f"rule {point.name!r} from {point.distribution}: the class's id is {target.id!r}; "
            "name the entry point after the rule's id"
        )
    return target


def _attribute(module: ModuleType, path: str):
    target = module
    for part in path.split("."):
        target = getattr(target, part)
    return target


def _word_list(package: ModuleType, name: str) -> type[Rule]:
    from audit.engine.word_lists import rule_from_file  # only plug-ins made of word lists need it

    folders = list(getattr(package, "__path__", ())) or [str(Path(package.__file__).parent)]
    for folder in folders:
        for suffix in (".yml", ".yaml"):
            path = Path(folder) / f"{name}{suffix}"
            if path.is_file():
                return rule_from_file(path)
    raise RegistryError(f"rule {name!r}: {package.__name__} holds no {name}.yml")


def entry_points() -> tuple[EntryPoint, ...]:
    """The group's entry points in the installed distributions, from the cache folder
    when the installed set has not changed since they were last read."""
    found = cached_table("entry-points", _installed_identity(), _scan, tuple)
    return tuple(EntryPoint(*point) for point in found)


def _installed_identity() -> str:
    """The distributions on sys.path: each folder's metadata folders and their times (an
    install or an upgrade adds, removes or rewrites one). Only those: a folder's own time
    changes whenever any file in it does (the working folder, /tmp)."""
    parts = [GROUP]
    for entry in sys.path:
        try:
            with os.scandir(entry or ".") as found:
                infos = sorted(
                    f"{e.name}:{e.stat().st_mtime_ns}" for e in found if e.name.endswith((".dist-info", ".egg-info"))
                )
        except OSError:
            continue
        parts.append(f"{entry}\0{','.join(infos)}")
    return "\n".join(parts)


def _scan() -> tuple[tuple[str, str, str], ...]:
    from importlib.metadata import entry_points as installed  # costly to import: only on a change

    points = set()
    for point in installed(group=GROUP):
        dist = point.dist
        label = f"{dist.name} {dist.version}" if dist is not None else "(unknown distribution)"
        points.add((point.name, point.value, label))
    return tuple(sorted(points))
