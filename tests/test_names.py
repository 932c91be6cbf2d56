"""The names module: one folding for tables and text, spelling variants, near-misspellings."""

from __future__ import annotations

import pytest

from newsparse.names import fold_token, name_keys, name_tokens, within_one_edit

# Spellings of one name that must share a variant key.
SAME = [
    ("Mohammed Shia' Al-Sudani", "Muhammad Shia al-Sudani"),
    ("Mohamed Karim", "Mohammad Karim"),
    ("Mohamad Karim", "Muhammed Karim"),
    ("Ismail Qaani", "Esmail Qaani"),
    ("Ismail Qaani", "Ismail Ghaani"),
    ("Ismail Qaani", "Ismail Qa'ani"),
    ("Saddam Hussein", "Saddam Husayn"),
    ("Hassan Nouri", "Hasan Nuri"),
    ("Youssef Karam", "Yusuf Karam"),
    ("Ahmed Jabouri", "Ahmad Jabouri"),
    ("Omar Farouk", "Umar Farouk"),
    ("Abdul Rahman Jazaeri", "Abdel Rahman Jazaeri"),
    ("Sabah al-Akili", "Sabah Al-Akili"),
    ("Sabah al-Akili", "Sabah el-Akili"),
    ("Sabah al-Akili", "Sabah Al Akili"),
    ("Sabah al-Akili", "Sabah Akili"),
    ("SABAH AL-AKILI", "sabah al-akili"),
    ("Jürgen Müller", "Juergen Mueller"),
    ("Jörg Schäfer", "Joerg Schaefer"),
    ("José Sarney", "Jose Sarney"),
    ("Recep Tayyip Erdoğan", "Recep Tayyip Erdogan"),
    ("Dr. Ihsan Karim", "Ihsan Karim"),
    ("Grand Ayatollah Ali Sistani", "Ali Sistani"),
    ("Lt. Gen. Amir Haddad", "Amir Haddad"),
    ("Prime Minister Mark Rutte", "Mark Rutte"),
    ("Khalid Mansour", "Khaled Mansour"),
    ("Mustafa Kamal", "Mostafa Kamal"),
    ("Hossein Salami", "Hussein Salami"),
    ("Qasim Suleimani", "Qassem Suleimani"),
    ("O'Neill", "ONeill"),
    ("Kim Jong-un", "Kim Jong Un"),
]


@pytest.mark.parametrize(("a", "b"), SAME, ids=[f"{a} = {b}" for a, b in SAME])
def test_spellings_share_a_variant_key(a: str, b: str) -> None:
    assert name_keys(a)[1] == name_keys(b)[1]


# Different names that must not share one.
DIFFERENT = [
    ("Mohamed al-Hassan", "Mohammed Shia al-Sudani"),
    ("Ali al-Sistani", "Ali Khamenei"),
    ("Ammar al-Hakim", "Al-Hikma Movement"),
    ("James Baker", "Howard Baker"),
    ("Hassan Rouhani", "Hussein Rouhani"),
    ("Sabah al-Akili", "Sabah al-Akidi"),
    ("Jordan Smith", "Jordan"),
]


@pytest.mark.parametrize(("a", "b"), DIFFERENT, ids=[f"{a} != {b}" for a, b in DIFFERENT])
def test_different_names_keep_different_keys(a: str, b: str) -> None:
    assert name_keys(a)[1] != name_keys(b)[1]


@pytest.mark.parametrize(
    ("word", "folded"),
    [
        ("Baghdad", "baghdad"),
        ("QAANI", "qaani"),
        ("Qa'ani", "qaani"),
        ("Shia'", "shia"),
        ("Müller", "mueller"),
        ("Erdoğan", "erdogan"),
        ("Élysée", "elysee"),
        ("Straße", "strasse"),
    ],
)
def test_fold_token(word: str, folded: str) -> None:
    assert fold_token(word) == folded


@pytest.mark.parametrize(
    ("name", "tokens"),
    [
        ("Qaani's", ["Qaani"]),
        ("Mohammed Shia' Al-Sudani", ["Mohammed", "Shia", "Al", "Sudani"]),
        ("Dr. Ihsan Al-Shammari", ["Ihsan", "Al", "Shammari"]),
        ("Ayatollah Ali al-Sistani", ["Ali", "al", "Sistani"]),
        ("Mark O'Neill", ["Mark", "O'Neill"]),
        ("Ayatollah", ["Ayatollah"]),
    ],
)
def test_name_tokens(name: str, tokens: list[str]) -> None:
    assert name_tokens(name) == tokens


@pytest.mark.parametrize(
    ("a", "b", "close"),
    [
        ("pezeshekian", "pezeshkian", True),
        ("hertzi", "herzi", True),
        ("halevi", "halevy", True),
        ("sudani", "sudani", True),
        ("sudani", "sadani", True),
        ("sudani", "sudanese", False),
        ("baker", "parker", False),
        ("", "a", True),
        ("ab", "ba", False),
    ],
)
def test_within_one_edit(a: str, b: str, close: bool) -> None:
    assert within_one_edit(a, b) is close
    assert within_one_edit(b, a) is close
