"""Paths as CI platforms want them: relative to the project's root (GitLab's
`CI_PROJECT_DIR`, GitHub's workspace, the repository), whatever form the user gave.

Pure path arithmetic on what the command line passes in (`project_root`, the absolute
root, and `cwd`, the folder relative paths were given from); nothing is read from disk.
"""

from __future__ import annotations

import posixpath


def project_path(path: str, project_root: str | None, cwd: str | None) -> str:
    """`path` relative to `project_root` (POSIX separators) when it lies inside it;
    otherwise as given. Without a root, `path` unchanged."""
    if not project_root or path == "-" or not cwd:
        return path
    posix = path.replace("\\", "/")
    absolute = posixpath.normpath(posix if posix.startswith("/") else posixpath.join(cwd, posix))
    root = posixpath.normpath(project_root.replace("\\", "/"))
    if absolute == root or not absolute.startswith(root.rstrip("/") + "/"):
        return path
    return absolute[len(root.rstrip("/")) + 1 :]
