"""Write docs/extraction-rules.md from the extractor's own rule and caveat tables, so the
confidence documentation cannot drift from the code.

Run: python docs/generate_rules_docs.py
"""

from pathlib import Path

from pactgraph.extract.rules import CAVEATS, RULES

TARGET = Path(__file__).with_name("extraction-rules.md")


def render() -> str:
    lines = [
        "# Extraction rules and confidence",
        "",
        "Generated from `pactgraph.extract.rules` by `docs/generate_rules_docs.py`.",
        "",
        "Every fact in the graph names the rule that produced it (`pg:extractionRule`, an",
        "`id:rule/…` node with `pg:baseConfidence`) and carries `pg:confidence` in [0, 1]: the",
        "rule's base confidence times the factor of each caveat that applies (`pg:caveat`), rounded",
        "to two places. Base confidences are set from each rule's precision on the development and",
        "probe corpora, measured with `pactgraph evaluate GOLD --by-rule`, rounded down.",
        "`pactgraph build --min-confidence X` leaves facts below X out of the graph; the bundled",
        "`confidence` query lists every fact with its confidence, rule, caveats and source.",
        "",
        "## Rules",
        "",
        "| rule | relation | base confidence | what it reads |",
        "|---|---|---|---|",
    ]
    for rule in RULES.values():
        lines.append(f"| `{rule.name}` | {rule.relation} | {rule.confidence:.2f} | {rule.description} |")
    lines += ["", "## Caveats", "", "| caveat | factor | when |", "|---|---|---|"]
    for name, (factor, when) in CAVEATS.items():
        lines.append(f"| `{name}` | × {factor:g} | {when} |")
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    TARGET.write_text(render(), encoding="utf-8")
