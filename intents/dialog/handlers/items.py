"""Adding, removing and changing cart items, choosing among near-identical products, undo."""
from __future__ import annotations

from decimal import Decimal

from rapidfuzz import fuzz

from cart import services
from cart.errors import OutOfStock
from catalog.model import Candidate, Match, Product
from catalog.purchase import terms_of
from catalog.units import BY_WEIGHT, CONTAINERS
from catalog.normalize import content_tokens, tokens
from intents.dialog.amounts import (Refusal, asked_of, purchase_for, say_added, say_changed,
                                     say_refusal)
from intents.dialog.handlers.common import (ANYTHING_ELSE, held_speech, in_stock_alternative,
                                            instead_terms, priced)
from intents.model import ItemRequest, Reply
from intents.parsing.unit_words import read_size_word
from intents.dialog.handlers.kinds import ask_kind, choose_kind
from intents.dialog.speech import capitalized, distinguishing_labels, join_words, short_name
from intents.dialog.handlers.sizes import by_size, is_measure, sized, weighed_amount
from intents.dialog.turn import Turn, handles


def resolve(turn: Turn, item: ItemRequest) -> Match | None:
    """Match a spoken item once per turn, with this shopper's purchase history."""
    if item.match is None and item.product_id:
        product = turn.matcher.get(item.product_id)
        if product is not None:
            item.match = Match(item.phrase or product.name, Candidate(product, 1.0))
    if item.match is None and item.phrase:
        match = turn.matcher.resolve(item.phrase, history=turn.history())
        if (match.best is None or not match.sure) and item.size is None:
            # "a small greek yogurt", "family size cereal": a size word that is no part of a
            # name ("Large White Eggs" keeps its "large") is set aside and chooses the size
            said = read_size_word(item.phrase.lower().split(), 0)
            bare = " ".join(item.phrase.split()[said[1]:]) if said else ""
            plain = turn.matcher.resolve(bare, history=turn.history()) if bare else None
            if plain is not None and plain.best is not None and plain.sure:
                match, item.size = plain, said[0]
        item.match = by_size(turn, sized(match, item.unit), item.size)
        if is_measure(item.size) and item.match.sure \
                and terms_of(item.match.best.product).sold_by == BY_WEIGHT:
            # a size of what is sold by weight is an amount to weigh: "a 1 pound pack" is 1 lb
            item.quantity, item.unit = weighed_amount(item.size, item.quantity)
            item.size = None
        elif is_measure(item.size) and item.unit in CONTAINERS and item.match.sure:
            # "a 2 liter bottle": the size chose the product, one of it in its own container
            # (else the purchase rules would look for a "bottle" among its sizes: 20 fl oz)
            item.unit = terms_of(item.match.best.product).container
    return item.match


@handles("AddItem")
def add_item(turn: Turn) -> Reply:
    items = [_in_context(turn, i) for i in turn.request.items]
    items = [i for i in items if i is not None and (i.phrase or i.product_id)]
    if not items:
        turn.state.pending = {"kind": "ask_item"}
        return Reply("What would you like to add?", reprompt="Tell me an item, like a gallon of milk.")
    reply = add_items(turn, items)
    if turn.request.slots.get("next") == "Checkout" and turn.state.pending is None:
        from intents.dialog.handlers.checkout import checkout  # "add milk and check out"
        then = checkout(turn)
        return Reply(f"{reply.speech.removesuffix(ANYTHING_ELSE).strip()} {then.speech}",
                     reprompt=then.reprompt, end_session=then.end_session, card_text=then.card_text,
                     link_account=then.link_account)
    return reply


def _in_context(turn: Turn, item: ItemRequest) -> ItemRequest | None:
    """"add two more of those", "add another one": an item with no phrase is the product
    last talked about."""
    if item.phrase or item.product_id:
        return item
    product_id = turn.state.last_product_id
    if product_id is None or turn.matcher.get(product_id) is None:
        return None
    return ItemRequest("", item.quantity, item.unit, product_id=product_id, pack_size=item.pack_size)


