"""Distributed parsing: the Dask recipe of docs/batch.md on a local cluster of processes."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

import newsparse as np

ROOT = Path(__file__).resolve().parent.parent
FENCE = re.compile(r"^```python\n(.*?)^```", re.MULTILINE | re.DOTALL)

db = pytest.importorskip("dask.bag")
distributed = pytest.importorskip("distributed")

RECORDS: list[dict[str, Any]] = [
    {"id": i, "text": text, "reference_date": "2025-03-05"}
    for i, text in enumerate(
        [
            "BASRA, March 4 (Reuters) - Omar Rashid said the port would reopen on Sunday.",
            "By Layla Haddad, Reuters\nCAIRO (Reuters) - Rashid told reporters the talks failed.",
            "No dateline here. Officials met yesterday, an informed source said.",
        ]
        * 4
    )
]


def test_dask_bag_map_partitions_on_a_local_cluster(tmp_path: Path) -> None:
    table = np.AliasTable.from_records([{"id": "Q1", "name": "Omar Rashid", "type": "PERSON"}])
    cache = tmp_path / "people.npcache"
    table.save_cache(cache)
    expected = [
        {
            **np.parse(r["text"], aliases=table, reference_date=r["reference_date"]).to_dict(),
            "id": r["id"],
        }
        for r in RECORDS
    ]
    with (
        distributed.LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
        ) as cluster,
        distributed.Client(cluster) as client,
    ):
        bag = db.from_sequence(RECORDS, npartitions=6)
        rows = bag.map_partitions(np.parse_partition, aliases=str(cache)).compute()
        # Each worker read the table at most once, however many partitions it parsed.
        loads = client.run(lambda: np._batch._load.cache_info().misses)
    assert rows == expected
    assert all(count <= 1 for count in loads.values())
    (rashid,) = [e for e in rows[0]["entities"] if e["table_id"] == "Q1"]
    assert [m["text"] for m in rashid["mentions"]] == ["Omar Rashid"]


def _recipe(page: Path, needle: str) -> str:
    blocks = [b for b in FENCE.findall(page.read_text(encoding="utf-8")) if needle in b]
    assert len(blocks) == 1, f"one python block with {needle!r} in {page.name}"
    return str(blocks[0])


def test_the_dask_recipe_runs_as_a_script(tmp_path: Path) -> None:
    table = np.AliasTable.from_records([{"id": "Q1", "name": "Omar Rashid", "type": "PERSON"}])
    cache = tmp_path / "people.npcache"
    table.save_cache(cache)
    (tmp_path / "corpus").mkdir()
    with (tmp_path / "corpus" / "a.jsonl").open("w", encoding="utf-8") as handle:
        for record in RECORDS:
            handle.write(json.dumps(record) + "\n")
    script = (
        _recipe(ROOT / "docs" / "batch.md", "dask.bag")
        .replace(
            'Client("scheduler-address:8786")',
            "Client(n_workers=2, threads_per_worker=1, dashboard_address=None)",
        )
        .replace("/shared/wikidata.npcache", str(cache))
    )
    (tmp_path / "recipe.py").write_text(script, encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "recipe.py"], cwd=tmp_path, capture_output=True, text=True, timeout=240
    )
    assert done.returncode == 0, done.stderr
    rows = [
        json.loads(line)
        for path in sorted((tmp_path / "parsed").glob("*.jsonl"))
        for line in path.read_text(encoding="utf-8").splitlines()
    ]
    assert sorted(r["id"] for r in rows) == [r["id"] for r in RECORDS]
    by_id = {r["id"]: r for r in rows}
    for record in RECORDS:
        expected = np.parse(record["text"], aliases=table, reference_date=record["reference_date"])
        assert by_id[record["id"]] == {**expected.to_dict(), "id": record["id"]}
