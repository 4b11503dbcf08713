"""Writes the extraction evaluation pages: each article of articles.py put into one of
twelve page shapes that real news sites and CMSs have (WordPress, Arc/Next.js news site,
table-layout div soup, BBC-style data components, Substack, Medium, Drupal, Ghost, AMP,
a local paper with a cookie wall and author box, a magazine with captions and pull
quotes, a government press release), with their furniture: navigation, share bars,
related lists, ads splitting the body, comments, cookie banners, newsletter boxes, author
bios, captions, JSON-LD. Run once; the pages and their expected title and body are kept in
ingest-service/src/test/resources/extraction/pages."""
import html
import json
import os
import sys

sys.path.insert(0, os.path.dirname(__file__))
from articles import ARTICLES  # noqa: E402

OUT = os.path.join(os.path.dirname(__file__), "..", "..", "ingest-service", "src", "test", "resources",
                   "extraction", "pages")

e = html.escape

MENU = ["Home", "News", "Politics", "Business", "Climate", "Sport", "Culture", "Opinion", "Podcasts"]

RELATED = [
    "Council delays vote on parking charges",
    "Five things to know before the budget",
    "Weather: storm warning for the coast on Friday",
    "Opinion: why the city needs more trees",
    "Police appeal for witnesses after break-in at school",
    "Review: the new season at the opera house",
]

COMMENTS = [
    ("PeterJ", "I have lived here for forty years and I have never seen anything like this. The people in charge should have acted much earlier, it was obvious to everyone who walks past every day that something was wrong, and now we are all paying the price for their delays and their endless meetings."),
    ("anna_k", "Thanks for the article. Does anyone know whether the changes will apply to the villages outside the city as well, or only to the centre? The announcement on the council website does not say anything about it and the phone line is always busy."),
    ("Realist77", "Same story every year. Lots of promises, a few photos with the mayor, then nothing happens until the next election. I will believe it when I see it, and I suggest everyone else does the same before getting excited about it."),
]

COOKIE = ("We and our 143 partners use cookies and similar technologies to store and access information on your "
          "device, to personalise content and advertising, to measure the performance of ads and content, and to "
          "understand our audience. With your permission we and our partners may use precise geolocation data and "
          "identification through device scanning. You may click to consent to our and our partners' processing as "
          "described above, or access more detailed information and change your preferences before consenting or "
          "to refuse consenting. Please note that some processing of your personal data may not require your "
          "consent, but you have a right to object to such processing. Your preferences will apply to this website "
          "only and you can change them at any time by returning to this site or visiting our privacy policy.")

NEWSLETTER = ("Get the morning briefing: the five stories you need to know, in your inbox before breakfast every "
              "weekday. Free, and you can unsubscribe at any time.")


def bio(a):
    return (f"{a['author']} is a reporter covering local government, transport and the environment. Before joining "
            f"the paper in 2016, they worked for regional radio and a news agency. Send tips to "
            f"{a['author'].split()[-1].lower()}@example.com.")


def expected_body(a):
    out = []
    for p in a["paras"]:
        for prefix in ("## ", "> ", "* "):
            if p.startswith(prefix):
                p = p[len(prefix):]
        out.append(p)
    return "\n\n".join(out)


def render_paras(paras, p_attrs="", h2_attrs="", quote="blockquote"):
    parts = []
    items = []

    def flush():
        if items:
            parts.append("<ul>" + "".join(f"<li>{e(i)}</li>" for i in items) + "</ul>")
            items.clear()

    for p in paras:
        if p.startswith("* "):
            items.append(p[2:])
            continue
        flush()
        if p.startswith("## "):
            parts.append(f"<h2{h2_attrs}>{e(p[3:])}</h2>")
        elif p.startswith("> "):
            parts.append(f"<{quote}><p>{e(p[2:])}</p></{quote}>")
        else:
            parts.append(f"<p{p_attrs}>{e(p)}</p>")
    flush()
    return parts


