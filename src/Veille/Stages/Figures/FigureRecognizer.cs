using System.Globalization;
using Veille.Model;
using Veille.Stages.Dates;

namespace Veille.Stages.Figures;

/// <summary>A figure with the parts the evaluators compare.</summary>
/// <param name="Figure">The figure (its span covers qualifier, number, currency or percent, and counted unit).</param>
/// <param name="Number">Characters of the number itself, with scale words ("110 millions").</param>
/// <param name="Amount">Characters of the number with its currency or percent sign, without qualifier or counted unit.</param>
/// <param name="Start">Index of the figure's first word.</param>
/// <param name="End">Index of the word after the figure.</param>
internal readonly record struct FigureMatch(Figure Figure, TextSpan Number, TextSpan Amount, int Start, int End);

/// <summary>
/// Rule-based figure recogniser for one language: qualifier, range, currency prefix, number (digits or words, with
/// scale), then percent, currency or counted noun; word lists come from Resources/figures. Numbers that are parts of
/// dates (days beside a month name, bare years, times, ordinals) are left out. Thread-safe.
/// </summary>
internal sealed class FigureRecognizer
{
    private readonly NumberReader numbers;
    private readonly PhraseLexicon lexicon;
    private readonly PhraseLexicon dates;

    public FigureRecognizer(NumberReader numbers, PhraseLexicon dates)
    {
        this.numbers = numbers;
        lexicon = numbers.Lexicon;
        this.dates = dates;
        starters = new StartFilter(lexicon.Phrases("number", "hundred", "scale", "number-article", "approx-noun", "fraction", "qualifier", "range-start", "currency"));
    }

    private readonly StartFilter starters;

    public static FigureRecognizer French { get; } = new(new NumberReader(PhraseLexicon.Load("figures", "fr")), TemporalRecognizer.French.Lexicon);

    public static FigureRecognizer English { get; } = new(new NumberReader(PhraseLexicon.Load("figures", "en")), TemporalRecognizer.English.Lexicon);

    /// <summary>The recognisers to run for a language tag: its own, or French then English when it is neither.</summary>
    public static IReadOnlyList<FigureRecognizer> For(string? language) => language switch
    {
        "fr" => [French],
        "en" => [English],
        _ => [French, English],
    };

    public List<FigureMatch> Recognize(WordSequence words)
    {
        var matches = new List<FigureMatch>();
        for (int i = 0; i < words.Count; i++)
        {
            if ((words.Kinds[i] == TokenKind.Punctuation && words.Keys[i] is not ("$" or "€" or "£")) || !starters.MayStart(words, i))
            {
                continue;
            }

            if (TryFigure(words, i, out FigureMatch match))
            {
                matches.Add(match);
                i = match.End - 1;
            }
        }

        return matches;
    }

