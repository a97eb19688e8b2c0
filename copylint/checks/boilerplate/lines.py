"""Shallow text features of one line, for telling copy from web furniture.

The features are the ones boilerplate-detection research found to work on text alone (jusText;
Kohlschütter et al., "Boilerplate Detection using Shallow Text Features", 2010): length in words,
stop-word density, whether the line has the shape of a sentence, capitalisation, link-like and
menu-like punctuation, and a few patterns of page furniture (timestamps, counts, credits).
"""

from __future__ import annotations

import re
from functools import cache
from itertools import filterfalse
from operator import itemgetter

from copylint.core.packs import data_path

#: content words of at least this many letters count towards a line's subject, cut to stems of this length
#: ("election", "elections", "electoral" -> "elect")
TOPIC_MIN_LETTERS = 3
TOPIC_STEM = 5
#: a word: letters, joined by apostrophes, dots or hyphens...
_ANY_WORD = re.compile(r"[^\W\d_]+(?:['’.-][^\W\d_]+)*")
#: ... the same words in a line whose only letters are ASCII ones (faster)
_WORD = re.compile(r"[A-Za-z]++(?:['’.-][A-Za-z]++)*+")
_NON_ASCII_LETTER = re.compile(r"[^\W\d_\x00-\x7f]")
#: a word of such a line that starts with a capital (no letter, or letter and joiner, before it)
_CAPITALISED = re.compile(r"[A-Z](?<![A-Za-z].)(?<![A-Za-z]['’.-].)[A-Za-z]*+(?:['’.-][A-Za-z]++)*+")
_ASCII_LETTER = re.compile(r"[A-Za-z]")
#: every byte but the capitals A-Z (UTF-8 bytes of other characters are never in that range)
_NOT_CAPITAL = bytes(b for b in range(256) if not ord("A") <= b <= ord("Z"))
_FIRST = itemgetter(0)
#: sentence-final punctuation, then any closing quotes or brackets
_SENTENCE_STOPS = (".", "!", "?")
_CLOSING = "\"'”’)]"
#: what may trail a sentence that a scraper glued on without making it any less a sentence ("... passed. –")
_TRAILING_JUNK = " \t–—-|•·,"
_TRUNCATED = re.compile(r"(?:\.\.\.|…|\.\s?\.\s?\.)[\s\"'”’)\]]*$|[»›>]\s*$")
#: the longest truncation mark before the closing quotes and spaces (". . .")
_TRUNCATION_WIDTH = 5
#: pipes, bullets and arrows between menu items, spaced
_MENU_SEPARATOR = re.compile(r"\s[|•·»›>/]\s|\s[|•·]|[|•·]\s|\s{3,}")
_MENU_CHARACTERS = "|•·»›>/"
_DIGIT = re.compile(r"\d")
_BULLETS = frozenset({"- ", "* ", "• ", "· ", "– ", "— "})
_INNER_STOP = re.compile(r"[a-z][.!?]+[\"'”’)]*\s+[\"'“‘(]*[A-Z]")
_QUOTES = "\"“”'‘’«"
_TIME = re.compile(r"\b\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?|gmt|bst|utc|et|est|edt|pt|cet|hrs?)?\b", re.I)
_MONTHS = (r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
           r"sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)")
