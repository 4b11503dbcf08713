#!/usr/bin/env python3
"""Checks the story evaluation set and prints its counts: python3 bench/stories/check.py

Exits non-zero when a line does not parse, a field is missing or extra, an id or url repeats, an event
appears in two splits, a hard-negative pair is broken, or a count differs from the one the README claims.
"""
import collections
import datetime
import json
import pathlib
import sys

HERE = pathlib.Path(__file__).resolve().parent
SPLITS = ("dev", "holdout", "holdout2")
FIELDS = ["event", "id", "source", "url", "publishedAt", "title", "body"]
SAME_EVENT_MAX_HOURS = 30
WINDOW_HOURS = 72

# The counts the README states; the check fails when the files disagree with them.
CLAIMED = {
    "dev": {"events": 61, "multi": 57, "singletons": 4, "articles": 160, "pairs": 18, "pairs_within_72h": 17},
    "holdout": {"events": 50, "multi": 44, "singletons": 6, "articles": 136, "pairs": 8, "pairs_within_72h": 4},
    "holdout2": {"events": 42, "multi": 34, "singletons": 8, "articles": 104, "pairs": 12, "pairs_within_72h": 12},
}

errors = []


def fail(message):
    errors.append(message)


def parse_time(value):
    return datetime.datetime.strptime(value, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=datetime.timezone.utc)


def load(split):
    rows = []
    path = HERE / f"{split}.jsonl"
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        try:
            row = json.loads(line)
        except json.JSONDecodeError as e:
            fail(f"{split}:{number}: does not parse ({e})")
            continue
        if list(row) != FIELDS:
            fail(f"{split}:{number}: fields {list(row)}, expected {FIELDS}")
            continue
        if any(not isinstance(row[f], str) or not row[f].strip() for f in FIELDS):
            fail(f"{split}:{number}: an empty or non-string field")
        if not row["url"].startswith("https://"):
            fail(f"{split}:{number}: url {row['url']}")
        try:
            row["_time"] = parse_time(row["publishedAt"])
        except ValueError:
            fail(f"{split}:{number}: publishedAt {row['publishedAt']}")
            continue
        rows.append(row)
    return rows


def load_pairs():
    pairs = []
    for line in (HERE / "hard-negatives.tsv").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            split, a, b, shared = line.split("\t")
            pairs.append((split, a, b, shared))
    return pairs


def main():
    data = {split: load(split) for split in SPLITS}
    every = [row for split in SPLITS for row in data[split]]
    for key in ("id", "url"):
        repeated = [v for v, n in collections.Counter(r[key] for r in every).items() if n > 1]
        if repeated:
            fail(f"repeated {key}s: {repeated[:5]}")
    events_of = {split: collections.defaultdict(list) for split in SPLITS}
    for split in SPLITS:
        for row in data[split]:
            events_of[split][row["event"]].append(row)
    for i, first in enumerate(SPLITS):
        for second in SPLITS[i + 1:]:
            both = set(events_of[first]) & set(events_of[second])
            if both:
                fail(f"events in both {first} and {second}: {sorted(both)}")

    for split in SPLITS:
        for event, rows in events_of[split].items():
            if len(rows) > 4:
                fail(f"{event}: {len(rows)} articles, at most 4")
            if len({r["source"] for r in rows}) != len(rows):
                fail(f"{event}: two articles from one source")
            spread = (max(r["_time"] for r in rows) - min(r["_time"] for r in rows)).total_seconds() / 3600
            if spread > SAME_EVENT_MAX_HOURS:
                fail(f"{event}: versions {spread:.1f} h apart, at most {SAME_EVENT_MAX_HOURS}")

    pairs = load_pairs()
    paired = collections.Counter()
    counts = {split: {"pairs": 0, "pairs_within_72h": 0} for split in SPLITS}
    pair_lines = []
    for split, a, b, shared in pairs:
        if a not in events_of[split] or b not in events_of[split]:
            fail(f"pair {a} / {b}: both events must be in {split}")
            continue
        paired[a] += 1
        paired[b] += 1
        gap = min(abs((x["_time"] - y["_time"]).total_seconds()) / 3600
                  for x in events_of[split][a] for y in events_of[split][b])
        counts[split]["pairs"] += 1
        counts[split]["pairs_within_72h"] += gap <= WINDOW_HOURS
        pair_lines.append(f"  {split:8} {a} / {b}: nearest versions {gap:.0f} h apart")
    if any(n > 1 for n in paired.values()):
        fail(f"an event in two pairs: {[e for e, n in paired.items() if n > 1]}")

    print(f"{'split':8} {'events':>6} {'multi':>5} {'single':>6} {'articles':>8} {'pairs':>5} {'<=72h':>5}  "
          "articles per event (2/3/4)  sources")
    totals = collections.Counter()
    for split in SPLITS:
        sizes = collections.Counter(len(rows) for rows in events_of[split].values())
        counts[split].update({
            "events": len(events_of[split]),
            "multi": sum(n for size, n in sizes.items() if size > 1),
            "singletons": sizes[1],
            "articles": len(data[split]),
        })
        totals.update(counts[split])
        print(f"{split:8} {counts[split]['events']:6} {counts[split]['multi']:5} {counts[split]['singletons']:6} "
              f"{counts[split]['articles']:8} {counts[split]['pairs']:5} {counts[split]['pairs_within_72h']:5}  "
              f"{sizes[2]}/{sizes[3]}/{sizes[4]}{'':20}{len({r['source'] for r in data[split]})}")
        for key, claimed in CLAIMED[split].items():
            if counts[split][key] != claimed:
                fail(f"{split}: {key} is {counts[split][key]}, the README claims {claimed}")
    print(f"{'total':8} {totals['events']:6} {totals['multi']:5} {totals['singletons']:6} {totals['articles']:8} "
          f"{totals['pairs']:5} {totals['pairs_within_72h']:5}")
    words = sorted(len(r["body"].split()) for r in every)
    times = sorted(r["publishedAt"] for r in every)
    print(f"body words: min {words[0]}, median {words[len(words) // 2]}, max {words[-1]}; "
          f"published {times[0]} to {times[-1]}")
    same_pairs = sum(len(rows) * (len(rows) - 1) // 2 for s in SPLITS for rows in events_of[s].values())
    print(f"same-story article pairs: {same_pairs}")
    print("hard-negative pairs:")
    print("\n".join(pair_lines))
    if errors:
        print("\nFAILED:\n  " + "\n  ".join(errors), file=sys.stderr)
        sys.exit(1)
    print("OK")


if __name__ == "__main__":
    main()
