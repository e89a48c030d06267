"""A PDF weighed before pdfium loads a page of it: pdfium inflates each stream whole and
builds an object of some hundreds of bytes for each operation of a page, drawing a form
(an XObject) again each time the page places it, so a file of 1 kB can ask for gigabytes.

The streams are found as the PDF syntax defines them (the keyword ``stream`` after a
dictionary, then an end of line: CR LF, LF, or the CR alone that readers accept), each is
decoded through its whole filter chain (FlateDecode, ASCIIHexDecode, ASCII85Decode,
LZWDecode, RunLengthDecode, in any order and any number of times, the names' ``#xx`` escapes
decoded, the chain read from an object of its own where the dictionary refers to one), every
stage bounded, and only counted. Images are left out (``/Subtype /Image`` in the stream's own
dictionary) unless a page lists one as its content: they are not decoded to read text. A
filter that only images use (DCT, JPX, JBIG2, CCITT) or encryption ends the chain: the stream
counts as its bytes then.

Then each page's content (a stream, or the streams of a ``/Contents`` array) is weighed with
its forms as placed: a form drawn ``n`` times counts ``n`` times, forms inside forms too. A
form's name is resolved through the ``/XObject`` resources the file holds; a name that none
resolves counts as the heaviest form of the file. The pages are found as pdfium finds them:
a node with ``/Kids`` lists pages, any other node is a page whatever its ``/Type``, and kids
or a content array may stand in an object of their own; every node is weighed as the root
of a tree, as the catalog may name any of them.
"""

from __future__ import annotations

import base64
import binascii
import bisect
import re
import zlib
from collections import Counter
from collections.abc import Callable
from typing import NamedTuple

from ..errors import ParseError
from ..limits import (
    MAX_PDF_CONTENT_BYTES,
    MAX_PDF_DOCUMENT_BYTES,
    MAX_PDF_DOCUMENT_TEXT_OPERATIONS,
    MAX_PDF_TEXT_OPERATIONS,
)
from .bounded import BLOCK, too_large

#: The keyword that starts a stream's data, after its dictionary (not ``endstream``). Each
#: pattern here that can starts with its keyword: a literal is found far faster than a
#: pattern that starts with a class or an assertion.
_STREAM = re.compile(rb"stream(?<![A-Za-z]stream)[ \t]*(?:\r\n|\n|\r)?")
#: An object's header, and the keyword that ends it: ``_OBJECT`` is looked for only in the
#: ``_HEADER`` bytes before each ``obj`` keyword.
_OBJECT = re.compile(rb"(?<!\d)(\d{1,10})\s{1,8}\d{1,5}\s{1,8}obj\b")
_OBJ = re.compile(rb"obj\b")
_HEADER = 10 + 8 + 5 + 8
_END_STREAM = re.compile(rb"endstream")
#: A token of a dictionary: delimiters, a name, a string, a hex string, anything else.
_TOKEN = re.compile(
    rb"<<|>>|\[|\]|/[^\s/\[\]<>(){}%]*|\((?:\\.|[^\\)])*\)|<[0-9A-Fa-f\s]*>|[^\s/\[\]<>(){}%]+"
)
#: A text-showing operator after its operand (``)``, ``>`` or ``]``): ``Tj``, ``TJ``, ``'``
#: and ``"``; a pattern for each operand's end. A pattern that starts with a literal is
#: searched for at C speed, one that starts with a class tried at every byte (fonts are most
#: of a file's bytes), and three such searches cost less than a copy of the stream.
_SHOWS = [re.compile(re.escape(end) + rb"\s*(?:Tj|TJ|'|\")") for end in (b")", b">", b"]")]
#: A byte of each text-showing operator (the ``T`` of ``Tj`` and ``TJ``, ``'``, ``"``): their
#: count bounds ``_SHOWS``' from above.
_OPERATORS = b"T'\""
#: A form or image drawn: its name, then ``Do``.
_DRAWS = re.compile(rb"/([^\s/\[\]<>(){}%]+)\s*Do\b")
#: The ``/XObject`` resources: a dictionary of names to objects, or a reference to one.
_XOBJECTS = re.compile(rb"/XObject\s*(?:<<(?P<direct>[^<>]*)>>|(?P<object>\d+)\s+\d+\s+R)")
_NAMED = re.compile(rb"/([^\s/\[\]<>(){}%]+)\s+(\d+)\s+\d+\s+R")
#: Filters decoded, by their names and abbreviations.
_FILTERS = {
    b"FlateDecode": "flate",
    b"Fl": "flate",
    b"ASCIIHexDecode": "hex",
    b"AHx": "hex",
    b"ASCII85Decode": "a85",
    b"A85": "a85",
    b"LZWDecode": "lzw",
    b"LZW": "lzw",
    b"RunLengthDecode": "rl",
    b"RL": "rl",
}
#: How many forms deep a placement is followed (pdfium stops deeper nesting too).
MAX_FORM_DEPTH = 32


