"""Bad input (issue 10): one test per kind of input the audit cannot or should not take.

Each gives a plain message naming the file and the problem, the rest of the batch is
audited, and the exit code follows the contract: 2 when any input could not be audited.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from importlib import resources
from pathlib import Path

import pytest

from audit.batch import inputs
from audit.batch.inputs import read_input
from audit.cli.main import DEFAULT_MAX_BYTES, main
from audit.frontends import InputError, decode
from audit.language.detection import ENGLISH, NOT_ENGLISH, detect

GOOD = "A short note\n\nWe meet at noon. Bring a pen. The room is on the first floor.\n"
ENGLISH_PARAGRAPH = (
    "The council voted on Tuesday night to approve a new plan for the city's buses and trains. "
    "The mayor said that the work would start in the spring and that it should take about two years. "
    "People who live in the north of the city will be able to catch a bus every ten minutes, and the "
    "cycle lanes will be extended all the way to the station. The opposition said the budget was too "
    "high and asked for a public meeting before the end of the year."
)
# The same news item, written for these tests in other languages.
NOT_ENGLISH_SAMPLES = {
    "fr": "Le conseil municipal a voté mardi soir un nouveau plan pour les transports de la ville. Selon le "
    "maire, les travaux commenceront au printemps et dureront deux ans. Les habitants du quartier nord "
    "pourront prendre un bus toutes les dix minutes, et les pistes cyclables seront prolongées jusqu'à la "
    "gare. L'opposition estime que le budget est trop élevé et demande une consultation publique avant la "
    "fin de l'année.",
    "de": "Der Stadtrat hat am Dienstagabend einen neuen Plan für den Nahverkehr beschlossen. Nach Angaben des "
    "Bürgermeisters beginnen die Bauarbeiten im Frühjahr und dauern zwei Jahre. Die Bewohner des "
    "Nordviertels sollen alle zehn Minuten einen Bus nehmen können, und die Radwege werden bis zum Bahnhof "
    "verlängert. Die Opposition hält das Budget für zu hoch und fordert eine öffentliche Anhörung.",
    "es": "El ayuntamiento aprobó el martes por la noche un nuevo plan de transporte para la ciudad. Según el "
    "alcalde, las obras empezarán en primavera y durarán dos años. Los vecinos del barrio norte podrán "
    "tomar un autobús cada diez minutos, y los carriles para bicicletas llegarán hasta la estación. La "
    "oposición cree que el presupuesto es demasiado alto y pide una consulta pública.",
    "nl": "De gemeenteraad heeft dinsdagavond een nieuw plan voor het openbaar vervoer in de stad aangenomen. "
    "Volgens de burgemeester beginnen de werkzaamheden in het voorjaar en duren ze twee jaar. De bewoners "
    "van de noordelijke wijk kunnen elke tien minuten een bus nemen, en de fietspaden worden doorgetrokken "
    "tot aan het station. De oppositie vindt het budget te hoog.",
    "pl": "Rada miejska przyjęła we wtorek wieczorem nowy plan komunikacji miejskiej. Według burmistrza prace "
    "rozpoczną się wiosną i potrwają dwa lata. Mieszkańcy północnej dzielnicy będą mogli wsiąść do "
    "autobusu co dziesięć minut, a ścieżki rowerowe zostaną przedłużone aż do dworca. Opozycja uważa, że "
    "budżet jest za wysoki, i domaga się konsultacji społecznych przed końcem roku.",
    "ru": "Городской совет во вторник вечером утвердил новый план развития общественного транспорта. По словам "
    "мэра, работы начнутся весной и продлятся два года. Жители северного района смогут садиться на "
    "автобус каждые десять минут, а велосипедные дорожки продлят до самого вокзала.",
    "zh": "市议会星期二晚上通过了一项新的城市交通计划。市长表示，工程将于春季开始，持续两年。北区居民每十分钟就能搭上一班"
    "公共汽车，自行车道也将一直延伸到火车站。反对派认为预算过高，要求在年底之前举行公开听证会。下个月将在市政厅召开"
    "一次会议。",
}


def check(capsys, *args: str) -> tuple[int, dict]:
    code = main(["check", "--format", "json", "--no-cache", "--jobs", "1", *args])
    return code, json.loads(capsys.readouterr().out)


def by_path(report: dict) -> dict[str, dict]:
    return {r["path"]: r for r in report["files"]}


def audit_one(tmp_path, capsys, name: str, content: bytes | str) -> tuple[int, dict]:
    """Audit a bad input next to a good article: returns (exit code, the bad input's result)."""
    good = tmp_path / "good.txt"
    good.write_text(GOOD, encoding="utf-8")
    bad = tmp_path / name
    bad.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
    code, report = check(capsys, str(bad), str(good))
    results = by_path(report)
    assert results[str(good)]["status"] == "passed"  # the rest of the batch is audited
    return code, results[str(bad)]


def assert_refused(code: int, result: dict, *words: str) -> None:
    assert code == 2
    assert result["status"] == "error" and result["findings"] == []
    for word in words:
        assert word in result["error"], result["error"]


# Encodings ---------------------------------------------------------------------------


def test_binary_file_is_refused(tmp_path, capsys):
    png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10" + bytes(range(256)) * 4
    assert_refused(*audit_one(tmp_path, capsys, "photo.txt", png), "not text", "NUL")


def test_binary_file_without_nul_bytes_is_called_binary(tmp_path, capsys):
    noise = bytes((i * 197 + 13) % 255 + 1 for i in range(4096))  # every byte value but 0
    assert_refused(*audit_one(tmp_path, capsys, "archive.txt", noise), "not text", "binary")


def test_invalid_utf8_names_the_byte_and_where(tmp_path, capsys):
    code, result = audit_one(tmp_path, capsys, "broken.txt", b"Title\n\nGood text, then \xc3\x28 broken.\n")
    assert_refused(code, result, "not valid UTF-8", "0xc3", "line 3, column 17", "save it as UTF-8")


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_with_bom_is_audited_at_character_positions(tmp_path, capsys, codec):
    text = "Caf\u00e9 news\r\n\r\nThe the caf\u00e9 opens at noon. Bring a pen.\r\n"
    bom = b"\xff\xfe" if codec.endswith("le") else b"\xfe\xff"
    code, result = audit_one(tmp_path, capsys, "wide.txt", bom + text.encode(codec))
    assert result["status"] in ("passed", "failed") and result["error"] is None
    doubled = [f for f in result["findings"] if f["excerpt"].lower() == "the the"]
    assert doubled and (doubled[0]["line"], doubled[0]["column"]) == (3, 1)


def test_latin1_is_refused_with_a_hint_not_guessed(tmp_path, capsys):
    # No fallback: Latin-1, Windows-1252 and other 8-bit encodings cannot be told apart,
    # and auditing mis-decoded text would report nonsense at the wrong places.
    latin1 = "Caf\u00e9 society\n\nThe caf\u00e9 opened na\u00efvely on Monday.\n".encode("latin-1")
    code, result = audit_one(tmp_path, capsys, "latin1.txt", latin1)
    assert_refused(code, result, "not valid UTF-8", "0xe9", "Latin-1", "save it as UTF-8")


@pytest.mark.parametrize("where", [0, 20_000])  # NUL at the start, and far past the first 8 KB
def test_nul_bytes_are_refused_anywhere(tmp_path, capsys, where):
    data = bytearray((GOOD * 400).encode())[: where + 100]
    data[where] = 0
    assert_refused(*audit_one(tmp_path, capsys, "nul.txt", bytes(data)), "NUL")


def test_utf32_is_refused_plainly():
    with pytest.raises(InputError, match="UTF-32"):
        decode("Hello".encode("utf-32"))


# Empty, blank and markup only --------------------------------------------------------


@pytest.mark.parametrize(
    "name, content, words",
    [
        ("empty.txt", b"", ("no prose", "empty")),
        ("blank.txt", b"  \n\t\r\n   \n", ("no prose", "white space")),
        ("blank.md", b"\n\n   \n", ("no prose", "white space")),
        (
            "markup.html",
            b"<!doctype html><html><head><title>x</title><style>p{}</style></head>"
            b"<body><img src='a.png'><script>var a = 'words words';</script></body></html>",
            ("no prose",),
        ),
        ("markup.md", b"```python\nprint('words')\n```\n\n![](a.png)\n\n---\n\n<!-- a comment -->\n", ("no prose",)),
        ("comment.html", b"<!-- a comment with words in it -->", ("no prose",)),
    ],
)
def test_nothing_to_audit_is_an_error_never_a_pass(tmp_path, capsys, name, content, words):
    assert_refused(*audit_one(tmp_path, capsys, name, content), *words)


# Size and length ---------------------------------------------------------------------


def test_50_mb_file_is_too_large_and_never_read(tmp_path, capsys, monkeypatch):
    huge = tmp_path / "huge.txt"
    with open(huge, "wb") as handle:  # sparse: 50 MB without writing them
        handle.truncate(50 * 1024 * 1024)
    real_read = inputs._read_to_end

    def guarded_read(fd, size, limit):
        assert size != huge.stat().st_size, "the too-large file was read"
        return real_read(fd, size, limit)

    monkeypatch.setattr(inputs, "_read_to_end", guarded_read)
    good = tmp_path / "good.txt"
    good.write_text(GOOD, encoding="utf-8")
    code, report = check(capsys, str(huge), str(good))
    result = by_path(report)[str(huge)]
    assert_refused(code, result, "too large", "52,428,800 bytes", f"{DEFAULT_MAX_BYTES:,}", "--max-bytes")
    assert by_path(report)[str(good)]["status"] == "passed"


def test_a_file_larger_than_it_says_is_still_cut_at_the_limit():
    # /proc files report size 0 and are regular files: the limit is checked on the bytes read too.
    if not Path("/proc/self/status").is_file():
        pytest.skip("needs Linux /proc")
    with pytest.raises(InputError, match="too large"):
        read_input("/proc/self/status", max_bytes=10)


@pytest.mark.parametrize("size", [0, 1, 4095, 65536, 65537, 300_000])
@pytest.mark.parametrize("max_bytes", [None, 65536])
def test_a_file_is_read_whole_up_to_the_limit(tmp_path, size, max_bytes):
    path = tmp_path / "a.txt"
    data = bytes(range(256)) * (size // 256) + bytes(size % 256)
    path.write_bytes(data)
    if max_bytes is not None and size > max_bytes:
        with pytest.raises(InputError, match=f"too large to audit \\({size:,} bytes; the limit is {max_bytes:,}"):
            read_input(str(path), max_bytes=max_bytes)
    else:
        assert read_input(str(path), max_bytes=max_bytes) == data


def test_a_socket_named_like_an_article_is_refused(tmp_path):
    import socket

    if not hasattr(socket, "AF_UNIX"):
        pytest.skip("needs Unix sockets")
    path = tmp_path / "s.txt"
    with socket.socket(socket.AF_UNIX) as server:
        try:
            server.bind(str(path))
        except OSError as exc:  # a path too long for a socket address
            pytest.skip(f"cannot bind a Unix socket here: {exc}")
        with pytest.raises(InputError, match="not a regular file"):
            read_input(str(path))


def test_max_bytes_is_configurable(tmp_path, capsys):
    article = tmp_path / "a.txt"
    article.write_text(GOOD, encoding="utf-8")
    code, report = check(capsys, "--max-bytes", "20", str(article))
    assert_refused(code, report["files"][0], "too large", "the limit is 20")


def test_standard_input_has_the_same_limit(capsys, monkeypatch):
    import io

    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(GOOD.encode() * 10)))
    code, report = check(capsys, "--max-bytes", "100", "-")
    assert_refused(code, report["files"][0], "too large", "standard input")