def jsonld(a, site, url, kind="NewsArticle", graph=False, author_list=False):
    author = [{"@type": "Person", "name": a["author"]}] if author_list else {"@type": "Person", "name": a["author"]}
    article = {"@context": "https://schema.org", "@type": kind, "headline": a["title"], "datePublished": a["date"],
               "dateModified": a["date"], "author": author, "mainEntityOfPage": {"@type": "WebPage", "@id": url},
               "publisher": {"@type": "Organization", "name": site,
                             "logo": {"@type": "ImageObject", "url": "https://static.example/logo.png"}}}
    if graph:
        article.pop("@context")
        data = {"@context": "https://schema.org",
                "@graph": [{"@type": "WebSite", "name": site, "url": "https://" + site.lower().replace(" ", "") + ".example/"},
                           {"@type": "BreadcrumbList", "itemListElement": []}, article]}
    else:
        data = article
    return f'<script type="application/ld+json">{json.dumps(data, ensure_ascii=False)}</script>'


def nav(cls="menu"):
    return f'<nav class="{cls}"><ul>' + "".join(f'<li><a href="/{m.lower()}">{m}</a></li>' for m in MENU) + "</ul></nav>"


def related_list(title="Related", cls="related-links", n=4, offset=0):
    items = "".join(f'<li><a href="/news/{i}">{e(RELATED[(i + offset) % len(RELATED)])}</a></li>' for i in range(n))
    return f'<div class="{cls}"><h3>{title}</h3><ul>{items}</ul></div>'


def comments_block(outer="comments-area", item="comment"):
    out = [f'<div id="comments" class="{outer}"><h2 class="comments-title">3 comments</h2><ol class="commentlist">']
    for name, text in COMMENTS:
        out.append(f'<li class="{item}"><div class="comment-author">{e(name)}</div>'
                   f'<div class="comment-body"><p>{e(text)}</p></div><a class="reply">Reply</a></li>')
    out.append("</ol></div>")
    return "".join(out)


# ---------------------------------------------------------------- page shapes

def wordpress(a, i):
    site = ["The Riverside Post", "Hilltown Herald", "Lakeside Daily"][i % 3]
    url = f"https://news.example/{a['slug']}/"
    body = "\n".join(render_paras(a["paras"]))
    return f"""<!DOCTYPE html>
<html lang="en-US">
<head>
<meta charset="UTF-8">
<title>{e(a['title'])} &#8211; {e(site)}</title>
<meta property="og:site_name" content="{e(site)}">
<meta property="og:title" content="{e(a['title'])}">
<meta property="article:published_time" content="{a['date']}">
<link rel="canonical" href="{url}">
<link rel="stylesheet" href="/wp-content/themes/twentyx/style.css">
<script>window._wpemojiSettings = {{"baseUrl": "https://s.w.org/"}};</script>
</head>
<body class="post-template-default single single-post">
<div id="cookie-notice" class="cookie-notice"><p>{COOKIE[:300]}</p><a class="button">Accept</a></div>
<div id="page" class="site">
<header id="masthead" class="site-header"><p class="site-title"><a href="/">{e(site)}</a></p>{nav("main-navigation")}</header>
<div id="content" class="site-content"><div id="primary" class="content-area"><main id="main" class="site-main">
<article id="post-{1000 + i}" class="post-{1000 + i} post type-post status-publish format-standard hentry category-news">
<header class="entry-header"><h1 class="entry-title">{e(a['title'])}</h1>
<div class="entry-meta"><span class="byline">By <span class="author vcard"><a class="url fn n" rel="author" href="/author/x">{e(a['author'])}</a></span></span>
<span class="posted-on"><time class="entry-date published" datetime="{a['date']}">{a['date'][:10]}</time></span></div></header>
<div class="entry-content">
{body}
<div class="sharedaddy sd-sharing-enabled"><div class="robots-nocontent sd-block sd-social"><h3 class="sd-title">Share this:</h3><ul><li><a class="share-twitter">Twitter</a></li><li><a class="share-facebook">Facebook</a></li><li><a>Email</a></li></ul></div></div>
<div id="jp-relatedposts" class="jp-relatedposts"><h3 class="jp-relatedposts-headline"><em>Related</em></h3>{related_list(cls="jp-relatedposts-items", n=3, offset=i)}</div>
</div>
<footer class="entry-footer"><span class="cat-links">Posted in <a href="/news">News</a></span><span class="tags-links">Tagged <a>city</a>, <a>council</a></span></footer>
</article>
{comments_block()}
</main></div>
<aside id="secondary" class="widget-area"><section class="widget widget_recent_entries"><h2 class="widget-title">Recent Posts</h2><ul>{"".join(f"<li><a>{e(r)}</a></li>" for r in RELATED)}</ul></section></aside>
</div>
<footer id="colophon" class="site-footer"><p>Proudly powered by WordPress. &copy; 2024 {e(site)}</p></footer>
</div></body></html>
"""


