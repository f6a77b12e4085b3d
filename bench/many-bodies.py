#!/usr/bin/env python3
"""Writes N /v1/score request bodies, one JSON a line, from a desk's native files: N tickets spread evenly over
the desk, each with its events of its first hour and as_of an hour after creation, for bench/score.lua's
BODIES=FILE (a server scoring different tickets, as in real traffic, rather than one again and again).
Usage: bench/many-bodies.py DATA_DIR N > bodies.jsonl"""
import csv
import json
import sys
from collections import defaultdict
from datetime import datetime, timedelta, timezone

FIELDS = ["id", "created_at", "priority", "impact", "urgency", "tier", "team", "category", "system", "channel",
          "customer", "contract", "region", "requester", "subject", "body"]
EVENT_FIELDS = ["at", "type", "status", "priority", "tier", "team", "agent"]


def instant(text):
    return datetime.strptime(text, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=timezone.utc)


def main(data, n):
    with open(f"{data}/tickets.csv", newline="", encoding="utf-8") as f:
        tickets = list(csv.DictReader(f))
    chosen = tickets[:: max(1, len(tickets) // n)][:n]
    wanted = {t["ticket_id"] for t in chosen}
    events = defaultdict(list)
    with open(f"{data}/events.csv", newline="", encoding="utf-8") as f:
        for e in csv.DictReader(f):
            if e["ticket_id"] in wanted:
                events[e["ticket_id"]].append(e)
    for t in chosen:
        created = instant(t["created_at"])
        as_of = created + timedelta(hours=1)
        ticket = {k: t["ticket_id" if k == "id" else k] for k in FIELDS if t.get("ticket_id" if k == "id" else k)}
        evs = [{k: e[k] for k in EVENT_FIELDS if e.get(k)} for e in events[t["ticket_id"]]
               if instant(e["at"]) <= as_of]
        body = {"ticket": ticket, "events": evs, "as_of": as_of.strftime("%Y-%m-%dT%H:%M:%SZ")}
        print(json.dumps(body, ensure_ascii=False, separators=(",", ":")))


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]))
