"""A small made-up corpus, unlike the seeds: other outlets, years, speakers and shapes."""

from __future__ import annotations

import csv
from pathlib import Path

ARTICLES = {
    "tx_2019": ("Houston Chronicle", "2019-06-03", """Sheriff defends jail policy as ICE pressure grows

HOUSTON — Harris County Sheriff Ed Gonzalez said Monday that his deputies would keep honoring only detainers signed by a judge.

“Our job is to keep this county safe, and that means people must trust us enough to call 911,” Gonzalez said. “We will not become an arm of federal immigration enforcement.”

A spokesperson for U.S. Immigration and Customs Enforcement said the agency would “continue to arrest criminal aliens wherever they are.”

“Sanctuary policies release dangerous offenders back onto our streets,” the spokesperson said.

Comments
"""),
    "ca_2023": ("Los Angeles Times", "2023-09-14", """Advocates rally as deportation flights resume

LOS ANGELES — Immigrant rights groups gathered outside the federal building on Thursday.

“Families are being torn apart in the middle of the night,” said Priya Natarajan, director of the Immigrant Justice Coalition. “These raids spread fear through entire neighborhoods.”

Natarajan said the coalition would offer free legal aid to anyone detained.

The Department of Homeland Security said in a statement: “Our officers enforce the laws passed by Congress, and we will continue to remove those with final orders of removal.”

Mayor Karen Bass told reporters: “Los Angeles will not use city resources to help with these deportations.”
"""),
    "il_2025": ("Chicago Sun-Times", "2025-10-02", """Guard deployment divides city leaders

CHICAGO — The arrival of National Guard troops drew sharp words from both sides.

“We are restoring law and order to a city that has lost control,” White House press secretary Karoline Leavitt said.

Illinois Gov. JB Pritzker called the deployment “an invasion” and said the state would sue.

“This is not about safety,” Pritzker said. “It is about intimidation.”

A local pastor, who asked not to be named, said his congregation was afraid to attend services.
"""),
}


def write_byo_corpus(folder: Path) -> Path:
    """Write the made-up corpus as ``articles.csv`` plus ``raw/*.txt``; return the folder."""
    raw = folder / "raw"
    raw.mkdir(parents=True, exist_ok=True)
    with open(folder / "articles.csv", "w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh, lineterminator="\n")
        writer.writerow(["article_id", "file", "outlet", "published", "headline", "url",
                         "notes"])
        for aid, (outlet, date, text) in ARTICLES.items():
            (raw / f"{aid}.txt").write_text(text, encoding="utf-8")
            writer.writerow([aid, f"{aid}.txt", outlet, date, "", "", "made up for tests"])
    return folder
