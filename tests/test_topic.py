"""The topic is an input: target wording, resources and the on-target guard."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest

from corpus_tools.topic import TopicError, apply_topic, load_topic


def test_seed_topic_names_its_target_and_resources() -> None:
    topic = load_topic()
    assert topic.stance_target == "federal immigration enforcement in sanctuary jurisdictions"
    for path in (topic.stance_lexicon, topic.stance_model, topic.codebook, topic.naming):
        assert path is not None and path.is_file()


def test_another_topic_from_its_own_file(tmp_path: Path) -> None:
    (tmp_path / "lex.csv").write_text("term,polarity,weight,note\nrebuild,1,1,\n",
                                      encoding="utf-8")
    (tmp_path / "topic.json").write_text(json.dumps({
        "name": "flood aid", "stance_target": "federal disaster aid",
        "stance_title": "Stance toward federal disaster aid",
        "stance_lexicon": "lex.csv", "on_target_terms": ["FEMA", "flood aid"]}),
        encoding="utf-8")
    topic = load_topic(tmp_path / "topic.json")
    assert topic.stance_title == "Stance toward federal disaster aid"
    assert topic.stance_lexicon == (tmp_path / "lex.csv").resolve()
    assert topic.codebook is None  # no codebook: framing says it has none
    assert topic.on_target("FEMA arrived.") and not topic.on_target("ICE arrived.")


def test_bad_topic_files_name_the_problem(tmp_path: Path) -> None:
    path = tmp_path / "t.json"
    path.write_text('{"name": "x"}', encoding="utf-8")
    with pytest.raises(TopicError, match="t.json: missing stance_target, stance_title"):
        load_topic(path)
    path.write_text('{"name": "x",\n oops}', encoding="utf-8")
    with pytest.raises(TopicError, match="t.json line 2: invalid JSON"):
        load_topic(path)
    path.write_text(json.dumps({"name": "x", "stance_target": "y", "stance_title": "z",
                                "on_target_terms": ["y"], "codebook": "nope.csv"}),
                    encoding="utf-8")
    with pytest.raises(TopicError, match="codebook 'nope.csv' is neither beside it"):
        load_topic(path)


def test_off_target_articles_take_no_side() -> None:
    corpus = pd.DataFrame({"article_id": ["fema", "ice"],
                           "text": ["FEMA flood aid reached the county.",
                                    "ICE agents detained two men."]})
    quotes = pd.DataFrame({"article_id": ["fema", "ice", "fema"],
                           "stance": ["favor", "against", ""],
                           "stance_model": ["favor", "against", ""]})
    out = apply_topic(quotes, corpus)
    assert out["on_target"].tolist() == [False, True, False]
    assert out["stance"].tolist() == ["none", "against", ""]
    assert out["stance_model"].tolist() == ["none", "against", ""]
