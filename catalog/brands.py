"""Brands a store may not carry: when leading words of a phrase are a brand, not a misheard food.

"skippy peanut butter" in a store without Skippy is a brand not carried, and the plain product
is offered; "tree nut mix" is no brand "tree" before "nut mix". The catalog's own `brand` column
covers the brands the store carries (they are ordinary words of the index); a brand it does not
carry is, by definition, not in the catalog, so the evidence has to come from elsewhere: this
list of national brands US shoppers name, written by us. A leading word that is neither in the
catalog nor in this list is read as a misheard or unknown word, and the phrase is matched as a
whole (an unsure match is asked about, never added), so an unknown word is never announced as a
brand ("I don't carry Tree").

Words are normalised as catalog.normalize does (lowercase, possessive and plural folded,
"&" read as "and"): "Ben & Jerry's" is ("ben", "and", "jerry").
"""
from __future__ import annotations

from collections.abc import Callable

from catalog.index import PACKAGING
from catalog.normalize import STOPWORDS, tokens

MAX_BRAND_WORDS = 3  # "ben and jerry", "land o lake"

NATIONAL_BRANDS: tuple[str, ...] = (
    # pantry, snacks, sweets
    "Skippy", "Jif", "Smucker's", "Nutella", "Heinz", "Hunt's", "French's", "Hellmann's",
    "Kraft", "Velveeta", "Annie's", "Campbell's", "Progresso", "Barilla", "Ragu", "Prego",
    "Rao's", "Kellogg's", "General Mills", "Cheerios", "Quaker", "Pop-Tarts",
    "Nabisco", "Oreo", "Ritz", "Triscuit", "Wheat Thins", "Cheez-It", "Goldfish",
    "Pepperidge Farm", "Doritos", "Lay's", "Tostitos", "Fritos", "Cheetos", "Ruffles",
    "Pringles", "Utz", "Kettle Brand", "Cape Cod", "SunChips", "Snyder's", "Planters",
    "Blue Diamond", "Hershey's", "M&M's", "Reese's", "Snickers", "Kit Kat",
    "Skittles", "Starburst", "Twix", "Ghirardelli", "Lindt", "Nature Valley", "Clif",
    "KIND", "Jell-O", "Betty Crocker", "Pillsbury", "Duncan Hines", "Domino",
    "Gold Medal", "King Arthur", "McCormick", "Morton", "Lawry's", "Old El Paso", "Ortega",
    "Goya", "La Costena", "Uncle Ben's", "Ben's Original", "Rice-A-Roni",
    "Near East", "Bush's", "Del Monte", "Green Giant", "Dole", "Libby's", "StarKist",
    "Bumble Bee", "Chicken of the Sea", "Hormel", "Kikkoman", "Lee Kum Kee",
    "Tabasco", "Frank's", "Cholula", "Hidden Valley", "Ken's", "Wish-Bone",
    "Newman's Own", "Bertolli", "Pompeian", "Crisco", "Mazola", "Wesson", "PAM",
    "Aunt Jemima", "Pearl Milling", "Mrs. Butterworth's", "Log Cabin", "Eggo", "Bisquick",
    "Stouffer's", "Lean Cuisine", "Marie Callender's", "Hot Pockets", "DiGiorno", "Tombstone",
    "Totino's", "Red Baron", "Ore-Ida", "Birds Eye", "Ben & Jerry's", "Haagen-Dazs",
    "Breyers", "Blue Bell", "Talenti", "Halo Top", "Tillamook", "Cool Whip",
    # dairy, bakery, meat
    "Land O'Lakes", "Philadelphia", "Sargento", "Cabot", "Chobani", "Yoplait", "Dannon",
    "Fage", "Oikos", "Activia", "Horizon", "Fairlife", "Lactaid", "Coffee-mate",
    "International Delight", "Daisy", "Breakstone's", "Egglands Best", "Eggland's Best",
    "Sara Lee", "Nature's Own", "Dave's Killer Bread", "Arnold", "Thomas'",
    "Oscar Mayer", "Ball Park", "Hillshire Farm", "Boar's Head", "Jimmy Dean",
    "Johnsonville", "Tyson", "Perdue", "Butterball", "Jennie-O", "Smithfield", "Applegate",
    # beverages
    "Coke", "Coca-Cola", "Diet Coke", "Pepsi", "Sprite", "Fanta", "Dr Pepper",
    "Mountain Dew", "7UP", "Canada Dry", "Schweppes", "A&W", "LaCroix", "Bubly",
    "Perrier", "San Pellegrino", "Topo Chico", "Dasani", "Aquafina", "Poland Spring",
    "Fiji", "Evian", "Smartwater", "Gatorade", "Powerade", "Red Bull",     "Tropicana", "Minute Maid", "Ocean Spray", "Capri Sun", "Juicy Juice",
    "V8", "Snapple", "Lipton", "Pure Leaf", "Starbucks", "Folgers",
    "Maxwell House", "Dunkin'", "Peet's", "Keurig", "Nescafe", "Twinings", "Celestial",
    # household, paper, laundry, personal care, baby, pet
    "Bounty", "Brawny", "Charmin", "Cottonelle", "Angel Soft", "Quilted Northern",
    "Kleenex", "Puffs", "Tide", "Persil", "Arm & Hammer", "OxiClean",
    "Downy", "Snuggle", "Bounce", "Clorox", "Lysol", "Windex", "Pine-Sol", "Mr. Clean",
    "Scrubbing Bubbles", "Febreze", "Glad", "Hefty", "Ziploc", "Reynolds", "Saran",
    "Palmolive", "Cascade", "Scotch-Brite", "Duracell", "Energizer",
    "Kingsford", "Dove", "Olay", "Irish Spring", "Dial", "Old Spice", "Degree",     "Axe", "Gillette", "Schick", "Colgate", "Crest", "Oral-B", "Listerine", "Sensodyne",
    "Pantene", "Head & Shoulders", "Herbal Essences", "Suave", "TRESemme", "Aveeno",
    "Neutrogena", "Cetaphil", "Vaseline", "Jergens", "Chapstick", "Burt's Bees", "Q-tips",
    "Band-Aid", "Tylenol", "Advil", "Motrin", "Aleve", "Claritin", "Zyrtec", "Benadryl",
    "Tums", "Pepto-Bismol", "Tampax", "Kotex", "Pampers", "Huggies", "Luvs",
    "Similac", "Enfamil", "Gerber", "Beech-Nut", "Earth's Best", "Happy Baby", "Desitin",
    "Johnson's", "Pedialyte", "Purina", "Friskies", "Fancy Feast", "Meow Mix", "Iams",
    "Pedigree", "Blue Buffalo", "Milk-Bone", "Greenies", "Tidy Cats", "Fresh Step",
    # other chains' own brands, which shoppers name as brands
    "Kirkland", "Kirkland Signature", "Great Value", "Member's Mark", "Good & Gather",
    "Market Pantry", "Kroger", "Signature Select", "Equate", "Up & Up",
)


