"""Invented news pages and feeds for the ingest tests and benchmarks (all text written for this project).

Each `Story` is an invented article; `page(story, layout)` wraps it in one of several real-looking site
layouts: navigation, advertisements, "most read" lists, newsletter boxes, comments, cookie banners and
footers around the article, with the metadata in the places real sites put it (Open Graph, JSON-LD,
`<time>`, visible bylines). `BOILERPLATE` holds words that only the page furniture uses, so a test or the
benchmark can tell how much of it leaked into an extracted text.
"""

from __future__ import annotations

import html
import json
from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True)
class Story:
    slug: str
    title: str
    site: str
    author: str
    published: date
    paragraphs: tuple[str, ...]

    @property
    def url(self) -> str:
        return f"https://{self.site.lower().replace(' ', '')}.example/news/{self.slug}"


STORIES: tuple[Story, ...] = (
    Story(
        "harbour-dredging",
        "Harbour authority approves dredging plan after two-year review",
        "Coastline Courier",
        "Mara Ellison",
        date(2024, 5, 14),
        (
            "The Port Veyra harbour authority on Tuesday approved a plan to deepen the main shipping channel "
            "by four metres, ending a review that began in March 2022.",
            "The work, estimated at 38 million euros, will allow container ships of up to 9,000 units to "
            "dock without waiting for high tide, the authority's chair, Ilse Brandvik, told reporters.",
            "Fishing cooperatives had objected to the first draft, arguing that silt from the dredging would "
            "smother mussel beds along the northern breakwater. The approved plan moves the disposal site "
            "twelve kilometres offshore.",
            "Dredging is due to start in September and to last roughly eighteen months. The authority said "
            "about 140 jobs would be created during construction.",
            "Opposition councillors said they would ask the regional audit office to examine the cost "
            "estimate, which has risen by a third since 2022.",
        ),
    ),
    Story(
        "rail-strike-talks",
        "Rail unions and operator resume talks as strike enters third day",
        "Midland Ledger",
        "Tomasz Keller",
        date(2023, 11, 8),
        (
            "Negotiators for the two largest rail unions returned to the table on Wednesday morning, as a "
            "strike over rostering rules halted most regional services for a third consecutive day.",
            "The operator, Midland Regional Rail, said only 60 of its usual 410 daily departures were "
            "running, almost all of them on the airport line.",
            "Union spokesperson Dana Oyelaran said members would accept independent arbitration if the "
            "operator withdrew its proposal to extend split shifts to weekend crews.",
            "Commuters crowded onto replacement buses in Carrowby and Lisfield, where queues stretched "
            "around the station forecourts before seven o'clock.",
        ),
    ),
    Story(
        "drought-reservoirs",
        "Reservoirs fall below half capacity as drought restrictions widen",
        "Valley Observer",
        "Priya Nandakumar",
        date(2024, 3, 3),
        (
            "Water levels in the Altenmoor reservoir system fell to 46 percent of capacity last week, the "
            "lowest reading for early spring since records began in 1978.",
            "The regional water board extended its hosepipe ban to another 120,000 households on Friday and "
            "asked farms to cut irrigation by a fifth until the end of April.",
            "Hydrologist Benedikt Sauer said rainfall since October had been barely two thirds of the "
            "long-term average, and that groundwater would take years to recover fully.",
            "The board is weighing an emergency transfer pipeline from the Rennet river, a project it had "
            "shelved in 2019 because of its cost.",
            "Residents can report leaks through the board's website; repair crews fixed more than 900 "
            "leaks in February alone, the board said.",
        ),
    ),
    Story(
        "museum-reopens",
        "City museum reopens after roof repairs with a new gallery of river finds",
        "Northgate Herald",
        "Élodie Marchetti",
        date(2022, 9, 21),
        (
            "The Northgate City Museum reopened to visitors on Saturday after fourteen months of roof "
            "repairs, with a new gallery devoted to objects recovered from the river Elm.",
            "Curator Joaquín Herrera said the collection of about 2,300 items, from Roman coins to a "
            "medieval pilgrim's badge, had been stored in crates since the museum closed.",
            "Entry remains free, though the museum will ask for a voluntary donation of five pounds towards "
            "the repair bill, which came to 4.1 million pounds.",
            "Volunteers from the local history society spent the summer cleaning and cataloguing the finds "
            "with conservators from the university.",
        ),
    ),
    Story(
        "wind-farm-vote",
        "Council narrowly backs offshore wind farm connection",
        "Coastline Courier",
        "Mara Ellison",
        date(2024, 1, 30),
        (
            "Councillors voted 23 to 21 on Monday night to allow the Sorrel Bank offshore wind farm to bring "
            "its export cable ashore at Hallow Sands.",
            "The developer says the 64 turbines will supply the equivalent of 410,000 homes once complete "
            "in 2028. Construction of the onshore substation is expected to begin next spring.",
            "Campaigners opposed to the landing point warned that the cable trench would close the beach "
            "car park for two summers; the developer has promised a temporary park and ride.",
            "The decision now goes to the national planning inspectorate, which has six months to respond.",
        ),
    ),
    Story(
        "bakery-cooperative",
        "Village bakery becomes a cooperative owned by 300 residents",
        "Valley Observer",
        "Priya Nandakumar",
        date(2023, 6, 17),
        (
            "The only bakery in Esker Ford will stay open after 300 residents bought shares in a new "
            "cooperative that took it over on Thursday.",
            "Its owners of thirty years, Gwen and Alun Pryce, had planned to close in May when they could "
            "find no buyer. Shares were sold at 50 pounds each, raising just over 70,000 pounds.",
            "The cooperative has hired two apprentice bakers and plans to open on Sundays from August, "
            "chair Rhiannon Vale said.",
        ),
    ),
)