def add_items(turn: Turn, items: list[ItemRequest], said: list[str] | None = None) -> Reply:
    """Add every clear item, ask about the first unclear one, queue the rest: several items in
    one breath are all handled in one reply."""
    said = said if said is not None else []
    turn.state.pending = None
    ask: tuple[ItemRequest, list[Product]] | None = None
    ask_kinds: tuple[ItemRequest, Match] | None = None
    queue: list[dict] = []
    for item in items:
        match = resolve(turn, item)
        if match is not None and match.best is not None and match.ambiguous and not item.product_id:
            if ask is None and ask_kinds is None:
                if match.kinds:  # "something for breakfast": a choice of kinds
                    ask_kinds = (item, match)
                else:
                    ask = (item, choice_options(match))
            else:
                queue.append(_item_dict(item))
            continue
        said.append(_add_resolved(turn, item, match))
    if ask_kinds is not None:
        question = ask_kind(turn, _item_dict(ask_kinds[0]), ask_kinds[1], queue)
        return Reply(" ".join(said + [question]), reprompt=question)
    if ask is not None:
        item, options = ask
        labels = distinguishing_labels(options)
        turn.state.pending = {"kind": "choose", "item": _item_dict(item),
                              "options": [p.id for p in options], "labels": labels, "queue": queue}
        question = f"For {item.phrase}, did you want {join_words(labels, 'or')}?"
        return Reply(" ".join(said + [question]), reprompt=question)
    offer = turn.notes.pop("offer", None)
    if offer and (turn.state.pending or {}).get("kind") == "offer_add":
        # The yes/no question goes last, where a "yes" answers it, not under "Anything else?";
        # it names the product when other items were spoken after the offer
        statement, short, named = offer
        question = short if said and said[-1] == statement else named
        return Reply(" ".join(said + [question]), reprompt=named)
    return Reply(" ".join(said + [ANYTHING_ELSE]), reprompt=ANYTHING_ELSE)


def choice_options(match: Match, limit: int = 3) -> list[Product]:
    """What to ask about: the matcher's kinds (most sold first), topped up with other
    differently named alternatives, never two of the same name."""
    ranked = [c.product for c in (match.options or ())] or [match.best.product]
    for candidate in match.alternatives:
        if len(ranked) >= limit:
            break
        if candidate.product.name not in {p.name for p in ranked}:
            ranked.append(candidate.product)
    return ranked[:limit]


def _add_resolved(turn: Turn, item: ItemRequest, match: Match | None) -> str:
    phrase = item.phrase or "that"
    if match is None or match.best is None:
        return _not_found(turn, item, phrase, match)
    product = match.best.product
    if not match.sure and not item.product_id:
        return _unsure(turn, item, phrase, match)
    if not product.in_stock:
        return _out_of_stock(turn, item, product, match)
    return add_product(turn, product, item.quantity, item.unit,
                       alternatives=[c.product.id for c in match.alternatives], phrase=item.phrase,
                       pack_size=item.pack_size)


def add_product(turn: Turn, product: Product, quantity: float | None, unit: str | None,
                alternatives: list[str] | None = None, phrase: str | None = None,
                offered: list[str] | None = None, pack_size: float | None = None,
                replacing: tuple[str, str | None, Decimal | None] | None = None,
                changing: bool = False) -> str:
    """Add what the amount said buys (catalog.purchase) and say what was added. `replacing`
    changes that cart line in the same undo step (a swap, a correction); `changing` words the
    answer as a correction's."""
    try:
        purchase = purchase_for(turn.matcher, product, asked_of(quantity, unit, pack_size))
    except Refusal as refusal:
        return say_refusal(refusal)
    chosen = purchase.product
    try:
        line = services.add_purchase(turn.carts, turn.customer_id, purchase, replacing=replacing,
                                     now=turn.now)
    except OutOfStock:
        return f"Sorry, {short_name(chosen)} is out of stock."
    turn.state.last_product_id = chosen.id
    turn.state.context["last_added"] = {
        "product_id": chosen.id, "quantity": str(purchase.quantity), "unit": purchase.unit,
        "asked": [quantity, unit, pack_size], "options": alternatives or [], "phrase": phrase,
        "offered": offered}
    said = say_changed(purchase) if changing else say_added(purchase)
    total_note = "" if line.quantity == purchase.quantity else f" You now have {held_speech(line, chosen)}."
    return said + total_note


def _not_found(turn: Turn, item: ItemRequest, phrase: str, match: Match | None) -> str:
    closest = next((c.product for c in (match.alternatives if match else ()) if c.product.in_stock), None)
    if closest is not None and turn.state.pending is None:
        turn.state.pending = {"kind": "offer_add", "product_id": closest.id,
                              "quantity": item.quantity, "unit": item.unit}
        statement = f"I couldn't find {phrase}. The closest I have is {short_name(closest)}."
        turn.notes["offer"] = (statement, "Want me to add that instead?",
                               f"Want me to add {short_name(closest)} instead?")
        return statement
    return f"I couldn't find {phrase}, so I didn't add anything for it."


