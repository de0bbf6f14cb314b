"""Benchmarks for issue 7: throughput, linearity, memory, parallel speed-up, reference
tokenizers, notebook overhead and adversarial input (with issue 12's long paragraphs).
Run with ``make bench`` or

    .venv/bin/python benchmarks/run.py [--sizes 1000,10000] [--skip-notebooks] [--dask]

Every pipeline run happens in a fresh subprocess, so its peak memory (``ru_maxrss``) is
its own. Synthetic corpora come from :mod:`corpus_tools.synth` (seeded, so every run
measures the same texts). Results are printed as a table and saved as JSON.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
PYTHON = sys.executable
SEED = 2025


# ----------------------------------------------------------------------------- children

def _child_pipeline(src: str, out: str, jobs: int, engine: str, chunk_size: int) -> dict:
    from corpus_tools.batch import analyze_corpus

    summary = analyze_corpus(src, out, jobs=jobs, engine=engine, chunk_size=chunk_size,
                             progress=False)
    return {"seconds": summary.seconds, "n_articles": summary.n_articles,
            "n_bytes": summary.n_bytes, "rows": summary.rows}


def _texts(src: str) -> list[str]:
    return [p.read_text(encoding="utf-8") for p in sorted((Path(src) / "raw").glob("*.txt"))]


def _child_spacy(src: str) -> dict:
    import spacy

    texts = _texts(src)
    nlp = spacy.blank("en")
    t0 = time.perf_counter()
    n_tokens = sum(len(doc) for doc in nlp.tokenizer.pipe(texts, batch_size=256))
    return {"seconds": time.perf_counter() - t0, "n_tokens": n_tokens,
            "n_bytes": sum(len(t.encode("utf-8")) for t in texts)}


def _child_punkt(src: str) -> dict:
    """The package's Punkt sentence splitter alone: one required step of the pipeline."""
    from corpus_tools.segment import split_sentences

    texts = _texts(src)
    t0 = time.perf_counter()
    n_sentences = sum(len(split_sentences(t)) for t in texts)
    return {"seconds": time.perf_counter() - t0, "n_sentences": n_sentences,
            "n_bytes": sum(len(t.encode("utf-8")) for t in texts)}


def _child_nltk(src: str) -> dict:
    from nltk.tokenize import TreebankWordTokenizer
    from nltk.tokenize.punkt import PunktSentenceTokenizer

    texts = _texts(src)
    punkt, treebank = PunktSentenceTokenizer(), TreebankWordTokenizer()
    t0 = time.perf_counter()
    n_tokens = sum(len(treebank.tokenize(s)) for t in texts for s in punkt.tokenize(t))
    return {"seconds": time.perf_counter() - t0, "n_tokens": n_tokens,
            "n_bytes": sum(len(t.encode("utf-8")) for t in texts)}


def _child_adversarial() -> dict:
    import warnings

    from bench_quotes_adversarial import adversarial_texts

    from corpus_tools.batch import analyze_article, load_resources
    from corpus_tools.quotes import extract_quotes_from_text

    actors, codebook = load_resources()
    out = {}
    for name, text in adversarial_texts().items():
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            t0 = time.perf_counter()
            quotes = extract_quotes_from_text(text, "adv", actors)
            t1 = time.perf_counter()
            tables = analyze_article({"article_id": "adv", "text": text}, actors, codebook)
            t2 = time.perf_counter()
        out[name] = {"n_bytes": len(text.encode("utf-8")), "quotes_seconds": t1 - t0,
                     "pipeline_seconds": t2 - t1, "n_quotes": len(quotes),
                     "n_sentences": len(tables["sentences"])}
    return out