# Words only the page furniture uses (never in a story): their share in an extracted text is leakage.
BOILERPLATE = (
    "Subscribe",
    "newsletter",
    "inbox",
    "Advertisement",
    "Sponsored",
    "cookies",
    "Privacy",
    "Copyright",
    "Terms",
    "Trending",
    "MostRead",
    "Reply",
    "Comments",
    "commenter",
    "Login",
    "Register",
    "Careers",
    "Contact",
    "Sitemap",
    "horoscope",
    "crossword",
    "Recommended",
    "Sweepstakes",
)

_NAV = ["Home", "World", "Business", "Sport", "Culture", "Crossword", "Horoscope", "Login", "Register"]
_MOST_READ = [
    "Ten crossword tips the experts swear by",
    "Your weekly horoscope: what the stars say",
    "Sweepstakes winner claims record prize",
    "Trending: the recipe everyone is talking about",
    "Recommended: best walking boots of the season",
]
_COMMENTS = [
    ("harbourwatcher", "Reply: About time this was sorted, Comments closed after this one?"),
    ("commenter_88", "Reply: Login to see more Comments. Sponsored links below."),
    ("inbox_reader", "Reply: I subscribe for exactly this kind of reporting. Register to reply."),
]


def _e(text: str) -> str:
    return html.escape(text, quote=True)


def _paragraphs(story: Story, *, ads: bool) -> str:
    out = []
    for n, para in enumerate(story.paragraphs):
        out.append(f"<p>{_e(para)}</p>")
        if ads and n == 1:
            out.append(
                '<div class="ad-slot ad-inline"><span>Advertisement</span>'
                "<p>Sponsored: Sweepstakes open now, Allow cookies to enter</p></div>"
            )
    return "\n".join(out)


def _nav() -> str:
    links = "".join(f'<li><a href="/{n.lower()}">{n}</a></li>' for n in _NAV)
    return f'<nav class="site-nav"><ul>{links}</ul></nav>'


def _most_read(tag: str = "aside") -> str:
    items = "".join(f'<li><a href="/x/{n}">{_e(t)}</a></li>' for n, t in enumerate(_MOST_READ))
    return f'<{tag} class="most-read"><h2>MostRead</h2><ol>{items}</ol></{tag}>'


def _comments() -> str:
    items = "".join(f'<li class="comment"><b>{_e(who)}</b><p>{_e(text)}</p></li>' for who, text in _COMMENTS)
    return f'<section id="comments"><h3>Comments (3)</h3><ul>{items}</ul></section>'


def _footer(site: str) -> str:
    return (
        f'<footer class="site-footer"><p>Copyright 2024 {_e(site)}. Privacy Terms Careers Contact '
        f"Sitemap</p><p>Subscribe to our newsletter: get the news in your inbox.</p></footer>"
    )


def _script() -> str:
    return (
        "<script>window.dataLayer = window.dataLayer || []; function track(){console.log('tracking');}"
        "</script><style>.ad-slot{display:block} body{font-family:serif}</style>"
    )