def _keys(names: tuple[str, ...]) -> dict[tuple[str, ...], str]:
    """Normalised words -> the brand as written, for display ("Ben & Jerry's")."""
    out: dict[tuple[str, ...], str] = {}
    for name in names:
        toks = tuple(tokens(name))
        if not toks:
            continue
        # said with or without the "and" ("m and m", "m m"), and a short last word with a
        # plural s that normalising keeps ("m and ms")
        for key in (toks, tuple(t for t in toks if t != "and")):
            out[key] = name
            if len(key[-1]) <= 2:
                out[key[:-1] + (key[-1] + "s",)] = name
    return out


BRAND_KEYS = _keys(NATIONAL_BRANDS)


def leading_brand(toks: list[str], carried: Callable[[tuple[str, ...]], bool]) -> tuple[int, str]:
    """How many leading tokens of `toks` name a national brand the catalog does not carry
    (`carried` says whether it does), and the brand as written; (0, "") if none. The longest
    brand first: "great value milk" is Great Value's, though "great" and "value" are words."""
    start = 0
    while start < len(toks) and toks[start] in STOPWORDS and toks[start] != "and":
        start += 1
    for n in range(min(MAX_BRAND_WORDS, len(toks) - start - 1), 0, -1):
        words = tuple(toks[start:start + n])
        if words in BRAND_KEYS and not carried(words):
            return start + n, BRAND_KEYS[words]
    return 0, ""