class Stream(NamedTuple):
    """A stream of the file: its object's number, what it is (``form``, ``image`` or any
    other), its decoded size and text operations, and the names it draws, how many times."""

    number: int | None
    kind: str
    size: int
    shows: int
    draws: Counter[bytes]


Weight = tuple[int, int]
NOTHING: Weight = (0, 0)


def check_pdf(data: bytes, name: str, limit: int | None) -> None:
    """Refuse a PDF whose streams decode past ``limit`` together, or a page of which, its
    forms as placed, decodes past ``MAX_PDF_CONTENT_BYTES`` or shows more text than
    ``MAX_PDF_TEXT_OPERATIONS``.

    The text operations are first bounded from above by the operators alone
    (``_most_shows``, counted at C speed) and counted exactly (``_shows``) only when that
    bound refuses the file: every cap is on sums and maxima of counts, so a file the bounds
    pass passes with the counts, and the exact pass gives the same verdict and message.

    Raises:
        ParseError: code ``too-large`` or ``too-complex``.
    """
    try:
        _check(data, name, limit, _most_shows)
    except ParseError as error:
        if error.code != "too-complex":
            raise
        _check(data, name, limit, _shows)


def _check(data: bytes, name: str, limit: int | None, count: Callable[[bytes], int]) -> None:
    """``check_pdf`` with the text operations of a stream counted by ``count``."""
    cap = MAX_PDF_CONTENT_BYTES + 1
    objects = _Objects([data])
    found = _stream_spans(data, objects.headers[0])
    # Object streams first: a stream's filters may be an object packed in one.
    packed = [
        _unpacked(_decoded(data[start:end], objects.filters(keys), cap), keys)
        for _, keys, start, end in found
        if keys.get(b"/Type") == [b"/ObjStm"]
    ]
    if packed:
        objects = _Objects([data, *packed])
    streams: list[Stream] = []
    total = 0
    # The names drawn count only through forms: with no stream a form, none is searched.
    forms = any(keys.get(b"/Subtype") == [b"/Form"] for _, keys, _, _ in found)
    nodes = objects.page_tree()
    # An image is not decoded to read text, unless a page lists it as its content.
    contents = {number for node in nodes.values() for number in node[2]}
    for number, keys, start, end in found:
        if keys.get(b"/Subtype") == [b"/Image"] and number not in contents:
            continue
        limited = cap if limit is None else min(cap, limit + 1 - total)
        content = _decoded(data[start:end], objects.filters(keys), limited)
        total += len(content)
        if limit is not None and total > limit:
            raise too_large(f"{name} (its streams inflated together)", limit, observed=total)
        kind = "form" if keys.get(b"/Subtype") == [b"/Form"] else "other"
        shows = count(content)
        _refuse(name, (len(content), shows))  # too much on its own
        # The names drawn count only through forms (a name no form answers draws nothing).
        draws = Counter(_DRAWS.findall(content)) if forms else Counter()
        streams.append(Stream(number, kind, len(content), shows, draws))
    _Placed(objects, nodes, streams).check(name)


