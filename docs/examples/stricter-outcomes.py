# Writes outcomes.csv for a generated desk: the "source system" counts a breach past 80% of the target
# (stricter than the SLA clock), 3% of rows are flipped, 10% of tickets have no outcome, and two rows are bad.
import csv, random, sys
sla, out = sys.argv[1], sys.argv[2]
rnd = random.Random(13)
rows = []
with open(sla) as f:
    for r in csv.DictReader(f):
        if r["metric"] != "resolution" or r["state"] not in ("completed", "breached") and r["breached"] != "true":
            continue
        t = float(r["target_minutes"] or 0)
        e = float(r["elapsed_business_minutes"] or 0)
        b = r["breached"] == "true" or (t > 0 and e > 0.8 * t)
        if rnd.random() < 0.03:
            b = not b
        if rnd.random() < 0.10:
            continue
        rows.append((r["ticket_id"], "true" if b else "false"))
with open(out, "w") as f:
    f.write("ticket_id,breached\n")
    for i, (t, b) in enumerate(rows):
        f.write(f"{t},{b}\n")
        if i == 5:
            f.write("INC-9999999,true\n")
        if i == 9:
            f.write(f"{rows[0][0]}x,maybe\n")
