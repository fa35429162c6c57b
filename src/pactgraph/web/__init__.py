"""The explorer: Linked Data pages, views and query tables over a built graph.

``Site`` renders every page from a store (SPARQL only, never the extractor); ``WebApp`` answers
``pactgraph serve``'s requests with it; ``write_site`` writes it all as a static site.
"""

from pactgraph.web.app import WebApp, negotiate
from pactgraph.web.site import Page, Site
from pactgraph.web.static_site import write_site

__all__ = ["Page", "Site", "WebApp", "negotiate", "write_site"]
