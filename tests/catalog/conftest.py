"""Catalogs for the matcher tests: a small hand-written one, and the bundled demo catalog."""
from __future__ import annotations

import csv
from decimal import Decimal
from pathlib import Path

import pytest

from catalog.matcher import Matcher
from catalog.model import Product

DEMO_CSV = Path(__file__).resolve().parents[2] / "catalog" / "data" / "demo_catalog.csv"


def _p(pid: str, name: str, aisle: str, department: str, *, synonyms: tuple[str, ...] = (),
       brand: str | None = None, popularity: float = 10, in_stock: bool = True) -> Product:
    return Product(id=pid, name=name, price=Decimal("1.99"), brand=brand, aisle=aisle,
                   department=department, synonyms=synonyms, popularity=popularity,
                   in_stock=in_stock)


# Written for the hard cases: near-identical milks, head nouns (bananas vs banana pudding),
# homophones with a real distractor holding the misheard word ("Muscle Milk", "Leak Proof"),
# split words, "and" inside names, brands, protected plurals.
SMALL_CATALOG = (
    _p("milk-whole", "Whole Milk", "milk", "dairy", popularity=90),
    _p("milk-2", "2% Reduced Fat Milk", "milk", "dairy", synonyms=("two percent milk",),
       popularity=80),
    _p("milk-skim", "Fat Free Skim Milk", "milk", "dairy", synonyms=("skim milk",), popularity=60),
    _p("milk-org", "Organic Whole Milk", "milk", "dairy", popularity=50),
    _p("milk-choc", "Chocolate Milk", "milk", "dairy", popularity=40),
    _p("milk-almond", "Unsweetened Almond Milk", "plant milk", "dairy"),
    _p("muscle-milk", "Muscle Milk Protein Shake", "protein drinks", "beverages"),
    _p("half-half", "Half and Half", "cream", "dairy"),
    _p("cream-heavy", "Heavy Whipping Cream", "cream", "dairy"),
    _p("coffee", "Medium Roast Ground Coffee", "coffee", "beverages"),
    _p("bananas", "Bananas", "fresh fruits", "produce", popularity=95),
    _p("bananas-bag", "Bag of Organic Bananas", "fresh fruits", "produce", popularity=70),
    _p("banana-pudding", "Banana Pudding", "desserts", "bakery"),
    _p("banana-bread", "Banana Bread", "bakery", "bakery"),
    _p("apples-gala", "Gala Apples", "fresh fruits", "produce"),
    _p("apple-juice", "Apple Juice", "juice", "beverages"),
    _p("strawberries", "Strawberries", "fresh fruits", "produce"),
    _p("jam-straw", "Strawberry Jam", "spreads", "pantry"),
    _p("pears", "Bartlett Pears", "fresh fruits", "produce"),
    _p("lemons", "Lemons", "fresh fruits", "produce"),
    _p("flour", "All Purpose Flour", "baking", "pantry"),
    _p("flowers", "Spring Flower Bouquet", "floral", "floral"),
    _p("thyme", "Fresh Thyme", "fresh herbs", "produce"),
    _p("rosemary", "Fresh Rosemary", "fresh herbs", "produce"),
    _p("mussels", "Live Mussels", "seafood", "meat and seafood"),
    _p("leeks", "Leeks", "fresh vegetables", "produce"),
    _p("trash-bags", "Leak Proof Kitchen Trash Bags", "trash bags", "household"),
    _p("celery", "Celery", "fresh vegetables", "produce"),
    _p("eggplant", "Eggplant", "fresh vegetables", "produce"),
    _p("tomatoes", "Tomatoes on the Vine", "fresh vegetables", "produce"),
    _p("tomatoes-diced", "Diced Tomatoes", "canned vegetables", "pantry"),
    _p("asparagus", "Asparagus", "fresh vegetables", "produce"),
    _p("zucchini", "Zucchini", "fresh vegetables", "produce"),
    _p("turmeric", "Ground Turmeric", "spices", "pantry"),
    _p("bread-sour", "Sourdough Bread", "bread", "bakery"),
    _p("bread-white", "White Sandwich Bread", "bread", "bakery"),
    _p("peanuts", "Dry Roasted Peanuts", "nuts", "snacks"),
    _p("pb", "Creamy Peanut Butter", "spreads", "pantry"),
    _p("jelly", "Grape Jelly", "spreads", "pantry"),
    _p("cheerios-hn", "Honey Nut Cheerios", "cereal", "breakfast"),
    _p("cheerios", "Cheerios Cereal", "cereal", "breakfast"),
    _p("mac-cheese", "Macaroni & Cheese Dinner", "pasta", "pantry", synonyms=("mac and cheese",)),
    _p("hummus-tj", "Mediterranean Hummus", "dips", "deli", brand="Trader Joe's"),
    _p("hummus", "Classic Hummus", "dips", "deli", brand="Sabra"),
    _p("couscous", "Pearl Couscous", "grains", "pantry"),
    _p("molasses", "Blackstrap Molasses", "baking", "pantry"),
    _p("swiss", "Sliced Swiss Cheese", "cheese", "dairy"),
    _p("eggs", "Large White Eggs", "eggs", "dairy", synonyms=("eggs", "dozen eggs")),
    _p("butter", "Salted Butter", "butter", "dairy", synonyms=("butter",)),
    _p("oj", "Orange Juice", "juice", "beverages"),
    _p("ketchup", "Tomato Ketchup", "condiments", "pantry"),
    _p("ketchup-out", "Organic Tomato Ketchup", "condiments", "pantry", in_stock=False),
    _p("paper-towels", "Paper Towels", "paper goods", "household"),
)


@pytest.fixture(scope="session")
def small_catalog() -> tuple[Product, ...]:
    return SMALL_CATALOG


@pytest.fixture(scope="session")
def matcher(small_catalog) -> Matcher:
    return Matcher.build(small_catalog)


def load_demo_products(path: Path = DEMO_CSV) -> list[Product]:
    """The demo CSV read with the csv module (columns per the catalog file contract)."""
    with path.open(encoding="utf-8", newline="") as fh:
        return [Product(
            id=row["id"], name=row["name"], price=Decimal(row["price"]),
            brand=row.get("brand") or None, department=row.get("department") or None,
            aisle=row.get("aisle") or None, size=row.get("size") or None,
            synonyms=tuple(s.strip() for s in (row.get("synonyms") or "").split("|") if s.strip()),
            in_stock=(row.get("in_stock") or "true").strip().lower() != "false",
            popularity=float(row.get("popularity") or 0),
        ) for row in csv.DictReader(fh)]


@pytest.fixture(scope="session")
def demo_matcher() -> Matcher:
    if not DEMO_CSV.exists():
        pytest.skip("the bundled demo catalog is not there yet")
    return Matcher.build(load_demo_products())