    private bool TryFigure(WordSequence words, int i, out FigureMatch match)
    {
        match = default;
        int j = i;
        string? qualifier = null;
        int qualifierLength = lexicon.Match(words, j, "qualifier", out string qualifierValue);
        if (qualifierLength > 0)
        {
            qualifier = qualifierValue;
            j += qualifierLength;
        }

        int rangeStart = lexicon.Match(words, j, "range-start", out _);
        bool ranged = false;
        if (rangeStart > 0 && StartsNumber(words, j + rangeStart))
        {
            ranged = true;
            j += rangeStart;
        }

        string? currency = null;
        int numberStart = j;
        int currencyPrefix = CurrencySymbol(words, j, out string prefixCurrency);
        if (currencyPrefix > 0 && StartsNumber(words, j + currencyPrefix))
        {
            currency = prefixCurrency;
            j += currencyPrefix;
        }

        if (!numbers.TryRead(words, j, out NumberReading first) || first.Article || !Acceptable(words, j, first))
        {
            // A range in one token: "10-20", "2023-2024" is left to dates.
            return TryHyphenRange(words, i, qualifier, out match);
        }

        decimal value = first.Value;
        decimal? valueMax = null;
        if (first.Digits && j == i && j > 0 && words.Keys[j - 1] is "-" or "\u2212" && words.Spans[j - 1].End == words.Spans[j].Start
            && (j == 1 || words.Spans[j - 2].End < words.Spans[j - 1].Start))
        {
            // "-9,23": a minus sign glued to the number and detached from what precedes.
            value = -value;
            i = j - 1;
            numberStart = i;
        }

        int k = first.End;
        int numberEnd = k;
        int joinLength = lexicon.Match(words, k, "range-join", out _);
        if (joinLength > 0 && (ranged || words.Keys[k] is not ("et" or "and")) && !(words.Keys[k] is "de" or "au"))
        {
            int second = k + joinLength;
            int secondCurrency = CurrencySymbol(words, second, out _);
            if (numbers.TryRead(words, second + secondCurrency, out NumberReading upper) && !upper.Article && Acceptable(words, second + secondCurrency, upper) && upper.Value > value)
            {
                valueMax = upper.Value;
                if (first.End == j + 1 && upper.End - 1 > second + secondCurrency && lexicon.ValueOf(words.Keys[upper.End - 1], "scale") is { } scale)
                {
                    // "entre 10 et 20 millions": the upper bound's scale applies to both.
                    value *= decimal.Parse(scale, CultureInfo.InvariantCulture);
                }

                k = upper.End;
                numberEnd = k;
                ranged = true;
            }
        }

        if (ranged && valueMax is null && rangeStart > 0)
        {
            // "de 10 soldats" is not a range; drop the preposition.
            return TryFigure(words, i + qualifierLength + rangeStart, out match) && Requalify(ref match, qualifier, i);
        }

        string? unit = null;
        int amountEnd = k;
        int percent = lexicon.Match(words, k, "percent", out _);
        if (percent > 0)
        {
            unit = "%";
            k += percent;
            amountEnd = k;
        }
        else if (currency is null)
        {
            int link = lexicon.Match(words, k, "unit-link", out _);
            int suffixCurrency = Currency(words, k + link, out string currencyCode);
            if (suffixCurrency > 0)
            {
                currency = currencyCode;
                k += link + suffixCurrency;
                amountEnd = k;
            }
        }

        if (unit is null && IsLikelyYearOrDay(words, j, first, currency, numberEnd, qualifier))
        {
            return false;
        }

        if (first.Suffix is not null && unit is null && currency is null)
        {
            unit = first.Suffix;
        }

        if (first.Article && currency is null && unit is null && !first.Approximate && first.Value == 1)
        {
            return false;
        }

        int post = lexicon.Match(words, k, "post-qualifier", out string postValue);
        if (post > 0 && qualifier is null)
        {
            qualifier = postValue;
            k += post;
        }
        else if (unit is null && currency is null && CountedNoun(words, k, first.End > j + 1 || first.Approximate, out int nounEnd))
        {
            unit = words.TextAt(nounEnd - 1).ToString();
            k = nounEnd;
        }

        if (first.Approximate && qualifier is null)
        {
            qualifier = "about";
        }

        (currency, value, valueMax) = NormaliseSubunit(currency, value, valueMax);
        value = Normalise(value);
        valueMax = valueMax is { } upperValue ? Normalise(upperValue) : null;
        var figure = new Figure(words.Span(i, k), value, valueMax, unit, currency, qualifier);
        match = new FigureMatch(figure, words.Span(numberStart + currencyPrefix * 0, numberEnd), words.Span(numberStart, amountEnd), i, k);
        return true;
    }

    private static bool Requalify(ref FigureMatch match, string? qualifier, int start)
    {
        if (qualifier is not null && match.Figure.Qualifier is null)
        {
            match = match with { Figure = match.Figure with { Qualifier = qualifier } };
        }

        return match.Start >= start;
    }

    /// <summary>Drops trailing zeros of the scale ("2.5 billion" is 2500000000, not 2500000000.0).</summary>
    private static decimal Normalise(decimal value) => value / 1.000000000000000000000000000m;

    private static (string? Currency, decimal Value, decimal? ValueMax) NormaliseSubunit(string? currency, decimal value, decimal? valueMax)
    {
        if (currency is not null && currency.EndsWith("-cent", StringComparison.Ordinal))
        {
            return (currency[..3], value / 100, valueMax / 100);
        }

        return (currency, value, valueMax);
    }