def _unsure(turn: Turn, item: ItemRequest, phrase: str, match: Match) -> str:
    """The best match is not what was said ("cider" -> Apple Cider Vinegar): ask, never add.
    An out-of-stock guess is not worth a question ("vodka" -> Vodka Sauce): the honest answer
    is that we don't sell it, with no offer of something unrelated. A brand we don't carry
    ("skippy peanut butter") is said so, and the plain product offered."""
    product = match.best.product
    brand = match.not_carried
    if not product.in_stock:
        if brand:
            return f"I don't carry {brand}, so I didn't add anything for {phrase}."
        return f"I don't have {phrase}, so I didn't add anything for it."
    name = short_name(product)
    if turn.state.pending is not None:  # one yes/no question at a time
        if brand:
            return f"I don't carry {brand}, so I didn't add {phrase}. I do have {name}."
        return f"I didn't add {phrase}: the closest I have is {name}."
    turn.state.pending = {"kind": "offer_add", "product_id": product.id,
                          "quantity": item.quantity, "unit": item.unit,
                          "pack_size": item.pack_size}
    if is_measure(item.size) and not brand:  # "a 3 liter of cola": not in that size
        turn.state.pending["unit"] = terms_of(product).container if item.unit in CONTAINERS \
            else item.unit
        sized = f", {product.size}" if product.size else ""
        statement = (f"I don't have {phrase} in a {item.size.replace('_', ' ')} size. I have {name}"
                     f"{sized}, {priced(item.quantity, product.price)}.")
        turn.notes["offer"] = (statement, "Want that?", f"Want {name}{sized}?")
        return statement
    if brand:
        statement = f"I don't carry {brand}. I have {name}, {priced(item.quantity, product.price)}."
        question = "Want that?"
        turn.notes["offer"] = (statement, question, f"Want {name}?")
        return statement
    statement = f"I'm not sure I have {phrase}."
    question = f"Did you mean {name}?"
    turn.notes["offer"] = (statement, question, question)
    return statement


def _out_of_stock(turn: Turn, item: ItemRequest, product: Product, match: Match) -> str:
    instead = in_stock_alternative(turn, product, match)
    if instead is not None and turn.state.pending is None:
        name, unit = instead_terms(product, instead, item.unit)
        turn.state.pending = {"kind": "offer_add", "product_id": instead.id,
                              "quantity": item.quantity, "unit": unit}
        statement = (f"{short_name(product)} is out of stock right now. I do have "
                     f"{name}, {priced(item.quantity, instead.price)}.")
        turn.notes["offer"] = (statement, "Want that instead?", f"Want {name} instead?")
        return statement
    return f"{short_name(product)} is out of stock right now, so I didn't add it."


def _item_dict(item: ItemRequest) -> dict:
    return {"phrase": item.phrase, "quantity": item.quantity, "unit": item.unit,
            "pack_size": item.pack_size, "size": item.size}


@handles("SelectOption")
def select_option(turn: Turn) -> Reply:
    pending = turn.state.pending or {}
    if pending.get("kind") == "choose":
        return choose_pending(turn, pending)
    if pending.get("kind") == "choose_kind":
        return choose_kind(turn, pending)
    from intents.dialog.handlers.line_kinds import change_kind
    kind = turn.request.slots.get("choice") if turn.request.slots.get("kind") else None
    named = next((i for i in turn.request.items if i.phrase or i.product_id), None)
    if kind and named is not None:  # "change the milk to skim": that line, whenever added
        return change_kind(turn, named, kind)
    last = turn.state.context.get("last_added")
    if last:  # "no, the organic one" right after an add: swap it
        # A position ("no, the second one") only means something if options were read out
        positional = isinstance(turn.request.slots.get("option"), int)
        ids = last.get("offered") if positional else [last["product_id"], *last["options"]]
        options = [p for p in (turn.matcher.get(i) for i in ids or []) if p]
        chosen = pick_option(turn, options)
        if chosen is None and last.get("phrase"):  # not among the alternatives: "organic eggs"
            narrowed = narrowed_phrase(turn, last["phrase"])
            match = turn.matcher.resolve(narrowed, history=turn.history()) if narrowed else None
            chosen = match.best.product if match and match.best and match.sure \
                and match.best.product.in_stock else None
        if chosen is not None and chosen.id != last["product_id"]:
            asked = last.get("asked") or [last["quantity"], last["unit"], None]
            said = add_product(turn, chosen, *asked[:2],
                               alternatives=[p.id for p in options if p.id != chosen.id],
                               phrase=last.get("phrase"), offered=last.get("offered"),
                               pack_size=asked[2], replacing=_added_line(last), changing=True)
            if not said.startswith("OK"):  # refused or out of stock: the line was left alone
                return Reply(f"{said} {ANYTHING_ELSE}", reprompt=ANYTHING_ELSE)
            # "swapped X for Y. A dozen Y now": an "Added ..." here sounded like a second line
            was = turn.matcher.get(last["product_id"])
            what = capitalized(said.removeprefix("OK, ").removeprefix("OK. "))
            return Reply(f"OK, swapped {short_name(was) if was else 'that'} for "
                         f"{short_name(chosen)}. {what} {ANYTHING_ELSE}", reprompt=ANYTHING_ELSE)
    if kind:  # "make it skim" later on: the line last talked about
        return change_kind(turn, None, kind)
    return Reply("There's nothing to choose from right now. What would you like to add?",
                 reprompt="What would you like to add?")


