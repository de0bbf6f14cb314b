"""PolNeAR: a yardstick for quote attribution on real political news.

PolNeAR (Newell, Margolin & Ruths 2018, "An Attribution Relations Corpus for Political
News", LREC 2018; https://github.com/networkdynamics/PolNeAR) annotates every attribution
(source, cue, content) in 1,008 articles of 2016 US political news: 840 ``train``, 84
``dev`` and 84 ``test`` articles. This module reads a PolNeAR checkout that the user
points to (no PolNeAR text ships with the package) and scores the quote extractor on it.
Develop on ``train`` and ``dev``; ``test`` is the acceptance set, read only when asked
for explicitly (``allow_test=True``).

**Which annotation.** ``data/metadata.tsv`` lists each article's split (``compartment``),
publisher, date, title and annotators. Most articles have one annotator; the few used to
measure agreement have several ``.ann`` files (``<filename>_<annotator>.ann``). PolNeAR's
own software picks one at random; here the first annotator listed in ``metadata.tsv``
whose file exists is used, so runs are reproducible.

**Reading the brat standoff.** ``T`` lines are ``T<n> <type> <start> <end>[;<start>
<end>...] <text>`` (a discontinuous span has several fragments; a text running over a
newline continues on the next lines of the file); ``E`` lines link an ``Attribution`` or
``Attribution-no-source`` trigger to its ``Source``, ``Cue``, ``Content`` (and rarely
``Content2``) spans. ``#`` annotator notes, ``Discard``/``Discuss`` spans not linked by an
``E`` line and blank lines are ignored. Each span's stored text must equal the article's
characters at its offsets (fragments joined by a space); anything else is an error naming
the file and line.

**Gold direct quotes.** Quotation regions are found in the article text, line by line
(a paragraph is a line): an opening double mark (``“ „ ‟ «`` or a straight ``"`` while no
quote is open) opens a region, the next closing mark (``” »`` or ``"``) closes it; a
region left open runs to the end of its paragraph (a quote continued in the next
paragraph re-opens there, news style); a closing mark with no opener is ignored. Single
marks are apostrophes or quotes within quotes and never open a region. A region is the
text *inside* the marks. Each stretch where a region overlaps a ``Content`` (or
``Content2``) fragment of an attribution, stripped of surrounding white space, is one gold
quote when it has at least :data:`MIN_WORDS` (3) words; its speaker is the attribution's
``Source`` span (``source_start, source_end, source_text``; ``-1, -1, ""`` for an
attribution without a source). Quotes in the headline (the first paragraph, which the
package never reads for quotes) are left out. For a source that is a pronoun or a
lower-case description (``he``, ``the spokesman``) ``antecedent_text`` is the most recent
earlier ``Source`` span in the same article that looks like a proper name (capitalised,
not a pronoun or determiner): a cheap stand-in for coreference, used only as one more way
for a speaker to count as right (below) and reported separately.

**Scoring** (:func:`score_polnear`). Predictions of kind ``term`` and predictions of fewer
than 3 words are not scored (the same floor as the gold). A prediction matches a gold
quote when it covers at least 30% of its characters, one-to-one, largest overlap first
(:func:`corpus_tools.quote_eval.match_quotes`). Then

* ``precision`` = matched / predicted, ``recall`` = matched / gold, ``f1`` their harmonic
  mean;
* a matched prediction's speaker is **correct** when (a) its mention span
  ``mention_start:mention_end`` overlaps a fragment of the gold ``Source`` span, or (b)
  its ``speaker`` names the ``source_text``, or (c) it is the speaker of another
  prediction whose mention overlaps the same attribution's ``Source`` (the second part
  of ``“A,” he said. “B.”``, attributed by the extractor from the same mention), or (d) it
  names the ``antecedent_text``. A name
  names a source when, compared by :func:`corpus_tools.quote_eval.speaker_key`
  (case-folded, leading *the* dropped), it equals the source or the source's *head* (the
  part before a comma, parenthesis or dash: ``Jane Roe`` for ``Jane Roe, a senator,``;
  ``Sen. Jane Roe`` for ``Sen. Jane Roe (D-Va.)``); or its last word equals the head's
  last word when that is capitalised (surname: ``Roe`` or ``Jane Roe`` for ``Mrs. Roe``);
  or, being two words or more, it occurs whole inside the source (``Jane Roe`` in ``Jane
  Roe of the state party``) not followed by a possessive or *Jr.* (So ``Clinton`` does
  not name ``the Clinton campaign``.) A prediction with no speaker is never correct;
* ``speaker_accuracy`` = correct / matched quotes whose gold has a source
  (``n_speaker_scored``);
* ``attributed_precision`` = correct / predicted quotes that have a speaker (matched or
  not): the share of the extractor's attributed quotes that are real quotes *and* carry
  the right speaker. ``matched_attributed_precision`` = correct / matched predictions with
  a speaker (the same share among matched quotes only).
"""

