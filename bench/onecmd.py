"""The start-up baseline: a Typer app with one command that prints a JSON line."""

import json

import typer

app = typer.Typer()


@app.command()
def show(name: str = "南通") -> None:
    """Print one JSON line."""
    typer.echo(json.dumps({"name": name}, ensure_ascii=False))


if __name__ == "__main__":
    app()