def choose_pending(turn: Turn, pending: dict) -> Reply:
    options = [p for p in (turn.matcher.get(i) for i in pending["options"]) if p]
    chosen = pick_option(turn, options, pending.get("labels"))
    item = pending["item"]
    queued = [ItemRequest(q["phrase"], q["quantity"], q["unit"], pack_size=q.get("pack_size"),
                          size=q.get("size")) for q in pending.get("queue", [])]
    if chosen is None:
        narrowed = narrowed_phrase(turn, item["phrase"])
        if narrowed:  # "organic" when no option was organic: look for "organic milk" instead
            return add_items(turn, [ItemRequest(narrowed, item["quantity"], item["unit"],
                                                pack_size=item.get("pack_size"),
                                                size=item.get("size")), *queued])
        question = f"Sorry, which one: {join_words(pending.get('labels') or [], 'or')}?"
        return Reply(question, reprompt=question)
    if item.get("size"):  # "a big tub of yogurt": the chosen kind in the size said
        chosen = by_size(turn, Match(item["phrase"], Candidate(chosen, 1.0)), item["size"]).best.product
    said = [add_product(turn, chosen, item["quantity"], item["unit"],
                        alternatives=[p.id for p in options if p.id != chosen.id], phrase=item["phrase"],
                        offered=[p.id for p in options], pack_size=item.get("pack_size"))]
    return add_items(turn, queued, said)


NARROWED_CONFIDENCE = 0.8


def _said(turn: Turn) -> str:
    slots = turn.request.slots
    return slots.get("choice") or " ".join(i.phrase for i in turn.request.items) or turn.request.text


def narrowed_phrase(turn: Turn, phrase: str | None) -> str | None:
    """A distinguishing word the options don't have ("organic" while choosing among whole
    milks) narrows the item instead: "organic milk", if that finds a confident product with
    the word in its name. A new phrase that names the item again ("chocolate milk") is not a
    narrowing, and neither is an unrelated one ("bananas" finds no "bananas milk")."""
    said = (_said(turn) or "").strip()
    said_words = set(content_tokens(tokens(said)))
    phrase_words = set(content_tokens(tokens(phrase or "")))
    if not said_words or not phrase_words or said_words & phrase_words:
        return None
    # The whole phrase first, then its last word: "organic" + "large white eggs" -> "organic eggs"
    for base in dict.fromkeys([phrase.strip(), phrase.split()[-1]]):
        narrowed = f"{said} {base}"
        match = turn.matcher.resolve(narrowed, history=turn.history())
        if match.best is None or match.confidence < NARROWED_CONFIDENCE:
            continue
        product = match.best.product
        named = set(tokens(" ".join([product.name, *product.synonyms])))
        if said_words <= named and phrase_words & named:  # still the item asked about
            return narrowed
    return None


def _added_line(last: dict) -> tuple[str, str | None, Decimal]:
    """The cart line the last add went into and just the quantity it put in, so a swap takes
    back that much and not what was in the cart before it."""
    return last["product_id"], last["unit"], Decimal(str(last["quantity"] or 1))


def pick_option(turn: Turn, options: list[Product], labels: list[str] | None = None) -> Product | None:
    """The option a shopper picked: by position ("the second one", "the last one") or by a
    distinguishing word ("organic", "the two percent")."""
    slots = turn.request.slots
    option = slots.get("option")
    if isinstance(option, int) and options:
        if option == -1:
            return options[-1]
        if 1 <= option <= len(options):
            return options[option - 1]
        return None
    said = _said(turn)
    if not said or not options:
        return None
    labels = labels or distinguishing_labels(options)
    at = _only_best(said, labels, 70)
    if at is None:
        at = _only_best(said, [p.name for p in options], 80)
    return options[at] if at is not None else None


def _only_best(said: str, names: list[str], cutoff: float) -> int | None:
    """The one name `said` fits best, or None when none fits or several fit as well: "water"
    fits "Lime Sparkling Water" and "Spring Water" alike and picks neither ("add a gallon of
    water" while choosing a water is a new request, not a choice); "sparkling" neither of two
    sparkling waters."""
    scores = [fuzz.token_set_ratio(said.lower(), name.lower()) for name in names]
    best = max(scores, default=0)
    if best < cutoff or scores.count(best) > 1:
        return None
    return scores.index(best)