def _layout_news(story: Story) -> str:
    """A newspaper CMS: Open Graph metadata, <article>, inline ads, most-read aside, comments, footer."""
    iso = story.published.isoformat()
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>{_e(story.title)} | {_e(story.site)}</title>
<meta property="og:title" content="{_e(story.title)}">
<meta property="og:site_name" content="{_e(story.site)}">
<meta property="og:url" content="{_e(story.url)}">
<meta name="author" content="{_e(story.author)}">
<meta property="article:published_time" content="{iso}T08:30:00+00:00">
<link rel="canonical" href="{_e(story.url)}">
{_script()}
</head><body>
<header class="masthead"><a class="logo" href="/">{_e(story.site)}</a>{_nav()}
<form class="search"><input name="q" placeholder="Search"></form></header>
<div class="cookie-banner">We use cookies. Allow all cookies or manage Privacy settings.</div>
<main><article class="story">
<h1>{_e(story.title)}</h1>
<p class="byline">By {_e(story.author)} · <time datetime="{iso}">{story.published:%d %B %Y}</time></p>
{_paragraphs(story, ads=True)}
<div class="newsletter-box"><h4>Subscribe</h4><p>Get our newsletter in your inbox every morning.
Subscribe now.</p></div>
</article>
{_most_read()}
{_comments()}
</main>
{_footer(story.site)}
<script>track();</script>
</body></html>"""


def _layout_blog(story: Story) -> str:
    """A blog-style site: JSON-LD NewsArticle, <title> with ' - Site', div soup, sidebar of popular posts."""
    ld = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": story.title,
        "datePublished": f"{story.published.isoformat()}T10:00:00Z",
        "author": {"@type": "Person", "name": story.author},
        "publisher": {"@type": "Organization", "name": story.site},
        "mainEntityOfPage": story.url,
    }
    return f"""<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>{_e(story.title)} - {_e(story.site)}</title>
<script type="application/ld+json">{json.dumps(ld)}</script>
<link rel="canonical" href="{_e(story.url)}">
{_script()}
</head><body>
<div id="top-bar">{_nav()}</div>
<div id="wrapper"><div id="sidebar" class="sidebar widget-area">
<div class="widget"><h3>Trending</h3><ul><li>{_e(_MOST_READ[0])}</li><li>{_e(_MOST_READ[1])}</li>
<li>{_e(_MOST_READ[3])}</li></ul></div>
<div class="widget ads"><p>Advertisement</p><p>Sponsored Sweepstakes - see the Terms</p></div></div>
<div id="content" class="post"><h1 class="entry-title">{_e(story.title)}</h1>
<div class="entry-meta">Posted by {_e(story.author)}</div>
<div class="entry-content">
{_paragraphs(story, ads=False)}
</div>
<div class="share-buttons">Share: Facebook Twitter Email</div>
<div class="related-posts"><h3>Recommended</h3><ul><li>{_e(_MOST_READ[4])}</li>
<li>{_e(_MOST_READ[2])}</li></ul></div>
{_comments()}
</div></div>
{_footer(story.site)}
</body></html>"""


def _layout_plain(story: Story) -> str:
    """An older site: no metadata but <title>, the date only in visible text, tables for layout."""
    return f"""<html><head><title>{_e(story.site)} :: {_e(story.title)}</title>{_script()}</head>