    private bool TryHyphenRange(WordSequence words, int i, string? qualifier, out FigureMatch match)
    {
        match = default;
        int j = i + (qualifier is null ? 0 : lexicon.Match(words, i, "qualifier", out _));
        if (j >= words.Count || words.Kinds[j] != TokenKind.Number)
        {
            return false;
        }

        string key = words.Keys[j];
        int hyphen = key.IndexOf('-', StringComparison.Ordinal);
        if (hyphen <= 0 || hyphen == key.Length - 1
            || !numbers.TryParseDigits(key[..hyphen], out decimal low, out string? lowSuffix) || lowSuffix is not null
            || !numbers.TryParseDigits(key[(hyphen + 1)..], out decimal high, out string? highSuffix) || highSuffix is not null
            || high <= low || (hyphen == 4 && low >= 1000 && low <= 2100))
        {
            return false;
        }

        int k = j + 1;
        string? unit = null;
        int percent = lexicon.Match(words, k, "percent", out _);
        if (percent > 0)
        {
            unit = "%";
            k += percent;
        }

        if (unit is null && CountedNoun(words, k, false, out int nounEnd))
        {
            unit = words.TextAt(nounEnd - 1).ToString();
            k = nounEnd;
        }

        var figure = new Figure(words.Span(i, k), low, high, unit, null, qualifier);
        match = new FigureMatch(figure, words.Span(j, j + 1), words.Span(j, k), i, k);
        return true;
    }

    private bool StartsNumber(WordSequence words, int index) =>
        index < words.Count && (words.Kinds[index] == TokenKind.Number || numbers.TryRead(words, index, out NumberReading reading) && !reading.Article || CurrencySymbol(words, index, out _) > 0);

    private bool Acceptable(WordSequence words, int index, NumberReading reading)
    {
        if (reading.Digits)
        {
            string key = words.Keys[index];
            if (reading.Suffix is "er" or "e" or "eme" or "st" or "nd" or "rd" or "th" or "re" or "h" or "s" or "d")
            {
                return false;
            }

            // Digits glued to letters as in "G7" or "COVID-19" are words, not figures.
            if (words.Kinds[index] != TokenKind.Number && !char.IsAsciiDigit(key[0]))
            {
                return false;
            }
        }

        return true;
    }

    private bool IsLikelyYearOrDay(WordSequence words, int index, NumberReading reading, string? currency, int end, string? qualifier)
    {
        if (!reading.Digits || currency is not null || reading.End > index + 1)
        {
            return false;
        }

        bool nextIsMonth = index + 1 < words.Count && dates.Is(words, index + 1, "month");
        bool previousIsMonth = index > 0 && dates.Is(words, index - 1, "month");
        bool integer = reading.Value == decimal.Truncate(reading.Value);
        if (integer && (nextIsMonth || previousIsMonth) && (reading.Value <= 31 || reading.Value >= 1000))
        {
            return true;
        }

        if (integer && words.Keys[index].Length == 4 && reading.Value is >= 1000 and <= 2100 && qualifier is null
            && lexicon.Match(words, end, "percent", out _) == 0)
        {
            return true;
        }

        // "14 h 30" is a time.
        return end < words.Count && words.Keys[end] is "h" or "heures" && integer && reading.Value <= 24 && index + 2 < words.Count && words.Kinds[index + 2] == TokenKind.Number;
    }

    private int CurrencySymbol(WordSequence words, int index, out string code)
    {
        code = "";
        if (index >= words.Count || (words.Kinds[index] != TokenKind.Symbol && words.Keys[index] is not ("us$" or "usd" or "eur" or "gbp" or "chf")))
        {
            return 0;
        }

        return lexicon.Match(words, index, "currency", out code);
    }

    private int Currency(WordSequence words, int index, out string code)
    {
        code = "";
        if (index >= words.Count)
        {
            return 0;
        }

        return lexicon.Match(words, index, "currency", out code);
    }

    private bool CountedNoun(WordSequence words, int index, bool scaled, out int end)
    {
        end = index;
        int link = lexicon.Match(words, index, "unit-link", out _);
        if (link > 0)
        {
            if (!scaled)
            {
                return false;
            }

            index += link;
        }

        if (index >= words.Count || words.Kinds[index] != TokenKind.Word || words.IsCapitalized(index))
        {
            return false;
        }

        string key = words.Keys[index];
        if (key.Length < 2 || !char.IsLetter(key[0]) || lexicon.Is(words, index, "stop") || lexicon.ValueOf(key, "number") is not null
            || lexicon.ValueOf(key, "scale") is not null || dates.Is(words, index, "month") || dates.Is(words, index, "weekday")
            || lexicon.Is(words, index, "qualifier") || lexicon.Is(words, index, "range-join"))
        {
            return false;
        }

        end = index + 1;
        return true;
    }
}