def arc_news(a, i):
    site = ["The Daily Ledger", "Metro Courier", "Evening Standard-Times"][i % 3]
    url = f"https://ledger.example/news/2024/{a['slug']}"
    paras = render_paras(a["paras"], p_attrs=' class="article-body__paragraph" data-type="text"')
    # An advertisement after the second paragraph, a related box after the fourth.
    if len(paras) > 2:
        paras.insert(2, '<div class="ad-container"><div id="ad-slot-2" class="ad-slot"><span>Advertisement</span></div></div>')
    if len(paras) > 5:
        paras.insert(5, related_list("Read more", "related-content-inline", 3, i))
    body = "\n".join(paras)
    return f"""<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>{e(a['title'])} | {e(site)}</title>
<meta name="description" content="{e(a['paras'][0][:150])}">
<meta property="og:title" content="{e(a['title'])} | {e(site)}">
<meta property="og:url" content="{url}">
<meta name="twitter:card" content="summary_large_image">
{jsonld(a, site, url)}
<script id="fusion-metadata">Fusion=window.Fusion||{{}};Fusion.arcSite="ledger";</script>
</head><body><div id="fusion-app">
<header class="site-header"><a class="logo" href="/">{e(site)}</a>{nav("nav-sections")}<button>Subscribe</button><a>Sign in</a></header>
<div class="breaking-news-bar"><a>Live updates: storm heads for the coast</a></div>
<main class="main-content"><article class="article-body-wrapper">
<div class="article-header"><span class="kicker">Local news</span><h1 class="headline">{e(a['title'])}</h1>
<div class="byline"><span>By</span> <a href="/people/x">{e(a['author'])}</a></div>
<div class="timestamp"><time datetime="{a['date']}">Published {a['date'][:10]}</time></div>
<div class="share-tools"><a>Share on Facebook</a><a>Share on X</a><a>Copy link</a></div></div>
<div class="article-body">
{body}
</div>
<div class="article-tags"><a>Transport</a><a>City council</a></div>
</article>
<section class="most-read"><h2>Most read</h2><ol>{"".join(f"<li><a>{e(r)}</a></li>" for r in RELATED)}</ol></section>
</main>
<div class="newsletter-signup"><h3>The Morning Ledger</h3><p>{NEWSLETTER}</p><form><input type="email"><button>Sign up</button></form></div>
<footer class="site-footer"><ul><li><a>About us</a></li><li><a>Contact</a></li><li><a>Privacy</a></li></ul><p>&copy; 2024 {e(site)}. All rights reserved.</p></footer>
</div></body></html>
"""


def table_soup(a, i):
    site = ["GAZETTE ONLINE", "The Valley Times", "Northern Echo Online"][i % 3]
    text = "<br><br>\n".join(e(p[3:] if p.startswith("## ") else p[2:] if p.startswith(("> ", "* ")) else p)
                             for p in a["paras"])
    return f"""<html><head><title>{e(site)} :: {e(a['title'])}</title>
<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1"><meta name="author" content="{e(a['author'])}"></head>
<body bgcolor="#ffffff"><table width="100%" border="0"><tr><td colspan="2"><img src="/img/banner.gif"><br>
<a href="/">Home</a> | <a href="/news">News</a> | <a href="/sport">Sport</a> | <a href="/classifieds">Classifieds</a> | <a href="/weather">Weather</a></td></tr>
<tr><td width="160" valign="top" class="leftnav"><b>Sections</b><br><a>Local</a><br><a>Business</a><br><a>Letters</a><br><a>Obituaries</a><br><br><b>Advertisement</b><br><img src="/ads/car.gif"></td>
<td valign="top" class="maintext"><font size="5"><b>{e(a['title'])}</b></font><br>
<font size="2">By {e(a['author'])} &middot; {a['date'][:10]}</font><br><br>
{text}
<br><br><a href="/print?id={i}">Printer friendly version</a> | <a href="/email?id={i}">E-mail this story</a>
<br><br><b>Other headlines:</b><br><a>{e(RELATED[0])}</a><br><a>{e(RELATED[1])}</a><br><a>{e(RELATED[2])}</a>
</td></tr><tr><td colspan="2"><font size="1">Copyright 2024 {e(site)}. All rights reserved. Contact the webmaster.</font></td></tr></table></body></html>
"""