from __future__ import annotations

import bisect
import csv
import re
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from corpus_tools.load import CorpusError
from corpus_tools.quote_eval import match_quotes, speaker_key
from corpus_tools.stream import corpus_frame

SPLITS = ("train", "dev", "test")
#: The acceptance split: never tuned on, read only with ``allow_test=True``.
ACCEPTANCE_SPLIT = "test"
#: Gold quotes and scored predictions have at least this many words.
MIN_WORDS = 3
GOLD_QUOTE_COLUMNS = ["article_id", "quote_id", "attribution_id", "start", "end", "text",
                      "kind", "speaker", "source_start", "source_end", "source_text",
                      "source_spans", "antecedent_text"]
METADATA_COLUMNS = ("compartment", "filename", "annotators", "publisher", "publication_date",
                    "title")

_OPEN = "\u201c\u201e\u201f\u00ab"
_CLOSE = "\u201d\u00bb"
_WORD = re.compile(r"\w+(?:[\u2019'-]\w+)*")
_T_LINE = re.compile(r"^(T\d+)\t(\S+) (\d+ \d+(?:;\d+ \d+)*)\t(.*)$")
_ID_LINE = re.compile(r"^(?:[TERAMN]\d+|#\d*)\t")
_PRONOUNS = frozenset(
    "i me my we us our you your he him his she her they them their it its this that these "
    "those who one some many both all others someone somebody anyone nobody".split())
_NOT_NAMES = _PRONOUNS | frozenset("the a an another each every any no several most few "
                                   "such".split())
_CONTENT_ROLES = ("Content", "Content2")

Spans = tuple[tuple[int, int], ...]


@dataclass(frozen=True)
class _Attribution:
    aid: str
    source: Spans
    content: Spans


def _n_words(text: str) -> int:
    return len(_WORD.findall(text))


def quotation_regions(text: str) -> list[tuple[int, int]]:
    """Spans inside double quotation marks, paired paragraph by paragraph (linear time).

    Parameters
    ----------
    text : str

    Returns
    -------
    list of (start, end)
        The characters between an opening and its closing mark (or the paragraph's end
        when the quote is left open), in text order.

    Examples
    --------
    >>> t = 'He said \u201cwe will win,\u201d and "so it goes.\\n\u201cNext'
    >>> [t[s:e] for s, e in quotation_regions(t)]
    ['we will win,', 'so it goes.', 'Next']
    """
    regions = []
    opened = -1
    for i, ch in enumerate(text):
        if ch == "\n":
            if opened >= 0:
                regions.append((opened, i))
            opened = -1
        elif ch in _OPEN or (ch == '"' and opened < 0):
            if opened >= 0:  # a second opener: the first quote ends here
                regions.append((opened, i))
            opened = i + 1
        elif (ch in _CLOSE or ch == '"') and opened >= 0:
            regions.append((opened, i))
            opened = -1
    if opened >= 0:
        regions.append((opened, len(text)))
    return [(s, e) for s, e in regions if e > s]