_DAYS = r"(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|nesday|sday|rsday|urday)?"
#: a line made only of a date, a time, or both (with "Updated", "Posted", "ago" and the like)
_TIMESTAMP = re.compile(
    rf"""^[\s(\[|•-]*(?:(?:last\s+)?(?:updated|posted|published|modified|created|date|on|at|by|\|)[\s:,]*)*
    (?:{_DAYS}[\s,.]*)?
    (?:\d{{1,4}}[/.-]\d{{1,2}}[/.-]\d{{1,4}}
      |{_MONTHS}\.?\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+\d{{4}})?
      |\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTHS}\.?(?:,?\s+\d{{4}})?
      |{_MONTHS}\.?\s+\d{{4}}
      |\d{{1,2}}[:.]\d{{2}}\s*(?:[ap]\.?m\.?)?(?:\s*[a-z]{{2,4}})?
      |\d+\s+(?:seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?)\s+ago
      |today|yesterday|just\s+now)
    (?:[\s,|•@-]+(?:at\s+)?(?:\d{{1,2}}[:.]\d{{2}}(?::\d{{2}})?\s*(?:[ap]\.?m\.?)?(?:\s*[a-z]{{2,4}})?|\d{{4}}
      |{_DAYS}|{_MONTHS}\.?\s+\d{{1,2}}(?:,?\s+\d{{4}})?|updated|posted|published|[:,|])*)*
    [\s)\].|]*$""",
    re.I | re.X,
)
#: "12 comments", "Comments (3)", "1.2k shares", "4 min read", "Views: 1,024"
_COUNT = re.compile(
    r"^[\s(]*(?:\d[\d,.]*\s*k?\s+(?:comments?|replies|reply|shares?|views?|likes?|reads?|retweets?|votes?|"
    r"reactions?|responses?|talkbacks?|min(?:ute)?s?\s+read|photos?|images?|videos?|items?|results?)"
    r"|(?:comments?|replies|shares?|views?|likes?|votes?)\s*[:(]?\s*\d[\d,.]*\s*\)?"
    # a category or tag and how many stories it holds: "Iraq War (563)", "Web/Tech (2)"
    r"|[A-Z][\w&'’/ .-]{0,40}?\s\(\d[\d,]*\))[\s).]*$",
    re.I,
)
#: "By Jane Doe", "By JANE DOE, Reuters" — a byline is article furniture, not boilerplate
_BYLINE = re.compile(r"^\s*(?i:by|words by|written by|reporting by|from)\s+[A-Z][\w.'’-]*"
                     r"(?:\s+[A-Z][\w.'’-]*){0,3}(?:\s*(?:,|and|&|-|–|—|\|)\s*[\w.'’ -]{0,40})?$")
#: "(Reporting by Jane Doe; Editing by John Smith)", "Contributing: Kristine Phillips": staff credits
_STAFF_CREDIT = re.compile(r"^\s*[(\[]?\s*(?i:(?:additional\s+)?reporting|writing|editing|compiled|contributing|"
                           r"research|translation|graphics|production)(?:\s+by\b|\s*:)\s*[A-Z]")
#: "Clark Boyd is technology correspondent for The World": the author's note closing a story
_AUTHOR_NOTE = re.compile(r"^\s*(?:[A-Z][\w.'’-]*\s+){1,3}(?:(?:is|was)\s+(?:a|an|the\s+)?(?:[\w-]+\s+){0,3}"
                          r"(?:correspondent|editor|reporter|writer|columnist|journalist|contributor|author)\b"
                          r"|(?:covers|writes about|reports on)\s)")
#: the wire agency's sign-off closing a story ("Reuter")
_SIGN_OFF = re.compile(r"^\s*(?:Reuter|REUTER)\s*$")
#: "LONDON (Reuters) -", "WASHINGTON, March 3 -": a dateline opening the story
_DATELINE = re.compile(r"^\s*[A-Z][A-Z.'’ -]{2,30}(?:,\s*[A-Z][\w.]*(?:\s+\d{1,2})?)?\s*"
                       r"(?:\([A-Z][\w ]{1,20}\))?\s*[-–—:]\s*\S+(?:\s+\S+){3}.*[a-z]")
#: ... or standing on a line of its own: "LONDON (Reuters) -", "WASHINGTON, March 3 -"
_AGENCY = r"\([A-Z][\w ]{1,20}\)"
_DATELINE_ALONE = re.compile(rf"^\s*[A-Z][A-Z.'’ -]{{2,30}}(?:,\s*[A-Z][\w.]*)?"
                             rf"(?:\s*{_AGENCY}|,\s*(?i:{_MONTHS})\.?\s+\d{{1,2}}(?:\s*{_AGENCY})?)\s*[-–—:]?\s*$")
_URL_ONLY = re.compile(r"^\s*(?:https?://\S+|www\.\S+|[\w-]+(?:\.[\w-]+)+(?:/\S*)?|\S+@\S+\.\w+|@\w+)\s*$",
                       re.I)
