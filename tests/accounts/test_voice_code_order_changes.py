"""Issue 18 item 5 for placed orders: once a customer has a voice code, a change that raises
the order's total asks for it; a change that lowers it does not."""
from __future__ import annotations

import pytest

from accounts import voice_codes
from cart.checkout import list_orders

from .test_linking import access_token
from .test_voice_codes import CODE, SPOKEN, say, to_the_question


def orders(server):
    return list_orders(server.app.extensions["voicecart"].carts(), None)


@pytest.fixture
def placed(new_server):
    server = new_server(auth="builtin")
    voice_codes.set_voice_code(server.accounts(), server.customer_id, CODE)
    token = access_token(server)
    to_the_question(server, token)
    say(server, token, SPOKEN)
    [order] = orders(server)
    return server, token, order


def test_a_change_that_raises_the_total_asks_for_the_code(placed):
    server, token, order = placed
    read_back = say(server, token, "add a dozen eggs to my order", "c")
    assert "new total" in read_back
    assert "four-digit voice code" in say(server, token, "yes", "c")
    assert orders(server)[0].total == order.total  # nothing changed yet
    assert "isn't right" in say(server, token, "one one one one", "c")
    assert orders(server)[0].total == order.total
    done = say(server, token, SPOKEN, "c")
    assert "Done" in done and CODE not in done
    assert orders(server)[0].total > order.total
    assert len(orders(server)[0].changes) == 1


def test_a_change_that_does_not_raise_the_total_needs_no_code(placed):
    server, token, order = placed
    say(server, token, "move my pickup to 7", "m")
    done = say(server, token, "yes", "m")
    assert "Done" in done
    assert orders(server)[0].fulfillment.slot_start != order.fulfillment.slot_start
