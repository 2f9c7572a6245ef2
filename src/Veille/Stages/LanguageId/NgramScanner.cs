using System.Globalization;
using System.Runtime.CompilerServices;

namespace Veille.Stages.LanguageId;

/// <summary>Receives the features of a normalised text from <see cref="NgramScanner"/>.</summary>
internal interface INgramSink
{
    /// <summary>One feature: <paramref name="order"/> is 1-4 for character n-grams, <see cref="NgramScanner.WordOrder"/> for whole words.</summary>
    void Add(ReadOnlySpan<char> gram, int order, ulong hash);
}

/// <summary>
/// Turns text into the features shared by training and scoring: lowercase letter runs padded with one space
/// (" le chat "), character 1-4-grams that stay inside one padded word, and whole padded words of 3-30 letters.
/// </summary>
internal static class NgramScanner
{
    /// <summary>Longest character n-gram: dropping 5-grams made scoring about a third faster at equal accuracy (docs/langid.md).</summary>
    public const int MaxOrder = 4;

    /// <summary>Order number of whole-word features; orders 1-4 are character n-grams.</summary>
    public const int WordOrder = MaxOrder + 1;

    /// <summary>Number of order slots, index 0 unused.</summary>
    public const int OrderSlots = WordOrder + 1;

    private const int MinimumWordLetters = 3;
    private const int MaximumWordLetters = 30;
    private const ulong FnvOffset = 14695981039346656037UL;
    private const ulong FnvPrime = 1099511628211UL;
    private const ulong WordSeed = 0x9E3779B97F4A7C15UL;

    /// <summary>True for letters and combining marks (Indic vowel signs), the characters that form words.</summary>
    public static bool IsWordChar(char c)
    {
        if (c < 128)
        {
            return (uint)((c | 0x20) - 'a') <= 'z' - 'a';
        }

        UnicodeCategory category = char.GetUnicodeCategory(c);
        return category <= UnicodeCategory.OtherLetter || category is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark;
    }

    /// <summary>
    /// Writes the normalised form of <paramref name="text"/> into <paramref name="destination"/> (length at least text length + 2)
    /// and returns its length; counts letters per script into <paramref name="scriptCounts"/>.
    /// </summary>
    public static int Normalize(ReadOnlySpan<char> text, Span<char> destination, Span<int> scriptCounts)
    {
        // Invariant: destination starts and ends with ' ' and never holds two spaces in a row.
        int length = 0;
        destination[length++] = ' ';
        foreach (char c in text)
        {
            if (IsWordChar(c))
            {
                char lower = char.ToLowerInvariant(c);
                destination[length++] = lower;
                scriptCounts[(int)ScriptClassifier.Of(lower)]++;
            }
            else if (destination[length - 1] != ' ')
            {
                destination[length++] = ' ';
            }
        }

        if (destination[length - 1] != ' ')
        {
            destination[length++] = ' ';
        }

        return length;
    }

    /// <summary>Feeds every feature of a normalised text (see <see cref="Normalize"/>) to <paramref name="sink"/>.</summary>
    public static void Scan<TSink>(ReadOnlySpan<char> normalized, ref TSink sink)
        where TSink : struct, INgramSink, allows ref struct
    {
        // Invariant: normalized starts and ends with ' '; grams never span a space except as their first or last char.
        int length = normalized.Length;
        for (int start = 0; start < length - 1; start++)
        {
            ulong hash = FnvOffset;
            int limit = Math.Min(MaxOrder, length - start);
            for (int order = 1; order <= limit; order++)
            {
                char c = normalized[start + order - 1];
                hash = (hash ^ c) * FnvPrime;
                if (order == 1 && c == ' ')
                {
                    ScanWord(normalized, start, ref sink);
                    continue;
                }

                sink.Add(normalized.Slice(start, order), order, hash);
                if (c == ' ')
                {
                    break;
                }
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void ScanWord<TSink>(ReadOnlySpan<char> normalized, int start, ref TSink sink)
        where TSink : struct, INgramSink, allows ref struct
    {
        int end = start + 1;
        int stop = Math.Min(normalized.Length, start + MaximumWordLetters + 2);
        while (end < stop && normalized[end] != ' ')
        {
            end++;
        }

        int letters = end - start - 1;
        if (end < stop && letters is >= MinimumWordLetters and <= MaximumWordLetters)
        {
            ReadOnlySpan<char> word = normalized.Slice(start, end - start + 1);
            sink.Add(word, WordOrder, Hash(word, WordOrder));
        }
    }

    /// <summary>The hash <see cref="Scan"/> gives a feature, used to key the model table.</summary>
    public static ulong Hash(ReadOnlySpan<char> gram, int order)
    {
        ulong hash = order == WordOrder ? FnvOffset ^ WordSeed : FnvOffset;
        foreach (char c in gram)
        {
            hash = (hash ^ c) * FnvPrime;
        }

        return hash;
    }
}
