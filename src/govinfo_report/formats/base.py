"""What every reader of a document format gives: the document as text."""

from __future__ import annotations

import attrs

from ..diagnostics import Diagnostic


@attrs.frozen
class Extracted:
    """A document as text: paragraphs a line each, each table as tab-separated rows.

    Attributes:
        text: the text, lines separated by ``\\n``.
        encoding: how the document was read: the charset of an HTML page (``"str"`` for
            markup given as text), ``"docx"`` or ``"pdf"``.
        diagnostics: findings made while reading (an HTML page's wrong declaration).
    """

    text: str
    encoding: str
    diagnostics: tuple[Diagnostic, ...] = ()
