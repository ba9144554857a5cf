"""How tests/data/release1.sql was made: by the release on main before schema versions (commit
0d996dc), with `PYTHONPATH=<that checkout> python tests/data/make_release1.py release1.db`, then
dumped as SQL text (`sqlite3.Connection.iterdump`). tests/skill/test_db_commands.py rebuilds the
file from the dump and upgrades it."""
import sys
from datetime import datetime, timezone
from skill.app import create_app
from skill.config import Config
from cart import services, checkout
from cart.fulfillment import PICKUP

path = sys.argv[1]
app = create_app(Config(db_path=path, dev=True, demo_accounts=True))
rt = app.extensions["voicecart"]
repo = rt.carts()
milk = rt.catalog().get(next(p.id for p in rt.catalog().all_products() if "Milk" in p.name))
steak_like = [p for p in rt.catalog().all_products()][:3]
now = datetime.now(timezone.utc)
for p in steak_like:
    services.add_item(repo, "demo", p, 5, now=now)
services.add_item(repo, "release1-shopper", milk, 1, now=now)
services.choose_fulfillment(repo, "demo", PICKUP, now=now)
key = checkout.checkout_summary(repo, "demo").submission_key
print(checkout.place_order(repo, "demo", key, now=now).order.id)
services.add_item(repo, "demo", milk, 3, now=now)
rt.sessions().remember_reply("alexa:x:r1", {"speech": "Added milk."}, now)
