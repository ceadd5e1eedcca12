"""The README's quick tour gives the record ``make demo`` prints (issue 14, acceptance 1)."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from reckon.cli import main
from reckon.ingest import read_paths
from reckon.ingest.batch import ingest_examples
from reckon.model import Report


def run(*args: str):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def _demo_incidents(text: str) -> str:
    """The incident table of the demo's printout (between its heading and the tally)."""
    after = text.split("Incidents (linked across reports):\n", 1)[1]
    table, _ = after.split(" incident(s); ", 1)
    return table.rsplit("\n", 1)[0]


@pytest.mark.slow
def test_tour_prints_the_demo_incidents(examples_dir: Path, tmp_path: Path) -> None:
    demo = run("demo")
    assert demo.exit_code == 0
    db = str(tmp_path / "tour.db")
    assert run("ingest", str(examples_dir), "--db", db, "-q").exit_code == 0
    tour = run("incidents", "--db", db)
    assert tour.exit_code == 0
    want = _demo_incidents(demo.stdout)
    assert want.count("\ninc-") >= 9  # the examples tell at least nine incidents
    assert tour.stdout.startswith(want + "\n")
    # the README shows that record
    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    shown = readme.split("```\nid                    event_type", 1)[1].split("```", 1)[0]
    assert "id                    event_type" + shown == tour.stdout, (
        "README's Quick tour shows an old record: paste the output of "
        "'reckon ingest examples/ --db /tmp/t.db -q && reckon incidents --db /tmp/t.db' there"
    )


def test_every_example_carries_its_own_date(examples_dir: Path) -> None:
    """No example needs ``--published``: each has a publication date or a date at its top."""
    from reckon.extract.dates import find_dateline

    reports = [r for r in read_paths([examples_dir]) if isinstance(r, Report)]
    assert len(reports) >= 7
    for r in reports:
        assert r.published or find_dateline(r.text[:300]), r.origin


def test_demo_reads_the_examples_as_ingest_does(examples_dir: Path, tmp_path: Path) -> None:
    from reckon.store import open_store

    with open_store(str(tmp_path / "d.db")) as store:
        reports, summary = ingest_examples(store, examples_dir)
    plain = [r for r in read_paths([examples_dir]) if isinstance(r, Report)]
    assert not summary.rejected
    assert [(r.id, r.published) for r in reports] == [(r.id, r.published) for r in plain]