def _child_notebooks(which: str, n: int, params: dict) -> dict:
    import nbformat

    from corpus_tools.runner import list_notebooks, run_notebooks

    tmp = Path(tempfile.mkdtemp(prefix="bench_nb_"))
    try:
        if which == "import":  # `import corpus_tools` alone (the package is lazy: ~free)
            paths = []
            for i in range(n):
                nb = nbformat.v4.new_notebook()
                nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3",
                                             "language": "python"}
                nb.cells = [nbformat.v4.new_code_cell("import corpus_tools")]
                path = tmp / f"{i:02d}_import.ipynb"
                nbformat.write(nb, path)
                paths.append(path)
        elif which == "setup":  # each notebook cut after its import cell
            paths = []
            for src in list_notebooks():
                nb = nbformat.read(src, as_version=4)
                code = [i for i, c in enumerate(nb.cells) if c.cell_type == "code"]
                nb.cells = nb.cells[:code[1] + 1]  # parameters cell + import cell
                path = tmp / src.name
                nbformat.write(nb, path)
                paths.append(path)
        else:
            paths = list_notebooks()
        t0 = time.perf_counter()
        run_notebooks(paths, kernel="python3", output_dir=tmp / "executed",
                      parameters=params if which == "full" else None, log=None)
        return {"seconds": time.perf_counter() - t0, "n_notebooks": len(paths)}
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def _child_main(argv: list[str]) -> None:
    kind, args = argv[0], json.loads(argv[1])
    result = {"pipeline": _child_pipeline, "spacy": _child_spacy, "nltk": _child_nltk,
              "punkt": _child_punkt, "adversarial": _child_adversarial,
              "notebooks": _child_notebooks}[kind](**args)
    result["maxrss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    result["children_maxrss_mb"] = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print("RESULT " + json.dumps(result))


def run_child(kind: str, **kwargs: object) -> dict:
    """Run one measurement in a fresh interpreter; return its JSON result."""
    cmd = [PYTHON, str(Path(__file__).resolve()), "--child", kind, json.dumps(kwargs)]
    proc = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT, check=False)
    if proc.returncode != 0:
        raise RuntimeError(f"{kind} failed:\n{proc.stderr[-3000:]}")
    line = next(ln for ln in proc.stdout.splitlines() if ln.startswith("RESULT "))
    return json.loads(line[len("RESULT "):])


def whole_process(kind: str, src: Path, out: Path) -> dict:
    """Wall clock, CPU time (user + sys) and peak RSS of a whole process (start-up, imports,
    reading, work, writing), as a user runs it: ``corpus-tools analyze``, ``corpus-tools
    quotes`` or spaCy's blank tokenizer over the same ``raw/*.txt`` files (issue 15's
    ratios). CPU time is the process's own, so it is less distorted than the wall clock
    when other work shares the machine."""
    raw = src / "raw"
    n_bytes = sum(p.stat().st_size for p in raw.glob("*.txt"))
    cli = [PYTHON, "-m", "corpus_tools"]
    if kind == "analyze":
        cmd = cli + ["analyze", str(src), "--out", str(out), "--no-progress"]
    elif kind == "quotes":
        cmd = cli + ["quotes", str(raw), "--format", "csv"]
    else:
        code = ("import sys, pathlib, spacy\n"
                "texts = [p.read_text(encoding='utf-8') for p in "
                "sorted(pathlib.Path(sys.argv[1]).glob('*.txt'))]\n"
                "nlp = spacy.blank('en')\n"
                "print(sum(len(d) for d in nlp.tokenizer.pipe(texts, batch_size=256)))")
        cmd = [PYTHON, "-c", code, str(raw)]
    with tempfile.TemporaryFile(mode="w+", encoding="utf-8") as err:
        t0 = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=err, cwd=ROOT)
        _, status, usage = os.wait4(proc.pid, 0)  # this child's own CPU time and peak RSS
        seconds = time.perf_counter() - t0
        proc.returncode = os.waitstatus_to_exitcode(status)
        if proc.returncode != 0:
            err.seek(0)
            raise RuntimeError(f"{kind} failed:\n{err.read()[-3000:]}")
    return {"seconds": seconds, "n_bytes": n_bytes,
            "cpu_seconds": usage.ru_utime + usage.ru_stime,
            "maxrss_mb": usage.ru_maxrss / 1024}


# ----------------------------------------------------------------------------- report

def machine() -> dict:
    mem = ""
    try:
        mem = subprocess.run(["free", "-h"], capture_output=True, text=True).stdout.strip()
    except OSError:
        pass
    return {"nproc": os.cpu_count(), "python": platform.python_version(),
            "platform": platform.platform(), "processor": platform.processor(),
            "free_h": mem}


