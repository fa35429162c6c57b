"""Write docs/cli.md from the CLI's own --help, so the reference cannot drift from the code.

Run: python docs/generate_cli_docs.py
"""

from pathlib import Path

from click.testing import CliRunner

from pactgraph.cli import main

TARGET = Path(__file__).with_name("cli.md")


def render() -> str:
    runner = CliRunner()
    parts = ["# pactgraph command reference\n\nGenerated from `--help` by `docs/generate_cli_docs.py`.\n"]
    for args, title in [([], "pactgraph"), *(([name], f"pactgraph {name}") for name in sorted(main.commands))]:
        text = runner.invoke(main, [*args, "--help"], prog_name="pactgraph", terminal_width=100).output
        parts.append(f"## {title}\n\n```\n{text.rstrip()}\n```\n")
    return "\n".join(parts)


if __name__ == "__main__":
    TARGET.write_text(render(), encoding="utf-8")
