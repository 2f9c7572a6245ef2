using System.Buffers;
using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using Veille.Model;

namespace Veille.Stages.Tokenization;

/// <summary>
/// Rule-based, lossless tokenizer for French and English news text (the rules are listed in docs/tokenization.md);
/// thread-safe, allocation-free apart from the result.
/// </summary>
public static class TokenScanner
{
    private static readonly SearchValues<char> Apostrophes = SearchValues.Create("'\u2019\u02BC");
    private static readonly SearchValues<char> Hyphens = SearchValues.Create("-\u2010\u2011");
    private static readonly SearchValues<char> NumberSpaces = SearchValues.Create(" \u00A0\u202F\u2009");
    private static readonly SearchValues<char> NumberJoiners = SearchValues.Create(".,:/-");
    private static readonly SearchValues<char> SentenceMarks = SearchValues.Create("!?");
    private static readonly SearchValues<char> RepeatableMarks = SearchValues.Create("-*=_~#+$/\\");
    private static readonly SearchValues<char> SymbolMarks = SearchValues.Create("%‰°#&@*+=<>|~^$€£¥");
    private static readonly SearchValues<char> UrlStops = SearchValues.Create("\"<>«»“”‹›");
    private static readonly SearchValues<char> UrlTrailing = SearchValues.Create(".,;:!?'\u2019\"*");
    private static readonly SearchValues<char> EmailLocal = SearchValues.Create("._%+-");
    private static readonly SearchValues<char> DomainChars = SearchValues.Create(
        "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-");

    private static readonly FrozenSet<string> Elisions = FrozenSet.Create(
        StringComparer.OrdinalIgnoreCase,
        "l", "d", "qu", "jusqu", "lorsqu", "puisqu", "quoiqu", "n", "s", "c", "j", "m", "t");

    private static readonly FrozenSet<string> EnglishClitics = FrozenSet.Create(
        StringComparer.OrdinalIgnoreCase, "s", "re", "ve", "ll", "d", "m");

    private static readonly FrozenSet<string> Ordinals = FrozenSet.Create(
        StringComparer.OrdinalIgnoreCase,
        "er", "re", "ère", "ers", "res", "ères", "e", "es", "ème", "èmes", "eme", "emes", "nd", "nde", "nds", "ndes",
        "d", "st", "rd", "th");

    // French subject pronouns split off an inverted verb ("dit-il", "est-ce"); "on" only after "-t-" because English
    // has many "-on" compounds ("add-on", "hands-on").
    private static readonly FrozenSet<string> InvertedPronouns = FrozenSet.Create(
        StringComparer.OrdinalIgnoreCase, "il", "ils", "elle", "elles", "je", "tu", "ce");

    private static readonly FrozenSet<string> TopLevelDomains = FrozenSet.Create(
        StringComparer.Ordinal, "com", "org", "net", "fr", "uk", "de", "io", "gov", "edu", "eu", "info", "be", "ch", "ca", "us");

    private static readonly FrozenSet<string> FileExtensions = FrozenSet.Create(
        StringComparer.OrdinalIgnoreCase, "pdf", "htm", "html", "doc", "docx", "xls", "xlsx", "ppt", "pptx", "txt", "csv", "jpg", "jpeg", "png", "gif", "zip", "mp3", "mp4");

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> FileExtensionLookup = FileExtensions.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> ElisionLookup = Elisions.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> CliticLookup = EnglishClitics.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> OrdinalLookup = Ordinals.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> PronounLookup = InvertedPronouns.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> DomainLookup = TopLevelDomains.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Splits <paramref name="text"/> into tokens ordered by offset; whitespace is never part of a token.</summary>
    public static ImmutableArray<Token> Scan(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var scanner = new Scanner(text, AbbreviationTable.Default);
        return scanner.Run();
    }

    private static bool IsWordChar(char c)
    {
        if (char.IsAsciiLetterOrDigit(c))
        {
            return true;
        }

        if (c < 0x80)
        {
            return false;
        }

        UnicodeCategory category = CharUnicodeInfo.GetUnicodeCategory(c);
        return category <= UnicodeCategory.EnclosingMark || category == UnicodeCategory.DecimalDigitNumber;
    }

