using System.Globalization;
using Veille.Model;
using Veille.Stages.Figures;

namespace Veille.Stages.Dates;

/// <summary>A temporal expression found in words, with its resolved value.</summary>
/// <param name="Start">Index of its first word.</param>
/// <param name="End">Index of the word after it.</param>
/// <param name="Span">Its characters.</param>
/// <param name="Type">TIMEX3 type.</param>
/// <param name="Value">TIMEX3 value, or null when it needs a reference date that is missing.</param>
/// <param name="Anchor">What the value was resolved against.</param>
/// <param name="Day">For a calendar day written with day and month: month and day (year may be missing).</param>
/// <param name="Year">The year written in the expression, or 0.</param>
internal readonly record struct TemporalMatch(int Start, int End, TextSpan Span, TemporalType Type, string? Value, DateAnchor Anchor, (int Month, int Day)? Day = null, int Year = 0);

/// <summary>
/// Rule-based recogniser of temporal expressions over a <see cref="WordSequence"/>, for one language whose word lists
/// come from Resources/dates and Resources/figures; each rule returns the end of its longest match and the longest wins.
/// Relative expressions resolve against the reference date, and stay unresolved without one. Thread-safe.
/// </summary>
internal sealed class TemporalRecognizer
{
    private readonly PhraseLexicon lexicon;
    private readonly NumberReader numbers;
    private readonly bool french;

    public TemporalRecognizer(PhraseLexicon lexicon, NumberReader numbers)
    {
        this.lexicon = lexicon;
        this.numbers = numbers;
        french = lexicon.Language == "fr";
        starters = new StartFilter(lexicon.Phrases().Concat(numbers.Lexicon.Phrases("number", "hundred", "scale", "number-article", "approx-noun", "fraction")));
    }

    private readonly StartFilter starters;

    public PhraseLexicon Lexicon => lexicon;

    public static TemporalRecognizer French { get; } = new(PhraseLexicon.Load("dates", "fr"), new NumberReader(PhraseLexicon.Load("figures", "fr")));

    public static TemporalRecognizer English { get; } = new(PhraseLexicon.Load("dates", "en"), new NumberReader(PhraseLexicon.Load("figures", "en")));

    /// <summary>The recognisers to run for a language tag: its own, or French then English when it is neither.</summary>
    public static IReadOnlyList<TemporalRecognizer> For(string? language) => language switch
    {
        "fr" => [French],
        "en" => [English],
        _ => [French, English],
    };

    /// <summary>Finds the temporal expressions of <paramref name="words"/>, resolved against <paramref name="reference"/> when given.</summary>
    public List<TemporalMatch> Recognize(WordSequence words, DateTime? reference)
    {
        var matches = new List<TemporalMatch>();
        var resolver = new Resolver(reference);
        for (int i = 0; i < words.Count; i++)
        {
            if (words.Kinds[i] == TokenKind.Punctuation || !starters.MayStart(words, i))
            {
                continue;
            }

            Candidate best = default;
            Consider(ref best, Vague(words, i));
            Consider(ref best, DayOffset(words, i, resolver));
            Consider(ref best, Weekday(words, i, resolver));
            Consider(ref best, Explicit(words, i, resolver));
            Consider(ref best, NumericDate(words, i, resolver));
            Consider(ref best, YearOrDecade(words, i));
            Consider(ref best, UnitRelative(words, i, resolver));
            Consider(ref best, AgoOrIn(words, i, resolver));
            Consider(ref best, Duration(words, i));
            Consider(ref best, Time(words, i, resolver));
            Consider(ref best, Set(words, i));
            Consider(ref best, Season(words, i, resolver));
            Consider(ref best, Quarter(words, i, resolver));
            if (best.End > i)
            {
                // A rule may reach back one word ("the 1990s"); never over the previous expression.
                int start = Math.Max(best.Start, matches.Count > 0 ? matches[^1].End : 0);
                // A value found without a reference date was not resolved against one ("été" is XXXX-SU either way).
                DateAnchor anchor = best.Value is null || (best.Anchor == DateAnchor.Publication && reference is null) ? DateAnchor.None : best.Anchor;
                matches.Add(new TemporalMatch(start, best.End, words.Span(start, best.End), best.Type, best.Value, anchor, best.Day, best.Year));
                i = best.End - 1;
            }
        }

        return AnchorYearEarlier(words, AnchorTimes(words, matches, resolver));
    }

    /// <summary>
    /// "a year earlier", "a year ago", "last year" shortly after a quarter ("third-quarter profit ... a year earlier")
    /// mean that quarter a year before: 1989-Q3 gives 1988-Q3.
    /// </summary>
    private static List<TemporalMatch> AnchorYearEarlier(WordSequence words, List<TemporalMatch> matches)
    {
        TemporalMatch? quarter = null;
        for (int m = 0; m < matches.Count; m++)
        {
            TemporalMatch match = matches[m];
            if (match.Value is { Length: 7 } value && value[4] == '-' && value[5] == 'Q')
            {
                quarter = match;
                continue;
            }

            if (quarter is { } q && match.Value is { Length: 4 } year && AllDigits(year) && match.Span.Start - q.Span.End <= 600
                && int.Parse(year, CultureInfo.InvariantCulture) == int.Parse(q.Value.AsSpan(0, 4), CultureInfo.InvariantCulture) - 1
                && ContainsYearWord(words, match.Start, match.End))
            {
                matches[m] = match with { Value = year + q.Value![4..] };
            }
        }

        return matches;
    }

