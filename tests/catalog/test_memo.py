"""catalog.memo.Memo: the bounded dict of recent answers the matcher and the plural check keep."""
from __future__ import annotations

from catalog.memo import Memo


def test_a_full_memo_empties_itself_before_keeping_the_next_answer():
    memo: Memo[str, int] = Memo(2)
    assert memo.keep("a", 1) == 1 and memo.keep("b", 2) == 2
    assert memo.keep("c", 3) == 3
    assert dict(memo) == {"c": 3}


def test_a_memo_of_size_zero_remembers_nothing(demo_matcher):
    memo: Memo[str, int] = Memo(0)
    assert memo.keep("a", 1) == 1
    assert memo.get("a") is None and len(memo) == 0
    # the matcher's memos off (memo_size=0): every answer is worked out afresh
    from catalog.matcher import Matcher

    fresh = Matcher(demo_matcher._ix, memo_size=0)
    first, again = fresh.resolve("milk"), fresh.resolve("milk")
    assert first == again and first is not again
    assert len(fresh._memo) == len(fresh._scored) == 0