def _parse_spans(spec: str) -> Spans:
    return tuple((int(a), int(b)) for a, b in (part.split() for part in spec.split(";")))


def read_attributions(path: str | Path, text: str) -> list[_Attribution]:
    """The attributions of one brat ``.ann`` file, checked against the article text.

    Raises
    ------
    CorpusError
        Naming the file and line of every malformed line, span outside the text, span whose
        stored text differs from the article, or ``E`` line pointing to an unknown span.
    """
    path = Path(path)
    try:
        lines = path.read_text(encoding="utf-8").split("\n")
    except (OSError, UnicodeDecodeError) as err:
        raise CorpusError([f"{path}: cannot read ({err})"]) from None
    problems: list[str] = []
    spans: dict[str, tuple[str, Spans]] = {}
    events: list[tuple[int, str]] = []
    i = 0
    while i < len(lines):
        line, lineno = lines[i], i + 1
        i += 1
        if not line.strip() or line.startswith("#"):
            continue
        if line.startswith("E"):
            events.append((lineno, line))
            continue
        m = _T_LINE.match(line)
        if not m:
            problems.append(f"{path.name} line {lineno}: not a brat T/E line: {line[:60]!r}")
            continue
        tid, kind, spec, stored = m.groups()
        frag = _parse_spans(spec)
        if any(not 0 <= s <= e <= len(text) for s, e in frag):
            problems.append(f"{path.name} line {lineno}: span {spec} outside the text "
                            f"({len(text)} characters)")
            continue
        expected = " ".join(text[s:e] for s, e in frag)
        extra = expected.count("\n")  # a span over a newline continues on the next lines
        while extra and i < len(lines) and not _ID_LINE.match(lines[i]):
            stored += "\n" + lines[i]
            i += 1
            extra -= 1
        if stored != expected:
            problems.append(f"{path.name} line {lineno}: {tid} text {stored[:40]!r} differs "
                            f"from the article at {spec} ({expected[:40]!r})")
            continue
        spans[tid] = (kind, frag)
    attributions = []
    for lineno, line in events:
        fields = line.split("\t")
        if len(fields) < 2 or not fields[1].strip():
            problems.append(f"{path.name} line {lineno}: E line without arguments")
            continue
        roles: dict[str, list[tuple[int, int]]] = {}
        for arg in fields[1].split():
            role, _, ref = arg.partition(":")
            if ref not in spans:
                problems.append(f"{path.name} line {lineno}: {fields[0]} refers to unknown "
                                f"span {ref!r}")
                continue
            roles.setdefault(role, []).extend(spans[ref][1])
        attributions.append(_Attribution(
            aid=fields[0], source=tuple(sorted(roles.get("Source", []))),
            content=tuple(sorted(s for r in _CONTENT_ROLES for s in roles.get(r, [])))))
    if problems:
        raise CorpusError(problems)
    return attributions


def _looks_like_name(source: str) -> bool:
    first = source.split()[0] if source.split() else ""
    return bool(first) and first[0].isupper() and first.casefold() not in _NOT_NAMES


