"""image-alt: images without useful alternative text (WCAG 1.1.1)."""

from __future__ import annotations

import re

from audit.engine.rule import Option, Rule
from audit.results.findings import Fix, Severity

_FILE_NAME = re.compile(r"[\w\-. %()]+\.(?:jpe?g|png|gif|webp|svg|bmp|tiff?|avif|heic|ico)", re.I)
_PLACEHOLDER = frozenset(
    """image img picture pic photo photograph graphic icon logo banner thumbnail thumb
    screenshot untitled alt spacer placeholder figure chart diagram illustration
    image1 photo1 blank default""".split()
)
_REDUNDANT = re.compile(r"^(?:an? |the )?(?:image|picture|photo|photograph|graphic|pic) (?:of|showing) ", re.I)


class ImageAlt(Rule):
    """Flags images a screen-reader user cannot know: an image with no alt text, an
    empty alt on an image that is not decorative in its context (the only content of
    a link), and alt text that is a file name, a placeholder ("image", "photo"),
    starts with "photo of…", or is longer than a listener will bear.

    In HTML, `alt=""` marks an image as decorative and is accepted; Markdown cannot say
    so, so there an image without alt text is always flagged. Images hidden from
    assistive technology (`aria-hidden`, `role="presentation"`) and 1-pixel trackers
    are left alone.

    Why:
    WCAG 2.2 success criterion 1.1.1 (Non-text Content, level A): every image that
    carries meaning needs a text alternative that serves the same purpose. Screen
    readers announce an image without alt by its file name ("DSC underscore 0042 dot
    jpg") and already say "image" before the alt text.

    Bad:
    ![](chart.png)  <img src="dsc0042.jpg">  <img alt="Image of a chart" src="c.png">

    Good:
    ![Bar chart: sales rose 40% in 2024](chart.png)  <img alt="" src="divider.png">
    """

    id = "image-alt"
    category = "accessibility"
    summary = "Image has no useful text alternative (WCAG 1.1.1)"
    severity = Severity.ERROR
    wcag = ("1.1.1",)
    language_bound = False
    options = (Option("max-length", int, 150, "alt text longer than this many characters is flagged", minimum=20),)

    def check(self, doc, opts):
        markdown = doc.format == "markdown"
        for image in doc.elements:
            if image.kind != "image" or _hidden(image.attrs):
                continue
            yield from self._check_one(doc, image, opts, markdown)

    def _check_one(self, doc, image, opts, markdown):
        attrs = image.attrs
        alt = attrs.get("alt")
        named = attrs.get("aria-label") or attrs.get("aria-labelledby")
        at = (image.start, image.end)
        if alt is None and not named:
            yield self.finding(
                *at,
                "Image has no alt attribute; screen readers will read its file "
                'name. Describe what it shows, or use alt="" if it is decorative.',
            )
            return
        if not alt:
            if named:
                return
            if markdown:
                yield self.finding(
                    *at, "Image has no alt text; describe what it shows between the brackets: ![description](…)."
                )
            elif attrs.get("in_link") and not attrs.get("link_text"):
                yield self.finding(
                    *at,
                    "The only content of this link is an image with empty alt "
                    "text, so the link has no name; describe where it goes in the alt text.",
                )
            return
        plain = re.sub(r"[\s_\-]+", " ", alt.lower()).strip(" .")
        src_name = (attrs.get("src") or "").rsplit("/", 1)[-1].lower()
        if _FILE_NAME.fullmatch(alt.strip()) or (src_name and alt.strip().lower() == src_name):
            yield self.finding(
                *at, f'Alt text "{alt}" is a file name; describe what the image shows.', severity=Severity.WARNING
            )
        elif plain in _PLACEHOLDER or plain.isdigit():
            yield self.finding(
                *at,
                f'Alt text "{alt}" says nothing about the image; describe what it shows.',
                severity=Severity.WARNING,
            )
        elif _REDUNDANT.match(alt.strip()):
            yield self.finding(
                *at,
                'Screen readers already announce an image; start the alt text with what it shows, not "image of".',
                severity=Severity.INFO,
                suggestion=_without_prefix(alt.strip()),
                fix=_fix(doc, image, alt),
            )
        elif len(alt) > opts["max-length"]:
            yield self.finding(
                *at,
                f"Alt text is {len(alt)} characters long (limit {opts['max-length']}); "
                "keep it short and put a long description in the text or a caption.",
                severity=Severity.WARNING,
            )


def _hidden(attrs) -> bool:
    if (attrs.get("role") or "") in ("presentation", "none"):
        return True
    if str(attrs.get("aria-hidden") or "").lower() == "true":
        return True
    return attrs.get("width") in ("0", "1") and attrs.get("height") in ("0", "1")


def _without_prefix(alt: str) -> str:
    rest = _REDUNDANT.sub("", alt)
    return rest[:1].upper() + rest[1:]


def _fix(doc, image, alt: str) -> Fix | None:
    """Drop "image of" from the alt text, when the source spells it out verbatim."""
    span = image.attrs.get("alt_span")
    if not span or doc.source[span[0] : span[1]] != alt:
        return None
    return Fix(span[0], span[1], _without_prefix(alt.strip()), safe=False)


RULE = ImageAlt
