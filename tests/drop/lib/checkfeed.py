"""Parses a feed.xml written by newsbrief drop and checks it against the
files beside it: valid XML, the podcast namespaces, one item per episode
file, each enclosure's length equal to its file's size, transcript and
chapters files present.  Prints the item count, then one line per item:
the enclosure's file name.  Exits non-zero with a message on any fault."""
import os
import sys
import urllib.parse
import xml.etree.ElementTree as ET

ITUNES = "{http://www.itunes.com/dtds/podcast-1.0.dtd}"
PODCAST = "{https://podcastindex.org/namespace/1.0}"
feed, base = sys.argv[1], sys.argv[2]
folder = os.path.dirname(os.path.abspath(feed))


def fail(msg):
    sys.exit("checkfeed: " + msg)


def local(url):
    if not url.startswith(base):
        fail("url %s is not under %s" % (url, base))
    return os.path.join(folder, urllib.parse.unquote(url[len(base):]))


root = ET.parse(feed).getroot()
if root.tag != "rss" or root.get("version") != "2.0":
    fail("not RSS 2.0")
ch = root.find("channel")
for tag in ("title", "link", "description", "language", "lastBuildDate",
            ITUNES + "explicit"):
    if ch.find(tag) is None or not (ch.find(tag).text or "").strip():
        fail("channel has no " + tag)
items = ch.findall("item")
names = []
guids = set()
for it in items:
    enc = it.find("enclosure")
    path = local(enc.get("url"))
    if not os.path.isfile(path):
        fail("enclosure %s: no such file" % path)
    if int(enc.get("length")) != os.path.getsize(path):
        fail("enclosure %s: length %s, file has %d bytes"
             % (path, enc.get("length"), os.path.getsize(path)))
    if not enc.get("type", "").startswith("audio/"):
        fail("enclosure type " + enc.get("type", ""))
    guid = it.find("guid")
    if guid is None or guid.get("isPermaLink") != "false" or guid.text in guids:
        fail("missing, permalink or repeated guid")
    guids.add(guid.text)
    for tag in ("title", "description", "pubDate", ITUNES + "duration"):
        if it.find(tag) is None or not (it.find(tag).text or "").strip():
            fail("item has no " + tag)
    for tag, typ in ((PODCAST + "transcript", "text/vtt"),
                     (PODCAST + "chapters", "application/json+chapters")):
        el = it.find(tag)
        if el is None or el.get("type") != typ:
            fail("item has no %s of type %s" % (tag, typ))
        if not os.path.isfile(local(el.get("url"))):
            fail("%s: no such file" % el.get("url"))
    names.append(os.path.basename(path))
print(len(items))
for n in names:
    print(n)