# Brands shoppers use as the product's name ("a box of Kleenex", "Diet Coke"): what to look for
# when nothing but the brand was said.
GENERIC_NAMES: dict[str, str] = {
    "Coke": "cola", "Coca-Cola": "cola", "Pepsi": "cola", "Diet Coke": "diet cola",
    "Sprite": "lemon lime soda", "7UP": "lemon lime soda", "Dr Pepper": "soda",
    "Canada Dry": "ginger ale", "A&W": "root beer", "Gatorade": "sports drink",
    "Powerade": "sports drink", "Red Bull": "energy drink", "LaCroix": "sparkling water",
    "Bubly": "sparkling water", "Perrier": "sparkling mineral water", "Dasani": "water",
    "Aquafina": "water", "Poland Spring": "spring water", "Tropicana": "orange juice",
    "Minute Maid": "orange juice", "Capri Sun": "juice boxes", "Ocean Spray": "cranberry juice",
    "Kleenex": "facial tissues", "Puffs": "facial tissues", "Bounty": "paper towels",
    "Brawny": "paper towels", "Charmin": "toilet paper", "Cottonelle": "toilet paper",
    "Angel Soft": "toilet paper", "Quilted Northern": "toilet paper", "Tide": "laundry detergent",
    "Persil": "laundry detergent", "Downy": "fabric softener", "Bounce": "dryer sheets",
    "Clorox": "bleach", "Windex": "glass cleaner", "Lysol": "disinfecting wipes",
    "Ziploc": "storage bags", "Glad": "trash bags", "Hefty": "trash bags",
    "Reynolds": "aluminum foil", "Dawn": "dish soap", "Palmolive": "dish soap",
    "Cascade": "dishwasher detergent", "Q-tips": "cotton swabs", "Band-Aid": "bandages",
    "Tylenol": "acetaminophen", "Advil": "ibuprofen", "Motrin": "ibuprofen",
    "Claritin": "loratadine", "Pampers": "diapers", "Huggies": "diapers", "Luvs": "diapers",
    "Similac": "infant formula", "Enfamil": "infant formula", "Pedialyte": "electrolyte solution",
    "Doritos": "tortilla chips", "Tostitos": "tortilla chips", "Fritos": "corn chips",
    "Cheetos": "cheese curls", "Lay's": "potato chips", "Ruffles": "potato chips",
    "Pringles": "potato chips", "Oreo": "chocolate sandwich cookies", "Cheerios": "oat cereal",
    "Jif": "peanut butter", "Skippy": "peanut butter", "Nutella": "chocolate hazelnut spread",
    "Heinz": "ketchup", "Hellmann's": "mayonnaise", "French's": "mustard",
    "Philadelphia": "cream cheese", "Velveeta": "cheese", "Eggo": "waffles",
    "Jell-O": "gelatin", "Cool Whip": "whipped topping", "Spam": "luncheon meat",
    "Kingsford": "charcoal", "Duracell": "batteries", "Energizer": "batteries",
    "Colgate": "toothpaste", "Crest": "toothpaste", "Listerine": "mouthwash",
    "Purina": "dog food", "Friskies": "cat food", "Fancy Feast": "cat food",
    "Meow Mix": "cat food", "Milk-Bone": "dog biscuits", "Tidy Cats": "cat litter",
    "Fresh Step": "cat litter", "Folgers": "ground coffee", "Maxwell House": "ground coffee",
    "Lipton": "tea bags", "M&M's": "chocolate candies", "Reese's": "peanut butter cups",
    "Ben & Jerry's": "ice cream", "Haagen-Dazs": "ice cream", "Breyers": "ice cream",
}
GENERIC_BY_KEY: dict[tuple[str, ...], tuple[str, str]] = {
    key: (generic, brand) for brand, generic in GENERIC_NAMES.items() for key in _keys((brand,))}


def brand_only(toks: list[str], carried: Callable[[tuple[str, ...]], bool]) -> tuple[str, str] | None:
    """"diet coke", "kleenex": (what to look for instead, the brand as written) when the
    phrase is nothing but a brand the catalog lacks, else None."""
    # "a box of kleenex", "a 12 pack of coke": amounts are no part of the brand
    words = tuple(t for t in toks if (t not in STOPWORDS or t == "and") and t not in PACKAGING
                  and not t[:1].isdigit())
    while words and words[0] == "and":
        words = words[1:]
    found = GENERIC_BY_KEY.get(words)
    if found is None or carried(words):
        return None
    return found