def gold_quotes(article_id: str, text: str, attributions: list[_Attribution]) -> pd.DataFrame:
    """Gold direct quotes of one article (see the module docstring for the definition).

    Returns
    -------
    DataFrame
        :data:`GOLD_QUOTE_COLUMNS`, in text order; ``text == article[start:end]``.
    """
    first_break = text.find("\n")
    body_start = len(text) if first_break < 0 else first_break
    regions = quotation_regions(text)  # sorted, disjoint: found by bisection
    region_ends = [e for _, e in regions]
    rows = []
    for att in attributions:
        source_text = " ".join(text[s:e] for s, e in att.source)
        for fs, fe in att.content:
            for rs, re_ in regions[bisect.bisect_right(region_ends, fs):]:
                if rs >= fe:
                    break
                lo, hi = max(fs, rs, body_start), min(fe, re_)
                if lo >= hi:
                    continue
                stretch = text[lo:hi]
                lo += len(stretch) - len(stretch.lstrip())
                hi -= len(stretch) - len(stretch.rstrip())
                if lo < hi and _n_words(text[lo:hi]) >= MIN_WORDS:
                    rows.append({"article_id": article_id, "attribution_id": att.aid,
                                 "start": lo, "end": hi, "text": text[lo:hi], "kind": "direct",
                                 "speaker": source_text,
                                 "source_start": att.source[0][0] if att.source else -1,
                                 "source_end": att.source[-1][1] if att.source else -1,
                                 "source_text": source_text,
                                 "source_spans": ";".join(f"{s} {e}" for s, e in att.source)})
    named = sorted((a.source[0][0], " ".join(text[s:e] for s, e in a.source))
                   for a in attributions if a.source)
    named = [(pos, src) for pos, src in named if _looks_like_name(src)]
    named_at = [pos for pos, _ in named]
    rows.sort(key=lambda r: (r["start"], r["end"]))
    for n, row in enumerate(rows, start=1):
        row["quote_id"] = f"{article_id}-g{n:03d}"
        row["antecedent_text"] = ""
        if row["source_start"] >= 0 and not _looks_like_name(row["source_text"]):
            k = bisect.bisect_left(named_at, row["source_start"])  # names strictly before
            row["antecedent_text"] = named[k - 1][1] if k else ""
    return pd.DataFrame(rows, columns=GOLD_QUOTE_COLUMNS)


def read_metadata(root: str | Path) -> pd.DataFrame:
    """PolNeAR's ``data/metadata.tsv``, checked for the columns the loader uses."""
    path = Path(root) / "data" / "metadata.tsv"
    if not path.is_file():
        raise CorpusError([f"{path}: not found (is {root} a PolNeAR checkout?)"])
    with path.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.reader(fh, delimiter="\t"))
    header = rows[0] if rows else []
    missing = [c for c in METADATA_COLUMNS if c not in header]
    if missing:
        raise CorpusError([f"{path.name} line 1: missing column(s) {', '.join(missing)}"])
    problems = [f"{path.name} line {n}: {len(r)} fields, expected {len(header)}"
                for n, r in enumerate(rows[1:], start=2) if len(r) != len(header)]
    if problems:
        raise CorpusError(problems)
    meta = pd.DataFrame(rows[1:], columns=header)
    meta["_line"] = range(2, len(meta) + 2)
    return meta


