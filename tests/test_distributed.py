"""Distributed parsing: the Dask recipe of docs/batch.md on a local cluster of processes."""

from __future__ import annotations

from pathlib import Path

import pytest

import newsparse as np

db = pytest.importorskip("dask.bag")
distributed = pytest.importorskip("distributed")

RECORDS = [
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
        loads = client.run(lambda: np.batch._load.cache_info().misses)
    assert rows == expected
    assert all(count <= 1 for count in loads.values())
    (rashid,) = [e for e in rows[0]["entities"] if e["table_id"] == "Q1"]
    assert [m["text"] for m in rashid["mentions"]] == ["Omar Rashid"]
