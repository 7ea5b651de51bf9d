"""Clocks on real `waymark serve` processes, moved with libfaketime (Protocol/SPEC.md §3.3).

What an organisation's node meets in its first month: a server whose clock is a few minutes out,
one that ran a day fast until someone noticed, one set a day slow. None of them may lock a node out
once its clock is right, and none may cost another organisation its listings:

- three nodes 4 minutes fast, right and 4 minutes slow converge, and each one's edits reach the
  others (before, the slow node refused the fast one's envelopes, then the right node's own edits);
- a node a day fast cannot sync, and says why (the clocks are a day apart); once its clock is put
  right it syncs at once, its listings are taken in everywhere and its next edit wins everywhere
  (before, it could not publish for a day and its peers refused its whole directory);
- a node a day slow that imported services another organisation had already published does not
  take them over once its clock is right (before, its earlier-dated copies won).
"""
from __future__ import annotations

from conftest import SAMPLE_SERVICES
from test_federation import CONVERGE, FedNode, new_node, peer_status, wait_until

FAR_FUTURE_REASONS = ("far-future", "clock")


def service_ids(node: FedNode) -> list[str]:
    return sorted(r[0] for r in node.sql("SELECT id FROM record WHERE tbl = 'service'"))


def name_of(node: FedNode, sid: str) -> str | None:
    r = node.service(sid)
    return r.json().get("name") if r.status_code == 200 else None


def clock_rejections(node: FedNode) -> list[tuple]:
    rows = node.sql("SELECT reason, count(*) FROM rejection GROUP BY reason")
    return [r for r in rows if any(word in r[0] for word in FAR_FUTURE_REASONS)]


def edit_and_see_everywhere(nodes: list[FedNode], edits: list[tuple[FedNode, str, str]], what: str) -> None:
    """Each (node, service id, name) renames one of that node's services; every node must show every
    new name, and none may have refused an envelope for its clock."""
    for node, sid, name in edits:
        node.cli_ok("update", "--table", "service", "--id", sid, "--set", f"name={name}")
    wait_until(f"every node shows {what}",
               lambda: all(name_of(n, sid) == name for n in nodes for _, sid, name in edits), CONVERGE, tuple(nodes))
    for n in nodes:
        assert clock_rejections(n) == [], f"{n.label} refused envelopes for their clock: {clock_rejections(n)}"


def converged(nodes: list[FedNode], services: int) -> bool:
    figures = [(n.total(), n.envelopes(), n.metric("waymark_pending_envelopes")) for n in nodes]
    return all(f[0] == services and f[2] == 0 for f in figures) and len({f[1] for f in figures}) == 1


def test_nodes_a_few_minutes_apart_converge_and_take_each_others_edits(make_node):
    fast, right, slow = (new_node(make_node, f"clock-{x}", f"Clock Test Org {x.title()}") for x in ("fast", "right", "slow"))
    fast.clock, slow.clock = "+4m", "-4m"
    nodes = [fast, right, slow]
    own: dict[str, list[str]] = {}
    for k, n in enumerate(nodes, start=1):
        n.cli_ok("import", "--sample", "--sample-part", f"{k}/3")
        own[n.label] = service_ids(n)
    try:
        for n in nodes:
            n.start()
        right.found()
        right.admit(fast)
        right.admit(slow)
        fast.cli_ok("peer", "add", right.invite())
        slow.cli_ok("peer", "add", right.invite())
        wait_until(f"all three list the {SAMPLE_SERVICES} services and hold the same envelopes",
                   lambda: converged(nodes, SAMPLE_SERVICES), CONVERGE, tuple(nodes))

        # Each edits one of its own services; the right node edits after it has seen the fast node's
        # clock, which before pulled its own 4 minutes ahead, 8 minutes ahead of the slow node.
        edit_and_see_everywhere(nodes, [(n, own[n.label][0], f"Edited on the {n.label} node") for n in (fast, right, slow)],
                                "all three edits")
        # And again the other way round, now that every node has seen every other's clock.
        edit_and_see_everywhere(nodes, [(n, own[n.label][1], f"Edited again on the {n.label} node") for n in (slow, right, fast)],
                                "the second round of edits")
    finally:
        for n in nodes:
            n.stop()


def test_a_node_whose_clock_was_a_day_out_works_as_soon_as_it_is_put_right(make_node):
    right = new_node(make_node, "day-right", "Day Test Founder")
    fast = new_node(make_node, "day-fast", "Day Test Fast Org")
    slow = new_node(make_node, "day-slow", "Day Test Slow Org")
    fast.clock, slow.clock = "+1d", "-1d"
    # The founder keeps the sample's ids, as an organisation that imports with --keep-ids does: rows
    # outside namespaces are protected by the admission rule alone (Protocol/SPEC.md §3.2), which is
    # what this test is about.
    right.cli_ok("import", "--keep-ids", "--sample", "--sample-part", "2/3")
    mine = service_ids(right)
    fast.cli_ok("import", "--sample", "--sample-part", "1/3")
    theirs = service_ids(fast)
    nodes = [right, fast, slow]
    try:
        right.start()
        right.found()
        # The slow node's admin imports the same services the founder publishes, and renames one of
        # them, all dated a day back: they must not take the founder's listings over later.
        slow.cli_ok("import", "--keep-ids", "--sample", "--sample-part", "2/3")
        target = mine[0]
        original = name_of(right, target)
        slow.cli_ok("update", "--table", "service", "--id", target, "--set", "name=Renamed by the slow node")
        for n in (fast, slow):
            n.start()
            right.cli_ok("member", "add", "--key", n.signing_key(), "--fingerprint", n.fingerprint, "--name", n.org)
            n.cli_ok("peer", "add", right.invite())

        # A day apart, nothing is exchanged, and the node that cannot sync says why.
        def says_clock(n: FedNode) -> str:
            status = peer_status(n.peer_list(), right.url)
            return status if "1 day 0 h" in status and "clock" in status else ""
        for n in (fast, slow):
            wait_until(f"the {n.label} node's peer list explains that its clock and its peer's are a day apart",
                       lambda n=n: says_clock(n), CONVERGE, tuple(nodes))
        assert right.total() == len(mine), "the founder took in listings from nodes whose requests it should refuse"

        # Put right (restarted on the machine's clock), both sync at once.
        for n in (fast, slow):
            n.stop()
            n.clock = None
            n.start()
        everything = len(mine) + len(theirs)
        wait_until(f"all three list {everything} services and hold the same envelopes",
                   lambda: converged(nodes, everything), CONVERGE, tuple(nodes))
        for n in nodes:
            assert name_of(n, target) == original, f"{n.label}: the slow node's earlier-dated copy took the founder's service over"

        # The fast node's listings are dated a day ahead; its next edit, made on the right clock,
        # wins at once everywhere, and so does the founder's.
        edit_and_see_everywhere(nodes, [(fast, theirs[0], "Edited on the corrected node"), (right, mine[1], "Edited on the founder's node")],
                                "both edits")
    finally:
        for n in nodes:
            n.stop()