    private static bool ContainsYearWord(WordSequence words, int start, int end)
    {
        for (int k = start; k < end; k++)
        {
            if (words.Keys[k] is "year" or "an" or "annee")
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Anchors clock times on the closest preceding day mentioned within a few sentences ("mardi vers 21 h 45"), unless a
    /// set or duration comes between ("chaque lundi à 14 h 30"),
    /// as TimeML does, instead of the reference date.
    /// </summary>
    private List<TemporalMatch> AnchorTimes(WordSequence words, List<TemporalMatch> matches, Resolver resolver)
    {
        if (resolver.Reference is null)
        {
            return matches;
        }

        string referenceDay = Resolver.FormatDay(resolver.Reference.Value);
        var result = new List<TemporalMatch>(matches.Count);
        TemporalMatch? lastDay = null;
        for (int m = 0; m < matches.Count; m++)
        {
            TemporalMatch match = matches[m];
            bool followed = false;
            if (m + 1 < matches.Count && matches[m + 1] is { Type: TemporalType.Date, Value.Length: 10 } following && following.Start - match.End <= 1)
            {
                // "vers 15 h 30, hier": the day right after the clock time is its day.
                lastDay = following;
                followed = true;
            }

            bool clock = match.Type == TemporalType.Time && match.Value is { Length: > 11 } value && value[10] == 'T'
                && (value[11] is >= '0' and <= '9' || words.Keys[match.Start] is "la" or "le") && value.StartsWith(referenceDay, StringComparison.Ordinal);
            if (clock && lastDay is { } day)
            {
                string anchored = day.Value! + match.Value![10..];

                // "hier à 10 h" is one expression in French TimeML ("mardi vers 21 h 45" is two).
                if (french && result.Count > 0 && result[^1] == day && match.Start == day.End + 1 && words.TextAt(day.End) is "à")
                {
                    result[^1] = new TemporalMatch(day.Start, match.End, words.Span(day.Start, match.End), TemporalType.Time, anchored, day.Anchor, day.Day, day.Year);
                    continue;
                }
                if (followed || (match.Span.Start - day.Span.End <= 300 && result.Count > 0 && result[^1].Type is TemporalType.Date or TemporalType.Time))
                {
                    result.Add(match with { Value = anchored, Anchor = day.Anchor });
                    continue;
                }
            }

            if (match.Type == TemporalType.Date && match.Value is { Length: 10 } dayValue && char.IsAsciiDigit(dayValue[0]))
            {
                lastDay = match;
            }

            result.Add(match);
        }

        return result;
    }

    /// <summary>2 when a future form is near word <paramref name="index"/>, else -2 (past, the default in news).</summary>
    private static int Tense(WordSequence words, int index)
    {
        if (FutureContext(words, index))
        {
            return 2;
        }

        int from = Math.Max(0, index - 6);
        int to = Math.Min(words.Count, index + 4);
        for (int k = from; k < to; k++)
        {
            string key = words.Keys[k];
            if (key is "." && k < index)
            {
                from = k;
                continue;
            }

            // "a" (has) but not "à", which folds to the same key.
            if (key is "was" or "were" or "had" or "did" or "said" or "ago" or "ont" or "avait" or "avaient" or "etait" or "fut" or "est" or "sont" or "dernier" or "derniere"
                || (key == "a" && words.TextAt(k) is "a")
                || (key.Length > 4 && words.Kinds[k] == TokenKind.Word && (key.EndsWith("ed", StringComparison.Ordinal) || key.EndsWith("ait", StringComparison.Ordinal) || key.EndsWith("aient", StringComparison.Ordinal))))
            {
                return -2;
            }
        }

        // News mostly report what happened: without a cue a bare weekday is the last one.
        return -2;
    }

    private static bool FutureContext(WordSequence words, int index)
    {
        int from = Math.Max(0, index - 6);
        int to = Math.Min(words.Count, index + 3);
        for (int k = from; k < to; k++)
        {
            string key = words.Keys[k];
            if (key is "." or "!" or "?")
            {
                if (k < index)
                {
                    from = k;
                    continue;
                }

                break;
            }

            if (k < from)
            {
                continue;
            }

            if (key is "will" or "'ll" or "shall" or "va" or "vont" or "might" or "scheduled" or "prevu" or "prevue")
            {
                return true;
            }

            if (key.Length >= 6 && words.Kinds[k] == TokenKind.Word && (key.EndsWith("ront", StringComparison.Ordinal) || key.EndsWith("rons", StringComparison.Ordinal) || key.EndsWith("rez", StringComparison.Ordinal) || key.EndsWith("era", StringComparison.Ordinal) || key.EndsWith("ira", StringComparison.Ordinal)))
            {
                return true;
            }
        }

        return false;
    }

    private static void Consider(ref Candidate best, Candidate candidate)
    {
        if (candidate.End > 0 && (best.End == 0 || candidate.End > best.End || (candidate.End == best.End && candidate.Start < best.Start)))
        {
            best = candidate;
        }
    }

    private Candidate Vague(WordSequence words, int i)
    {
        int length = lexicon.Match(words, i, "vague", out string value);
        if (length == 0)
        {
            return default;
        }

        // "in the past two months" is a duration, not "in the past".
        int last = i + length - 1;
        if ((lexicon.Is(words, last, "last") || lexicon.Is(words, last, "next")) && Quantity(words, i + length, out _, out _, out _, out _))
        {
            return default;
        }

        return new Candidate(i, i + length, TemporalType.Date, value, DateAnchor.None);
    }

    private Candidate DayOffset(WordSequence words, int i, Resolver resolver)
    {
        int length = lexicon.Match(words, i, "day-offset", out string offset);
        int end = i + length;
        if (length > 0)
        {
            string? day = resolver.Day(int.Parse(offset, CultureInfo.InvariantCulture));
            if (PartOfDay(words, end, out int podEnd, out string pod))
            {
                return new Candidate(i, podEnd, TemporalType.Time, WithPart(day, pod), DateAnchor.Publication);
            }

            return new Candidate(i, end, TemporalType.Date, day, DateAnchor.Publication);
        }

        // "ce matin", "this morning", "tonight".
        int thisLength = lexicon.Match(words, i, "this", out _);
        if (thisLength > 0 && PartOfDay(words, i + thisLength, out int thisEnd, out string thisPod))
        {
            string? day = resolver.Day(0);
            return new Candidate(i, thisEnd, TemporalType.Time, WithPart(day, thisPod), DateAnchor.Publication);
        }

        // "la nuit", "le matin", "la soirée": a part of the day in focus (TimeML anchors it like a clock time).
        if (french && words.Keys[i] is "la" or "le" && PartOfDay(words, i + 1, out int focusEnd, out string focusPod))
        {
            string? day = resolver.Day(0);
            return new Candidate(i, focusEnd, TemporalType.Time, day is null ? null : day + "T" + focusPod, DateAnchor.Publication);
        }

        if (words.Keys[i] is "tonight")
        {
            string? day = resolver.Day(0);
            return new Candidate(i, i + 1, TemporalType.Time, WithPart(day, "NI"), DateAnchor.Publication);
        }

        return default;
    }

    private bool PartOfDay(WordSequence words, int index, out int end, out string pod)
    {
        int length = lexicon.Match(words, index, "part-of-day", out pod);
        end = index + length;
        return length > 0 && words.Keys[index] != "midi";
    }

    /// <summary>A day with its part ("2024-04-26TMO"); English nights stay on the day, as TimeBank annotates "Friday night".</summary>
    private string? WithPart(string? day, string pod) => day is null ? null : !french && pod == "NI" ? day : day + "T" + pod;

    private Candidate Weekday(WordSequence words, int i, Resolver resolver)
    {
        int j = i;
        int direction = 0;
        bool hasModifier = false;
        int modifierLength = lexicon.Match(words, j, "next", out _);
        if (modifierLength > 0)
        {
            direction = 1;
        }
        else if ((modifierLength = lexicon.Match(words, j, "last", out _)) > 0)
        {
            direction = -1;
        }
        else
        {
            modifierLength = lexicon.Match(words, j, "this", out _);
        }

        if (modifierLength > 0)
        {
            hasModifier = true;
            j += modifierLength;
        }

        int weekdayLength = lexicon.Match(words, j, "weekday", out string weekdayValue);
        if (weekdayLength == 0 || (!french && IsShortWeekday(words.Keys[j]) && !words.IsCapitalized(j)))
        {
            return default;
        }

        int weekday = int.Parse(weekdayValue, CultureInfo.InvariantCulture);
        int end = j + weekdayLength;
        if (!hasModifier)
        {
            if (lexicon.Match(words, end, "next", out _) is int n and > 0)
            {
                direction = 1;
                end += n;
            }
            else if (lexicon.Match(words, end, "last", out _) is int l and > 0)
            {
                direction = -1;
                end += l;
            }
        }

        if (!hasModifier && direction == 0)
        {
            // A future form nearby makes a bare weekday the coming one; otherwise it is the last one (or the reference day).
            direction = Tense(words, i);
        }

        string? day = resolver.Weekday(weekday, direction, hasModifier && direction == 0);
        if (PartOfDay(words, end, out int podEnd, out string pod))
        {
            return new Candidate(i, podEnd, TemporalType.Time, WithPart(day, pod), DateAnchor.Publication);
        }

        return new Candidate(i, end, TemporalType.Date, day, DateAnchor.Publication);
    }

    private static bool IsShortWeekday(string key) => key.Length <= 4 && key is not "mon" and not "fri";

    private Candidate Explicit(WordSequence words, int i, Resolver resolver)
    {
        int j = i;
        if (french && words.Keys[j] is "le")
        {
            j++;
        }

        // "last September", "next May", "this June", "cette décembre": the modifier opens the expression (2 stands for "this").
        int monthModifier = 0;
        if (j == i)
        {
            int length = lexicon.Match(words, j, "last", out _);
            monthModifier = length > 0 ? -1 : 0;
            if (length == 0 && (length = lexicon.Match(words, j, "next", out _)) > 0)
            {
                monthModifier = 1;
            }

            if (length == 0 && (length = lexicon.Match(words, j, "this", out _)) > 0)
            {
                monthModifier = 2;
            }

            if (length > 0 && lexicon.Match(words, j + length, "month", out _) > 0)
            {
                j += length;
            }
            else
            {
                monthModifier = 0;
            }
        }

        int weekdayLength = lexicon.Match(words, j, "weekday", out _);
        if (weekdayLength > 0)
        {
            j += weekdayLength;
            if (j < words.Count && words.Keys[j] == ",")
            {
                j++;
            }
        }

        int month;
        int day = 0;
        int monthLength;
        int end;
        if (DayNumber(words, j, out day))
        {
            int m = j + 1;
            if (!french && m < words.Count && words.Keys[m] == "of")
            {
                m++;
            }

            monthLength = lexicon.Match(words, m, "month", out string monthValue);
            if (monthLength == 0)
            {
                return default;
            }

            month = int.Parse(monthValue, CultureInfo.InvariantCulture);
            end = m + monthLength;
        }
        else
        {
            monthLength = lexicon.Match(words, j, "month", out string monthValue);
            if (monthLength == 0 || !PlausibleMonthWord(words, j))
            {
                return default;
            }

            month = int.Parse(monthValue, CultureInfo.InvariantCulture);
            end = j + monthLength;
            if (!french && DayNumber(words, end, out int englishDay))
            {
                day = englishDay;
                end++;

            }
        }

        if (monthModifier != 0 && day > 0)
        {
            return default;
        }

        int start = words.Keys[i] is "le" && day == 0 ? i + 1 : i;
        if (day == 0 && weekdayLength > 0)
        {
            return default;
        }

        int yearAt = end;
        if (yearAt + 1 < words.Count && words.Keys[yearAt] is "," or "of" && words.Keys[yearAt + 1].Length == 4)
        {
            yearAt++;
        }

        if (YearNumber(words, yearAt, out int year) && (yearAt == end || words.Keys[yearAt].Length == 4))
        {
            end = yearAt + 1;
            string value = day > 0
                ? IsValidDay(year, month, day) ? $"{year:D4}-{month:D2}-{day:D2}" : $"{year:D4}-{month:D2}"
                : $"{year:D4}-{month:D2}";
            return new Candidate(start, end, TemporalType.Date, value, DateAnchor.Explicit, day > 0 ? (month, day) : null, year);
        }

        int direction = 0;
        if (lexicon.Match(words, end, "next", out _) is int n and > 0)
        {
            direction = 1;
            end += n;
        }
        else if (lexicon.Match(words, end, "last", out _) is int l and > 0)
        {
            direction = -1;
            end += l;
        }
        else if (day == 0 && monthModifier != 0)
        {
            // "last September", "next May", "this June".
            direction = monthModifier;
        }

        string? resolved = day > 0 ? resolver.MonthDay(month, day, direction) : resolver.Month(month, direction);
        return new Candidate(start, end, TemporalType.Date, resolved, DateAnchor.Publication, day > 0 ? (month, day) : null);
    }

    private bool PlausibleMonthWord(WordSequence words, int index)
    {
        string key = words.Keys[index];
        if (key.Length <= 4 && key is not ("mai" or "juin" or "mars" or "aout" or "may" or "june" or "july")
            && !words.TextAt(index).EndsWith(".") && !(index + 1 < words.Count && (words.Keys[index + 1] == "." || char.IsAsciiDigit(words.Keys[index + 1][0]))))
        {
            // "Jan" the first name, "Mar" and "Dec" as words: abbreviations need their dot or a number after them.
            return false;
        }

        if (french)
        {
            // "mars" the planet, "sept" the number: months only when capitalised or after a preposition or article.
            return key is not ("sept" or "mai") || words.IsCapitalized(index) || (index > 0 && words.Keys[index - 1] is "en" or "de" or "d'" or "fin" or "debut" or "mi" or "courant");
        }

        if (!words.IsCapitalized(index) && (key.Length < 4 || key is "march" or "august"))
        {
            return false;
        }

        // "May" and "March" are also a modal and a verb: months only after a cue or before a number.
        bool cued = index > 0 && words.Keys[index - 1] is "in" or "of" or "since" or "last" or "next" or "this" or "early" or "late" or "mid" or "until" or "by" or ",";
        bool numberAfter = index + 1 < words.Count && words.Keys[index + 1].Length > 0 && char.IsAsciiDigit(words.Keys[index + 1][0]);
        return key is not ("may" or "march") || cued || numberAfter;
    }

    private static bool DayNumber(WordSequence words, int index, out int day)
    {
        day = 0;
        if (index >= words.Count)
        {
            return false;
        }

        string key = words.Keys[index];
        if (key is "premier" or "first")
        {
            day = 1;
            return true;
        }

        int digits = 0;
        while (digits < key.Length && char.IsAsciiDigit(key[digits]))
        {
            digits++;
        }

        if (digits is 0 or > 2)
        {
            return false;
        }

        string suffix = key[digits..];
        if (suffix.Length > 0 && suffix is not ("er" or "e" or "eme" or "st" or "nd" or "rd" or "th"))
        {
            return false;
        }

        day = int.Parse(key.AsSpan(0, digits), CultureInfo.InvariantCulture);
        return day is >= 1 and <= 31;
    }

    private static bool YearNumber(WordSequence words, int index, out int year)
    {
        year = 0;
        if (index >= words.Count || words.Kinds[index] != TokenKind.Number)
        {
            return false;
        }

        string key = words.Keys[index];
        if (key.Length == 4 && AllDigits(key))
        {
            year = int.Parse(key, CultureInfo.InvariantCulture);
            return year is >= 1000 and <= 2199;
        }

        if (key.Length == 2 && AllDigits(key))
        {
            // "le 10 novembre 93"; a number that could be a day or an amount ("December 27") is not a year.
            int twoDigits = int.Parse(key, CultureInfo.InvariantCulture);
            year = twoDigits >= 40 ? 1900 + twoDigits : 2000 + twoDigits;
            return twoDigits > 31;
        }

        return false;
    }

    private static bool AllDigits(string text)
    {
        foreach (char c in text)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return text.Length > 0;
    }

    private static bool IsValidDay(int year, int month, int day) => month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month);

    private Candidate NumericDate(WordSequence words, int i, Resolver resolver)
    {
        if (words.Kinds[i] != TokenKind.Number)
        {
            return default;
        }

        string key = words.Keys[i];
        char separator = key.Contains('/', StringComparison.Ordinal) ? '/' : key.Contains('-', StringComparison.Ordinal) ? '-' : key.Contains('.', StringComparison.Ordinal) ? '.' : '\0';
        if (separator == '\0')
        {
            return default;
        }

        string[] parts = key.Split(separator);
        foreach (string part in parts)
        {
            if (!AllDigits(part))
            {
                return default;
            }
        }

        if (parts.Length == 3)
        {
            int a = int.Parse(parts[0], CultureInfo.InvariantCulture);
            int b = int.Parse(parts[1], CultureInfo.InvariantCulture);
            int c = int.Parse(parts[2], CultureInfo.InvariantCulture);
            int year, month, day;
            if (parts[0].Length == 4)
            {
                (year, month, day) = (a, b, c);
            }
            else
            {
                year = parts[2].Length == 2 ? (c >= 40 ? 1900 + c : 2000 + c) : c;
                (day, month) = french || a > 12 ? (a, b) : (b, a);
            }

            if (parts[2].Length is not (2 or 4) && parts[0].Length != 4)
            {
                return default;
            }

            return IsValidDay(year, month, day)
                ? new Candidate(i, i + 1, TemporalType.Date, $"{year:D4}-{month:D2}-{day:D2}", DateAnchor.Explicit, (month, day), year)
                : default;
        }

        if (parts.Length == 2 && separator == '/' && french && parts[0].Length <= 2 && parts[1].Length <= 2)
        {
            int a = int.Parse(parts[0], CultureInfo.InvariantCulture);
            int b = int.Parse(parts[1], CultureInfo.InvariantCulture);
            (int day, int month) = french || a > 12 ? (a, b) : (b, a);
            if (month is < 1 or > 12 || day is < 1 or > 31)
            {
                return default;
            }

            return new Candidate(i, i + 1, TemporalType.Date, resolver.MonthDay(month, day, 0), DateAnchor.Publication, (month, day));
        }

        if (parts.Length == 2 && separator is '-' or '/' && parts[0].Length == 4 && parts[1].Length is 1 or 2)
        {
            int year = int.Parse(parts[0], CultureInfo.InvariantCulture);
            int month = int.Parse(parts[1], CultureInfo.InvariantCulture);
            return month is >= 1 and <= 12 && year is >= 1000 and <= 2199
                ? new Candidate(i, i + 1, TemporalType.Date, $"{year:D4}-{month:D2}", DateAnchor.Explicit, null, year)
                : default;
        }

        return default;
    }

    private Candidate YearOrDecade(WordSequence words, int i)
    {
        string key = words.Keys[i];

        // "les années 1990", "the 1990s", "années 90".
        if (lexicon.Is(words, i, "decade") || (french && key == "les" && i + 1 < words.Count && words.Keys[i + 1] == "annees"))
        {
            int j = key == "les" ? i + 1 : i;
            if (french && words.Keys[j] == "annees" && j + 1 < words.Count && AllDigits(words.Keys[j + 1]) && words.Keys[j + 1].Length is 2 or 4 && words.Keys[j + 1].EndsWith('0'))
            {
                string digits = words.Keys[j + 1].Length == 2 ? "19" + words.Keys[j + 1] : words.Keys[j + 1];
                return new Candidate(i, j + 2, TemporalType.Date, digits[..3] + "X", DateAnchor.Explicit);
            }
        }

        if (key.Length == 5 && key[4] == 's' && AllDigits(key[..4]) && key[3] == '0')
        {
            int start = i > 0 && words.Keys[i - 1] == "the" ? i - 1 : i;
            return new Candidate(start, i + 1, TemporalType.Date, key[..3] + "X", DateAnchor.Explicit);
        }

        if (words.Kinds[i] != TokenKind.Number || key.Length != 4 || !AllDigits(key))
        {
            return default;
        }

        int year = int.Parse(key, CultureInfo.InvariantCulture);
        bool cued = i > 0 && words.Keys[i - 1] is "en" or "in" or "since" or "depuis" or "an" or "annee" or "of" or "from" or "until" or "jusqu'en" or "by" or "dès" or "des" or "avant" or "apres" or "before" or "after" or "fin" or "debut" or "mi" or "early" or "late" or "mid";
        if (!(year is >= 1900 and <= 2100 || (cued && year is >= 1000 and <= 2199)))
        {
            return default;
        }

        // A year is not followed by a percent sign, a currency or a unit-like noun written in digits context.
        if (i + 1 < words.Count && words.Keys[i + 1] is "%" or "€" or "$" or "euros" or "dollars")
        {
            return default;
        }

        return new Candidate(i, i + 1, TemporalType.Date, key, DateAnchor.Explicit, null, year);
    }

    private Candidate UnitRelative(WordSequence words, int i, Resolver resolver)
    {
        int j = i;
        int articleLength = lexicon.Match(words, j, "article", out _);
        j += articleLength;

        // Modifier before the unit ("next week", "cette semaine", "les trois dernières années").
        int direction = 0;
        int modifier = lexicon.Match(words, j, "next", out _);
        if (modifier > 0)
        {
            direction = 1;
        }
        else if ((modifier = lexicon.Match(words, j, "last", out _)) > 0)
        {
            direction = -1;
        }
        else if ((modifier = lexicon.Match(words, j, "this", out _)) > 0)
        {
            direction = 0;
        }

        if (modifier > 0)
        {
            int k = j + modifier;
            if (numbers.TryRead(words, k, out NumberReading count) && !count.Article && count.Value > 1 && lexicon.Match(words, count.End, "unit", out string countUnit) is int cu and > 0)
            {
                // "the last three years", "next two weeks": a duration.
                return new Candidate(i, count.End + cu, TemporalType.Duration, DurationValue(count.Value, countUnit), DateAnchor.None);
            }

            int unitLength = lexicon.Match(words, k, "unit", out string unit);
            if (unitLength > 0)
            {
                int end = k + unitLength;
                if (end < words.Count && words.Keys[end] is "-ci" or "-la")
                {
                    end++;
                }

                int start = articleLength > 0 && (french || direction == 0) ? i : j;
                return new Candidate(start, end, TemporalType.Date, resolver.Shift(unit, direction), DateAnchor.Publication);
            }

            return default;
        }

        // French: number then modifier ("les trois dernières années"), or unit then modifier ("la semaine prochaine").
        if (french && articleLength > 0)
        {
            if (numbers.TryRead(words, j, out NumberReading count) && !count.Article
                && lexicon.Match(words, count.End, "last", out _) + lexicon.Match(words, count.End, "next", out _) is int m and > 0
                && lexicon.Match(words, count.End + m, "unit", out string countUnit) is int cu and > 0)
            {
                return new Candidate(i, count.End + m + cu, TemporalType.Duration, DurationValue(count.Value, countUnit), DateAnchor.None);
            }

            int unitLength = lexicon.Match(words, j, "unit", out string unit);
            if (unitLength > 0)
            {
                int k = j + unitLength;
                int next = lexicon.Match(words, k, "next", out _);
                int last = lexicon.Match(words, k, "last", out _);
                if (next + last > 0)
                {
                    return new Candidate(i, k + next + last, TemporalType.Date, resolver.Shift(unit, next > 0 ? 1 : -1), DateAnchor.Publication);
                }
            }
        }

        return default;
    }

    private Candidate AgoOrIn(WordSequence words, int i, Resolver resolver)
    {
        // French cue first ("il y a deux jours", "dans trois semaines").
        int cue = lexicon.Match(words, i, "ago", out string agoSign);
        int sign = -1;
        if (cue == 0 && french)
        {
            cue = lexicon.Match(words, i, "in", out _);
            sign = 1;
        }

        if (cue > 0 && (french || agoSign.Length == 0))
        {
            if (Quantity(words, i + cue, out decimal amount, out int end, out string unit, out bool vague))
            {
                if (vague)
                {
                    // "il y a quelques mois": TimeML keeps the vague duration ("quelques mois", PXM) without the cue.
                    return default;
                }

                return new Candidate(i, end, TemporalType.Date, (Math.Abs(amount) <= Resolver.MaxOffset ? resolver.Offset(unit, (int)amount * sign) : null), DateAnchor.Publication);
            }

            return default;
        }

        // A cue after the quantity: "two days ago", "a year earlier", "trois jours plus tard".
        if (Quantity(words, i, out decimal postAmount, out int postEnd, out string postUnit, out bool postVague)
            && lexicon.Match(words, postEnd, "after-cue", out string postSign) is int cueLength and > 0)
        {
            int direction = int.Parse(postSign, CultureInfo.InvariantCulture);
            string? value = postVague ? (direction < 0 ? "PAST_REF" : "FUTURE_REF") : (Math.Abs(postAmount) <= Resolver.MaxOffset ? resolver.Offset(postUnit, (int)postAmount * direction) : null);
            return new Candidate(i, postEnd + cueLength, TemporalType.Date, value, postVague ? DateAnchor.None : DateAnchor.Publication);
        }

        return default;
    }

    private bool Quantity(WordSequence words, int index, out decimal amount, out int end, out string unit, out bool vague)
    {
        amount = 0;
        end = index;
        unit = "";
        vague = false;
        int vagueLength = lexicon.Match(words, index, "vague-unit", out _);
        if (vagueLength > 0 && lexicon.Match(words, index + vagueLength, "unit", out unit) is int vu and > 0)
        {
            vague = true;
            end = index + vagueLength + vu;
            return true;
        }

        if (index < words.Count && words.Kinds[index] == TokenKind.Number && !AllDigitsOrDecimal(words.Keys[index]))
        {
            return false;
        }

        if (!numbers.TryRead(words, index, out NumberReading reading) || reading.Suffix is not null || reading.Value <= 0)
        {
            return false;
        }

        int k = reading.End;
        int half = 0;
        if (k + 1 < words.Count && words.Keys[k] is "et" or "and" && words.Keys[k + 1] is "demi" or "demie" or "half")
        {
            half = 2;
        }

        int unitLength = lexicon.Match(words, k, "unit", out unit);
        if (unitLength == 0 || (unit is "H" && words.Keys[k] == "h" && reading.Digits))
        {
            return false;
        }

        amount = reading.Value;
        end = k + unitLength;
        if (half == 0 && end + 1 < words.Count && words.Keys[end] is "et" && words.Keys[end + 1] is "demi" or "demie")
        {
            amount += 0.5m;
            end += 2;
        }

        return true;
    }

    private static bool AllDigitsOrDecimal(string key)
    {
        foreach (char c in key)
        {
            if (!char.IsAsciiDigit(c) && c is not ',' and not '.' and not ' ' and not '\u00A0' and not '\u202F')
            {
                return false;
            }
        }

        return true;
    }

    private Candidate Duration(WordSequence words, int i)
    {
        // Hyphenated English adjectives: "three-year", "24-hour".
        string key = words.Keys[i];
        int hyphen = key.LastIndexOf('-');
        if (!french && hyphen > 0 && hyphen < key.Length - 1)
        {
            string head = key[..hyphen];
            string? unitValue = lexicon.ValueOf(key[(hyphen + 1)..], "unit");
            if (unitValue is not null && (decimal.TryParse(head, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out decimal hyphenAmount) || TryWordNumber(head, out hyphenAmount)))
            {
                return new Candidate(i, i + 1, TemporalType.Duration, DurationValue(hyphenAmount, unitValue), DateAnchor.None);
            }
        }

        // Words that are durations: "quinquennat", "une demi-heure", "half an hour".
        int named = lexicon.Match(words, i, "duration", out string namedValue);
        if (named > 0)
        {
            return new Candidate(i, i + named, TemporalType.Duration, namedValue, DateAnchor.None);
        }

        if (!Quantity(words, i, out decimal amount, out int end, out string unit, out bool vague))
        {
            return default;
        }

        if (unit == "Y" && IsAge(words, i, end))
        {
            return default;
        }

        return new Candidate(i, end, TemporalType.Duration, vague ? "P" + (unit is "H" or "MIN" or "S" ? "T" : "") + "X" + UnitLetter(unit) : DurationValue(amount, unit), DateAnchor.None);
    }

    /// <summary>"un homme de 54 ans", "âgé de 38 ans", "38 years old": an age, which TimeML does not annotate.</summary>
    private static bool IsAge(WordSequence words, int start, int end)
    {
        if (end < words.Count && words.Keys[end] is "old" or "-old")
        {
            return true;
        }

        // An apposition after a name: "Florian Désoteux, 26 ans, demeurant…".
        if (start > 0 && words.Keys[start - 1] == "," && end < words.Count && words.Keys[end] is "," or ")")
        {
            return true;
        }

        if (start > 0 && words.Keys[start - 1] is "age" or "aged" or "agee" or "agees" or "ages")
        {
            return true;
        }

        // "un homme de 54 ans": digits of an adult age after "de", not followed by a complement ("une peine de 20 ans de prison").
        return start > 1 && words.Keys[start - 1] is "de" or "d'" && words.Kinds[start] == TokenKind.Number
            && int.TryParse(words.Keys[start], NumberStyles.None, CultureInfo.InvariantCulture, out int years) && years is >= 15 and <= 120
            && !(end < words.Count && words.Keys[end] is "de" or "d'")
            && words.Keys[start - 2] is not ("plus" or "moins" or "pres" or "pendant" or "duree" or "periode" or "peine" or "environ" or "delai" or "l'espace" or "bout" or "lors" or "apres" or "avant" or "au-dela");
    }

    private bool TryWordNumber(string text, out decimal value)
    {
        var words = new WordSequence(text, Tokenization.TokenScanner.Scan(text));
        value = 0;
        if (words.Count == 0 || !numbers.TryRead(words, 0, out NumberReading reading) || reading.End != words.Count)
        {
            return false;
        }

        value = reading.Value;
        return true;
    }

    internal static string DurationValue(decimal amount, string unit)
    {
        (decimal factor, string letter, bool time) = unit switch
        {
            "S" => (1m, "S", true),
            "MIN" => (1m, "M", true),
            "H" => (1m, "H", true),
            "D" => (1m, "D", false),
            "W" => (1m, "W", false),
            "FN" => (2m, "W", false),
            "M" => (1m, "M", false),
            "Q" => (3m, "M", false),
            "HALF" => (6m, "M", false),
            "Y" => (1m, "Y", false),
            "DE" => (10m, "Y", false),
            "CE" => (100m, "Y", false),
            _ => (1m, unit, false),
        };
        decimal total = amount * factor;
        return (time ? "PT" : "P") + total.ToString("0.##########", CultureInfo.InvariantCulture) + letter;
    }

    private static string UnitLetter(string unit) => unit switch
    {
        "MIN" => "M",
        "FN" => "W",
        "Q" or "HALF" => "M",
        "DE" => "DE",
        "CE" => "CE",
        _ => unit,
    };

    private Candidate Time(WordSequence words, int i, Resolver resolver)
    {
        string key = words.Keys[i];
        int hour = -1;
        int minute = 0;
        int end = i + 1;
        if (TryGluedClock(key, out int gluedHour, out int gluedMinute))
        {
            string? gluedDay = resolver.Day(0);
            return new Candidate(i, i + 1, TemporalType.Time, gluedDay is null ? null : gluedDay + $"T{gluedHour:D2}:{gluedMinute:D2}", DateAnchor.Publication);
        }

        if (key.Length == 8 && key[2] == ':' && key[5] == ':' && AllDigits(key[..2]) && AllDigits(key[3..5]) && AllDigits(key[6..]))
        {
            string? secondsDay = resolver.Day(0);
            return new Candidate(i, i + 1, TemporalType.Time, secondsDay is null ? null : secondsDay + "T" + key, DateAnchor.Publication);
        }

        int colon = key.IndexOfAny([':', 'h']);
        if (colon > 0 && colon <= 2 && AllDigits(key[..colon]) && (colon == key.Length - 1 ? key[colon] == 'h' : AllDigits(key[(colon + 1)..]) && key.Length - colon - 1 == 2))
        {
            hour = int.Parse(key.AsSpan(0, colon), CultureInfo.InvariantCulture);
            minute = colon == key.Length - 1 ? 0 : int.Parse(key.AsSpan(colon + 1), CultureInfo.InvariantCulture);
            if (key[colon] == 'h' && colon == key.Length - 1 && end < words.Count && AllDigits(words.Keys[end]) && words.Keys[end].Length == 2)
            {
                minute = int.Parse(words.Keys[end], CultureInfo.InvariantCulture);
                end++;
            }
        }
        else if (words.Kinds[i] == TokenKind.Number && AllDigits(key) && key.Length <= 2 && end < words.Count)
        {
            int h = int.Parse(key, CultureInfo.InvariantCulture);
            string next = words.Keys[end];
            bool cued = i > 0 && words.Keys[i - 1] is "a" or "vers" or "des" or "at" or "jusqu'a" or "avant" or "apres" or "by" or "until" or "around";
            if (next is "h" || (next is "heures" or "heure" && cued))
            {
                hour = h;
                end++;
                if (end < words.Count && words.Kinds[end] == TokenKind.Number && AllDigits(words.Keys[end]) && words.Keys[end].Length == 2)
                {
                    minute = int.Parse(words.Keys[end], CultureInfo.InvariantCulture);
                    end++;
                }
            }
            else if (next is "am" or "pm" or "a.m" or "p.m" or "o'clock" or "a" or "p" && (next.Length > 1 || (end + 1 < words.Count && words.Keys[end + 1] == ".")))
            {
                hour = h;
            }
        }
        else if (lexicon.Match(words, i, "time-word", out string clock) > 0)
        {
            hour = int.Parse(clock.AsSpan(0, 2), CultureInfo.InvariantCulture);
        }

        if (hour is < 0 or > 24 || minute > 59)
        {
            return default;
        }

        if (end < words.Count && words.Keys[end] is "am" or "a.m" or "pm" or "p.m")
        {
            if (words.Keys[end][0] == 'p' && hour < 12)
            {
                hour += 12;
            }
            else if (words.Keys[end][0] == 'a' && hour == 12)
            {
                hour = 0;
            }

            end++;
        }
        else if (end < words.Count && words.Keys[end] == "o'clock")
        {
            end++;
        }

        string? day = resolver.Day(0);
        string clockValue = $"T{hour:D2}:{minute:D2}";
        return new Candidate(i, end, TemporalType.Time, day is null ? null : day + clockValue, DateAnchor.Publication);
    }

    /// <summary>"7pm", "7p.m", "10:30am", "340pm": a clock time with its am/pm glued on.</summary>
    private static bool TryGluedClock(string key, out int hour, out int minute)
    {
        hour = -1;
        minute = 0;
        string rest = key.EndsWith("am", StringComparison.Ordinal) || key.EndsWith("pm", StringComparison.Ordinal) ? key[..^2]
            : key.EndsWith("a.m", StringComparison.Ordinal) || key.EndsWith("p.m", StringComparison.Ordinal) ? key[..^3] : "";
        if (rest.Length == 0 || !char.IsAsciiDigit(rest[0]))
        {
            return false;
        }

        bool afternoon = key[rest.Length] == 'p';
        string digits = rest.Replace(":", "", StringComparison.Ordinal).Replace(".", "", StringComparison.Ordinal);
        if (!AllDigits(digits) || digits.Length > 4)
        {
            return false;
        }

        (hour, minute) = digits.Length <= 2 ? (int.Parse(digits, CultureInfo.InvariantCulture), 0)
            : (int.Parse(digits[..^2], CultureInfo.InvariantCulture), int.Parse(digits[^2..], CultureInfo.InvariantCulture));
        if (hour is < 1 or > 12 || minute > 59)
        {
            return false;
        }

        hour = afternoon ? (hour == 12 ? 12 : hour + 12) : (hour == 12 ? 0 : hour);
        return true;
    }

    private Candidate Set(WordSequence words, int i)
    {
        int setLength = lexicon.Match(words, i, "set", out string setValue);
        if (setLength > 0 && !(words.Keys[i] is "a" or "per" or "par" && (i == 0 || !char.IsAsciiDigit(words.Keys[i - 1][0]) && words.Kinds[i - 1] != TokenKind.Word)))
        {
            return new Candidate(i, i + setLength, TemporalType.Set, setValue, DateAnchor.None);
        }

        int cue = lexicon.Match(words, i, "set-cue", out _);
        if (cue == 0)
        {
            return default;
        }

        int j = i + cue;
        if (lexicon.Match(words, j, "weekday", out string weekday) is int w and > 0)
        {
            int end = j + w;
            if (PartOfDay(words, end, out int podEnd, out string pod))
            {
                return new Candidate(i, podEnd, TemporalType.Set, "XXXX-WXX-" + weekday + "T" + pod, DateAnchor.None);
            }

            return new Candidate(i, end, TemporalType.Set, "XXXX-WXX-" + weekday, DateAnchor.None);
        }

        if (lexicon.Match(words, j, "unit", out string unit) is int u and > 0)
        {
            return new Candidate(i, j + u, TemporalType.Set, DurationValue(1, unit), DateAnchor.None);
        }

        if (numbers.TryRead(words, j, out NumberReading count) && lexicon.Match(words, count.End, "unit", out string countUnit) is int cu and > 0)
        {
            return new Candidate(i, count.End + cu, TemporalType.Set, DurationValue(count.Value, countUnit), DateAnchor.None);
        }

        if (PartOfDay(words, j, out int partEnd, out string part))
        {
            return new Candidate(i, partEnd, TemporalType.Set, "XXXX-XX-XXT" + part, DateAnchor.None);
        }

        return default;
    }

    private Candidate Season(WordSequence words, int i, Resolver resolver)
    {
        int j = i;
        int article = lexicon.Match(words, j, "article", out _);
        j += article;
        int direction = 0;
        int thisLength = lexicon.Match(words, j, "this", out _);
        int nextLength = thisLength == 0 ? lexicon.Match(words, j, "next", out _) : 0;
        int lastLength = thisLength + nextLength == 0 ? lexicon.Match(words, j, "last", out _) : 0;
        direction = nextLength > 0 ? 1 : lastLength > 0 ? -1 : 0;
        j += thisLength + nextLength + lastLength;
        int seasonLength = lexicon.Match(words, j, "season", out string season);
        if (seasonLength == 0)
        {
            return default;
        }

        int end = j + seasonLength;
        int start = french ? i : i + article;
        bool cuedSeason = article + thisLength + nextLength + lastLength > 0 || (j > 0 && words.Keys[j - 1] is "en" or "d'" or "de" or "du" or "au" or "in" or "of" or "this" or "during" or "cet" or "l'");
        if (!cuedSeason && !(end < words.Count && YearNumber(words, end, out _)))
        {
            return default;
        }

        if (YearNumber(words, end, out int year) && words.Keys[end].Length == 4)
        {
            return new Candidate(start, end + 1, TemporalType.Date, $"{year:D4}-{season}", DateAnchor.Explicit, null, year);
        }

        if (french && direction == 0)
        {
            if (lexicon.Match(words, end, "next", out _) is int n and > 0)
            {
                direction = 1;
                end += n;
            }
            else if (lexicon.Match(words, end, "last", out _) is int l and > 0)
            {
                direction = -1;
                end += l;
            }
        }

        string? value = thisLength + nextLength + lastLength == 0 && direction == 0 ? $"XXXX-{season}"
            : resolver.Reference is { } reference ? $"{reference.Year + direction:D4}-{season}" : null;
        return new Candidate(start, end, TemporalType.Date, value, DateAnchor.Publication);
    }

    /// <summary>"the third quarter", "third-quarter", "le troisième trimestre", "the quarter" (the last completed one).</summary>
    private Candidate Quarter(WordSequence words, int i, Resolver resolver)
    {
        int j = i + lexicon.Match(words, i, "article", out _);
        int quarter = -1;
        int end;
        if (lexicon.Match(words, j, "quarter", out string compound) is int c and > 0 && compound != "Q")
        {
            quarter = int.Parse(compound, CultureInfo.InvariantCulture);
            end = j + c;
        }
        else
        {
            int ordinalLength = lexicon.Match(words, j, "ordinal", out string ordinal);
            int k = j + ordinalLength;
            if (lexicon.Match(words, k, "quarter", out string plain) is not (> 0) || plain != "Q" || (ordinalLength == 0 && j == i))
            {
                return default;
            }

            quarter = ordinalLength > 0 ? int.Parse(ordinal, CultureInfo.InvariantCulture) : 0;
            end = k + 1;
        }

        int year = 0;
        if (end + 1 < words.Count && words.Keys[end] is "of" or "de" && YearNumber(words, end + 1, out year))
        {
            end += 2;
        }

        string? value;
        if (year > 0 && quarter > 0)
        {
            value = $"{year:D4}-Q{quarter}";
        }
        else if (resolver.Reference is not { } reference)
        {
            value = null;
        }
        else
        {
            int current = ((reference.Month - 1) / 3) + 1;
            if (quarter == 0)
            {
                // "the quarter", "the latest quarter": the last completed one, as in earnings news.
                (year, quarter) = current == 1 ? (reference.Year - 1, 4) : (reference.Year, current - 1);
            }
            else
            {
                year = quarter > current ? reference.Year - 1 : reference.Year;
            }

            value = $"{year:D4}-Q{quarter}";
        }

        return new Candidate(i, end, TemporalType.Date, value, year > 0 && resolver.Reference is null ? DateAnchor.Explicit : DateAnchor.Publication);
    }

    private readonly record struct Candidate(int Start, int End, TemporalType Type, string? Value, DateAnchor Anchor, (int Month, int Day)? Day = null, int Year = 0);
}