    /// <summary>Length (1 or 2) of the word character (letter, mark or digit, possibly a surrogate pair) at <paramref name="i"/>, else 0.</summary>
    private static int WordCharLength(string text, int i)
    {
        char c = text[i];
        if (!char.IsHighSurrogate(c))
        {
            return IsWordChar(c) ? 1 : 0;
        }

        if (i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
        {
            UnicodeCategory category = CharUnicodeInfo.GetUnicodeCategory(text, i);
            return category <= UnicodeCategory.EnclosingMark || category == UnicodeCategory.DecimalDigitNumber ? 2 : 0;
        }

        return 0;
    }

    private static bool IsLetterAt(string text, int i) => i < text.Length && char.IsLetter(text, i);

    /// <summary>One pass over one text; the position only moves forward.</summary>
    private struct Scanner
    {
        private readonly string text;
        private readonly AbbreviationTable abbreviations;
        private readonly ImmutableArray<Token>.Builder tokens;

        // Offsets up to which a failed e-mail or host-name scan proved there is no match; keep both scans linear.
        private int noEmailBefore;
        private int noDomainBefore;

        public Scanner(string text, AbbreviationTable abbreviations)
        {
            this.text = text;
            this.abbreviations = abbreviations;
            tokens = ImmutableArray.CreateBuilder<Token>((text.Length / 5) + 4);
        }

        public ImmutableArray<Token> Run()
        {
            // Invariant: i only grows, every token starts where the previous one ended or after whitespace,
            // and no token contains whitespace.
            string s = text;
            int i = 0;
            while (i < s.Length)
            {
                char c = s[i];
                if (char.IsWhiteSpace(c))
                {
                    i++;
                    continue;
                }

                int before = i;
                i = ScanToken(i);
                Debug.Assert(i > before, "The scanner must make progress.");
            }

            return tokens.DrainToImmutable();
        }

        private readonly void Add(int start, int end, TokenKind kind)
        {
            Debug.Assert(start < end, "Tokens are never empty.");
            tokens.Add(new Token(new TextSpan(start, end), kind, end < text.Length && char.IsWhiteSpace(text[end])));
        }

        private int ScanToken(int i)
        {
            string s = text;
            char c = s[i];
            if (c is 'h' or 'H' or 'f' or 'F' or 'w' or 'W')
            {
                int urlEnd = TryUrl(i);
                if (urlEnd > i)
                {
                    Add(i, urlEnd, TokenKind.Url);
                    return urlEnd;
                }
            }

            int wordLength = WordCharLength(s, i);
            if (wordLength > 0)
            {
                if (i >= noEmailBefore)
                {
                    int emailEnd = TryEmail(i);
                    if (emailEnd > i)
                    {
                        Add(i, emailEnd, TokenKind.Email);
                        return emailEnd;
                    }
                }

                return char.IsAsciiDigit(c) ? ScanNumber(i) : ScanWord(i, i, hasLetter: false);
            }

            return ScanPunctuation(i);
        }

        private int ScanPunctuation(int i)
        {
            string s = text;
            char c = s[i];
            int end = i + 1;
            TokenKind kind;
            if (c == '.')
            {
                while (end < s.Length && s[end] == '.')
                {
                    end++;
                }

                kind = TokenKind.Punctuation;
            }
            else if (SentenceMarks.Contains(c))
            {
                while (end < s.Length && SentenceMarks.Contains(s[end]))
                {
                    end++;
                }

                kind = TokenKind.Punctuation;
            }
            else if (RepeatableMarks.Contains(c) && end < s.Length && s[end] == c)
            {
                // Rules and dashes typed as "--", "***", "====" are one token.
                while (end < s.Length && s[end] == c)
                {
                    end++;
                }

                kind = char.IsPunctuation(c) ? TokenKind.Punctuation : TokenKind.Symbol;
            }
            else if (c is ':' or ';' && EmoticonLength(i) is > 0 and var emoticon)
            {
                end = i + emoticon;
                kind = TokenKind.Symbol;
            }
            else if (char.IsHighSurrogate(c) && end < s.Length && char.IsLowSurrogate(s[end]))
            {
                end++;
                kind = char.IsPunctuation(s, i) ? TokenKind.Punctuation : TokenKind.Symbol;
            }
            else
            {
                kind = char.IsPunctuation(c) && !SymbolMarks.Contains(c) ? TokenKind.Punctuation : TokenKind.Symbol;
            }

            end = SkipAttachedMarks(end);
            Add(i, end, kind);
            return end;
        }

        /// <summary>Length of a ":)", ":-(", ";)" emoticon at <paramref name="i"/> standing between spaces, else 0.</summary>
        private readonly int EmoticonLength(int i)
        {
            string s = text;
            if (i > 0 && !char.IsWhiteSpace(s[i - 1]))
            {
                return 0;
            }

            int k = i + 1;
            if (k < s.Length && s[k] == '-')
            {
                k++;
            }

            if (k >= s.Length || s[k] is not (')' or '('))
            {
                return 0;
            }

            k++;
            return k == s.Length || char.IsWhiteSpace(s[k]) ? k - i : 0;
        }

        /// <summary>Keeps combining marks, variation selectors, emoji modifiers and zero-width-joined code points on the symbol before them.</summary>
        private readonly int SkipAttachedMarks(int end)
        {
            string s = text;
            while (end < s.Length)
            {
                char c = s[end];
                if (c is '\uFE0E' or '\uFE0F' || CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark or UnicodeCategory.SpacingCombiningMark)
                {
                    end++;
                }
                else if (c == '\uD83C' && end + 1 < s.Length && s[end + 1] is (>= '\uDFFB' and <= '\uDFFF') or (>= '\uDDE6' and <= '\uDDFF'))
                {
                    // Skin-tone modifiers and the second regional indicator of a flag.
                    end += 2;
                }
                else if (c == '\u200D' && end + 1 < s.Length && !char.IsWhiteSpace(s[end + 1]))
                {
                    end += char.IsHighSurrogate(s[end + 1]) && end + 2 < s.Length && char.IsLowSurrogate(s[end + 2]) ? 3 : 2;
                }
                else
                {
                    break;
                }
            }

            return end;
        }

        private readonly int TryUrl(int i)
        {
            string s = text;
            ReadOnlySpan<char> rest = s.AsSpan(i);
            int prefix = rest.StartsWith("https://", StringComparison.OrdinalIgnoreCase) ? 8
                : rest.StartsWith("http://", StringComparison.OrdinalIgnoreCase) ? 7
                : rest.StartsWith("ftp://", StringComparison.OrdinalIgnoreCase) ? 6
                : rest.StartsWith("www.", StringComparison.OrdinalIgnoreCase) ? 4
                : 0;
            if (prefix == 0 || (i > 0 && IsWordChar(s[i - 1])))
            {
                return i;
            }

            int end = ExtendUrl(i, i + prefix);
            return end > i + prefix ? end : i;
        }

        /// <summary>Extends a URL from <paramref name="from"/> to the next space or quote, then gives back trailing punctuation.</summary>
        private readonly int ExtendUrl(int start, int from)
        {
            string s = text;
            int end = from;
            int open = 0;
            int close = 0;
            while (end < s.Length && !char.IsWhiteSpace(s[end]) && !UrlStops.Contains(s[end]))
            {
                if (s[end] == '(')
                {
                    open++;
                }
                else if (s[end] == ')')
                {
                    close++;
                }

                end++;
            }

            while (end > from)
            {
                char last = s[end - 1];
                if (UrlTrailing.Contains(last))
                {
                    end--;
                }
                else if (last == ')' && close > open)
                {
                    close--;
                    end--;
                }
                else
                {
                    break;
                }
            }

            Debug.Assert(end >= start, "A URL never ends before it starts.");
            return end;
        }

        private int TryEmail(int i)
        {
            string s = text;
            int j = i;
            while (j < s.Length && (IsWordChar(s[j]) || EmailLocal.Contains(s[j])))
            {
                j++;
            }

            if (j >= s.Length || s[j] != '@' || j == i)
            {
                noEmailBefore = j;
                return i;
            }

            int domainStart = j + 1;
            int k = domainStart;
            while (k < s.Length && (IsWordChar(s[k]) || s[k] is '-' or '.'))
            {
                k++;
            }

            while (k > domainStart && s[k - 1] is '.' or '-')
            {
                k--;
            }

            int lastDot = s.LastIndexOf('.', k - 1, k - domainStart);
            if (lastDot <= domainStart || lastDot >= k - 1)
            {
                noEmailBefore = j;
                return i;
            }

            return k;
        }

        private int ScanNumber(int i)
        {
            // Groups: digits, then ".,:/-" + digits (decimals, thousands, times, dates, ranges), or a space + exactly three digits
            // when the first group has one to three digits ("1 000 000" but not "2023 1").
            string s = text;
            int j = SkipDigits(i);
            bool spaceGrouping = j - i <= 3;
            bool plain = true;
            while (j < s.Length)
            {
                char c = s[j];
                if (NumberJoiners.Contains(c) && j + 1 < s.Length && char.IsAsciiDigit(s[j + 1]))
                {
                    j = SkipDigits(j + 1);
                    plain = false;
                    spaceGrouping = false;
                }
                else if (spaceGrouping && NumberSpaces.Contains(c) && j + 3 < s.Length
                    && char.IsAsciiDigit(s[j + 1]) && char.IsAsciiDigit(s[j + 2]) && char.IsAsciiDigit(s[j + 3])
                    && (j + 4 == s.Length || !char.IsAsciiDigit(s[j + 4])))
                {
                    j += 4;
                    plain = false;
                }
                else
                {
                    break;
                }
            }

            if (!plain || j >= s.Length)
            {
                Add(i, j, TokenKind.Number);
                return j;
            }

            if (char.IsLetter(s[j]))
            {
                int suffixEnd = j;
                while (suffixEnd < s.Length && char.IsLetter(s[suffixEnd]))
                {
                    suffixEnd++;
                }

                bool alone = suffixEnd == s.Length || (!IsWordChar(s[suffixEnd]) && !Hyphens.Contains(s[suffixEnd]));
                if (alone && OrdinalLookup.Contains(s.AsSpan(j, suffixEnd - j)))
                {
                    Add(i, suffixEnd, TokenKind.Number);
                    return suffixEnd;
                }
            }

            return ScanWord(i, j, hasLetter: false);
        }

        private readonly int SkipDigits(int j)
        {
            string s = text;
            while (j < s.Length && char.IsAsciiDigit(s[j]))
            {
                j++;
            }

            return j;
        }

        private int ScanWord(int start, int from, bool hasLetter)
        {
            string s = text;
            if (from == start && TryElision(start) is var elisionEnd && elisionEnd > start)
            {
                Add(start, elisionEnd, TokenKind.Word);
                return elisionEnd;
            }

            int j = from;
            int segmentStart = start;
            bool segmentHasLetter = hasLetter;
            int lastHyphen = -1;
            int previousHyphen = -1;
            while (j < s.Length)
            {
                char c = s[j];
                int length = WordCharLength(s, j);
                if (length > 0)
                {
                    if (!segmentHasLetter && !char.IsDigit(c))
                    {
                        segmentHasLetter = true;
                    }

                    j += length;
                    continue;
                }

                if (j + 1 >= s.Length)
                {
                    break;
                }

                char next = s[j + 1];
                if (Hyphens.Contains(c) && WordCharLength(s, j + 1) > 0 && (segmentHasLetter || !char.IsDigit(next)))
                {
                    hasLetter |= segmentHasLetter;
                    previousHyphen = lastHyphen;
                    lastHyphen = j;
                    segmentStart = j + 1;
                    segmentHasLetter = false;
                    j++;
                    continue;
                }

                if (Apostrophes.Contains(c) && IsLetterAt(s, j + 1) && j > segmentStart)
                {
                    int suffixEnd = j + 1;
                    while (suffixEnd < s.Length && WordCharLength(s, suffixEnd) == 1 && char.IsLetter(s[suffixEnd]))
                    {
                        suffixEnd++;
                    }

                    bool alone = suffixEnd == s.Length || WordCharLength(s, suffixEnd) == 0;
                    ReadOnlySpan<char> suffix = s.AsSpan(j + 1, suffixEnd - j - 1);
                    if (alone && CliticLookup.Contains(suffix))
                    {
                        AddWord(start, j, hasLetter | segmentHasLetter);
                        Add(j, suffixEnd, TokenKind.Word);
                        return suffixEnd;
                    }

                    if (alone && suffix is "t" or "T" && j - 1 > segmentStart && s[j - 1] is 'n' or 'N')
                    {
                        AddWord(start, j - 1, hasLetter: true);
                        Add(j - 1, suffixEnd, TokenKind.Word);
                        return suffixEnd;
                    }

                    j++;
                    continue;
                }

                if ((c is '\u00B7' or '&') && IsLetterAt(s, j + 1) && segmentHasLetter)
                {
                    j++;
                    continue;
                }

                break;
            }

            hasLetter |= segmentHasLetter;
            if (lastHyphen > start)
            {
                int pronounStart = SplitInvertedPronoun(start, j, lastHyphen, previousHyphen);
                if (pronounStart > start)
                {
                    Add(start, pronounStart, TokenKind.Word);
                    Add(pronounStart, j, TokenKind.Word);
                    return j;
                }
            }

            if (j < s.Length)
            {
                int extended = ExtendAtDotOrDegree(start, j);
                if (extended != j)
                {
                    return extended;
                }
            }

            AddWord(start, j, hasLetter);
            return j;
        }

        private readonly void AddWord(int start, int end, bool hasLetter) =>
            Add(start, end, hasLetter ? TokenKind.Word : TokenKind.Number);

        /// <summary>End of the elided article or pronoun at <paramref name="start"/> ("l’", "qu’"), else <paramref name="start"/>.</summary>
        private readonly int TryElision(int start)
        {
            string s = text;
            int j = start;
            int limit = Math.Min(s.Length, start + 7);
            while (j < limit && char.IsAsciiLetter(s[j]))
            {
                j++;
            }

            if (j == start || j + 1 >= s.Length || !Apostrophes.Contains(s[j]) || !IsLetterAt(s, j + 1))
            {
                return start;
            }

            return ElisionLookup.Contains(s.AsSpan(start, j - start)) ? j + 1 : start;
        }

        /// <summary>Start of a trailing "-il", "-t-il"… of an inverted French verb, else <paramref name="start"/>.</summary>
        private readonly int SplitInvertedPronoun(int start, int end, int lastHyphen, int previousHyphen)
        {
            ReadOnlySpan<char> last = text.AsSpan(lastHyphen + 1, end - lastHyphen - 1);
            if (previousHyphen > start && lastHyphen - previousHyphen == 2 && text[previousHyphen + 1] is 't' or 'T'
                && (PronounLookup.Contains(last) || last.Equals("on", StringComparison.OrdinalIgnoreCase)))
            {
                return previousHyphen;
            }

            return PronounLookup.Contains(last) ? lastHyphen : start;
        }

        /// <summary>
        /// Handles a word followed by '.' or '°': dotted acronyms ("U.S.", "J.-C."), bare domains ("lemonde.fr"),
        /// listed abbreviations ("M.", "etc.", "n°") and capital initials; returns <paramref name="end"/> when none applies.
        /// </summary>
        private int ExtendAtDotOrDegree(int start, int end)
        {
            string s = text;
            char c = s[end];
            int length = end - start;
            if (c == '°')
            {
                if (abbreviations.TryGet(s.AsSpan(start, length + 1), out _))
                {
                    Add(start, end + 1, TokenKind.Word);
                    return end + 1;
                }

                return end;
            }

            if (c != '.')
            {
                return end;
            }

            bool followedByDot = end + 1 < s.Length && s[end + 1] == '.';
            if (length <= 2 && IsAllLetters(start, end))
            {
                int acronymEnd = TryAcronym(end);
                if (acronymEnd > end)
                {
                    Add(start, acronymEnd, TokenKind.Word);
                    return acronymEnd;
                }
            }

            int domainEnd = TryDomain(start, end, out bool isFileName);
            if (domainEnd > end)
            {
                Add(start, domainEnd, isFileName ? TokenKind.Word : TokenKind.Url);
                return domainEnd;
            }

            if (followedByDot)
            {
                return end;
            }

            if (abbreviations.TryGet(s.AsSpan(start, length + 1), out AbbreviationUse use)
                && ((use & AbbreviationUse.BeforeNumber) == 0 || NumberFollows(end + 1)))
            {
                Add(start, end + 1, TokenKind.Word);
                return end + 1;
            }

            if (length == 1 && char.IsUpper(s[start]))
            {
                Add(start, end + 1, TokenKind.Word);
                return end + 1;
            }

            return end;
        }

        private readonly bool IsAllLetters(int start, int end)
        {
            for (int k = start; k < end; k++)
            {
                if (!char.IsLetter(text[k]))
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>From the dot after a first short segment, matches ("-"? letters{1,2} ".")+ and returns its end, else <paramref name="dot"/>.</summary>
        private readonly int TryAcronym(int dot)
        {
            string s = text;
            int end = dot;
            int k = dot + 1;
            while (true)
            {
                if (k < s.Length && Hyphens.Contains(s[k]))
                {
                    k++;
                }

                int segmentStart = k;
                while (k < s.Length && k - segmentStart < 3 && char.IsLetter(s[k]))
                {
                    k++;
                }

                int segmentLength = k - segmentStart;
                if (segmentLength is 0 or > 2 || k >= s.Length || s[k] != '.')
                {
                    return end;
                }

                k++;
                end = k;
                if (k >= s.Length || !(char.IsLetter(s[k]) || Hyphens.Contains(s[k])))
                {
                    return end;
                }
            }
        }

        /// <summary>
        /// Matches a bare host name ending in a known top-level domain ("lemonde.fr/afrique") or a file name with a
        /// known extension ("rapport.pdf"), else returns <paramref name="dot"/>.
        /// </summary>
        private int TryDomain(int start, int dot, out bool isFileName)
        {
            string s = text;
            isFileName = false;
            if (dot < noDomainBefore)
            {
                return dot;
            }

            int k = dot;
            int lastSegmentStart = -1;
            while (k < s.Length && s[k] == '.' && k + 1 < s.Length && DomainChars.Contains(s[k + 1]))
            {
                lastSegmentStart = k + 1;
                k++;
                while (k < s.Length && DomainChars.Contains(s[k]))
                {
                    k++;
                }
            }

            if (lastSegmentStart < 0 || (k < s.Length && IsWordChar(s[k])))
            {
                noDomainBefore = k;
                return dot;
            }

            if (dot - start < 2)
            {
                return dot;
            }

            ReadOnlySpan<char> last = s.AsSpan(lastSegmentStart, k - lastSegmentStart);
            if (!DomainLookup.Contains(last))
            {
                isFileName = FileExtensionLookup.Contains(last);
                if (isFileName)
                {
                    return k;
                }

                noDomainBefore = k;
                return dot;
            }

            return k < s.Length && s[k] == '/' ? ExtendUrl(start, k) : k;
        }

        private readonly bool NumberFollows(int from)
        {
            string s = text;
            int k = from;
            while (k < s.Length && char.IsWhiteSpace(s[k]) && s[k] != '\n')
            {
                k++;
            }

            return k < s.Length && char.IsAsciiDigit(s[k]);
        }
    }
}
