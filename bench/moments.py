# Usage: python3 bench/moments.py DATA_DIR SLA_CSV TEST_FROM SCORES_DIR (files s-MODEL-creation.csv, s-MODEL-event1.csv, ...)
# ROC-AUC of each model's scores on the test tickets, at creation and after the 1st, 3rd and 5th event.
# Labels: the SLA clock's resolution outcome (breached, or completed on time); open tickets not yet breached
# are left out. A ticket without a K-th event (or already breached or done by then) is not scored there.
import csv, glob, sys, collections
data, policy_sla, test_from = sys.argv[1], sys.argv[2], sys.argv[3]
label = {}
for r in csv.DictReader(open(policy_sla)):
    if r['metric'] == 'resolution':
        if r['breached'] == 'true': label[r['ticket_id']] = 1
        elif r['state'] == 'completed': label[r['ticket_id']] = 0
created = {r['ticket_id']: r['created_at'] for r in csv.DictReader(open(data + '/tickets.csv'))}
prio = {r['ticket_id']: r['priority'] for r in csv.DictReader(open(data + '/tickets.csv'))}
test = {t for t, c in created.items() if c >= test_from and t in label}
def auc(pairs):
    pos = [p for p, y in pairs if y == 1]; neg = [p for p, y in pairs if y == 0]
    if not pos or not neg: return float('nan')
    s = sorted([(p, y) for p, y in pairs]); rank = {}; i = 0
    ranks = [0.0] * len(s)
    while i < len(s):
        j = i
        while j < len(s) and s[j][0] == s[i][0]: j += 1
        for k in range(i, j): ranks[k] = (i + j - 1) / 2 + 1
        i = j
    rp = sum(r for r, (p, y) in zip(ranks, s) if y == 1)
    return (rp - len(pos) * (len(pos) + 1) / 2) / (len(pos) * len(neg))
out = collections.defaultdict(dict)
for f in sorted(glob.glob(sys.argv[4] + '/s-*.csv')):
    name = f.split('/s-')[1][:-4]; model, at = name.rsplit('-', 1)
    pairs = []
    for r in csv.DictReader(open(f)):
        t = r['ticket_id']
        if t in test and r['breach_probability']:
            pairs.append((float(r['breach_probability']), label[t]))
    out[model][at] = (auc(pairs), len(pairs), sum(y for _, y in pairs))
# The priority baseline: the training-period breach rate per priority, at creation.
train = [t for t, c in created.items() if c < test_from and t in label]
rate = collections.defaultdict(lambda: [0, 0])
for t in train: rate[prio[t]][0] += label[t]; rate[prio[t]][1] += 1
pb = [(rate[prio[t]][0] / rate[prio[t]][1] if rate[prio[t]][1] else 0, label[t]) for t in test]
out['priority baseline']['creation'] = (auc(pb), len(pb), sum(y for _, y in pb))
for m, ats in out.items():
    print(m, ' | '.join(f"{a}: {v[0]:.3f} (n={v[1]}, {v[2]} breached)" for a, v in sorted(ats.items())))