def load_polnear(root: str | Path, split: str = "train", *,
                 allow_test: bool = False) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Articles and gold direct quotes of one PolNeAR split.

    Parameters
    ----------
    root : str or Path
        A PolNeAR checkout (the folder holding ``data/metadata.tsv``).
    split : {"train", "dev", "test"}, default "train"
    allow_test : bool, default False
        ``test`` is the acceptance set: it is read only when this is True.

    Returns
    -------
    corpus : DataFrame
        The package's corpus table (:func:`corpus_tools.stream.corpus_frame`): ``article_id``
        is PolNeAR's ``filename``, ``outlet`` its publisher code, ``published`` and
        ``headline`` its date and title; sorted by ``article_id``.
    gold : DataFrame
        :data:`GOLD_QUOTE_COLUMNS`, one row per gold direct quote, ``text ==
        corpus text[start:end]``.

    Raises
    ------
    ValueError
        If ``split`` is unknown, or is ``test`` without ``allow_test``.
    CorpusError
        Listing every missing or unreadable file and malformed annotation line.

    Examples
    --------
    >>> load_polnear("/nowhere", "test")
    Traceback (most recent call last):
    ...
    ValueError: 'test' is PolNeAR's acceptance set: pass allow_test=True to read it
    """
    if split not in SPLITS:
        raise ValueError(f"unknown PolNeAR split {split!r}; expected one of {', '.join(SPLITS)}")
    if split == ACCEPTANCE_SPLIT and not allow_test:
        raise ValueError(f"{split!r} is PolNeAR's acceptance set: pass allow_test=True to read "
                         "it")
    root = Path(root)
    meta = read_metadata(root)
    meta = meta[meta["compartment"] == split].sort_values("filename", kind="stable")
    if meta.empty:
        raise CorpusError([f"{root / 'data' / 'metadata.tsv'}: no articles in split {split!r}"])
    folder = root / "data" / split
    problems: list[str] = []
    records, golds = [], []
    for row in meta.to_dict("records"):
        name = row["filename"]
        label = f"metadata.tsv line {row['_line']} ({name})"
        try:
            text = (folder / "text" / f"{name}.txt").read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as err:
            problems.append(f"{label}: cannot read its text ({err})")
            continue
        candidates = [folder / "attributions" / f"{name}_{a}.ann"
                      for a in row["annotators"].split("|") if a]
        ann = next((p for p in candidates if p.is_file()), None)
        if ann is None:
            wanted = candidates[0].name if candidates else f"{name}_<annotator>.ann"
            problems.append(f"{label}: no attribution file {wanted} found")
            continue
        try:
            attributions = read_attributions(ann, text)
        except CorpusError as err:
            problems.extend(err.problems)
            continue
        records.append({"article_id": name, "text": text, "file": f"{name}.txt",
                        "outlet": row["publisher"], "published": row["publication_date"],
                        "headline": row["title"]})
        golds.append(gold_quotes(name, text, attributions))
    if problems:
        raise CorpusError(problems)
    corpus = corpus_frame(records)
    gold = pd.concat(golds, ignore_index=True) if golds else \
        pd.DataFrame(columns=GOLD_QUOTE_COLUMNS)
    return corpus, gold


def _surname(name: str) -> str:
    words = _WORD.findall(name.replace("\u2019", "'"))
    return words[-1] if words else ""


_HEAD_END = re.compile(r",|\(|\s[\u2014\u2013]|\s--")


def _name_head(source: str) -> str:
    """The part of a source before an apposition, party tag or dash: ``Jane Roe, a
    senator`` -> ``Jane Roe``; ``Sen. Jane Roe (D-Va.)`` -> ``Sen. Jane Roe``."""
    return _HEAD_END.split(source, maxsplit=1)[0].strip()


def _names_match(pred: str, gold: str) -> bool:
    """Whether a predicted speaker name names the gold source (see the module docstring):
    the same name (:func:`speaker_key`) as the source or its head, the same capitalised
    last word (surname) as the head, or a name of two or more words inside the source
    (not followed by a possessive or *Jr.*)."""
    if not pred.strip() or not gold.strip():
        return False
    head = _name_head(gold)
    if speaker_key(pred) in (speaker_key(gold), speaker_key(head)):
        return True
    last = _surname(head)
    if last and last[0].isupper() and _surname(pred).casefold() == last.casefold():
        return True
    key = speaker_key(pred)
    if len(key.split()) < 2:
        return False
    inside = re.search(r"(?<!\w)" + re.escape(key) + r"(?!\w|'s|\s+jr\b)",
                       speaker_key(gold))
    return inside is not None


def speaker_verdict(pred: pd.Series, gold: pd.Series) -> str:
    """Why a matched prediction's speaker is right by itself (``span``, ``name``,
    ``antecedent``; ``attribution`` is decided in :func:`match_polnear`), or
    ``""`` when it is wrong (or the prediction has no speaker, or the gold no source)."""
    speaker = str(pred.get("speaker", "") or "")
    if not speaker.strip() or gold["source_start"] < 0:
        return ""
    ms, me = int(pred.get("mention_start", -1)), int(pred.get("mention_end", -1))
    if ms >= 0:
        for part in str(gold["source_spans"]).split(";"):
            s, e = (int(x) for x in part.split())
            if ms < e and s < me:
                return "span"
    if _names_match(speaker, str(gold["source_text"])):
        return "name"
    if _names_match(speaker, str(gold["antecedent_text"])):
        return "antecedent"
    return ""


def scored_predictions(pred_quotes: pd.DataFrame) -> pd.DataFrame:
    """The predictions that are scored: not ``term`` and at least :data:`MIN_WORDS` words."""
    keep = (pred_quotes["kind"] != "term") & (pred_quotes["text"].map(_n_words) >= MIN_WORDS)
    return pred_quotes[keep]


def match_polnear(pred_quotes: pd.DataFrame, gold: pd.DataFrame,
                  min_overlap: float = 0.3) -> pd.DataFrame:
    """Every scored prediction and gold quote, paired where they match.

    Returns
    -------
    DataFrame
        One row per pair, missed gold quote (``status == "missed"``) or unmatched prediction
        (``"false alarm"``); matched rows have ``status`` ``"correct"`` or
        ``"wrong speaker"``, and ``verdict`` says why a speaker counts as right.
    """
    pred = scored_predictions(pred_quotes).reset_index(drop=True)
    gold = gold.reset_index(drop=True)
    # matched article by article, offsets only (match_quotes walks rows one by one)
    cols = ["article_id", "start", "end"]
    pairs = []
    pred_rows = pred.groupby("article_id", sort=False).groups
    for aid, gold_index in gold.groupby("article_id", sort=False).groups.items():
        if aid in pred_rows:
            pairs += match_quotes(pred.loc[pred_rows[aid], cols], gold.loc[gold_index, cols],
                                  min_overlap)
    pairs.sort()
    verdicts = {(pi, gi): speaker_verdict(pred.loc[pi], gold.loc[gi]) for pi, gi in pairs}
    # the rest of a quote the extractor attributed at the source mention ("“A,” he said.
    # “B.”"): B is right when it carries the speaker A got from that mention
    found_at_source = {(gold.at[gi, "article_id"], gold.at[gi, "attribution_id"],
                        speaker_key(pred.at[pi, "speaker"]))
                       for (pi, gi), v in verdicts.items() if v == "span"}
    rows = []
    for pi, gi in pairs:
        p, g = pred.loc[pi], gold.loc[gi]
        verdict = verdicts[pi, gi]
        if verdict in ("", "antecedent") and (g["article_id"], g.get("attribution_id"),
                                              speaker_key(p["speaker"])) in found_at_source:
            verdict = "attribution"
        status = "correct" if verdict else "wrong speaker"
        if g["source_start"] < 0:
            status = "no gold source"
        rows.append(_row(status, p, g, verdict))
    matched_p, matched_g = {p for p, _ in pairs}, {g for _, g in pairs}
    rows += [_row("missed", None, gold.loc[gi], "") for gi in gold.index if gi not in matched_g]
    rows += [_row("false alarm", pred.loc[pi], None, "") for pi in pred.index
             if pi not in matched_p]
    out = pd.DataFrame(rows, columns=_MATCH_COLUMNS)
    return out.sort_values(["article_id", "start", "status"], kind="stable").reset_index(
        drop=True)


_MATCH_COLUMNS = ["article_id", "status", "verdict", "start", "end", "quote", "pred_start",
                  "pred_end", "pred_kind", "predicted_speaker", "predicted_mention",
                  "mention_start", "mention_end", "gold_source", "source_start",
                  "antecedent_text"]


def _row(status: str, p: pd.Series | None, g: pd.Series | None, verdict: str) -> dict:
    has_speaker = p is not None and bool(str(p.get("speaker", "") or "").strip())
    return {
        "article_id": (g if g is not None else p)["article_id"], "status": status,
        "verdict": verdict,
        "start": int(g["start"] if g is not None else p["start"]),
        "end": int(g["end"] if g is not None else p["end"]),
        "quote": (g if g is not None else p)["text"],
        "pred_start": -1 if p is None else int(p["start"]),
        "pred_end": -1 if p is None else int(p["end"]),
        "pred_kind": "" if p is None else p["kind"],
        "predicted_speaker": str(p["speaker"]) if has_speaker else "",
        "predicted_mention": "" if p is None else str(p.get("speaker_mention", "") or ""),
        "mention_start": -1 if p is None else int(p.get("mention_start", -1)),
        "mention_end": -1 if p is None else int(p.get("mention_end", -1)),
        "gold_source": "" if g is None else g["source_text"],
        "source_start": -1 if g is None else int(g["source_start"]),
        "antecedent_text": "" if g is None else g["antecedent_text"],
    }


def _summary(m: pd.DataFrame) -> dict[str, float]:
    status = m["status"]
    n_gold = int((status != "false alarm").sum())
    n_pred = int((status != "missed").sum())
    matched = m[~status.isin(["missed", "false alarm"])]
    n_matched = len(matched)
    correct = int((matched["status"] == "correct").sum())
    scored = int(matched["status"].isin(["correct", "wrong speaker"]).sum())
    attributed = int(((status != "missed") & (m["predicted_speaker"] != "")).sum())
    matched_attributed = int((matched["predicted_speaker"] != "").sum())
    precision = n_matched / n_pred if n_pred else float("nan")
    recall = n_matched / n_gold if n_gold else float("nan")
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0

    def share(a: int, b: int) -> float:
        return a / b if b else float("nan")

    return {"n_gold": n_gold, "n_predicted": n_pred, "n_matched": n_matched,
            "precision": precision, "recall": recall, "f1": f1,
            "n_speaker_scored": scored, "n_speaker_correct": correct,
            "n_correct_by_attribution": int((matched["verdict"] == "attribution").sum()),
            "n_correct_by_antecedent": int((matched["verdict"] == "antecedent").sum()),
            "speaker_accuracy": share(correct, scored),
            "n_attributed": attributed,
            "attributed_precision": share(correct, attributed),
            "matched_attributed_precision": share(correct, matched_attributed)}


def score_polnear(pred_quotes: pd.DataFrame, gold: pd.DataFrame,
                  min_overlap: float = 0.3) -> pd.DataFrame:
    """Quote P/R/F1, speaker accuracy and attributed precision, per article and overall.

    Parameters
    ----------
    pred_quotes : DataFrame
        The extractor's quotes (:func:`corpus_tools.extract_quotes`): ``article_id, start,
        end, text, kind, speaker, mention_start, mention_end``.
    gold : DataFrame
        Gold quotes from :func:`load_polnear`.
    min_overlap : float, default 0.3
        Share of a gold quote's characters a prediction must cover to match it.

    Returns
    -------
    DataFrame
        One row per article (sorted) and a last row ``"all"``: ``n_gold, n_predicted,
        n_matched, precision, recall, f1, n_speaker_scored, n_speaker_correct,
        n_correct_by_attribution, n_correct_by_antecedent, speaker_accuracy, n_attributed,
        attributed_precision, matched_attributed_precision`` (definitions in the module docstring).

    Examples
    --------
    >>> g = pd.DataFrame({"article_id": ["a"], "start": [10], "end": [40], "kind": ["direct"],
    ...                   "text": ["x y z"], "source_start": [0], "source_end": [5],
    ...                   "source_text": ["Jones"], "source_spans": ["0 5"],
    ...                   "antecedent_text": [""]})
    >>> p = pd.DataFrame({"article_id": ["a"], "start": [12], "end": [40], "text": ["y z w"],
    ...                   "kind": ["direct"], "speaker": ["Ann Jones"],
    ...                   "mention_start": [60], "mention_end": [69]})
    >>> score_polnear(p, g).loc[1, ["f1", "speaker_accuracy", "attributed_precision"]].tolist()
    [1.0, 1.0, 1.0]
    """
    m = match_polnear(pred_quotes, gold, min_overlap)
    rows = [{"article_id": aid, **_summary(part)}
            for aid, part in m.groupby("article_id", sort=True)]
    rows.append({"article_id": "all", **_summary(m)})
    return pd.DataFrame(rows)
