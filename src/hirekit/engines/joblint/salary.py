"""Find pay figures and ranges in free text: "$140k-$180k", "140,000 - 180,000 USD", "€90k".

Only amounts that are clearly pay count. A currency-marked range counts; a
lone figure or a range without currency needs pay words nearby ("salary",
"base", "per year"...). Funding rounds, 401(k)s, budgets and stipends do not.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_CODES = r"USD|EUR|GBP|CHF|CAD|AUD|NZD|SEK|NOK|DKK|PLN|INR|JPY|SGD|BRL|UAH|MXN|ARS|CZK|HUF"
_SYMBOLS = r"US\$|CA\$|C\$|AU\$|A\$|NZ\$|S\$|R\$|\$|€|£|₹|¥|zł|zl\b|Kč|₴"
_SYMBOL_CODE = {
    "US$": "USD",
    "$": "USD",
    "CA$": "CAD",
    "C$": "CAD",
    "AU$": "AUD",
    "A$": "AUD",
    "NZ$": "NZD",
    "S$": "SGD",
    "R$": "BRL",
    "€": "EUR",
    "£": "GBP",
    "₹": "INR",
    "¥": "JPY",
    "zł": "PLN",
    "zl": "PLN",
    "Kč": "CZK",
    "₴": "UAH",
}
_NUMBER = r"\d{1,3}(?:(?:,|\.|[ \u00a0\u202f])\d{3})+(?:[.,]\d{1,2})?(?!\d)|\d+(?:[.,]\d+)?"
_AMOUNT = re.compile(
    rf"(?<![\w$€£.,])(?:(?P<pre>{_SYMBOLS})\s?|(?P<precode>{_CODES})\s)?"
    rf"(?P<num>{_NUMBER})"
    r"(?:\s?(?P<k>[kK]\b|thousand\b|Tsd\.?|TEUR\b))?"
    rf"(?:\s?(?P<post>{_SYMBOLS}|(?:{_CODES})\b|euros?\b|dollars\b))?",
)
_RANGE_JOIN = re.compile(r"\s*(?:-|\u2013|\u2014|to|bis|à|a|and)\s*", re.IGNORECASE)
_NOT_PAY_AFTER = re.compile(
    r"\s*(?:\(k\)|[mM]\b|mm\b|[bB]\b|bn\b|million|billion|Mio|Mrd|\+?\s*(?:users|customers|"
    r"requests|employees|people|companies|downloads|stars|lines|records|members|merchants))",
)
_NOT_PAY_NEAR = re.compile(
    r"raised|funding|series [a-e]\b|revenue|\bARR\b|valuation|budget|stipend|allowance|"
    r"relocation|signing|sign-on|credits?\b|prize|401|403\(?b"
    r"|co-?working|gym|wellness|home office|equipment|hardware|laptop|training"
    # benefits and referral bonuses: meal vouchers, allowances, discounts
    r"|\bvale\b|vale-|refei[çc][ãa]o|alimenta[çc][ãa]o|\bmeal|voucher|lunch|indica[çc][ãa]o"
    r"|referral|reembolso|aux[íi]lio|desconto|discount",
    re.IGNORECASE,
)
_PAY_WORDS = re.compile(
    r"salary|salaries|compensation|\bpay\b|\bpaid\b|\bbase\b|\bOTE\b"
    r"|per (?:year|annum|hour|day|month)|annual|annum|p\.\s?a\.|\bpa\b"
    r"|/\s?(?:yr|year|hr|hour|h|day|month|mo)\b|yearly|hourly|rate"
    r"|package|\bTC\b|total comp|gehalt|brutto|gross|salaire|sueldo|stipendio|range|band|DOE",
    re.IGNORECASE,
)
_PERIOD_AFTER = re.compile(
    r"^\s*(?:\+\s*)?\(?\s*(?:/|per|an?|p\.?|pro|each)?\s*(?P<unit>"
    r"h\b|hr\b|hrs\b|hour|hourly|day\b|daily|month|mo\b|monthly|monat|year|yr\b|annum|annual|a\.?\b|jahr)",
    re.IGNORECASE,
)
_PERIODS = {"h": "hour", "hr": "hour", "hrs": "hour", "hour": "hour", "hourly": "hour"}
_PERIODS |= {"day": "day", "daily": "day", "month": "month", "mo": "month", "monthly": "month"}
_PERIODS |= {"monat": "month"}
_PLAUSIBLE = {"year": (10_000, 3_000_000), "month": (500, 200_000), "day": (50, 5_000)}
_PLAUSIBLE |= {"hour": (5, 1_000)}
_UPPER_ONLY = re.compile(r"(?:up to|max(?:imum)?\.?|bis zu|jusqu'à)\s*$", re.IGNORECASE)
_LOWER_ONLY = re.compile(
    r"(?:from|starting(?: at)?|min(?:imum)?\.?|at least|ab)\s*$", re.IGNORECASE
)


@dataclass(frozen=True)
class SalaryBand:
    """A pay figure or range found at ``text[start:end]``.

    ``low``/``high`` are whole currency units per ``period`` ("year", "month",
    "day", "hour"); ``None`` when the text leaves that end open ("from $120k"
    has no high, "up to $130k" no low). ``currency`` is ISO 4217 or ``None``.
    """

    low: int | None
    high: int | None
    currency: str | None
    period: str
    start: int
    end: int


@dataclass(frozen=True)
class _Amount:
    value: float
    currency: str | None
    start: int
    end: int


def _to_number(raw: str, thousands: bool) -> float:
    digits = raw.replace("\u00a0", " ").replace("\u202f", " ")
    grouped = re.fullmatch(r"\d{1,3}(?:[,. ]\d{3})+", digits)
    if grouped:
        value = float(re.sub(r"[,. ]", "", digits))
    elif re.fullmatch(r"\d{1,3}(?:[,. ]\d{3})+[.,]\d{1,2}", digits):
        value = float(re.sub(r"[,. ]", "", digits[:-3]) + "." + digits[-2:].lstrip(".,"))
    else:
        value = float(digits.replace(",", "."))
    return value * 1000 if thousands else value


def _currency(match: re.Match[str]) -> str | None:
    for group in ("pre", "precode", "post"):
        token = match.group(group)
        if token:
            token = token.strip()
            if token.lower().startswith("euro"):
                return "EUR"
            if token.lower() == "dollars":
                return "USD"
            return _SYMBOL_CODE.get(token, token.upper())
    return None


def _amounts(text: str) -> list[_Amount]:
    found: list[_Amount] = []
    for match in _AMOUNT.finditer(text):
        if _NOT_PAY_AFTER.match(text, match.end()):
            continue
        value = _to_number(match.group("num"), bool(match.group("k")))
        found.append(_Amount(value, _currency(match), match.start(), match.end()))
    return found


def _period(text: str, end: int, value: float) -> str | None:
    after = _PERIOD_AFTER.match(text[end : end + 24])
    if after:
        unit = after.group("unit").lower().rstrip(".")
        return _PERIODS.get(unit, "year")
    before = text[max(0, end - 80) : end].lower()
    for word, period in (("hourly", "hour"), ("day rate", "day"), ("daily", "day")):
        if word in before:
            return period
    return "year" if value >= 10_000 else None


def _line_around(text: str, start: int, end: int) -> str:
    a = text.rfind("\n", 0, start) + 1
    b = text.find("\n", end)
    return text[a : b if b != -1 else len(text)]


def _pairs(text: str, amounts: list[_Amount]) -> list[tuple[_Amount, _Amount | None]]:
    pairs: list[tuple[_Amount, _Amount | None]] = []
    i = 0
    while i < len(amounts):
        first = amounts[i]
        if i + 1 < len(amounts) and _RANGE_JOIN.fullmatch(text[first.end : amounts[i + 1].start]):
            pairs.append((first, amounts[i + 1]))
            i += 2
        else:
            pairs.append((first, None))
            i += 1
    return pairs


def _band(text: str, first: _Amount, second: _Amount | None) -> SalaryBand | None:
    last = second or first
    currency = first.currency or last.currency
    low_value, high_value = first.value, last.value
    if second is not None and low_value < 1000 <= high_value and high_value >= 10_000:
        low_value *= 1000  # "120-150k": the k belongs to both ends
    line_start = text.rfind("\n", 0, first.start) + 1
    line = _line_around(text, first.start, last.end)
    near = line[max(0, first.start - line_start - 40) : last.end - line_start + 25]
    if _NOT_PAY_NEAR.search(near):
        return None
    period = _period(text, last.end, high_value)
    if period is None:
        return None
    # A currency range, or a lone figure with a currency that is yearly or
    # says its period ("€90k", "$600/day"), reads as pay on its own;
    # anything else needs pay words on its line.
    explicit = _PERIOD_AFTER.match(text[last.end : last.end + 24]) is not None
    lone_pay = currency is not None and (second is not None or period == "year" or explicit)
    if not lone_pay and not _PAY_WORDS.search(line):
        return None
    floor, ceiling = _PLAUSIBLE[period]
    if not (floor <= low_value <= ceiling and floor <= high_value <= ceiling):
        return None
    if second is not None and high_value < low_value:
        return None
    low: int | None = round(low_value)
    high: int | None = round(high_value)
    if second is None:
        prefix = text[max(0, first.start - 20) : first.start]
        if _LOWER_ONLY.search(prefix) or text[last.end : last.end + 1] == "+":
            high = None
        elif _UPPER_ONLY.search(prefix):
            low = None
    return SalaryBand(low, high, currency, period, first.start, last.end)


def find_salary_bands(text: str) -> list[SalaryBand]:
    """Every pay figure or range in ``text``, in order of appearance."""
    bands: list[SalaryBand] = []
    for first, second in _pairs(text, _amounts(text)):
        band = _band(text, first, second)
        if band is not None:
            bands.append(band)
    return bands


# Words that make a figure on their line (or under their heading) a pay figure,
# in the languages the checker reads.
_PAY_CONTEXT = re.compile(
    r"salar\w*|sal[áa]rio\w*|remunera\w*|wynagrodzeni\w*|gehalt|verg[üu]tung|salaire"
    r"|r[ée]mun[ée]ration|sueldo|retribuci[óo]n|compensation|\bpay\b|\bpaid\b|\brate\b"
    r"|faixa|bolsa|zarplata|\u0437\u0430\u0440\u043f\u043b\u0430\u0442\w*|з/п|з\.\s?п\.|оклад\w*|доход\w*"
    r"|per (?:year|annum|hour|day|month)|/\s?(?:h|hr|hour|month|mo|m[eê]s|year|yr)\b"
    r"|por m[eê]s|mensal|brutto|netto|gross|\bnet\b|\bCLT\b|\bPJ\b|\bB2B\b|\bOTE\b|\bbase\b",
    re.IGNORECASE,
)


def states_pay(text: str) -> bool:
    """Whether the post gives any pay figure: a band :func:`find_salary_bands`
    reads, or any currency amount, or any figure on a pay line or under a pay
    heading ("Salary" / "$500 to $800", "Faixa salarial: R$ 3.000,00 a R$ 6.000,00",
    "8 000 – 10 000 zł"), whatever its period. Funding, budgets, perks and
    counts ("$10M raised", "25 days of holiday") are not pay."""
    if find_salary_bands(text):
        return True
    for amount in _amounts(text):
        line = _line_around(text, amount.start, amount.end)
        line_start = text.rfind("\n", 0, amount.start) + 1
        near = line[max(0, amount.start - line_start - 40) : amount.end - line_start + 25]
        if _NOT_PAY_NEAR.search(near) or _NOT_PAY_UNIT.match(text, amount.end):
            continue
        if amount.currency is not None and amount.value >= 1:
            return True
        if amount.value >= 100 and _PAY_CONTEXT.search(
            line + "\n" + _heading_above(text, line_start)
        ):
            return True
    return False


_NOT_PAY_UNIT = re.compile(
    r"\s*(?:%|\+?\s*(?:years?|yrs?|months?|weeks?|days?|hours?|h\b|anos|meses|dias|lat|jahre"
    r"|people|engineers|developers|employees|users|clients|countries|offices))",
    re.IGNORECASE,
)


def _heading_above(text: str, line_start: int) -> str:
    """The nearest non-blank line above, when it is a short one (a heading)."""
    end = line_start - 1
    while end > 0:
        start = text.rfind("\n", 0, end) + 1
        line = text[start:end].strip()
        if line:
            return line if len(line) <= 40 else ""
        end = start - 1
    return ""
