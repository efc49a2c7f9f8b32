#!/usr/bin/env python3
"""Document-level check of PER/ORG/LOC on the BSNLP topics held out from training (ec, trump).

BSNLP lists, per document, the distinct mention forms (lower case) with their types, not their offsets. This script
compares those sets with the distinct (lower-cased text, type) pairs of `extract run`'s mentions.csv, per type and micro.
Conventions differ from NEREL's (BSNLP also lists descriptions such as «европейской комиссией»), so the figure is for
comparing two builds, not for comparing with other systems.

    mkdir -p /tmp/bsnlp && for t in ec trump; do for f in ../shared/data/bsnlp_ru/$t/raw/*.txt; do cp "$f" /tmp/bsnlp/${t}_$(basename "$f"); done; done
    dotnet src/Extraction.Cli/bin/Release/net10.0/extract.dll run /tmp/bsnlp -o /tmp/bsnlp-out
    scripts/bsnlp-mention-sets.py ../shared/data/bsnlp_ru /tmp/bsnlp-out/mentions.csv
"""
import collections
import csv
import os
import sys

TYPES = ('PER', 'ORG', 'LOC')


def fold(text):
    return text.lower().replace('ё', 'е')


def gold_sets(root):
    gold = collections.defaultdict(set)
    for topic in ('ec', 'trump'):
        raw = set(os.listdir(os.path.join(root, topic, 'raw')))
        annotated = os.path.join(root, topic, 'annotated')
        for name in os.listdir(annotated):
            stem = name[:-4]
            found = [r for r in (f'file_{stem}_ru.txt', f'file_{stem}.txt') if r in raw]
            if not found:
                continue
            doc = f'{topic}_{found[0]}'
            with open(os.path.join(annotated, name), encoding='utf-8') as f:
                for line in f.read().splitlines()[1:]:
                    parts = line.split('\t')
                    if len(parts) >= 3 and parts[2] in TYPES:
                        gold[doc].add((fold(parts[0]), parts[2]))
    return gold


def main(root, mentions):
    gold = gold_sets(root)
    pred = collections.defaultdict(set)
    with open(mentions, encoding='utf-8-sig') as f:
        for row in csv.DictReader(f):
            if row['type'] in TYPES:
                pred[row['doc_id']].add((fold(row['text']), row['type']))
    print(f'{len(gold)} documents, {sum(len(g) for g in gold.values())} gold forms')
    for wanted in TYPES + (None,):
        tp = fp = fn = 0
        for doc, forms in gold.items():
            g = {x for x in forms if wanted is None or x[1] == wanted}
            p = {x for x in pred.get(doc, set()) if wanted is None or x[1] == wanted}
            tp, fp, fn = tp + len(g & p), fp + len(p - g), fn + len(g - p)
        precision = tp / (tp + fp) if tp + fp else 0.0
        recall = tp / (tp + fn) if tp + fn else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        print(f'{wanted or "micro":5} P {precision:.3f} R {recall:.3f} F1 {f1:.3f}')


if __name__ == '__main__':
    if len(sys.argv) != 3:
        sys.exit('usage: bsnlp-mention-sets.py BSNLP_ROOT MENTIONS_CSV')
    main(sys.argv[1], sys.argv[2])