def bbc_blocks(a, i):
    site = "World Service News"
    url = f"https://wsn.example/news/articles/c{i:04d}"
    blocks = []
    for n, part in enumerate(render_paras(a["paras"])):
        if part.startswith("<h2"):
            blocks.append(f'<div data-component="subheadline-block" class="ssrcss-1 e1"><h2 class="ssrcss-h2">{part[4:-5]}</h2></div>')
        else:
            blocks.append(f'<div data-component="text-block" class="ssrcss-11r1m41-RichTextComponentWrapper ep2nwvo0"><div class="ssrcss-7uxr49-RichTextContainer e5tfeyi1">{part}</div></div>')
        if n == 1:
            blocks.append('<div data-component="image-block" class="ssrcss-image"><figure><img src="/i.jpg" alt=""><figcaption class="ssrcss-caption"><span class="visually-hidden">Image caption, </span>Residents watched from the hillside as the work began on Tuesday</figcaption></figure></div>')
        if n == 3:
            blocks.append('<div data-component="links-block" class="ssrcss-links"><ul><li><a href="/x">' + e(RELATED[i % 6]) + '</a></li><li><a href="/y">' + e(RELATED[(i + 1) % 6]) + '</a></li></ul></div>')
    body = "\n".join(blocks)
    return f"""<!DOCTYPE html><html lang="en-GB" class="no-js"><head><meta charset="utf-8">
<title>{e(a['title'])} - {site}</title>
<meta property="og:title" content="{e(a['title'])}"><meta property="og:site_name" content="{site}">
<meta property="og:url" content="{url}"><meta name="article:author" content="{e(a['author'])}">
{jsonld(a, site, url, kind="ReportageNewsArticle", graph=(i % 2 == 0), author_list=True)}
</head><body><div id="__next">
<header data-testid="header-banner"><a href="#main-content" class="skip-link">Skip to content</a>{nav("ssrcss-nav")}</header>
<div id="main-wrapper"><main id="main-content" role="main"><article class="ssrcss-article">
<header class="ssrcss-header"><h1 id="main-heading" class="ssrcss-15xko80-StyledHeading e10rt3ze0">{e(a['title'])}</h1></header>
<div data-component="byline-block" class="ssrcss-byline"><time datetime="{a['date']}">2 days ago</time><div>By {e(a['author'])}<br>Regional correspondent</div></div>
<div data-component="share-block"><button>Share</button><button>Save</button></div>
{body}
<section data-component="tag-list" class="ssrcss-tags"><h2>Related topics</h2><ul><li><a>Transport</a></li><li><a>Environment</a></li></ul></section>
</article>
<section data-component="related-stories" class="ssrcss-related"><h2>More on this story</h2><ul><li><a>{e(RELATED[3])}</a></li><li><a>{e(RELATED[4])}</a></li></ul></section>
</main></div>
<footer class="ssrcss-footer"><p>Copyright 2024 {site}. We are not responsible for the content of external sites.</p></footer>
</div></body></html>
"""


def substack(a, i):
    pub = ["The Slow Lane", "Field Notes", "Dispatches from the Valley"][i % 3]
    paras = render_paras(a["paras"])
    mid = len(paras) // 2
    paras.insert(mid, f'<div class="subscription-widget-wrap"><div class="subscription-widget"><p class="cta-caption">{e(pub)} is a reader-supported publication. To receive new posts and support my work, consider becoming a free or paid subscriber.</p><form><input type="email" placeholder="Type your email…"><input type="submit" value="Subscribe"></form></div></div>')
    body = "\n".join(paras)
    return f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>{e(a['title'])} - by {e(a['author'])} - {e(pub)}</title>
