"""Start: what valuenet is, this graph in figures, headline questions one click away, a plain-words box."""

from __future__ import annotations

import streamlit as st

from explorer import data, first_screen, progress, ui
from explorer.headlines import HEADLINES
from explorer.i18n import lang, pick, t
from valuenet import plain_words
from valuenet.model import MODEL


def _headlines() -> None:
    """The headline questions, each one click from its answer; drawn with the first screen, so the rule
    that hides the answer code (drawn later) is in place before it (`ui.load_answer_code`)."""
    language = lang()
    links = [
        (pick(zh, en, language), ui.page_href("ask", ui.ask_query(qid, params)))
        for zh, en, qid, params in HEADLINES
    ]
    ui.link_list(t("headline_questions"), links, css=ui.ANSWER_CODE_CSS)


def _search(c: data.Conn) -> None:
    with st.form("plain_form", border=False):
        cols = st.columns([5, 1], vertical_alignment="bottom")
        text = cols[0].text_input(t("plain_search"), placeholder=t("plain_placeholder"), key="plain_text")
        asked = cols[1].form_submit_button(t("plain_go"), type="primary")
    if not asked or not text.strip():
        return
    with progress.working(t("plain_reading")):
        reading = data.read_plain_words(c, text)
    named = _organization_named(reading)
    if named:  # an organisation's name alone: its page, in this tab
        st.switch_page("views/organization.py", query_params=ui.org_query(named))
    if reading.question is None:
        st.warning(t("plain_not_understood"))
        return
    st.switch_page("views/ask.py", query_params=ui.ask_query(reading.question, reading.params, text=text))


def _organization_named(reading: plain_words.Reading) -> str | None:
    """The organisation's id when the sentence is its name and nothing else (华为, Huawei)."""
    if len(reading.mentions) != 1 or reading.mentions[0].entries[0].slot != "org":
        return None
    mention = reading.mentions[0]
    whole = plain_words.normalise(reading.text).strip(" ?？!！。.")
    return str(mention.entries[0].value) if mention.start == 0 and mention.end >= len(whole) else None


def _figures(c: data.Conn) -> None:
    with progress.working(t("loading_figures")):
        orgs = data.read(c, "explorer/headline_organizations")[0]
        relations = data.read(c, "explorer/headline_relations")
    language = lang()
    total = orgs["organizations"] or 0
    by_dimension = dict.fromkeys(MODEL.relation_dimensions, 0)  # in the graph model's order
    for r in relations:
        dimension = MODEL.relationships[r["type"]].dimension
        if dimension is not None:
            by_dimension[dimension] += int(r["relations"])
    graph = [
        (t("fig_orgs"), total),
        (t("fig_samples"), orgs["samples"]),
        (t("fig_foreign"), _share(orgs["foreign"], total)),
        (t("fig_synthetic"), _share(orgs["synthetic"], total)),
    ]
    names = MODEL.relation_dimensions
    dimensions = [
        (t("fig_relations", dim=pick(names[d].zh, names[d].en, language)), n) for d, n in by_dimension.items()
    ]
    ui.figure_rows(t("headline"), [graph, dimensions])


def _share(part: int | None, whole: int) -> str:
    return f"{100 * (part or 0) / whole:.1f}%" if whole else "—"


def main() -> None:
    c = data.conn()
    st.title(t("start_title"))
    st.markdown(t("start_intro"))
    _search(c)
    _headlines()
    data.warm(c)
    _figures(c)
    if first_screen.drawn():  # hidden, once the browser has drawn what the reader sees first
        ui.load_answer_code()


main()
