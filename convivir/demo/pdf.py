"""A small PDF writer for the demo's downloadable documents.

It lays out a title, headings, paragraphs and bullet points on A4 pages with
the standard Helvetica fonts (no font files to ship), as real text that can be
selected, searched and read aloud. Enough for printable leaflets; not a
general PDF library.
"""

import textwrap
import zlib

A4 = (595, 842)  # points
MARGIN = 56
STYLES = {
    # kind: (font resource, size, leading, space before)
    "title": ("F2", 22, 28, 0),
    "heading": ("F2", 14, 19, 10),
    "text": ("F1", 11, 15, 4),
    "bullet": ("F1", 11, 15, 2),
}


def _escape(text: str) -> bytes:
    raw = text.encode("cp1252", errors="replace")
    return raw.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")


def _wrap(text: str, size: int, width: float) -> list[str]:
    # Helvetica's average glyph is about half its size wide.
    columns = max(int(width / (size * 0.5)), 10)
    return textwrap.wrap(text, columns) or [""]


def _layout(
    blocks: list[tuple[str, str]],
) -> list[list[tuple[str, int, float, float, str]]]:
    """Place each line: (font, size, x, y, text), page by page."""
    pages, lines = [], []
    width = A4[0] - 2 * MARGIN
    y = A4[1] - MARGIN
    for kind, text in blocks:
        font, size, leading, before = STYLES[kind]
        indent = 14 if kind == "bullet" else 0
        wrapped = _wrap(text, size, width - indent)
        y -= before
        for index, line in enumerate(wrapped):
            if y - leading < MARGIN:
                pages.append(lines)
                lines, y = [], A4[1] - MARGIN
            y -= leading
            if kind == "bullet" and index == 0:
                lines.append((font, size, MARGIN, y, "\u2022"))
            lines.append((font, size, MARGIN + indent, y, line))
    pages.append(lines)
    return pages


def make_pdf(
    title: str, blocks: list[tuple[str, str]], author="Convivir", language="es"
) -> bytes:
    """A PDF document. ``blocks`` is a list of ``(kind, text)`` with kind one
    of "title", "heading", "text" or "bullet"."""
    pages = _layout([("title", title), *blocks])
    objects: list[bytes] = []

    def add(body: bytes) -> int:
        objects.append(body)
        return len(objects)

    catalog = add(b"")  # filled in once the page tree's number is known
    info = add(
        b"<< /Title (" + _escape(title) + b") /Author (" + _escape(author) + b") "
        b"/Producer (Convivir) >>"
    )
    regular = add(
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica "
        b"/Encoding /WinAnsiEncoding >>"
    )
    bold = add(
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold "
        b"/Encoding /WinAnsiEncoding >>"
    )
    tree = add(b"")
    page_numbers = []
    for lines in pages:
        stream = b"".join(
            b"BT /%s %d Tf %.1f %.1f Td (%s) Tj ET\n"
            % (font.encode(), size, x, y, _escape(text))
            for font, size, x, y, text in lines
        )
        packed = zlib.compress(stream)
        content = add(
            b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(packed)
            + packed
            + b"\nendstream"
        )
        page_numbers.append(
            add(
                b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 %d %d] "
                b"/Resources << /Font << /F1 %d 0 R /F2 %d 0 R >> >> "
                b"/Contents %d 0 R >>" % (tree, A4[0], A4[1], regular, bold, content)
            )
        )
    kids = b" ".join(b"%d 0 R" % n for n in page_numbers)
    objects[tree - 1] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (
        kids,
        len(page_numbers),
    )
    objects[catalog - 1] = b"<< /Type /Catalog /Pages %d 0 R /Lang (%s) >>" % (
        tree,
        language.encode(),
    )

    output = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(output))
        output += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(output)
    output += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    output += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    output += (
        b"trailer\n<< /Size %d /Root %d 0 R /Info %d 0 R >>\nstartxref\n%d\n%%%%EOF\n"
        % (
            len(objects) + 1,
            catalog,
            info,
            xref,
        )
    )
    return bytes(output)
