"""Writes an RSS 2.0 feed of the numbered stories given on the command line
(python3 feed.py OUT.rss 1 2 3).  The stories are invented for newsbrief's
tests: no real events or people.  Each has a distinct title, link, lead and
a quote, so a test can tell from a transcript which stories an episode
holds."""
import sys
from xml.sax.saxutils import escape

PLACES = ["Harbor Bridge", "Central Library", "North Rail Line", "Old Mill Park",
          "River Ferry", "Hill School", "Market Hall", "East Clinic",
          "Canal Lock", "Stone Museum", "West Stadium", "Lake Pier"]
PEOPLE = ["Maria Lopez", "Tom Okafor", "Anna Berg", "Ravi Menon", "Jules Moreau",
          "Ines Kovac", "Sam Whitaker", "Lena Holm", "Omar Haddad",
          "Grace Liu", "Piet de Vries", "Nora Quinn"]


def story(n):
    place = PLACES[(n - 1) % len(PLACES)]
    who = PEOPLE[(n - 1) % len(PEOPLE)]
    title = "Story %d: %s reopens after repairs" % (n, place)
    text = ("Workers reopened the %s on Thursday after %d weeks of repairs, "
            "the city council said in a statement. \"We are proud of the crew "
            "and glad to welcome everyone back,\" project manager %s told "
            "reporters. The repairs cost less than the council had planned."
            % (place, n + 1, who))
    return title, "http://news.invalid/story/%d" % n, text


out = sys.argv[1]
items = []
for arg in sys.argv[2:]:
    title, link, text = story(int(arg))
    items.append("    <item>\n      <title>%s</title>\n      <link>%s</link>\n"
                 "      <guid>%s</guid>\n      <description>%s</description>\n"
                 "    </item>\n" % (escape(title), link, link, escape(text)))
with open(out + ".tmp", "w") as f:
    f.write('<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0">\n'
            "  <channel>\n    <title>Test News</title>\n"
            "    <link>http://news.invalid/</link>\n"
            "    <description>Invented stories</description>\n"
            + "".join(items) + "  </channel>\n</rss>\n")
import os
os.replace(out + ".tmp", out)
