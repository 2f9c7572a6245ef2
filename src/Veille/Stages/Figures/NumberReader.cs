using System.Globalization;
using Veille.Model;
using Veille.Stages.Dates;

namespace Veille.Stages.Figures;

/// <summary>A number read from words: its value, the words it covers, and how it was written.</summary>
/// <param name="Value">The value, scale words applied ("110 millions" = 110,000,000).</param>
/// <param name="End">Index of the first word after the number.</param>
/// <param name="Digits">True when written with digits.</param>
/// <param name="Article">True for a lone article read as one ("un", "a"): callers accept it only before a unit.</param>
/// <param name="Approximate">True for approximate nouns ("un millier", "une dizaine").</param>
/// <param name="Suffix">Letters glued after the digits that are not a scale ("km"), or null.</param>
internal readonly record struct NumberReading(decimal Value, int End, bool Digits, bool Article, bool Approximate, string? Suffix);

/// <summary>
/// Reads numbers in digits ("1 000", "1,000", "1.000", "3,5", "3bn") and words ("vingt-deux", "two hundred",
/// "un millier") with the conventions of one language's figures lexicon. Thread-safe.
/// </summary>
internal sealed class NumberReader
{
    private readonly char decimalMark;

    public NumberReader(PhraseLexicon lexicon)
    {
        Lexicon = lexicon;
        decimalMark = lexicon.ValueOf(",", "decimal-mark") is not null ? ',' : '.';
    }

    public PhraseLexicon Lexicon { get; }

    /// <summary>Reads a number starting at word <paramref name="index"/>; false when none starts there.</summary>
    public bool TryRead(WordSequence words, int index, out NumberReading reading)
    {
        reading = default;
        if (index >= words.Count)
        {
            return false;
        }

        int end;
        decimal value;
        bool digits = false;
        bool article = false;
        string? suffix = null;
        if (words.Kinds[index] == TokenKind.Number || char.IsAsciiDigit(words.Keys[index][0]))
        {
            if (!TryParseDigits(words.Keys[index], out value, out suffix))
            {
                return false;
            }

            if (suffix is not null && Lexicon.ValueOf(suffix, "scale") is { } suffixScale)
            {
                value *= decimal.Parse(suffixScale, CultureInfo.InvariantCulture);
                suffix = null;
            }

            digits = true;
            end = index + 1;
        }
        else if (!TryReadWords(words, index, out value, out end, out article))
        {
            return false;
        }

        bool approximate = false;
        if (suffix is null)
        {
            // Scale words after the number: "110 millions", "3,5 milliards", "two million".
            while (end < words.Count && Lexicon.ValueOf(words.Keys[end], "scale") is { } scale && words.Kinds[end] == TokenKind.Word)
            {
                value *= decimal.Parse(scale, CultureInfo.InvariantCulture);
                end++;
                article = false;
            }

            if (end < words.Count && Lexicon.ValueOf(words.Keys[end], "approx-noun") is { } noun)
            {
                value *= decimal.Parse(noun, CultureInfo.InvariantCulture);
                approximate = !words.Keys[end].StartsWith("dozen", StringComparison.Ordinal) && !words.Keys[end].StartsWith("score", StringComparison.Ordinal);
                end++;
                article = false;
            }
        }

        reading = new NumberReading(value, end, digits, article, approximate, suffix);
        return true;
    }

