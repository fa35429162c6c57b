"""pactgraph: news articles about international partnerships, meetings and energy capacity,
turned into an RDF knowledge graph.

The pipeline: article → mentions → facts → triples → store → queries / exports.
"""

__version__ = "0.1.0"
