"""The store's writes and reads, each way it could run them, on one generated debate.

    python tests/benchmarks/bench_store.py [--claims 10000] [--repeats 5]

Writing: every claim and link inserted in one transaction (what create and import do)
through SQLAlchemy Core `insert(table)` with a list of rows (executemany), beside the same
rows as plain positional SQL through the driver (`exec_driver_sql`). Moving every card
(Ctrl+L: one UPDATE per claim) the same two ways. Reading: `select(table)` through Core,
beside the driver's own cursor. Medians of the repeats, in milliseconds.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent.parent))

from generate import generate  # noqa: E402
from sqlalchemy import Connection, bindparam, insert, select, update  # noqa: E402

from debate_editor.store.file import connect  # noqa: E402
from debate_editor.store.rows import claim_row, link_row  # noqa: E402
from debate_editor.store.schema import claims_table, links_table  # noqa: E402
from debate_editor.store.upgrades import upgrade  # noqa: E402


def _fresh(folder: Path, name: str) -> tuple[object, Connection]:
    engine, conn = connect(folder / name, "rwc")
    with conn.begin():
        upgrade(conn, 0)
    return engine, conn


def _positional(table: str, columns: list[str]) -> str:
    return (f'INSERT INTO "{table}" ({", ".join(columns)}) '
            f'VALUES ({", ".join("?" for _ in columns)})')


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--claims", type=int, default=10_000)
    parser.add_argument("--repeats", type=int, default=5)
    args = parser.parse_args(argv)
    debate = generate(args.claims)
    claims = [claim_row(c) for c in debate.claims]
    links = [link_row(link) for link in debate.links]
    claim_cols = [c.name for c in claims_table.columns]
    link_cols = [c.name for c in links_table.columns]
    results: dict[str, list[float]] = {}

    def timed(name: str, work: Callable[[Connection], None], prepare: bool = False) -> None:
        with tempfile.TemporaryDirectory() as folder:
            for repeat in range(args.repeats):
                engine, conn = _fresh(Path(folder), f"{name}{repeat}.debate")
                if prepare:
                    with conn.begin():
                        conn.execute(insert(claims_table), claims)
                        conn.execute(insert(links_table), links)
                start = time.perf_counter()
                with conn.begin():
                    work(conn)
                results.setdefault(name, []).append(time.perf_counter() - start)
                conn.close()
                engine.dispose()  # type: ignore[attr-defined]

    def core_insert(conn: Connection) -> None:
        conn.execute(insert(claims_table), claims)
        conn.execute(insert(links_table), links)

    def driver_insert(conn: Connection) -> None:
        conn.exec_driver_sql(_positional("claims", claim_cols),
                             [tuple(r[c] for c in claim_cols) for r in claims])
        conn.exec_driver_sql(_positional("links", link_cols),
                             [tuple(r[c] for c in link_cols) for r in links])

    moved = [{**r, "x": float(i), "y": 2.0} for i, r in enumerate(claims)]
    core_update_stmt = update(claims_table).where(claims_table.c.id == bindparam("key"))

    def core_update(conn: Connection) -> None:
        conn.execute(core_update_stmt, [
            {"key": r["id"], **{c: r[c] for c in claim_cols if c != "id"}} for r in moved])

    sets = ", ".join(f'"{c}" = ?' for c in claim_cols if c != "id")

    def driver_update(conn: Connection) -> None:
        conn.exec_driver_sql(f'UPDATE "claims" SET {sets} WHERE "id" = ?', [
            (*(r[c] for c in claim_cols if c != "id"), r["id"]) for r in moved])

    def core_read(conn: Connection) -> None:
        rows = conn.execute(select(claims_table)).all()
        [r._mapping["text"] for r in rows]

    def driver_read(conn: Connection) -> None:
        raw = conn.connection.driver_connection.cursor()  # type: ignore[union-attr]
        [r[1] for r in raw.execute("SELECT * FROM claims").fetchall()]

    timed("insert, Core executemany", core_insert)
    timed("insert, driver SQL", driver_insert)
    timed("update every claim, Core executemany", core_update, prepare=True)
    timed("update every claim, driver SQL", driver_update, prepare=True)
    timed("read every claim, Core select", core_read, prepare=True)
    timed("read every claim, driver cursor", driver_read, prepare=True)
    print(f"{args.claims} claims, {len(links)} links; median of {args.repeats} (ms)")
    for name, seconds in results.items():
        print(f"  {name:<40} {statistics.median(seconds) * 1000:8.1f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