#: "CNN —", "New York CNN Business —", "Washington, DC CNN —", "BAGHDAD --": a dateline stub opening a story
_DATELINE_STUB = re.compile(r"^\s*[A-Z][\w.,'’ ]{0,40}?\s*(?:[—–-]|--)\s*$")

#: a sentence end inside a line
_INNER_PUNCTUATION = re.compile(r"[a-z0-9)][.!?]+[\"'”’)]*(?:\s|[A-Za-z0-9])")
#: a quotation of a few words
#: quoted speech of a few words is an opening quote, then (before the next closing one) three words
_CLOSING_QUOTE = re.compile(r'([”"])')
_THREE_WORDS = re.compile(r"\w \w+ \w")
DAY_HEADING = "a day heading"
FIGURE_ROW = "a row of figures"
FIXTURE = "a fixture or result"
SEPARATOR = "a separator"
#: a stamp that says what it stamps: "Updated 10:32", "Posted 3 hours ago"
_STAMP_WORD = re.compile(r"\b(?:updated|posted|published|modified|created|last|ago)\b", re.I)
#: Structured content: lines that are copy in a shape other than a sentence (never web furniture).
_STRUCTURED = (
    # list items: "3. Charlottetown", "1) Rinse the lentils", "(a) The first option"
    ("a numbered list item", re.compile(r"^\s*(?:\(?\d{1,3}[.)]|\([a-z]\)|[a-z]\))\s+\S")),
    # recipe ingredients and quantities: "250g red lentils", "1 tsp ground cumin", "2 shallots, finely diced"
    ("an ingredient or quantity", re.compile(
        r"^\s*(?:\d+(?:[.,/]\d+)?|[½¼¾⅓⅔⅛])\s*(?:-\s*\d+\s*)?(?:(?:g|kg|mg|ml|l|cl|oz|lb|lbs|tsp|tbsp|tbs|cups?|pints?|"
        r"quarts?|cloves?|pinch|handful|sprigs?|slices?|tins?|cans?)\.?\s+[a-z]|[a-z]+,\s+[a-z])")),
    # sports: "Arsenal v Chelsea", "Arsenal 2-1 Chelsea", "Man Utd 3 Liverpool 1", "Green Bay at Chicago, 1 p.m."
    (FIXTURE, re.compile(
        r"^\s*(?:{n})\s+(?:(?:v|vs\.?)\s+(?:{n})|\d{{1,3}}\s*[-–]\s*\d{{1,3}}\s+(?:{n})|\d{{1,3}}\s+(?:{n})\s+\d{{1,3}}"
        r"|at\s+(?:{n}),\s*\d{{1,2}}(?::\d{{2}})?\s*[ap]\.?m\b)\b"
        .format(n=r"[A-Z][\w.'’&-]*(?:\s+[A-Z][\w.'’&-]*){0,3}"))),
    # a timeline or schedule entry: "10:50 p.m.: Police arrived", "2000 GMT", "1999 - The firm is founded"
    ("a timeline entry", re.compile(
        r"^\s*(?:\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?\s*(?:[A-Z]{2,4})?|\d{4}\s*(?:GMT|BST|UTC|ET|CET|hrs)|"
        r"(?:1[89]|20)\d{2})\s*(?:[:\-–—]\s*\S.*|[:\-–—]?\s*$)")),
    # a row of a table of figures: "Nike Inc. NKE, +2.00%", "Rishi Sunak - 1/50", "Turnout: 64%"
    (FIGURE_ROW, re.compile(r"^\s*\S.{0,60}?(?:\s[-–:=]|,)\s*[-+$£€]?\d[\d,.]*(?:%|/\d+|[kmb]n?)?\s*$")),
    # questions and answers of a transcript: "Q: What was your biggest challenge?", "SMITH: We won."
    ("a question or answer", re.compile(r"^\s*(?:Q|A|Question|Answer|[A-Z][A-Z.'’ -]{1,25})\s*[:.]\s+\S")),
    # an attribution: "— Pete, 54", "– Paul Egan", "- Jane Smith, London"
    ("an attribution", re.compile(
        r"^\s*[—–−-]{1,2}\s*[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}(?:,\s*[\w .'’-]{1,30})?\s*$")),
    # a separator: "___", "* * *", "###", "—"
    (SEPARATOR, re.compile(r"^\s*([_*=~#.·•—–-])(?:\s*\1)*\s*$")),
    # a day heading: "Sunday, 27 February", "Monday 3 March", "March 3"
    (DAY_HEADING, re.compile(
        rf"^\s*(?:{_DAYS}[\s,]+)?(?:\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTHS}|{_MONTHS}\.?\s+\d{{1,2}}(?:st|nd|rd|th)?)"
        r"\s*[:.]?\s*$", re.I)),
)
#: a line of figures (a table row, odds, prices): at least this many numbers, and few words
_NUMBER = re.compile(r"[-+$£€]?\d[\d,.]*(?:%|/\d+)?")
FIGURE_ROW_NUMBERS = 3
#: "Attendance: 20,170.", "Subs not used: Smith, Jones, Brown.", "Referee: Mike Dean": a field and its
#: value (a fact box, a line-up): the value is figures or names, its label no furniture word ("Tags")
_FIELD = re.compile(r"^\s*([A-Z][\w'’ -]{1,30}):\s+(\S.*)$")
#: a word of a field's value: a figure, or a word in capitals (a name), or a joining word
_VALUE_WORD = re.compile(r"[(\[]*(?:[-+$£€]?\d[\d,.:%/]*\w{0,3}|[A-Z][\w.'’-]*|and|of|de|van|von|le|la|&)[)\].,;]*")