    /// <summary>Parses a digit token with the language's decimal mark: "1 000", "1.000" (fr), "1,000" (en), "3,5" (fr), "3bn".</summary>
    public bool TryParseDigits(string key, out decimal value, out string? suffix)
    {
        value = 0;
        suffix = null;
        int length = 0;
        while (length < key.Length && (char.IsAsciiDigit(key[length]) || key[length] is ' ' or '\u00A0' or '\u202F' or '\u2009' or '.' or ','))
        {
            length++;
        }

        while (length > 0 && !char.IsAsciiDigit(key[length - 1]))
        {
            length--;
        }

        if (length == 0)
        {
            return false;
        }

        if (length < key.Length)
        {
            string rest = key[length..];
            if (!IsLetters(rest))
            {
                return false;
            }

            suffix = rest;
        }

        Span<char> buffer = stackalloc char[length];
        int written = 0;
        int lastSeparator = -1;
        char lastMark = '\0';
        int marks = 0;
        ReadOnlySpan<char> number = key.AsSpan(0, length);
        for (int i = 0; i < number.Length; i++)
        {
            if (number[i] is '.' or ',')
            {
                if (lastMark != '\0' && lastMark != number[i] && marks > 0)
                {
                    marks = -1000;
                }

                lastMark = number[i];
                lastSeparator = i;
                marks++;
            }
        }

        bool lastIsDecimal = false;
        if (lastSeparator >= 0)
        {
            int digitsAfter = number.Length - lastSeparator - 1;
            bool mixed = marks < 0;
            if (mixed)
            {
                lastIsDecimal = true;
            }
            else if (marks > 1)
            {
                lastIsDecimal = false;
            }
            else
            {
                lastIsDecimal = lastMark == decimalMark || digitsAfter != 3;
            }
        }

        for (int i = 0; i < number.Length; i++)
        {
            char c = number[i];
            if (char.IsAsciiDigit(c))
            {
                buffer[written++] = c;
            }
            else if (i == lastSeparator && lastIsDecimal)
            {
                buffer[written++] = '.';
            }
        }

        return decimal.TryParse(buffer[..written], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value);
    }

    private bool TryReadWords(WordSequence words, int index, out decimal value, out int end, out bool article)
    {
        value = 0;
        end = index;
        article = false;
        decimal total = 0;
        decimal current = 0;
        bool any = false;
        int i = index;
        while (i < words.Count && words.Kinds[i] == TokenKind.Word)
        {
            string key = words.Keys[i];
            if (any && Lexicon.ValueOf(key, "number-join") is not null)
            {
                // "vingt et un", "one hundred and five": only when a number word follows.
                if (i + 1 < words.Count && (Lexicon.ValueOf(words.Keys[i + 1], "number") is not null || Lexicon.ValueOf(words.Keys[i + 1], "hundred") is not null))
                {
                    i++;
                    continue;
                }

                break;
            }

            if (!TryApplyWord(key, ref total, ref current))
            {
                if (!any && Lexicon.ValueOf(key, "number-article") is { } one)
                {
                    // "a million", "an hour": only when a scale or unit follows, decided by callers.
                    current = decimal.Parse(one, CultureInfo.InvariantCulture);
                    any = true;
                    article = true;
                    i++;
                    break;
                }

                break;
            }

            article = !any && key is "un" or "une";
            any = true;
            i++;
            if (article)
            {
                break;
            }
        }

        if (!any)
        {
            return false;
        }

        value = total + current;
        end = i;
        return true;
    }

    private bool TryApplyWord(string key, ref decimal total, ref decimal current)
    {
        // Hyphenated compounds ("vingt-deux", "quatre-vingt-dix", "twenty-two") are read part by part.
        if (key.Contains('-', StringComparison.Ordinal))
        {
            decimal savedTotal = total;
            decimal savedCurrent = current;
            foreach (string part in key.Split('-'))
            {
                if (part == "et" || part == "and")
                {
                    continue;
                }

                if (!TryApplySingle(part, ref total, ref current))
                {
                    total = savedTotal;
                    current = savedCurrent;
                    return false;
                }
            }

            return true;
        }

        return TryApplySingle(key, ref total, ref current);
    }

    private bool TryApplySingle(string key, ref decimal total, ref decimal current)
    {
        if (Lexicon.ValueOf(key, "number") is { } number)
        {
            decimal n = decimal.Parse(number, CultureInfo.InvariantCulture);
            if (n == 20 && current % 100 == 4)
            {
                current += 76; // "quatre-vingt(s)" is 4 × 20.
            }
            else
            {
                current += n;
            }

            return true;
        }

        if (Lexicon.ValueOf(key, "hundred") is { } hundred)
        {
            decimal h = decimal.Parse(hundred, CultureInfo.InvariantCulture);
            decimal head = current % 1000;
            current = current - head + ((head == 0 ? 1 : head) * h);
            return true;
        }

        if (Lexicon.ValueOf(key, "scale") is { } scale && key.Length > 2)
        {
            decimal s = decimal.Parse(scale, CultureInfo.InvariantCulture);
            total += (current == 0 ? 1 : current) * s;
            current = 0;
            return true;
        }

        return false;
    }

    private static bool IsLetters(string text)
    {
        foreach (char c in text)
        {
            if (!char.IsLetter(c) && c != '$' && c != '€' && c != '£')
            {
                return false;
            }
        }

        return true;
    }
}