<meta property="og:title" content="{e(a['title'])}"><meta property="og:site_name" content="{e(pub)}">
<meta name="author" content="{e(a['author'])}">
{jsonld(a, pub, f"https://{a['slug']}.substack.example/p/{a['slug']}", kind="NewsArticle", author_list=True)}
</head><body><div id="entry"><div class="main-menu"><div class="topbar"><a class="navbar-title">{e(pub)}</a><button>Subscribe</button><button>Sign in</button></div></div>
<div class="container"><div class="single-post"><div class="post-header">
<h1 class="post-title published">{e(a['title'])}</h1>
<h3 class="subtitle">Notes on what changed this week, and why it matters</h3>
<div class="post-meta"><div class="profile-hover-card-target"><a>{e(a['author'])}</a></div><div class="post-date">{a['date'][:10]}</div></div>
<div class="post-ufi"><a class="like-button">42</a><a class="comment-button">12</a><a class="share-button">Share</a></div></div>
<div class="available-content"><div dir="auto" class="body markup">
{body}
</div></div>
<div class="post-footer"><div class="post-ufi"><a>42 Likes</a><a>Share</a></div></div>
<div class="comments-section"><h4>Discussion about this post</h4>{comments_block("comments-list", "comment-item")}</div>
</div></div><div class="footer-wrap"><p>&copy; 2024 {e(a['author'])} · Privacy · Terms · Collection notice</p></div></div></body></html>
"""


def medium(a, i):
    cls = "pw-post-body-paragraph ni nj gf nk b nl nm nn no np nq nr ns nt nu nv nw nx ny nz oa ob oc od oe of og gr bk"
    parts = []
    for p in a["paras"]:
        if p.startswith("## "):
            parts.append(f'<h2 class="pw-post-title ok ol gf bf om on oo op oq" id="h{len(parts)}">{e(p[3:])}</h2>')
        elif p.startswith("> "):
            parts.append(f'<blockquote class="ph pi pj"><p class="{cls}">{e(p[2:])}</p></blockquote>')
        elif p.startswith("* "):
            parts.append(f'<ul class="pk"><li class="{cls}">{e(p[2:])}</li></ul>')
        else:
            parts.append(f'<p class="{cls}" data-selectable-paragraph="">{e(p)}</p>')
    body = "\n".join(parts)
    return f"""<!doctype html><html lang="en"><head><title>{e(a['title'])} | by {e(a['author'])} | Medium</title>
<meta property="og:title" content="{e(a['title'])}"><meta property="og:site_name" content="Medium">
<meta name="author" content="{e(a['author'])}"><meta property="article:published_time" content="{a['date']}">
<link rel="canonical" href="https://medium.example/@writer/{a['slug']}-{i:x}ab12"></head>
<body><div id="root"><div class="a b c"><div class="l"><div class="m"><a>Medium</a><a>Write</a><a>Sign up</a><a>Sign in</a></div></div>
<article><div class="l"><div class="ab ca"><section><div class="ev ew ex ey ez">
<h1 id="title" class="pw-post-title gf gg gh bf gi gj gk gl gm gn go gp">{e(a['title'])}</h1>
<div class="speechify-ignore ab cp"><div class="ab"><a rel="noopener follow" href="/@writer">{e(a['author'])}</a><span>·</span><button>Follow</button></div>
<div class="ab"><span>5 min read</span><span>·</span><span>{a['date'][:10]}</span></div>
<div class="ab"><button aria-label="clap">1.2K</button><button aria-label="responses">14</button><button>Listen</button><button>Share</button></div></div>
{body}
</div></section></div></div></article>
<div class="ab ca"><div class="pl"><h2>Written by {e(a['author'])}</h2><p>2.4K Followers</p><p>Writer about cities, transport and the people in them. Newsletter: slow-news.example</p><button>Follow</button></div>
<div><h2>More from {e(a['author'])}</h2><ul><li><a>{e(RELATED[0])}</a></li><li><a>{e(RELATED[1])}</a></li></ul></div>
<div><h2>Recommended from Medium</h2><ul><li><a>{e(RELATED[2])}</a></li><li><a>{e(RELATED[5])}</a></li></ul></div></div>
</div></body></html>
"""


def drupal(a, i):
    site = ["Ostbay Tribune", "Region Today"][i % 2]
    body = "\n".join(render_paras(a["paras"]))
    return f"""<!DOCTYPE html><html lang="en" dir="ltr"><head><meta charset="utf-8">