def _stream_spans(
    data: bytes, found_headers: list[re.Match[bytes]]
) -> list[tuple[int | None, dict[bytes, list[bytes]], int, int]]:
    """Each stream of ``data``: its object's number, its dictionary's keys, where its data
    starts and ends (``found_headers``: ``_headers(data)``)."""
    headers = [(match.start(), int(match.group(1))) for match in found_headers]
    starts = [start for start, _ in headers]
    found = []
    after = 0  # where the last stream's data ends: a match before it is inside its data
    for match in _STREAM.finditer(data):
        if match.start() < after or not _after_dictionary(data, match.start()):
            continue
        at = bisect.bisect_right(starts, match.start()) - 1
        opened = headers[at][0] if at >= 0 else max(0, match.start() - BLOCK)
        keys = _dictionary(data[opened : match.start()])
        end = _END_STREAM.search(data, match.end())
        after = end.end() if end else len(data)
        number = headers[at][1] if at >= 0 else None
        found.append((number, keys, match.end(), end.start() if end else len(data)))
    return found


def _shows(content: bytes) -> int:
    """How many text-showing operations ``content`` holds (no match holds the end of
    another operand: the three patterns' counts add up)."""
    return sum(len(pattern.findall(content)) for pattern in _SHOWS)


def _most_shows(content: bytes) -> int:
    """At least as many as ``_shows``: the bytes ``T``, ``'`` and ``"`` (each operation
    ``_shows`` counts holds one of its own: ``Tj``, ``TJ``, ``'`` or ``"``), counted in one
    pass that deletes them (six times faster than the three searches on a font)."""
    return len(content) - len(content.translate(None, _OPERATORS))


def _headers(text: bytes) -> list[re.Match[bytes]]:
    """The matches of ``_OBJECT`` in ``text``, as its ``finditer`` gives them: each ends at an
    ``obj`` keyword, after the keyword before it (digits and blanks hold no keyword)."""
    found = []
    after = 0
    for keyword in _OBJ.finditer(text):
        # The window ends at the keyword, so that ``\b`` holds there: ``_OBJ`` checked it.
        header = _OBJECT.search(text, max(after, keyword.start() - _HEADER), keyword.end())
        if header is not None:
            found.append(header)
        after = keyword.end()
    return found


def _after_dictionary(data: bytes, keyword: int) -> bool:
    """Whether the ``stream`` keyword at ``keyword`` follows a dictionary's ``>>``."""
    return data[max(0, keyword - 64) : keyword].rstrip().endswith(b">>")


def _dictionary(text: bytes) -> dict[bytes, list[bytes]]:
    """The keys of the outermost dictionary in ``text`` (an object's start, up to its
    stream) and the tokens of each one's value (a name, a number, a reference, an array's
    items); the keys of dictionaries inside it are not its keys."""
    keys: dict[bytes, list[bytes]] = {}
    depth = 0
    key: bytes | None = None
    value: list[bytes] = []
    in_array = False
    for match in _TOKEN.finditer(text):
        token = _name(match.group())
        if token in (b"<<", b">>"):
            depth += 1 if token == b"<<" else -1
            key = None  # a dictionary ends a value, or is one
            if depth == 0:
                break  # the outermost dictionary ended
            continue
        if depth != 1:
            continue
        if in_array:
            in_array = token != b"]"
            if in_array:
                value.append(token)
            continue
        if key is not None and value and token.startswith(b"/"):
            key = None  # the number before it ended the value
        if key is None:
            if token.startswith(b"/"):
                key, value = token, []
                keys[key] = value
            continue
        if token == b"[":
            in_array, key = True, None
            continue
        value.append(token)
        if token.startswith(b"/") or token == b"R" or not token[:1].isdigit():
            key = None
    return keys


_ESCAPE = re.compile(rb"#([0-9A-Fa-f]{2})")


