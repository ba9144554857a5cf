"""A vague or category request ("something for breakfast", "some fruit") answered with a choice
of kinds ("cereal, hot cereal or breakfast bars and pastries"); the kind chosen, by position or
by name, is then looked up as if the shopper had said it ("cereal"), which may ask again."""
from __future__ import annotations

from rapidfuzz import fuzz, process

from catalog.model import Match
from intents.dialog.speech import join_words
from intents.dialog.turn import Turn
from intents.model import ItemRequest, Reply

KIND_SCORE = 75  # rapidfuzz token_set_ratio a said word needs to name a kind


def ask_kind(turn: Turn, item: dict, match: Match, queue: list[dict]) -> str:
    """Set the pending choice of kinds and return the question."""
    kinds = list(match.kinds)
    turn.state.pending = {"kind": "choose_kind", "item": item, "kinds": kinds,
                          "category": match.category, "queue": queue}
    return kind_question(turn.state.pending)


def kind_question(pending: dict) -> str:
    return (f"For {pending['category']}, I have {join_words(pending['kinds'], 'or')}. "
            "Which would you like?")


def picked_kind(turn: Turn, pending: dict) -> str | None:
    """The kind named ("cereal", "the hot cereal") or placed ("the first one"), if any."""
    kinds = pending.get("kinds") or []
    option = turn.request.slots.get("option")
    if isinstance(option, int) and kinds:
        if option == -1:
            return kinds[-1]
        return kinds[option - 1] if 1 <= option <= len(kinds) else None
    said = (turn.request.slots.get("choice") or " ".join(i.phrase for i in turn.request.items)
            or turn.request.text or "").lower()
    if not said or not kinds:
        return None
    # the whole name first, so "hot cereal" is not taken for "cereal"
    exact = [k for k in kinds if k.lower() == said.strip()]
    if exact:
        return exact[0]
    best = process.extractOne(said, kinds, scorer=fuzz.token_set_ratio, score_cutoff=KIND_SCORE)
    return best[0] if best else None


def choose_kind(turn: Turn, pending: dict) -> Reply:
    from intents.dialog.handlers.items import add_items  # items asks the question: no cycle
    kind = picked_kind(turn, pending)
    if kind is None:
        question = f"Sorry, which one: {join_words(pending.get('kinds') or [], 'or')}?"
        return Reply(question, reprompt=question)
    item = pending["item"]
    queued = [ItemRequest(q["phrase"], q["quantity"], q["unit"], pack_size=q.get("pack_size"),
                          size=q.get("size")) for q in pending.get("queue", [])]
    return add_items(turn, [ItemRequest(kind, item["quantity"], item["unit"],
                                        pack_size=item.get("pack_size"), size=item.get("size")),
                            *queued])