<title>{e(a['title'])} | {e(site)}</title><meta name="Generator" content="Drupal 10">
<meta property="og:title" content="{e(a['title'])}"><meta property="og:site_name" content="{e(site)}">
<meta name="dcterms.creator" content="{e(a['author'])}"><meta name="author" content="{e(a['author'])}">
<meta property="article:published_time" content="{a['date']}"><link rel="canonical" href="/node/{4000 + i}">
</head><body class="path-node page-node-type-article">
<a href="#main-content" class="visually-hidden focusable skip-link">Skip to main content</a>
<div class="dialog-off-canvas-main-canvas"><div class="layout-container">
<header role="banner"><div class="region region-header"><div id="block-sitebranding"><a>{e(site)}</a></div></div>{nav("region-primary-menu")}</header>
<div class="region region-breadcrumb"><nav class="breadcrumb"><ol><li><a>Home</a></li><li><a>News</a></li></ol></nav></div>
<main role="main"><a id="main-content" tabindex="-1"></a><div class="layout-content">
<div class="region region-content"><div id="block-mainpagecontent">
<article role="article" class="node node--type-article node--promoted node--view-mode-full">
<h1 class="page-title"><span class="field field--name-title">{e(a['title'])}</span></h1>
<div class="node__meta"><span class="field--name-uid">{e(a['author'])}</span> <span class="field--name-created">{a['date'][:10]}</span></div>
<div class="node__content"><div class="clearfix text-formatted field field--name-body field--type-text-with-summary field--label-hidden field__item">
{body}
</div>
<div class="field field--name-field-tags field--type-entity-reference field--label-above"><div class="field__label">Tags</div><div class="field__items"><div class="field__item"><a>Local</a></div><div class="field__item"><a>Infrastructure</a></div></div></div>
<section class="comments field field--name-comment"><h2>Comments</h2>{"".join(f'<article class="comment js-comment"><footer class="comment__meta"><p>{e(n)}</p></footer><div class="comment__content"><p>{e(t)}</p></div></article>' for n, t in COMMENTS)}</section>
</div></article></div></div></div>
<aside class="layout-sidebar-first" role="complementary"><div id="block-mostread"><h2>Most read</h2><ul>{"".join(f"<li><a>{e(r)}</a></li>" for r in RELATED)}</ul></div></aside>
</main><footer role="contentinfo"><div class="region region-footer"><p>{e(site)} · Impressum · Data protection</p></div></footer></div></div></body></html>
"""


def ghost(a, i):
    site = ["Northern Light", "The Long Read Club"][i % 2]
    body = "\n".join(render_paras(a["paras"]))
    return f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>{e(a['title'])}</title>
<meta property="og:site_name" content="{e(site)}"><meta property="og:type" content="article">
<meta property="og:title" content="{e(a['title'])}"><meta property="article:published_time" content="{a['date']}">
<meta name="twitter:title" content="{e(a['title'])}">
<script type="application/ld+json">{{"@context": "https://schema.org", "@type": "Article", "publisher": {{"@type": "Organization", "name": "{e(site)}"}}, "author": {{"@type": "Person", "name": "{e(a['author'])}"}}, "headline": "{e(a['title'])}", "datePublished": "{a['date']}",}}</script>
</head><body class="post-template"><div class="gh-site">
<header id="gh-head" class="gh-head"><a class="gh-head-logo">{e(site)}</a>{nav("gh-head-menu")}<a class="gh-head-button">Subscribe</a></header>
<main id="gh-main" class="gh-main"><article class="gh-article post">
<header class="gh-article-header gh-canvas"><span class="gh-article-tag">Essays</span><h1 class="gh-article-title">{e(a['title'])}</h1>
<p class="gh-article-excerpt">A short note on what happened and what may come next.</p>
<div class="gh-article-meta"><div class="gh-article-author-image"><img src="/a.jpg"></div><div class="gh-article-meta-content"><h4 class="gh-article-author-name"><a>{e(a['author'])}</a></h4><time datetime="{a['date'][:10]}">{a['date'][:10]}</time> <span>— 4 min read</span></div></div>
<figure class="gh-article-image"><img src="/cover.jpg"><figcaption>Photo by a reader</figcaption></figure></header>
<section class="gh-content gh-canvas">
{body}
</section>
<section class="gh-post-upgrade-cta"><div class="gh-post-upgrade-cta-content"><h2>This post is for subscribers</h2><p>{NEWSLETTER}</p><a class="gh-btn">Subscribe now</a></div></section>
</article></main>
<aside class="gh-readmore"><div class="gh-readmore-inner gh-inner"><h4 class="gh-card-title">Read more</h4>{related_list("", "gh-readmore-list", 3, i)}</div></aside>
<footer class="gh-foot"><div class="gh-foot-inner"><div class="gh-copyright">{e(site)} © 2024</div><div class="gh-powered-by"><a>Powered by Ghost</a></div></div></footer>
</div></body></html>
"""