def _name(token: bytes) -> bytes:
    """A token as read: a name's ``#xx`` escapes decoded (``/Fl#61teDecode`` is
    ``/FlateDecode``, as readers take it)."""
    if token[:1] != b"/" or b"#" not in token:
        return token
    return _ESCAPE.sub(lambda found: bytes([int(found.group(1), 16)]), token)


def _decoded(content: bytes, keys: dict[bytes, list[bytes]], cap: int) -> bytes:
    """A stream's ``content`` through its filters, each stage at most ``cap`` bytes; a filter
    that is not decoded here (an image's, encryption) ends the chain, and a damaged stage
    gives what it decoded. The last stage, when it inflates, stops once its text shows more
    than ``MAX_PDF_TEXT_OPERATIONS``: enough to refuse it."""
    kinds = [_FILTERS.get(name.lstrip(b"/")) for name in keys.get(b"/Filter", [])]
    if None in kinds:
        kinds = kinds[: kinds.index(None)]
    for at, kind in enumerate(kinds):
        if kind == "flate" and at == len(kinds) - 1:
            content = _flate(content, cap, MAX_PDF_TEXT_OPERATIONS)
        elif kind is not None:
            content = _DECODERS[kind](content, cap)
    return content[:cap]


def _flate(data: bytes, cap: int, most_shows: int | None = None) -> bytes:
    """``data`` inflated a block at a time, at most ``cap`` bytes, and no further than past
    ``most_shows`` text operations when given."""
    inflater = zlib.decompressobj()
    parts: list[bytes] = []
    size = shows = position = counted = 0
    try:
        while not inflater.eof and size < cap and (most_shows is None or shows <= most_shows):
            want = min(BLOCK, cap - size)
            if inflater.unconsumed_tail:
                piece = inflater.decompress(inflater.unconsumed_tail, want)
            elif position < len(data):
                piece = inflater.decompress(data[position : position + BLOCK], want)
                position += BLOCK
            else:
                break
            parts.append(piece)
            size += len(piece)
            if most_shows is not None and size > 2 * most_shows and not inflater.eof:
                # An operation takes two bytes at least: the pieces are counted (each on its
                # own) only once so many bytes could pass ``most_shows``, and only while more
                # is to come (the stream inflated is counted whole after).
                shows += sum(map(_shows, parts[counted:]))
                counted = len(parts)
    except zlib.error:
        if not size:
            return data  # not compressed after all: read as stored, as readers do
    return b"".join(parts)


_NOT_HEX = re.compile(rb"[^0-9A-Fa-f]")


def _hex(data: bytes, cap: int) -> bytes:
    digits = _NOT_HEX.sub(b"", data.partition(b">")[0][: 2 * cap + 2])
    return binascii.unhexlify(digits + b"0" * (len(digits) % 2))


_NOT_A85 = re.compile(rb"[^!-uz]")