@cache
def _word_set(name: str) -> frozenset[str]:
    words = set()
    with open(data_path(name), encoding="utf-8") as f:
        for raw in f:
            word = raw.split("#", 1)[0].strip().lower()
            if word:
                words.add(word)
    return frozenset(words)


def stop_words() -> frozenset[str]:
    """English function words (``rules/boilerplate/stopwords.txt``)."""
    return _word_set("boilerplate/stopwords.txt")


def ui_words() -> frozenset[str]:
    """Words of buttons, menus and site sections (``rules/boilerplate/ui-words.txt``)."""
    return _word_set("boilerplate/ui-words.txt")


class LineFeatures:
    """What the boilerplate classifier knows about one non-empty line.

    The word statistics every line needs (length, function words, title case, subject) are
    computed when the line is read; the features only some lines are asked about (button words,
    capitals, menu separators, figures) on first use.
    """

    __slots__ = ("_ascii", "_capitals", "_content", "_first_capital", "_has_digit", "_inner_stops", "_lower",
                 "_menu_separators", "_words", "bulleted", "quoted", "sentence_end", "stop_ratio", "text",
                 "title_case", "topic", "truncated", "words")

    text: str  # the line without surrounding whitespace
    words: int
    stop_ratio: float  # share of words that are function words
    title_case: bool  # Capitalised Like A Headline (function words too), not like a sentence
    sentence_end: bool  # ends in . ! or ? (then closing quotes or brackets)
    truncated: bool  # ends in "..." or an arrow: a teaser or a link
    quoted: bool  # quoted speech: opens with a quotation mark, ends a sentence or the quotation
    bulleted: bool  # starts with a list bullet ("- ", "* ", "• ")
    topic: frozenset[str]  # stems of its content words, to tell whether the line is on the article's subject

    def __init__(self, text: str) -> None:
        self.text = text
        stops = stop_words()
        # a line whose only letters are ASCII ones: lower-casing moves no word boundary, so its words
        # come lower-cased from one pass, and its capitalised words (when asked for) from another
        self._ascii = text.isascii() or _NON_ASCII_LETTER.search(text) is None
        if self._ascii:
            lows = _WORD.findall(text.lower())
            self._words: list[str] | None = None
            self._capitals: list[str] | None = None
        else:
            words = self._words = _ANY_WORD.findall(text)
            lows = list(map(str.lower, words))
            self._capitals = [w for w in words if w[0].isupper()]
        self._lower: int | None = None
        self._first_capital: bool | None = None
        n = self.words = len(lows)
        content = self._content = list(filterfalse(stops.__contains__, lows))
        n_stop = n - len(content)
        self.stop_ratio = n_stop / n if n else 0.0
        self.topic = frozenset([w[:TOPIC_STEM] for w in content if len(w) >= TOPIC_MIN_LETTERS])
        inner_stops = self._inner_stops = n_stop - (n > 0 and lows[0] in stops)
        if inner_stops < 2:  # too few function words to tell: no word in lower case at all
            self.title_case = n >= 2 and self._lower_words() == 0
        elif self._ascii and len(text.encode().translate(None, _NOT_CAPITAL)) * 2 < inner_stops:
            self.title_case = False  # fewer capitals than it takes, let alone capitalised function words
        else:
            capital_stops = sum(map(stops.__contains__, map(str.lower, self._inner_capitals())))
            self.title_case = capital_stops * 2 >= inner_stops
        core = text.rstrip(_CLOSING)
        ends_sentence = core[-1:] in _SENTENCE_STOPS or core.rstrip(_TRAILING_JUNK).rstrip(_CLOSING)[-1:] in ".!"
        self.truncated = _TRUNCATED.search(text, max(0, len(_tail_stripped(core)) - _TRUNCATION_WIDTH)) is not None
        self.sentence_end = ends_sentence and not self.truncated
        self.quoted = bool(text) and text[0] in _QUOTES and (text[-1] in _QUOTES or ends_sentence)
        self.bulleted = text[:2] in _BULLETS
        self._menu_separators: int | None = None
        self._has_digit: bool | None = None

    def _all_capitals(self) -> list[str]:
        """The words that start with a capital, the first word too."""
        if self._capitals is None:
            self._capitals = _CAPITALISED.findall(self.text)
        return self._capitals

    def _starts_capitalised(self) -> bool:
        """Does the first word start with a capital?"""
        if self._first_capital is None:
            if self._words is not None:
                self._first_capital = bool(self._words) and self._words[0][0].isupper()
            else:
                first = _ASCII_LETTER.search(self.text)
                self._first_capital = first is not None and first[0].isupper()
        return self._first_capital

    def _inner_capitals(self) -> list[str]:
        """The capitalised words after the first."""
        capitals = self._all_capitals()
        return capitals[1:] if self._starts_capitalised() else capitals

    def _lower_words(self) -> int:
        """How many words start with a lower-case letter (in an ASCII line, every word not capitalised)."""
        if self._lower is None:
            if self._words is None:
                self._lower = self.words - len(self._all_capitals())
            else:
                self._lower = sum(map(str.islower, map(_FIRST, self._words)))
        return self._lower

    @property
    def cap_ratio(self) -> float:
        """Share of content words after the first that are capitalised."""
        inner_content = self.words - 1 - self._inner_stops if self.words else 0
        if inner_content < 2:
            return 0.0
        capitals = self._inner_capitals()
        stops = stop_words()
        return (len(capitals) - sum(map(stops.__contains__, map(str.lower, capitals)))) / inner_content

    @property
    def ui_ratio(self) -> float:
        """Share of words that are web-furniture words."""
        return sum(map(ui_words().__contains__, self._content)) / self.words if self.words else 0.0

    @property
    def lower_words(self) -> int:
        """How many words start with a lower-case letter."""
        return self._lower_words()

    @property
    def lower_content_words(self) -> int:
        """How many words that are no function words start with a lower-case letter (a sentence has
        some: "declined", "comment"; a name or a title has none)."""
        stops = stop_words()
        return sum(1 for w in _ANY_WORD.findall(self.text) if w[0].islower() and w.lower() not in stops)

    @property
    def sentence_case(self) -> bool:
        """"Spending plans": a capital first word, every other word in lower case."""
        n = self.words
        return n >= 2 and self._starts_capitalised() and self._lower_words() == n - 1

    @property
    def all_caps(self) -> bool:
        text = self.text
        return self.words > 0 and text.upper() == text and text.lower() != text

    @property
    def menu_separators(self) -> int:
        """Pipes, bullets, arrows or wide gaps between items."""
        if self._menu_separators is None:
            text = self.text
            # only a space can be the whitespace of a printable line
            plain = text.isprintable() and "   " not in text and not any(c in text for c in _MENU_CHARACTERS)
            self._menu_separators = 0 if plain else len(_MENU_SEPARATOR.findall(text))
        return self._menu_separators

    @property
    def has_digit(self) -> bool:
        if self._has_digit is None:
            self._has_digit = _DIGIT.search(self.text) is not None
        return self._has_digit

    @property
    def sentence_breaks(self) -> int:
        """Sentence ends inside the line ("Really? Come on.")."""
        return len(_INNER_STOP.findall(self.text))

    @property
    def timestamp(self) -> bool:
        return self.has_digit and _TIMESTAMP.match(self.text) is not None

    @property
    def inner_stop(self) -> bool:
        """Does a sentence end inside the line ("...by a third.we'll ...", "Really? Come on")?"""
        return _INNER_PUNCTUATION.search(self.text.rstrip().rstrip(_CLOSING + ".!?")) is not None

    @property
    def quotation(self) -> bool:
        """Does the line hold quoted speech of a few words ("“We are delighted,” she said")? Then it is copy."""
        text = self.text
        if '"' not in text and "“" not in text:
            return False
        # (one pass between closing quotes: a pattern with the words inside the quotes backtracks)
        parts = _CLOSING_QUOTE.split(text)  # text, closing quote, text, ..., text
        for k in range(0, len(parts) - 1, 2):
            piece = parts[k]
            if k and parts[k - 1] == '"':  # a straight quote closes one quotation and may open the next
                inner = piece
            else:
                j = piece.find("“")
                if j < 0:
                    continue
                inner = piece[j + 1:]
            if _THREE_WORDS.search(inner):
                return True
        return False

    @property
    def stamped(self) -> bool:
        """A date or time that says what it stamps ("Updated 10:32 GMT", "3 hours ago")."""
        return _STAMP_WORD.search(self.text) is not None

    @property
    def count(self) -> bool:
        return self.has_digit and _COUNT.match(self.text) is not None

    @property
    def byline(self) -> bool:
        return self.words <= 10 and _BYLINE.match(self.text) is not None

    @property
    def staff_credit(self) -> bool:
        return _STAFF_CREDIT.match(self.text) is not None

    @property
    def author_note(self) -> bool:
        return self.words <= 40 and _AUTHOR_NOTE.match(self.text) is not None

    @property
    def sign_off(self) -> bool:
        return self.words == 1 and _SIGN_OFF.match(self.text) is not None

    @property
    def dateline(self) -> bool:
        if self.words <= 8 and _DATELINE_ALONE.match(self.text):
            return True
        return _DATELINE.match(self.text) is not None

    @property
    def url_only(self) -> bool:
        return _URL_ONLY.match(self.text) is not None

    @property
    def dateline_stub(self) -> bool:
        return self.words <= 6 and _DATELINE_STUB.match(self.text) is not None

    @property
    def structured(self) -> str | None:
        """What kind of structured content the line is (a list item, a result, a timeline entry, a
        transcript line, a field of a fact box, a row of figures, an attribution, a separator, a day
        heading), or None."""
        text = self.text
        field = _FIELD.match(text)
        if (field is not None and not any(w.lower() in ui_words() for w in field.group(1).split())
                and all(_VALUE_WORD.fullmatch(w) for w in field.group(2).split())):
            return "a field and its value"
        for kind, pattern in _STRUCTURED:
            if pattern.match(text):
                return kind
        if self.has_digit and len(_NUMBER.findall(text)) >= FIGURE_ROW_NUMBERS and self.words <= 8:
            return FIGURE_ROW
        return None


def line_features(text: str) -> LineFeatures:
    """Features of one line of prose (``text`` may carry surrounding whitespace)."""
    return LineFeatures(text.strip())


def _tail_stripped(text: str) -> str:
    """``text`` without the closing quotes, brackets and spaces at its end."""
    while True:
        shorter = text.rstrip().rstrip(_CLOSING)
        if len(shorter) == len(text):
            return text
        text = shorter