def amp(a, i):
    site = ["Coastline News", "City Wire"][i % 2]
    paras = render_paras(a["paras"])
    if len(paras) > 3:
        paras.insert(3, '<amp-ad width="300" height="250" type="doubleclick" data-slot="/123/news"><div placeholder>Advertisement</div></amp-ad>')
    body = "\n".join(paras)
    return f"""<!doctype html><html amp lang="en"><head><meta charset="utf-8">
<title>{e(a['title'])} - {e(site)}</title><link rel="canonical" href="https://coastline.example/{a['slug']}">
<script async src="https://cdn.ampproject.org/v0.js"></script>
{jsonld(a, site, "https://coastline.example/" + a['slug'])}
<style amp-custom>body{{font-family:serif}}</style></head>
<body><amp-sidebar id="sidebar" layout="nodisplay">{nav("amp-menu")}</amp-sidebar>
<header class="amp-header"><a class="amp-logo">{e(site)}</a><button on="tap:sidebar.toggle">Menu</button></header>
<div class="amp-article"><div class="amp-article-header"><h1 class="amp-title">{e(a['title'])}</h1>
<div class="amp-byline">By {e(a['author'])}</div><div class="amp-date">{a['date'][:10]}</div></div>
<amp-img src="/lead.jpg" width="1200" height="675" layout="responsive"></amp-img>
<div class="amp-article-body">
{body}
</div>
<div class="amp-social"><amp-social-share type="facebook"></amp-social-share><amp-social-share type="twitter"></amp-social-share><amp-social-share type="email"></amp-social-share></div>
<div class="amp-related"><h3>Related stories</h3><ul><li><a>{e(RELATED[i % 6])}</a></li><li><a>{e(RELATED[(i + 2) % 6])}</a></li></ul></div></div>
<footer class="amp-footer"><p>© 2024 {e(site)}</p><a>View non-AMP version</a></footer></body></html>
"""


def local_paper(a, i):
    site = ["Kirkby Chronicle", "The Westfield Mercury"][i % 2]
    body = "\n".join(render_paras(a["paras"]))
    return f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>{e(site)} - {e(a['title'])}</title>
<meta property="og:title" content="{e(a['title'])}">
<meta name="author" content="{e(a['author'])}">
<meta name="pubdate" content="{a['date']}"></head>
<body><div class="cmp-container" role="dialog" aria-label="Privacy"><div class="cmp-body"><h2>We value your privacy</h2><p>{COOKIE}</p><p>{COOKIE[:420]}</p><button>Accept all</button><button>Manage options</button></div></div>
<div class="wrapper"><div class="top-bar"><a>Jobs</a> <a>Property</a> <a>Motors</a> <a>Announcements</a> <a>Subscribe</a></div>
<div class="header"><h1 class="logo"><a href="/">{e(site)}</a></h1></div>
{nav("main-nav")}
<div class="page"><div class="col-main"><div class="story">
<h2 class="story-headline">{e(a['title'])}</h2>
<p class="story-byline">{e(a['author'])}, Senior Reporter</p><p class="story-date">Published: {a['date'][:10]}</p>
<div class="story-text">
{body}
</div>
<div class="newsletter-box"><p><strong>Never miss a story.</strong> {NEWSLETTER}</p><a>Sign up here</a></div>
<div class="author-box"><img src="/staff.jpg"><p><strong>{e(a['author'])}</strong></p><p>{bio(a)}</p></div>
</div></div>
<div class="col-side"><div class="box"><h3>Latest news</h3><ul>{"".join(f"<li><a>{e(r)}</a></li>" for r in RELATED)}</ul></div><div class="box advert"><p>Advertise with us: reach 80,000 local readers every week.</p></div></div></div>
<div class="footer"><p>© Copyright 2024 {e(site)} Ltd. Registered in England. Part of Example Media Group.</p></div></div></body></html>
"""


def magazine(a, i):
    site = ["Outlook Magazine", "The Weekly Review"][i % 2]
    paras = render_paras(a["paras"])
    paras.insert(1, '<figure class="article__image"><img src="/p.jpg" alt=""><figcaption class="article__caption">The site seen from the air in September. <span class="credit">Photograph: Staff</span></figcaption></figure>')
    if len(paras) > 3:
        paras.insert(3, f'<p class="read-more-inline"><strong>Read more:</strong> <a href="/x">{e(RELATED[i % 6])}</a></p>')
    if len(paras) > 4:
        quote = a["paras"][1].split(",")[0]
        paras.insert(4, f'<aside class="pull-quote"><blockquote>{e(quote)}</blockquote></aside>')
    body = "\n".join(paras)
    return f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>{e(a['title'])} | {e(site)}</title>
<meta property="og:title" content="{e(a['title'])}"><meta property="og:site_name" content="{e(site)}">
<meta property="article:published_time" content="{a['date']}">
<meta property="article:author" content="https://facebook.example/{a['slug']}">
<script type="application/ld+json">[{{"@context":"https://schema.org","@type":"Organization","name":"{e(site)}"}},{{"@context":"https://schema.org","@type":["Article","NewsArticle"],"headline":"{e(a['title'])}","author":[{{"@type":"Person","name":"{e(a['author'])}"}}],"datePublished":"{a['date']}"}}]</script>
</head><body><div class="page-wrapper">
<header class="header">{nav("header__nav")}<div class="header__logo">{e(site)}</div></header>
<div class="paywall-banner"><p>You have 2 free articles left this month. Subscribe for unlimited access.</p></div>
<main><article class="article">
<header class="article__header"><p class="article__section">Features</p><h1 class="article__title">{e(a['title'])}</h1>
<p class="article__standfirst">What happened, who is affected, and what comes next.</p>
<p class="article__byline">By <a rel="author">{e(a['author'])}</a></p></header>
<div class="article__body" itemprop="articleBody">
{body}
</div>
<div class="article__share"><span>Share this article</span><a>Facebook</a><a>X</a><a>LinkedIn</a><a>Email</a></div>
<div class="article__author-bio"><p>{bio(a)}</p></div>
</article>
<section class="recommended"><h2>Recommended</h2>{related_list("", "recommended__list", 4, i)}</section>
</main><footer class="footer"><p>© {e(site)} 2024</p></footer></div></body></html>
"""


