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


#: A folder of .txt files with no articles.csv (no outlet, no dates) on another topic:
#: flood aid, with an aid official whose agency the quotes leave ungrouped, a mayor and
#: residents quoted (one voice: local officials).
FLOOD_TEXTS = {
    "flood_aid_1": """Flood victims wait for federal aid as river recedes

MILLBROOK — Two weeks after the Cedar River crested at a record 31 feet, hundreds of families in Millbrook are still waiting for help from the Federal Emergency Management Agency.

“We have inspectors in every affected neighborhood, and the first grants went out on Friday,” said Dana Whitfield, a FEMA regional spokesperson. “Anyone who registered will hear from us within ten days.”

Mayor Luis Ortega said the pace was not good enough. “People are sleeping in their cars while paperwork sits on a desk,” Ortega said. “We need trailers now, not next month.”

Janet Kowalski, whose basement filled with four feet of water, said she had called the hotline six times. “Every time they tell me something different,” she said.
""",
    "flood_aid_2": """City opens relief center as FEMA denials pile up

MILLBROOK — The city opened a relief center in the old high school gym on Tuesday, offering meals, cots and help with federal aid applications.

Mayor Luis Ortega told reporters that nearly a third of applicants had been denied. “Many of these denials are about missing forms, not about damage,” he said. “We will sit with every family and file the appeal.”

Dana Whitfield, who answers questions for applicants, said denials were often the first step. “A denial letter usually means we need one more document,” Whitfield said. “It is not the end of the process.”

Residents lined up before the doors opened. “I lost my car, my furnace and my job in the same week,” said Marcus Bell, a warehouse worker.
""",
    "flood_aid_3": """Buyout plan divides river neighborhood

MILLBROOK — A federal buyout program that would pay owners to leave the floodplain drew a crowd of residents to City Hall on Thursday.

“This house was my grandmother's, and I am not selling it to the government,” said Rosa Delgado, who has lived on Water Street for forty years.

Others said they were ready to go. “We have flooded three times in ten years,” said Tom Baker. “I cannot do this again.”

Dana Whitfield, of FEMA, said the program was voluntary and that offers would reflect values before the flood.
""",
}

#: A .csv file (``article_id, text, outlet, published``) whose articles share one outlet and
#: quote the administration and local officials but no advocates.
ONE_OUTLET = {
    "valley_2021": ("2021-04-12", """Sheriff will keep honoring ICE detainers

RIVERTON — Sheriff Dale Morgan said Monday that his office would continue to hold people for federal immigration agents.

“If ICE asks us to hold someone who committed a crime, we will hold them,” Morgan said. “That is the law, and it keeps this county safe.”

An ICE spokesperson said the agency valued the partnership. “Cooperation with local jails lets us remove dangerous criminals before they are released,” the spokesperson said.
"""),
    "valley_2024": ("2024-08-30", """Council debates limits on jail cooperation

RIVERTON — The county council spent three hours on Thursday debating a proposal to stop honoring detainers without a judge's warrant.

“Our deputies should not be doing the federal government's job,” said council member Ana Ruiz. “Families here are afraid to report crimes.”

Sheriff Dale Morgan said the proposal would tie his hands. “We are talking about people already in our jail for serious offenses,” he said.

A Department of Homeland Security official said in a statement that the agency would “continue to enforce the law in every county, with or without local help.”
"""),
    "valley_2025": ("2025-02-03", """Council keeps detainer policy after close vote

RIVERTON — By a vote of four to three, the county council on Monday left the jail's detainer policy unchanged.

“This was never about immigration; it was about public safety,” Sheriff Dale Morgan said after the vote.

Council member Ana Ruiz said she would bring the proposal back next year. “Trust between police and immigrant families is what keeps a county safe,” Ruiz said.

Tom Homan, the White House border adviser, praised the outcome. “Sanctuary policies put criminals back on the street, and this county refused to do that,” Homan said.
"""),
}

#: One article, with metadata.
SINGLE = {
    "only_2024": ("Harbor Gazette", "2024-05-20", """Port city mayor refuses to join enforcement task force

SEAPORT — Mayor Helen Cho said Monday that city police would not take part in a new federal immigration task force.

“Our officers are here to protect everyone in this city, whatever their status,” Cho said. “Joining this task force would make people afraid to call us.”

A spokesperson for U.S. Immigration and Customs Enforcement said the agency would carry out the operation regardless. “Sanctuary policies shield criminal aliens, and we will find them,” the spokesperson said.

The task force is expected to begin work next month.
"""),
}


def write_txt_folder(folder: Path, texts: dict[str, str] = FLOOD_TEXTS) -> Path:
    """Write ``texts`` as ``<id>.txt`` files with no ``articles.csv``; return the folder."""
    folder.mkdir(parents=True, exist_ok=True)
    for aid, text in texts.items():
        (folder / f"{aid}.txt").write_text(text, encoding="utf-8")
    return folder


def write_one_outlet_csv(path: Path, outlet: str = "Valley Courier") -> Path:
    """Write :data:`ONE_OUTLET` as one ``.csv`` file, every article from ``outlet``."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh, lineterminator="\n")
        writer.writerow(["article_id", "text", "outlet", "published"])
        for aid, (date, text) in ONE_OUTLET.items():
            writer.writerow([aid, text, outlet, date])
    return path


def write_single_article(folder: Path) -> Path:
    """Write :data:`SINGLE` (one article) as ``articles.csv`` plus ``raw/``; return the folder."""
    raw = folder / "raw"
    raw.mkdir(parents=True, exist_ok=True)
    with open(folder / "articles.csv", "w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh, lineterminator="\n")
        writer.writerow(["article_id", "file", "outlet", "published"])
        for aid, (outlet, date, text) in SINGLE.items():
            (raw / f"{aid}.txt").write_text(text, encoding="utf-8")
            writer.writerow([aid, f"{aid}.txt", outlet, date])
    return folder
