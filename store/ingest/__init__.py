"""Reading article files: Markdown or plain text with optional YAML front matter.

The stored body is the file's text after the front matter, exactly as written (BOM removed, newlines
kept), including its title line: for a file without front matter, offsets into the body are offsets into
the file, the same as `briefing analyze FILE`; with front matter they are shifted by `body_offset`.
"""

from store.ingest.discover import ARTICLE_SUFFIXES, discover
from store.ingest.frontmatter import FRONT_MATTER_KEYS, split_front_matter
from store.ingest.reader import MAX_FILE_BYTES, IngestError, ParsedArticle, parse_article, read_article

__all__ = [
    "ARTICLE_SUFFIXES",
    "FRONT_MATTER_KEYS",
    "MAX_FILE_BYTES",
    "IngestError",
    "ParsedArticle",
    "discover",
    "parse_article",
    "read_article",
    "split_front_matter",
]
