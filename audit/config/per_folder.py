"""Each file's settings in a batch: from one config file given for the whole run, or
from the nearest config of the file's folder (see `loader.find`), or from none at all
(`--isolated`), with the command line's choices on top.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

from audit.config.loader import Config, ConfigError, find, load
from audit.engine.auditor import STDIN
from audit.engine.rule import Rule
from audit.engine.settings import Settings


class PerFolderSettings:
    """Settings per file: the config from `config` if given, the built-in defaults if
    `isolated`, else the nearest config per folder.

    Call it with a path for that file's Settings. A batch has thousands of files in a few
    folders: each folder is resolved and searched for its config once, and each config
    file is loaded once (a file that is a symbolic link is looked up on its own).
    Raises ConfigError for a config that does not load and for an unknown rule id in
    `select` or `ignore`."""

    def __init__(
        self,
        registry: Mapping[str, type[Rule]],
        *,
        config: Path | None = None,
        select: tuple[str, ...] | None = None,
        ignore: tuple[str, ...] = (),
        fail_on: str | None = None,
        min_severity: str | None = None,
        profile: str | None = None,
        report_unused_suppressions: bool = False,
        isolated: bool = False,
        exclude: tuple[str, ...] = (),
    ) -> None:
        self.registry = registry
        self.exclude = exclude  # the command line's, relative to the working folder
        self.fixed: Config | None = load(config, registry) if config else Config() if isolated else None
        self.chosen = dict(
            select=select,
            ignore=ignore,
            fail_on=fail_on,
            min_severity=min_severity,
            profile=profile,
            report_unused_suppressions=report_unused_suppressions,
        )
        self.loaded: dict[Path | None, Config] = {}
        self.config_paths: dict[str, Path | None] = {}
        self.link_configs: dict[str, Path | None] = {}  # the same, for the folders links point into
        for rid in (select or ()) + ignore:
            if rid != "all" and rid not in registry:
                raise ConfigError(f"unknown rule {rid!r}; run 'article-audit rules' to list them")
        if select is not None and not select:  # `--select "$RULES"` with RULES unset
            raise ConfigError("--select names no rule, so nothing would be checked; name rules, or all")

    def __call__(self, path: str) -> Settings:
        return self.config_for(path).settings_for(path, self.registry, **self.chosen)

    def excludes(self, folder: Path) -> list[tuple[Path, tuple[str, ...]]]:
        """What a walk of `folder` leaves out besides what git ignores: the command line's
        patterns (relative to the working folder) and its config's (relative to the config's)."""
        found = [(Path.cwd(), self.exclude)] if self.exclude else []
        config = self.config_for(os.path.join(folder, "_"))  # a file in the folder: the folder's config
        if config.exclude:
            found.append((config.root, config.exclude))
        return found

    def config_for(self, path: str) -> Config:
        """The config that governs `path` (standard input: the working folder's)."""
        if self.fixed is not None:
            return self.fixed
        folder = "." if path == STDIN else os.path.dirname(path) or "."
        if path != STDIN and os.path.islink(path):
            where = self._linked(path)
        elif folder in self.config_paths:
            where = self.config_paths[folder]
        else:
            where = self.config_paths[folder] = find(Path(folder).resolve() if path != STDIN else Path.cwd())
        if where not in self.loaded:
            self.loaded[where] = load(where, self.registry) if where else Config()
        return self.loaded[where]

    def warnings(self) -> list[str]:
        """What the configs used so far accept but cannot mean (see Config.warnings), once each."""
        configs = [self.fixed] if self.fixed is not None else list(self.loaded.values())
        return list(dict.fromkeys(w for config in configs for w in config.warnings))

    def _linked(self, path: str) -> Path | None:
        """The config of a symbolic link: its target's. Links into one folder (a batch of
        links to an archive) share one search, found from the link's target folder."""
        try:
            target = os.path.join(os.path.dirname(path), os.readlink(path))
        except OSError:
            target = None
        if target is None or os.path.islink(target):  # unreadable, or a chain of links: resolved in full
            return find(real_folder(path))
        folder = os.path.dirname(target) or "."
        if folder not in self.link_configs:
            self.link_configs[folder] = find(Path(folder).resolve())
        return self.link_configs[folder]


def real_folder(path: str) -> Path:
    """The real folder of a file (a symbolic link's target's folder)."""
    try:
        return Path(path).resolve().parent
    except (OSError, RuntimeError):  # a symbolic link loop: reported as such when the file is read
        return Path(os.path.abspath(path)).parent