def _mbps(r: dict) -> float:
    return r["n_bytes"] / 1e6 / r["seconds"]


def _corpus(work: Path, n: int) -> Path:
    from corpus_tools.synth import make_synthetic_corpus

    src = work / f"synth_{n}"
    if not (src / "articles.csv").is_file():
        shutil.rmtree(src, ignore_errors=True)
        make_synthetic_corpus(n, seed=SEED, out_dir=src)
    return src


def whole_only(sizes: list[int], work: Path, repeat: int, with_quotes: bool) -> dict:
    """Issue 15's whole-process measures per corpus size: ``corpus-tools analyze`` (and
    ``quotes``) against spaCy's blank tokenizer, alternating, each ``repeat`` times; the
    run with the least CPU time of each command is kept (the others are in ``runs``)."""
    kinds = ["spacy", "analyze"] + (["quotes"] if with_quotes else [])
    out: dict = {}
    for n in sizes:
        src = _corpus(work, n)
        runs: dict[str, list[dict]] = {k: [] for k in kinds}
        for _ in range(max(repeat, 1)):
            for kind in kinds:
                dest = work / f"out_{n}_cli"
                runs[kind].append(whole_process(kind, src, dest))
                shutil.rmtree(dest, ignore_errors=True)
        row = {f"whole_{k}": min(v, key=lambda r: r["cpu_seconds"]) for k, v in runs.items()}
        row["runs"] = runs
        out[n] = row
        ws = row["whole_spacy"]
        print(f"\n== {n} articles, {ws['n_bytes'] / 1e6:.1f} MB (whole processes, best of "
              f"{max(repeat, 1)} by CPU time) ==")
        for kind in kinds:
            r = row[f"whole_{kind}"]
            mb = r["n_bytes"] / 1e6
            print(f"{kind:8s} wall {r['seconds']:7.1f} s  CPU {r['cpu_seconds']:7.1f} s "
                  f"({r['cpu_seconds'] / mb:6.2f} CPU s/MB)  peak RSS {r['maxrss_mb']:5.0f} MB"
                  + ("" if kind == "spacy" else
                     f"  vs spaCy blank: {ws['cpu_seconds'] / r['cpu_seconds']:.3f}x CPU, "
                     f"{ws['seconds'] / r['seconds']:.3f}x wall"))
    if len(sizes) >= 2:
        first, last = out[sizes[0]]["whole_analyze"], out[sizes[-1]]["whole_analyze"]
        per_mb = [r["cpu_seconds"] / (r["n_bytes"] / 1e6) for r in (first, last)]
        print(f"\nanalyze CPU s per MB: {per_mb[0]:.2f} at {sizes[0]}, {per_mb[1]:.2f} at "
              f"{sizes[-1]}: ratio {per_mb[1] / per_mb[0]:.3f} (target <= 1.2); peak RSS "
              f"{first['maxrss_mb']:.0f} and {last['maxrss_mb']:.0f} MB (target < 500)")
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="1000,10000",
                        help="comma-separated corpus sizes (articles)")
    parser.add_argument("--workdir", default=str(ROOT / "build" / "bench"),
                        help="where synthetic corpora and outputs go")
    parser.add_argument("--chunk-size", type=int, default=500)
    parser.add_argument("--skip-notebooks", action="store_true")
    parser.add_argument("--skip-speedup", action="store_true")
    parser.add_argument("--skip-adversarial", action="store_true")
    parser.add_argument("--skip-whole", action="store_true",
                        help="skip the whole-process runs (corpus-tools analyze / quotes and "
                             "spaCy blank, each in its own process)")
    parser.add_argument("--skip-long", action="store_true",
                        help="skip the same text as paragraphs vs one line, 1 and 5 MB (~2 min)")
    parser.add_argument("--whole-only", action="store_true",
                        help="only the whole-process runs (corpus-tools analyze and spaCy "
                             "blank, alternating --repeat times; with --with-quotes also "
                             "corpus-tools quotes): wall, CPU s per MB and peak RSS per size, "
                             "and the CPU s per MB ratio of the last size to the first")
    parser.add_argument("--repeat", type=int, default=1,
                        help="with --whole-only: runs of each command per size (best kept)")
    parser.add_argument("--with-quotes", action="store_true",
                        help="with --whole-only: also time corpus-tools quotes")
    parser.add_argument("--dask", action="store_true",
                        help="also measure 2 Dask workers vs 1 (local cluster)")
    parser.add_argument("--json", default=str(ROOT / "build" / "bench" / "results.json"))
    args = parser.parse_args(argv)

    work = Path(args.workdir)
    work.mkdir(parents=True, exist_ok=True)
    sizes = [int(s) for s in args.sizes.split(",") if s]
    results: dict = {"machine": machine(), "sizes": {}, "commands": " ".join(sys.argv)}
    print(f"machine: {results['machine']['nproc']} cores, Python {results['machine']['python']}")
    if args.whole_only:
        results["sizes"] = whole_only(sizes, work, args.repeat, args.with_quotes)
        Path(args.json).parent.mkdir(parents=True, exist_ok=True)
        Path(args.json).write_text(json.dumps(results, indent=2, default=str),
                                   encoding="utf-8")
        print(f"\nresults saved to {args.json}")
        return 0
    for n in sizes:
        src = _corpus(work, n)
        row: dict = {}
        out = work / f"out_{n}"
        row["pipeline_jobs1"] = run_child("pipeline", src=str(src), out=str(out), jobs=1,
                                          engine="local", chunk_size=args.chunk_size)
        row["spacy_blank"] = run_child("spacy", src=str(src))
        row["nltk_treebank_punkt"] = run_child("nltk", src=str(src))
        row["punkt_alone"] = run_child("punkt", src=str(src))
        if n == sizes[0] and not args.skip_speedup:
            row["pipeline_jobs2"] = run_child("pipeline", src=str(src), out=str(out) + "_j2",
                                              jobs=2, engine="local",
                                              chunk_size=args.chunk_size)
            if args.dask:
                for w in (1, 2):
                    row[f"pipeline_dask{w}"] = run_child(
                        "pipeline", src=str(src), out=str(out) + f"_d{w}", jobs=w,
                        engine="dask", chunk_size=args.chunk_size)
        if not args.skip_whole:
            # the three alternate, so load changes hit all of them
            row["whole_spacy"] = whole_process("spacy", src, out)
            row["whole_analyze"] = whole_process("analyze", src, Path(str(out) + "_cli"))
            row["whole_quotes"] = whole_process("quotes", src, out)
        results["sizes"][n] = row
        p, s, k = row["pipeline_jobs1"], row["spacy_blank"], row["nltk_treebank_punkt"]
        print(f"\n== {n} articles, {p['n_bytes'] / 1e6:.1f} MB ==")
        print(f"pipeline jobs=1   {p['seconds']:8.1f} s  {_mbps(p):7.3f} MB/s  "
              f"{p['n_articles'] / p['seconds']:7.1f} articles/s  peak RSS "
              f"{p['maxrss_mb']:.0f} MB")
        print(f"spaCy blank tok.  {s['seconds']:8.2f} s  {_mbps(s):7.3f} MB/s  "
              f"(pipeline / spaCy throughput = {_mbps(p) / _mbps(s):.3f}; target >= 2)")
        print(f"NLTK Treebank+Punkt {k['seconds']:6.2f} s  {_mbps(k):7.3f} MB/s  "
              f"(pipeline / NLTK throughput = {_mbps(p) / _mbps(k):.3f})")
        u = row["punkt_alone"]
        print(f"Punkt alone       {u['seconds']:8.2f} s  {_mbps(u):7.3f} MB/s  "
              f"(= {_mbps(u) / _mbps(s):.2f}x spaCy: one required step of the pipeline, so "
              f"the pipeline's ceiling)")
        if "whole_spacy" in row:
            ws = row["whole_spacy"]
            for key in ("whole_analyze", "whole_quotes"):
                r = row[key]
                print(f"{key:17s} {r['seconds']:8.1f} s  {_mbps(r):7.3f} MB/s  as a whole "
                      f"process: {_mbps(r) / _mbps(ws):.3f}x spaCy blank as a whole process "
                      f"({ws['seconds']:.1f} s); CPU {r['cpu_seconds']:.1f} s: "
                      f"{ws['cpu_seconds'] / r['cpu_seconds']:.3f}x spaCy's "
                      f"{ws['cpu_seconds']:.1f} s; peak RSS {r['maxrss_mb']:.0f} MB")
        for key in ("pipeline_jobs2", "pipeline_dask1", "pipeline_dask2"):
            if key in row:
                r = row[key]
                print(f"{key:17s} {r['seconds']:8.1f} s  {_mbps(r):7.3f} MB/s  "
                      f"speed-up over jobs=1: {p['seconds'] / r['seconds']:.2f}x  peak RSS "
                      f"{r['maxrss_mb']:.0f} MB (+ workers {r['children_maxrss_mb']:.0f} MB)")
        if "pipeline_dask2" in row:
            print(f"dask 2 workers over 1: "
                  f"{row['pipeline_dask1']['seconds'] / row['pipeline_dask2']['seconds']:.2f}x")
    if len(sizes) >= 2:
        small, large = results["sizes"][sizes[0]], results["sizes"][sizes[-1]]
        per_mb = [r["pipeline_jobs1"]["seconds"] / (r["pipeline_jobs1"]["n_bytes"] / 1e6)
                  for r in (small, large)]
        results["linearity"] = per_mb[1] / per_mb[0]
        print(f"\ntime per MB: {per_mb[0]:.1f} s at {sizes[0]}, {per_mb[1]:.1f} s at "
              f"{sizes[-1]}: ratio {results['linearity']:.3f} (target <= 1.2)")
    adversarial = HERE / "bench_quotes_adversarial.py"
    if adversarial.is_file():
        proc = subprocess.run([PYTHON, str(adversarial)], capture_output=True, text=True,
                              cwd=ROOT, check=False)
        results["adversarial_quotes_script"] = proc.stdout[-4000:]
        print("\n== benchmarks/bench_quotes_adversarial.py ==\n" + proc.stdout)
    long_paragraphs = HERE / "bench_quotes_long.py"
    if long_paragraphs.is_file() and not args.skip_long:
        proc = subprocess.run([PYTHON, str(long_paragraphs)], capture_output=True, text=True,
                              cwd=ROOT, check=False)
        results["long_paragraphs_script"] = proc.stdout[-4000:]
        print("\n== benchmarks/bench_quotes_long.py ==\n" + proc.stdout)
    results["adversarial"] = {} if args.skip_adversarial else run_child("adversarial")
    if results["adversarial"]:
        print("\n== adversarial input (about 1 MB each) ==")
    for name, r in results["adversarial"].items():
        if isinstance(r, dict):
            print(f"{name:32s} quotes {r['quotes_seconds']:6.2f} s, whole pipeline "
                  f"{r['pipeline_seconds']:6.2f} s ({r['n_quotes']} quotes)")
    if not args.skip_notebooks:
        params = {"figures_dir": str(work / "figures"), "processed_dir": str(work / "processed")}
        full = run_child("notebooks", which="full", n=0, params=params)
        setup = run_child("notebooks", which="setup", n=0, params=params)
        bare = run_child("notebooks", which="import", n=full["n_notebooks"], params={})
        results["notebooks"] = {"full": full, "setup_only": setup, "import_only": bare,
                                "ratio": full["seconds"] / setup["seconds"],
                                "ratio_vs_bare_import": full["seconds"] / bare["seconds"]}
        nb = results["notebooks"]
        print(f"\n== notebooks ==\nall {full['n_notebooks']} notebooks: {full['seconds']:.1f} s;"
              f" the same notebooks cut after their import cell: {setup['seconds']:.1f} s;"
              f" ratio {nb['ratio']:.2f} (target <= 1.5)\n"
              f"{bare['n_notebooks']} notebooks of only `import corpus_tools` (lazy, imports"
              f" nothing): {bare['seconds']:.1f} s; ratio {nb['ratio_vs_bare_import']:.2f}")
    Path(args.json).parent.mkdir(parents=True, exist_ok=True)
    Path(args.json).write_text(json.dumps(results, indent=2, default=str), encoding="utf-8")
    print(f"\nresults saved to {args.json}")
    return 0


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "--child":
        _child_main(sys.argv[2:])
    else:
        raise SystemExit(main())
