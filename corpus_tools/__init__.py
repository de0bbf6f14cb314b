"""corpus_tools: who says what about immigration enforcement in the news.

The pipeline, one module per step: ``load`` -> ``clean`` -> ``segment`` -> ``tokenize`` ->
``quotes`` / ``actors`` (evaluated in ``quote_eval``) -> ``units`` -> ``voices`` ->
``terms`` / ``keyness`` / ``context`` / ``naming`` -> ``frames`` (``validate_frames``) ->
``stance`` / ``tone`` -> ``outputs``. Public names are imported lazily,
so ``import corpus_tools`` stays fast. (The word tokenizer is
``corpus_tools.tokenize.tokenize``: the module name is taken by the step.)
"""

from __future__ import annotations

import importlib
from typing import Any

__version__ = "0.1.0"

#: public name -> module that defines it
_EXPORTS: dict[str, str] = {
    # load / clean / segment / tokenize
    "load_corpus": "load", "CorpusError": "validate_input",
    "extract_paragraphs": "clean", "audit_cleaning": "clean", "clean_text": "clean",
    "audit_layout": "clean", "detect_layout": "clean",
    "split_sentences": "segment", "extract_sentences": "segment",
    "normalize": "tokenize", "stopwords": "tokenize",
    "merge_multiword": "tokenize", "ngrams": "tokenize", "analyze": "tokenize",
    "extract_tokens": "tokenize",
    # units of comparison
    "extract_units": "units", "extract_narration": "units",
    # quotes, speakers and voices
    "extract_quotes": "quotes.extract", "extract_quotes_from_text": "quotes.extract",
    "load_actors": "actors", "ActorRegistry": "actors",
    "infer_group_from_role": "actors",
    "load_gold_quotes": "quote_eval", "evaluate_quotes": "quote_eval",
    "count_quotes": "voices", "count_speakers": "voices", "count_mentions": "voices",
    "compare_voice_and_mention": "voices",
    # terms, keyness, context, naming
    "count_terms": "terms", "top_terms": "terms", "score_log_odds": "keyness",
    "score_keyness": "keyness", "dirichlet_prior": "keyness",
    "extract_collocations": "context", "kwic": "context", "count_naming": "naming",
    "find_naming": "naming", "load_naming": "naming",
    # framing
    "load_codebook": "frames", "tag_frames": "frames", "frame_matrix": "frames",
    "score_frame_shares": "frames", "test_frame_differences": "frames",
    "frame_examples": "frames", "load_frame_gold": "validate_frames",
    "evaluate_tagger": "validate_frames", "evaluate_classifier": "validate_frames",
    "validation_table": "validate_frames",
    # stance and tone
    "score_stance": "stance", "score_quotes": "stance", "count_stance": "stance",
    "score_speaker_positions": "stance", "evaluate_stance": "stance", "score_tone": "tone",
    # batch runs on corpora of any size
    "analyze_corpus": "batch", "analyze_article": "batch", "iter_articles": "stream",
    "make_synthetic_corpus": "synth",
    # description
    "describe_corpus": "describe", "count_top_words": "describe",
    # outputs and style
    "save_figure": "outputs", "save_table": "outputs",
    "apply_style": "style", "group_color": "style", "group_label": "style",
    "GROUP_ORDER": "style", "GROUP_COLORS": "style",
    # paths and runner
    "resolve_dir": "paths", "run_notebooks": "runner",
}

__all__ = sorted(_EXPORTS)


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'corpus_tools' has no attribute {name!r}")
    value = getattr(importlib.import_module(f"corpus_tools.{module}"), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted([*globals(), *__all__])