def long_line(n: int = 200_000) -> str:
    prose = " ".join(
        resources.files("audit.samples").joinpath("coalition-meeting.txt").read_text(encoding="utf-8").split()
    )
    return ((prose + " ") * (n // len(prose) + 1))[:n]


def test_200000_character_single_line_is_audited(tmp_path, capsys):
    # Measured (2 cores): about 2 s for the whole audit. Time is not asserted: it must finish.
    text = long_line()
    assert len(text) == 200_000 and "\n" not in text
    code, result = audit_one(tmp_path, capsys, "one-line.txt", text)
    assert result["status"] == "failed" and result["metrics"]["words"] > 30_000
    for f in result["findings"]:
        assert f["line"] == f["end_line"] == 1
        assert text[f["column"] - 1 : f["end_column"] - 1] == f["excerpt"]


# Runs of one character are what make a backtracking regular expression quadratic:
# (unit, times) for lines of 200,000 characters.
PATHOLOGICAL_LINES = [
    ("!", 200_000),
    (".", 200_000),
    ("?!", 100_000),
    (" ", 200_000),
    ("\t", 200_000),
    ("\u2018the ", 40_000),
    ("a", 200_000),
    ("A. ", 66_667),
    ("\u201c", 200_000),
]


def test_pathological_200000_character_lines_finish():
    # A hang guard, not a timing test: together they take about 10 s once the text
    # splitting is linear; a quadratic regular expression takes many minutes on one.
    code = (
        "import sys\n"
        "from audit.config.loader import Config\nfrom audit.engine.auditor import audit_bytes\nfrom audit.engine.registry import registry\n"
        "settings = Config().settings_for('x.txt', registry())\n"
        f"for unit, times in {PATHOLOGICAL_LINES!r}:\n"
        "    audit_bytes('x.txt', (unit * times + 'x').encode(), settings)\n"
        "    print(unit, flush=True)\n"
    )
    with subprocess.Popen(
        [sys.executable, "-c", code], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    ) as proc:
        try:
            out, err = proc.communicate(timeout=240)
        except subprocess.TimeoutExpired:
            proc.kill()
            out, err = proc.communicate()
            done = len(out.splitlines())
            pytest.fail(f"auditing a 200,000-character line of {PATHOLOGICAL_LINES[done][0]!r} did not finish")
    assert proc.returncode == 0, err


# Markup nesting ----------------------------------------------------------------------

NESTED = {
    "divs.html": "<html><body>" + "<div>" * 10_000 + "<p>The deep story starts here today.</p>" + "</div>" * 10_000,
    "unclosed.html": "<html><body>" + "<div><span>" * 5_000 + "The deep story starts here today.",
    "inline.html": "<p>" + "<b><i>" * 5_000 + "The deep story starts here today." + "</i></b>" * 5_000,
    "quotes.md": ">" * 10_000 + " The deep story starts here today.\n",
    "lists.md": "- " * 10_000 + "The deep story starts here today.\n",
    "emphasis.md": "*" * 10_000 + "The deep story starts here today." + "*" * 10_000 + "\n",
    "links.md": "[" * 10_000 + "The deep story starts here today." + "]" * 10_000 + "\n",
}


def test_pathological_nesting_is_audited_or_refused_plainly(tmp_path):
    """Either the words are audited, or the file is refused as nested too deeply; never a
    crash, and never 'no prose' for a file that has prose. In a subprocess: after a
    RecursionError, CPython 3.11 can fail later compile() calls in the same process
    ("AST constructor recursion depth mismatch"), which would break pytest itself."""
    for name, text in NESTED.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "audit", "check", "--format", "json", "--no-cache", "--jobs", "1", str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode in (0, 1, 2) and "Traceback" not in done.stderr, done.stderr
    results = by_path(json.loads(done.stdout))
    assert results[str(tmp_path / "good.txt")]["status"] == "passed"
    problems = []
    for name in NESTED:
        result = results[str(tmp_path / name)]
        if result["status"] == "error" and "nest" not in result["error"]:
            problems.append(f"{name}: {result['error']}")
        elif result["status"] != "error" and result["metrics"]["words"] < 6:
            problems.append(f"{name}: the prose inside the nesting was dropped")
    assert not problems, problems


# Language ----------------------------------------------------------------------------


@pytest.mark.parametrize("language", sorted(NOT_ENGLISH_SAMPLES))
def test_non_english_text_is_detected(language):
    from audit.document.segment import tokenize

    text = NOT_ENGLISH_SAMPLES[language]
    assert detect(text[a:b] for a, b in tokenize(text))[0] == NOT_ENGLISH


def test_english_news_and_short_texts_are_english(sample_text):
    from audit.document.segment import tokenize

    for text in (sample_text, ENGLISH_PARAGRAPH, GOOD, "Bonjour tout le monde."):
        assert detect(text[a:b] for a, b in tokenize(text))[0] == ENGLISH


def test_non_english_article_is_not_audited_and_says_why(tmp_path, capsys):
    """Nothing of it is English, so nothing is audited: an error (exit 2) with the reason,
    never a pass with no words counted."""
    article = "Nouveau plan\n\n" + NOT_ENGLISH_SAMPLES["fr"] + " Teh recieve the the.\n"
    code, result = audit_one(tmp_path, capsys, "fr.txt", article)
    assert_refused(code, result, "not in English", "audits English")


def test_non_english_article_with_only_rules_that_need_no_english_is_audited(tmp_path, capsys):
    """Language matters only to the language-bound rules: without them nothing is skipped."""
    page = "<html lang='fr'><body><p>" + NOT_ENGLISH_SAMPLES["fr"] + "</p><img src='a.png'></body></html>"
    code, result = audit_one(tmp_path, capsys, "fr.html", page)
    assert result["status"] == "error"
    good = tmp_path / "good.txt"
    code, report = check(capsys, str(tmp_path / "fr.html"), str(good), "--select", "image-alt")
    result = by_path(report)[str(tmp_path / "fr.html")]
    assert result["status"] == "failed" and {f["rule"] for f in result["findings"]} == {"image-alt"}


def names(count: int) -> list[str]:
    """`count` distinct names, some with particles ("de", "van der") and initials."""
    first = ["Anna", "Bram", "Chloé", "D.", "Elif", "Farid", "Grete", "Hiro", "Ines", "J. R."]
    last = ["Jansen", "de Vries", "Nowak", "van der Berg", "Okafor", "da Silva", "Tanaka", "Müller", "O'Neill"]
    suffix = ["", "son", "ski", "ez", "ini", "ova", "sen"]
    return [f"{given} {family}{end}" for end in suffix for family in last for given in first][:count]


def test_article_with_a_long_list_of_names_is_audited_as_english(tmp_path, capsys):
    """600 contributors after an article used to make it "not English": every rule was
    skipped and it passed with 0 words."""
    article = "Thanks to our contributors\n\n" + ENGLISH_PARAGRAPH + " We recieve your patches.\n\n"
    article += ", ".join(names(600)) + ".\n"
    code, result = audit_one(tmp_path, capsys, "credits.txt", article)
    assert result["metrics"]["language_detected"] == ENGLISH
    assert result["metrics"]["words"] > 600
    assert any(f["rule"] in ("spelling", "typo") and f["excerpt"] == "recieve" for f in result["findings"])
    assert any("no other language recognised" in w for w in result["warnings"])
    assert detect(" ".join(names(600)).split())[0] == ENGLISH


def test_a_french_quote_in_an_english_article_is_skipped_alone(tmp_path, capsys):
    """The block in another language is skipped by the language-bound rules, and said so;
    the English around it is audited."""
    article = "Bus plan\n\n" + ENGLISH_PARAGRAPH + " We recieve letters.\n\n"
    article += NOT_ENGLISH_SAMPLES["fr"] + "\n\n" + ENGLISH_PARAGRAPH + "\n"
    code, result = audit_one(tmp_path, capsys, "mixed.txt", article)
    assert result["status"] != "error" and result["metrics"]["language_detected"] == ENGLISH
    lines = {f["line"] for f in result["findings"] if f["rule"] in ("spelling", "typo")}
    assert 3 in lines and 5 not in lines  # "recieve" flagged; no French word called a typo
    warning = [w for w in result["warnings"] if "another language" in w]
    assert warning and "1 block in another language (line 5)" in warning[0] and "spelling" in warning[0]
    assert (
        result["metrics"]["words"] == 2 + 2 * len(ENGLISH_PARAGRAPH.split()) + 3
    )  # title, paragraphs, "We recieve letters"


def test_english_article_is_marked_english(tmp_path, capsys):
    code, result = audit_one(tmp_path, capsys, "en.txt", "Bus plan\n\n" + ENGLISH_PARAGRAPH + "\n")
    assert result["metrics"]["language_detected"] == ENGLISH and not result["warnings"]


# Folders, links and names ------------------------------------------------------------


def test_symlink_loops_in_a_folder(tmp_path, capsys):
    folder = tmp_path / "articles"
    (folder / "sub").mkdir(parents=True)
    (folder / "good.txt").write_text(GOOD, encoding="utf-8")
    (folder / "sub" / "also-good.txt").write_text(GOOD, encoding="utf-8")
    os.symlink("loop.txt", folder / "loop.txt")  # a link to itself
    os.symlink("ping.txt", folder / "pong.txt")
    os.symlink("pong.txt", folder / "ping.txt")
    os.symlink("..", folder / "sub" / "up")  # a folder cycle: not followed
    os.symlink("missing.txt", folder / "gone.txt")
    os.symlink("good.txt", folder / "alias.txt")  # a link to a file is audited
    code, report = check(capsys, str(folder))
    results = by_path(report)
    assert code == 2
    for name in ("loop.txt", "ping.txt", "pong.txt"):
        assert_refused(code, results[str(folder / name)], "symbolic link loop")
    assert_refused(code, results[str(folder / "gone.txt")], "broken symbolic link")
    for name in ("good.txt", "sub/also-good.txt"):
        assert results[str(folder / name)]["status"] == "passed"
    # alias.txt is good.txt again: audited once, under the file's own name (issue 19).
    assert str(folder / "alias.txt") not in results
    assert len(results) == 6


def test_symlink_loop_named_explicitly(tmp_path, capsys):
    os.symlink("me.txt", tmp_path / "me.txt")
    good = tmp_path / "good.txt"
    good.write_text(GOOD, encoding="utf-8")
    code, report = check(capsys, str(tmp_path / "me.txt"), str(good))
    assert_refused(code, report["files"][0], "symbolic link loop")
    assert report["files"][1]["status"] == "passed"


def test_symlink_loop_under_a_config_with_path_overrides(tmp_path, capsys):
    (tmp_path / ".article-audit.toml").write_text(
        '[[overrides]]\npaths = ["news/**"]\n[overrides.rules.sentence-length]\nmax-words = 5\n', encoding="utf-8"
    )
    os.symlink("me.txt", tmp_path / "me.txt")
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    code, report = check(capsys, str(tmp_path))
    assert_refused(code, by_path(report)[str(tmp_path / "me.txt")], "symbolic link loop")
    assert by_path(report)[str(tmp_path / "good.txt")]["status"] == "passed"


@pytest.mark.skipif(
    os.geteuid() == 0,
    reason="root reads files whatever their mode (CI runs as root); test_unreadable_file_simulated covers it",
)
def test_unreadable_file_chmod_000(tmp_path, capsys):
    locked = tmp_path / "locked.txt"
    locked.write_text(GOOD, encoding="utf-8")
    locked.chmod(0)
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    try:
        code, report = check(capsys, str(tmp_path))
        assert_refused(code, by_path(report)[str(locked)], "permission denied")
    finally:
        locked.chmod(0o644)


def test_unreadable_file_simulated(tmp_path, capsys, monkeypatch):
    folder = tmp_path / "articles"
    folder.mkdir()
    locked = folder / "locked.txt"
    for path in (locked, folder / "good.txt"):
        path.write_text(GOOD, encoding="utf-8")
    real_open = os.open

    def denied(file, *args, **kwargs):
        if Path(file) == locked:
            raise PermissionError(13, "Permission denied", str(file))
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr(inputs.os, "open", denied)
    code, report = check(capsys, str(folder))
    assert_refused(code, by_path(report)[str(locked)], "permission denied")
    assert by_path(report)[str(folder / "good.txt")]["status"] == "passed"


def test_unreadable_folder_is_reported_not_skipped(tmp_path, capsys, monkeypatch):
    folder = tmp_path / "articles"
    (folder / "private").mkdir(parents=True)
    (folder / "private" / "secret.txt").write_text(GOOD, encoding="utf-8")
    (folder / "good.txt").write_text(GOOD, encoding="utf-8")
    real_scandir = os.scandir

    def scandir(path="."):
        if Path(path) == folder / "private":
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    code, report = check(capsys, str(folder))
    results = by_path(report)
    assert_refused(code, results[str(folder / "private")], "cannot read this folder", "Permission denied")
    assert results[str(folder / "good.txt")]["status"] == "passed"


def test_a_pipe_named_like_an_article_does_not_block(tmp_path, capsys):
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    for args in ([str(tmp_path)], [str(fifo), str(tmp_path / "good.txt")]):  # in a folder, and named
        code, report = check(capsys, *args)
        assert_refused(code, by_path(report)[str(fifo)], "not a regular file")
        assert by_path(report)[str(tmp_path / "good.txt")]["status"] == "passed"


@pytest.mark.parametrize(
    "name",
    [
        "my article.txt",
        "caf\u00e9 \u2013 \u00fcber.md",
        "\u65e5\u672c\u8a9e.txt",
        "dir with space/na\u00efve notes.txt",
    ],
)
def test_paths_with_spaces_and_non_ascii_names(tmp_path, capsys, name):
    path = tmp_path / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(GOOD, encoding="utf-8")
    code, report = check(capsys, str(path))
    assert code == 0 and report["files"][0]["path"] == str(path)
    assert main(["check", "--no-cache", str(tmp_path)]) == 0
    assert f"{path}: PASSED" in capsys.readouterr().out


def test_missing_file_and_folder_messages_name_the_file(tmp_path, capsys):
    code = main(["check", "--format", "json", "--no-cache", str(tmp_path / "nope.txt"), str(tmp_path / "nodir")])
    captured = capsys.readouterr()
    assert code == 2
    assert f"could not audit {tmp_path / 'nope.txt'}: no such file" in captured.err
    assert f"could not audit {tmp_path / 'nodir'}: no such file" in captured.err


# Never a silent pass -----------------------------------------------------------------


def test_unknown_extension_given_explicitly_is_an_error(tmp_path, capsys):
    code, result = audit_one(tmp_path, capsys, "notes.docx", GOOD)
    assert_refused(code, result, "unsupported file type", ".docx")


def test_exit_code_never_depends_on_counts(tmp_path, capsys):
    sentence = (
        "The council said on Tuesday that the long plan for the new road, which was first put forward by "
        "the old board many years ago and then set aside, would now go ahead in full with the support of "
        "most of the people who live in the town and work in the city. "
    )
    article = tmp_path / "many.txt"
    article.write_text("Road plan\n\n" + sentence * 300, encoding="utf-8")
    code, report = check(capsys, str(article), "--fail-on", "warning")
    findings = report["files"][0]["findings"]
    assert len(findings) >= 300 and len(findings) % 256 != 1  # an exit code of len % 256 would not be 1
    assert code == 1


@pytest.mark.parametrize(
    "argv",
    [["--format", "yaml"], ["--format", "xml"], ["--fail-on", "sometimes"], ["--max-bytes", "0"], ["--jobs", "-1"]],
)
def test_unknown_format_or_bad_option_is_a_usage_error(tmp_path, argv):
    article = tmp_path / "a.txt"
    article.write_text(GOOD, encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "audit", "check", *argv, str(article)], capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 2 and done.stdout == ""
    assert "usage:" in done.stderr and "Traceback" not in done.stderr


# The whole batch: issue 10's "done when" ---------------------------------------------


def build_bad_folder(root: Path) -> dict[str, str]:
    """Every bad input plus 20 good articles; returns bad file name -> expected words in its message."""
    sample = resources.files("audit.samples").joinpath("coalition-meeting.txt").read_text(encoding="utf-8")
    root.mkdir()
    for n in range(20):
        text = (
            sample
            if n % 5 == 0
            else f"Note {n}\n\nWe meet at noon on day {n}. Bring a pen. The room is on floor {n}.\n"
        )
        (root / f"good {n:02} \u00e9t\u00e9.txt").write_text(text, encoding="utf-8")
    bad = {
        "binary.txt": (b"\x89PNG\r\n\x1a\n\x00\x00" + bytes(range(256)), "NUL"),
        "invalid.txt": (b"Good start \xc3\x28 then bad\n", "UTF-8"),
        "latin1.txt": ("Caf\u00e9 and na\u00efve\n".encode("latin-1"), "Latin-1"),
        "nul.md": (b"Some text\x00more text\n", "NUL"),
        "empty.txt": (b"", "no prose"),
        "blank.md": (b" \n\t\n", "no prose"),
        "markup.html": (b"<html><body><img src=a.png><script>x()</script></body></html>", "no prose"),
        "markup.md": (b"```\ncode only\n```\n", "no prose"),
        "deep.html": (("<div>" * 10_000 + "<p>Deep text here.</p>").encode(), None),
        "notes.docx": (b"PK\x03\x04", "unsupported file type"),
    }
    for name, (data, _) in bad.items():
        (root / name).write_bytes(data)
    with open(root / "huge.txt", "wb") as handle:
        handle.truncate(50 * 1024 * 1024)
    (root / "utf16.txt").write_bytes("Wide text\n\nThe meeting is at noon. Bring a pen.\n".encode("utf-16"))
    (root / "one-line.txt").write_text(long_line(), encoding="utf-8")
    (root / "french.txt").write_text(NOT_ENGLISH_SAMPLES["fr"], encoding="utf-8")
    os.symlink("loop.txt", root / "loop.txt")
    os.symlink("..", root / "up")
    expected = {name: words for name, (_, words) in bad.items()}
    expected |= {"huge.txt": "too large", "loop.txt": "symbolic link loop"}
    return expected


def test_a_folder_of_every_bad_input_and_20_good_articles(tmp_path):
    folder = tmp_path / "mixed bag"
    expected = build_bad_folder(folder)
    out = tmp_path / "report.json"
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "audit",
            "check",
            str(folder),
            "docx-too",
            str(folder / "notes.docx"),
            "--format",
            "json",
            "--output",
            str(out),
            "--jobs",
            "2",
            "--no-cache",
        ],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 2
    assert "Traceback" not in done.stderr
    results = by_path(json.loads(out.read_text(encoding="utf-8")))
    good = [p for p in results if Path(p).name.startswith("good ")]
    assert len(good) == 20 and all(results[p]["status"] in ("passed", "failed") for p in good)
    for name in ("utf16.txt", "one-line.txt"):
        assert results[str(folder / name)]["status"] in ("passed", "failed"), results[str(folder / name)]
    assert "not in English" in results[str(folder / "french.txt")]["error"]  # refused, with the reason
    for name, words in expected.items():
        result = results[str(folder / name)]
        if name == "deep.html" and result["status"] != "error":
            continue  # audited: fine too
        assert result["status"] == "error" and result["error"], name
        assert words is None or words in result["error"], (name, result["error"])
        assert f"could not audit {folder / name}: " in done.stderr  # named on stderr too
    assert results["docx-too"]["error"] == "no such file"