def _a85(data: bytes, cap: int) -> bytes:
    # Five characters are four bytes (``z`` alone is four): this many give ``cap`` bytes.
    text = _NOT_A85.sub(b"", data.partition(b"~>")[0])[: cap * 5 // 4 + 5]
    try:
        return base64.a85decode(text)[:cap]
    except ValueError:  # a ``z`` inside a group: damaged
        return b""


def _run_length(data: bytes, cap: int) -> bytes:
    out = bytearray()
    at = 0
    while at < len(data) and len(out) < cap:
        length = data[at]
        if length == 128:
            break
        if length < 128:
            out += data[at + 1 : at + 2 + length]
            at += 2 + length
        else:
            out += data[at + 1 : at + 2] * (257 - length)
            at += 2
    return bytes(out[:cap])


def _lzw(data: bytes, cap: int) -> bytes:
    """LZW as PDF writes it (early change): codes of 9 to 12 bits, 256 clears the table,
    257 ends the data."""
    table = [bytes([i]) for i in range(256)] + [b"", b""]
    out = bytearray()
    width, buffer, held, previous = 9, 0, 0, b""
    for byte in data:
        buffer = (buffer << 8) | byte
        held += 8
        while held >= width:
            held -= width
            code = (buffer >> held) & ((1 << width) - 1)
            if code == 257:
                return bytes(out[:cap])
            if code == 256:
                del table[258:]
                width, previous = 9, b""
                continue
            if code < len(table):
                entry = table[code]
            elif code == len(table) and previous:
                entry = previous + previous[:1]
            else:
                return bytes(out[:cap])  # damaged
            out += entry
            if len(out) >= cap:
                return bytes(out[:cap])
            if previous and len(table) < 4096:
                table.append(previous + entry[:1])
            previous = entry
            width = min(12, (len(table) + 1).bit_length())
        buffer &= (1 << held) - 1
    return bytes(out[:cap])


_DECODERS = {"flate": _flate, "hex": _hex, "a85": _a85, "lzw": _lzw, "rl": _run_length}


class _Placed:
    """The streams of one file weighed with their forms as placed."""

    def __init__(self, objects: _Objects, nodes: dict[int, Node], streams: list[Stream]) -> None:
        self._nodes = nodes
        self._streams = streams
        self._forms = {s.number: s for s in streams if s.kind == "form" and s.number is not None}
        self._by_number = {s.number: s for s in streams if s.number is not None}
        self._texts = objects.texts
        self._names = _resources(self._texts)
        self._memo: dict[int, Weight] = {}
        # A name no resource resolves is the heaviest form (counting such names as nothing).
        self._unresolved = NOTHING
        weights = [self._form(number, 0) for number in self._forms]
        self._unresolved = (
            max((w[0] for w in weights), default=0),
            max((w[1] for w in weights), default=0),
        )
        self._memo.clear()

    def check(self, name: str) -> None:
        """Refuse the file if a stream or a page (its content streams together), its forms
        as placed, or its pages together as its page tree lists them, are over a cap."""
        for stream in self._streams:
            if stream.kind != "form":
                _refuse(name, self._drawn(stream, 0))
        _refuse_document(name, self._document(name))

    def _document(self, name: str) -> Weight:
        """The whole document as pdfium loads it, page after page: each page's content (each
        page refused past the caps of one), its forms as placed, as many times as the page
        tree lists the page (a page listed many times is loaded as many times). The heaviest
        tree of pages the file holds: every node is weighed as a root, as the catalog may name
        any of them."""
        nodes = self._nodes
        memo: dict[int, Weight] = {}

        def weigh(number: int, depth: int) -> Weight:
            if number in memo:
                return memo[number]
            kind, kids, contents = nodes[number]
            memo[number] = NOTHING  # a tree listing itself lists nothing more
            if kind == b"/Page" or depth > MAX_TREE_DEPTH:
                weights = [
                    self._drawn(stream, 0)
                    for content in contents
                    if (stream := self._by_number.get(content)) is not None
                ]
            else:
                weights = [weigh(kid, depth + 1) for kid in kids if kid in nodes]
            size = min(sum(w[0] for w in weights), MAX_PDF_DOCUMENT_BYTES + 1)
            shows = min(sum(w[1] for w in weights), MAX_PDF_DOCUMENT_TEXT_OPERATIONS + 1)
            if kind == b"/Page":
                _refuse(name, (size, shows))
            memo[number] = (size, shows)
            return memo[number]

        weights = [weigh(number, 0) for number in nodes]
        return (
            max((weight[0] for weight in weights), default=0),
            max((weight[1] for weight in weights), default=0),
        )

    def _form(self, number: int, depth: int) -> Weight:
        """Form ``number`` as drawn once, its own forms as placed (a form drawing itself,
        or drawn deeper than ``MAX_FORM_DEPTH``, counts as nothing there)."""
        if number in self._memo:
            return self._memo[number]
        if depth > MAX_FORM_DEPTH or number not in self._forms:
            return NOTHING
        self._memo[number] = NOTHING  # while it is weighed: a cycle draws nothing more
        weight = self._memo[number] = self._drawn(self._forms[number], depth + 1)
        return weight

    def _drawn(self, stream: Stream, depth: int) -> Weight:
        """The bytes and text operations of ``stream`` with the forms it draws, as drawn;
        counted no further than past the caps."""
        size, shows = stream.size, stream.shows
        for drawn, times in stream.draws.items():
            numbers = self._names.get(drawn)
            if numbers is None:
                form = self._unresolved
            else:
                weights = [self._form(number, depth) for number in numbers]
                form = (max(w[0] for w in weights), max(w[1] for w in weights))
            size = min(size + times * form[0], MAX_PDF_CONTENT_BYTES + 1)
            shows = min(shows + times * form[1], MAX_PDF_TEXT_OPERATIONS + 1)
        return size, shows


def _unpacked(content: bytes, keys: dict[bytes, list[bytes]]) -> bytes:
    """An object stream's objects written as in a file (``N 0 obj … endobj``), so that they
    are found as the file's are: its header pairs each object's number with its offset from
    ``/First``."""
    first = keys.get(b"/First", [b"0"])[0]
    start = int(first) if first.isdigit() else 0
    pairs = [(int(n), int(at)) for n, at in _PAIR.findall(content[:start])]
    ends = [at for _, at in pairs[1:]] + [len(content) - start] if pairs else []
    return b"".join(
        b"%d 0 obj\n%s\nendobj\n" % (number, content[start + at : start + end])
        for (number, at), end in zip(pairs, ends, strict=True)
    )


_PAIR = re.compile(rb"(\d+)\s+(\d+)")


#: A node of the page tree: ``/Pages`` (a node with kids) or ``/Page``, its kids, the streams
#: of its content.
Node = tuple[bytes, list[int], list[int]]
#: What marks an object that may be a node of a page tree (as pdfium reads one, a node with
#: ``/Kids`` lists pages, any other node the tree lists is a page, whatever its ``/Type``),
#: or a name escape that may spell one.
_NODE_MARK = re.compile(
    rb"/(?:Kids|Contents|Type\s*/Pages?)(?![^\s/\[\]<>(){}%])|/[^\s/\[\]<>(){}%]*#[0-9A-Fa-f]{2}"
)
#: How many levels deep a page tree is followed (a real one has a few).
MAX_TREE_DEPTH = 64


class _Objects:
    """The objects of a file and of its object streams unpacked: where each one's text is,
    by its number (the last one of a number, as an update of the file writes it)."""

    def __init__(self, texts: list[bytes]) -> None:
        self.texts = texts
        self.headers = [_headers(text) for text in texts]
        self._at: dict[int, tuple[int, int, int]] = {}
        for index, (text, headers) in enumerate(zip(texts, self.headers, strict=True)):
            for at, header in enumerate(headers):
                end = headers[at + 1].start() if at + 1 < len(headers) else len(text)
                self._at[int(header.group(1))] = (index, header.end(), end)

    def tokens(self, number: int) -> list[bytes]:
        """The tokens of object ``number`` where it is a name or an array of names, numbers
        and references (``[]``: another object, or none)."""
        if number not in self._at:
            return []
        index, start, end = self._at[number]
        found: list[bytes] = []
        for match in _TOKEN.finditer(self.texts[index], start, end):
            token = _name(match.group())
            if token.startswith(b"/") and not found:
                return [token]
            if token == b"[" and not found:
                found.append(token)
            elif token == b"]" or not found or token in (b"<<", b"[", b"("):
                break
            else:
                found.append(token)
        return found[1:]

    def referenced(self, tokens: list[bytes]) -> list[int]:
        """The objects that ``tokens`` refer to, an array object's items in its place (a
        ``/Kids`` or ``/Contents`` written as a reference to an array)."""
        numbers = []
        for number in _referenced(tokens):
            items = self.tokens(number)
            numbers.extend(_referenced(items) if items else [number])
        return numbers

    def filters(self, keys: dict[bytes, list[bytes]]) -> dict[bytes, list[bytes]]:
        """``keys`` with a ``/Filter`` written as a reference to a name or an array of names
        replaced by those names."""
        filters = keys.get(b"/Filter", [])
        if len(filters) == 3 and filters[2] == b"R" and filters[0].isdigit():
            return keys | {b"/Filter": self.tokens(int(filters[0]))}
        return keys

    def page_tree(self) -> dict[int, Node]:
        """The nodes of the page trees: the objects with ``/Kids``, and those with
        ``/Contents`` or a ``/Type`` of ``/Page`` or ``/Pages``."""
        nodes: dict[int, Node] = {}
        for text, headers in zip(self.texts, self.headers, strict=True):
            starts = [header.start() for header in headers]
            read: set[int] = set()
            for match in _NODE_MARK.finditer(text):
                at = bisect.bisect_right(starts, match.start()) - 1
                if at < 0 or at in read:
                    continue
                read.add(at)
                end = starts[at + 1] if at + 1 < len(starts) else len(text)
                keys = _dictionary(text[headers[at].end() : end])
                number = int(headers[at].group(1))
                if b"/Kids" in keys:
                    nodes[number] = (b"/Pages", self.referenced(keys[b"/Kids"]), [])
                elif b"/Contents" in keys or keys.get(b"/Type") in ([b"/Page"], [b"/Pages"]):
                    contents = self.referenced(keys.get(b"/Contents", []))
                    nodes[number] = (b"/Page", [], contents)
        return nodes


def _referenced(tokens: list[bytes]) -> list[int]:
    """The objects that ``tokens`` (``N G R`` triples among others) refer to."""
    return [
        int(tokens[at])
        for at in range(len(tokens) - 2)
        if tokens[at + 2] == b"R" and tokens[at].isdigit() and tokens[at + 1].isdigit()
    ]


def _resources(texts: list[bytes]) -> dict[bytes, list[int]]:
    """Each ``/XObject`` name the resources in ``texts`` give (the file, its object
    streams unpacked), with the objects it names."""
    names: dict[bytes, list[int]] = {}
    for text in texts:
        for match in _XOBJECTS.finditer(text):
            entries = match["direct"]
            if entries is None:
                number = int(match["object"])
                entries = next(
                    (body for where in texts if (body := _object_body(where, number))), b""
                )
            for named, number in _NAMED.findall(entries):
                names.setdefault(named, []).append(int(number))
    return names


def _object_body(data: bytes, number: int) -> bytes:
    """The dictionary of object ``number`` of the file (its first 4 kB; ``b""``: not found)."""
    found = re.search(rb"(?<!\d)%d\s+\d+\s+obj\s*<<(.{0,4096}?)>>" % number, data, re.DOTALL)
    return found.group(1) if found else b""


def _refuse_document(name: str, weight: Weight) -> None:
    _refuse(
        name,
        weight,
        (MAX_PDF_DOCUMENT_BYTES, MAX_PDF_DOCUMENT_TEXT_OPERATIONS),
        "pages of more than {} together, as its page tree lists them (a real report's pages "
        "have a few MB and tens of thousands of text operations)",
    )


def _refuse(
    name: str,
    weight: Weight,
    most: Weight | None = None,
    what: str = "a page of more than {}, its forms as placed (a page of a real report has a "
    "few hundred kB and a few thousand)",
) -> None:
    """Refuse ``name`` (``too-complex``) where ``weight`` (bytes inflated, text operations)
    passes ``most`` (by default a page's bounds, read when called); ``what`` says what was
    weighed, ``{}`` the bound passed."""
    size, shows = weight
    most_bytes, most_shows = most or (MAX_PDF_CONTENT_BYTES, MAX_PDF_TEXT_OPERATIONS)
    if size > most_bytes or shows > most_shows:
        passed = (
            f"{most_bytes:,} bytes inflated"
            if size > most_bytes
            else f"{most_shows:,} text operations"
        )
        raise ParseError(f"{name} has {what.format(passed)}; it was not read", code="too-complex")