def press_release(a, i):
    body = "\n".join(render_paras(a["paras"]))
    return f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>{e(a['title'])} - Press releases - Ministry of Infrastructure</title>
<meta name="DC.date.issued" content="{a['date'][:10]}"><meta name="DC.creator" content="{e(a['author'])}">
</head><body><div id="skip"><a href="#content">Skip to content</a></div>
<div id="header"><div id="logo">Ministry of Infrastructure</div><div id="search"><form><input name="q"><button>Search</button></form></div></div>
<div id="nav">{nav("")}</div>
<div id="container"><div id="sidebar"><h3>In this section</h3><ul><li><a>Press releases</a></li><li><a>Speeches</a></li><li><a>Publications</a></li><li><a>Contact the press office</a></li></ul></div>
<div id="content"><div class="breadcrumbs"><a>Home</a> &gt; <a>News</a> &gt; <a>Press releases</a></div>
<h1>{e(a['title'])}</h1>
<div class="date">Press release | {a['date'][:10]}</div>
<div class="field-item even">
{body}
</div>
<div class="contact"><h4>Contact</h4><p>Press office: +00 123 456 789, press@ministry.example</p></div>
<div class="related-docs"><h4>Related documents</h4><ul><li><a>Annual report 2023 (PDF, 2 MB)</a></li><li><a>Statistics release</a></li></ul></div>
<p class="page-updated">Page last updated: {a['date'][:10]}</p>
</div></div>
<div id="footer"><ul><li><a>Accessibility</a></li><li><a>Cookies</a></li><li><a>Privacy</a></li></ul></div></body></html>
"""


LAYOUTS = [wordpress, arc_news, table_soup, bbc_blocks, substack, medium, drupal, ghost, amp, local_paper,
           magazine, press_release]


def main():
    os.makedirs(OUT, exist_ok=True)
    for n, a in enumerate(ARTICLES):
        layout = LAYOUTS[n % len(LAYOUTS)]
        name = f"{n + 1:02d}-{layout.__name__.replace('_', '-')}-{a['slug']}"
        page = layout(a, n // len(LAYOUTS) + n)
        encoding = "iso-8859-1" if layout is table_soup else "utf-8"
        with open(os.path.join(OUT, name + ".html"), "w", encoding=encoding, errors="xmlcharrefreplace") as f:
            f.write(page)
        with open(os.path.join(OUT, name + ".json"), "w", encoding="utf-8") as f:
            json.dump({"title": a["title"], "body": expected_body(a), "layout": layout.__name__}, f,
                      ensure_ascii=False, indent=1)
            f.write("\n")
    print(f"wrote {len(ARTICLES)} pages to {os.path.normpath(OUT)}")


if __name__ == "__main__":
    main()