<body><table width="100%"><tr><td class="menu">{_nav()}</td></tr>
<tr><td><div class="story-body"><h2>{_e(story.title)}</h2>
<p class="dateline">Published {story.published:%d %B %Y} by {_e(story.author)}</p>
{_paragraphs(story, ads=True)}
<p class="read-more">Read more: {_e(_MOST_READ[1])}</p>
</div></td></tr>
<tr><td>{_most_read("div")}</td></tr></table>
{_footer(story.site)}</body></html>"""


def _layout_magazine(story: Story) -> str:
    """A magazine CMS: paywall teaser, figure with caption, related links and share bar inside the article,
    author bio and tags after it, a comments area; only <title> and article:published_time as metadata."""
    body = []
    for n, para in enumerate(story.paragraphs):
        body.append(f"<p>{_e(para)}</p>")
        if n == 0:
            body.append(
                '<figure><img src="/lead.jpg" alt=""><figcaption>Photo: Sponsored picture desk'
                "</figcaption></figure>"
            )
        if n == 1:
            body.append(
                '<aside class="related-inline"><h4>Recommended</h4><ul>'
                f'<li><a href="/r1">{_e(_MOST_READ[0])}</a></li>'
                f'<li><a href="/r2">{_e(_MOST_READ[3])}</a></li>'
                "</ul></aside>"
            )
        if n == 2:
            body.append('<div class="share-bar"><a>Share this article</a> <a>Email</a></div>')
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{_e(story.title)} | {_e(story.site)}</title>
<meta property="article:published_time" content="{story.published.isoformat()}">{_script()}</head>
<body><div class="top">{_nav()}</div>
<div class="paywall-teaser">Subscribe for unlimited access. Already a subscriber? Login</div>
<article><header><h1>{_e(story.title)}</h1><div class="meta"><span class="author">{_e(story.author)}</span>
<span class="date">{story.published:%B %d, %Y}</span></div></header>
<div class="article-body">{"".join(body)}</div>
<div class="tags">Tags: Trending, Recommended</div>
</article>
<div class="comments-area"><h3>Comments</h3><div class="comment"><p>Reply: commenter says Subscribe and
Login for Comments.</p></div></div>
{_most_read("div")}{_footer(story.site)}</body></html>"""


def _layout_latin1(story: Story) -> str:
    """The news layout declared and encoded as ISO-8859-1 (see `page_bytes`)."""
    return _layout_news(story).replace('<meta charset="utf-8">', '<meta charset="iso-8859-1">')


LAYOUTS = {
    "news": _layout_news,
    "blog": _layout_blog,
    "plain": _layout_plain,
    "latin1": _layout_latin1,
    "magazine": _layout_magazine,
}
# The metadata each layout carries besides title and date (the others must come out as None or a guess).
LAYOUT_METADATA = {
    "news": {"author", "source", "url"},
    "blog": {"author", "source", "url"},
    "plain": {"source"},
    "latin1": {"author", "source", "url"},
    "magazine": {"source"},
}


def page(story: Story, layout: str = "news") -> str:
    return LAYOUTS[layout](story)


def page_bytes(story: Story, layout: str = "news") -> bytes:
    text = page(story, layout)
    return text.encode("iso-8859-1", "xmlcharrefreplace") if layout == "latin1" else text.encode()


def rss(
    title: str,
    items: list[dict[str, str]],
    *,
    link: str = "https://coastlinecourier.example/",
) -> bytes:
    """An RSS 2.0 document; each item dict may hold title, link, guid, pubDate, description, content."""
    parts = []
    for item in items:
        fields = []
        for key in ("title", "link", "guid", "pubDate", "description"):
            if key in item:
                fields.append(f"<{key}>{_e(item[key])}</{key}>")
        if "content" in item:
            fields.append(f"<content:encoded><![CDATA[{item['content']}]]></content:encoded>")
        parts.append("<item>" + "".join(fields) + "</item>")
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n'
        '<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>'
        f"<title>{_e(title)}</title><link>{_e(link)}</link><description>Invented news</description>"
        + "".join(parts)
        + "</channel></rss>"
    ).encode()


def atom(title: str, entries: list[dict[str, str]]) -> bytes:
    """An Atom 1.0 document; each entry dict may hold title, link, id, updated, summary, content."""
    parts = []
    for entry in entries:
        fields = [f"<title>{_e(entry.get('title', ''))}</title>"]
        if "link" in entry:
            fields.append(f'<link rel="alternate" href="{_e(entry["link"])}"/>')
        for key in ("id", "updated", "published", "summary"):
            if key in entry:
                fields.append(f"<{key}>{_e(entry[key])}</{key}>")
        if "content" in entry:
            fields.append(f'<content type="html">{_e(entry["content"])}</content>')
        parts.append("<entry>" + "".join(fields) + "</entry>")
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom">'
        f"<title>{_e(title)}</title><id>urn:example:{_e(title)}</id><updated>2024-05-14T00:00:00Z</updated>"
        + "".join(parts)
        + "</feed>"
    ).encode()


def story_html(story: Story) -> str:
    """The story's paragraphs as the HTML a feed's full-content field carries."""
    return "".join(f"<p>{_e(p)}</p>" for p in story.paragraphs)


def rfc822(day: date) -> str:
    return f"{day:%a, %d %b %Y} 09:00:00 +0000"
