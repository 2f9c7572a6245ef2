using System.Globalization;
using System.Text;
using Veille.Model;

namespace Veille.Corpus.Dedup;

/// <summary>Folds words for comparison: lowercase, accents removed, typographic apostrophes unified. Thread-safe.</summary>
internal static class WordFolder
{
    // Folded form of every char below U+0250 (Latin, Latin-1, Latin Extended-A/B); other chars are only lowercased.
    private static readonly char[] Table = BuildTable();

    /// <summary>Writes the folded form of <paramref name="word"/> into <paramref name="destination"/> (same length) and returns it.</summary>
    public static ReadOnlySpan<char> Fold(ReadOnlySpan<char> word, Span<char> destination)
    {
        int length = Math.Min(word.Length, destination.Length);
        for (int i = 0; i < length; i++)
        {
            char c = word[i];
            destination[i] = c < Table.Length ? Table[c] : c == '\u2019' ? '\'' : char.ToLowerInvariant(c);
        }

        return destination[..length];
    }

    /// <summary>The folded form of a token as a new string.</summary>
    public static string Fold(ReadOnlySpan<char> word)
    {
        Span<char> buffer = word.Length <= 128 ? stackalloc char[word.Length] : new char[word.Length];
        return new string(Fold(word, buffer));
    }

    /// <summary>64-bit FNV-1a hash of the folded form of <paramref name="word"/>, without allocating.</summary>
    public static ulong Hash(ReadOnlySpan<char> word)
    {
        ulong hash = 14695981039346656037UL;
        foreach (char raw in word)
        {
            char c = raw < Table.Length ? Table[raw] : raw == '\u2019' ? '\'' : char.ToLowerInvariant(raw);
            hash = (hash ^ c) * 1099511628211UL;
        }

        return hash;
    }

    /// <summary>True for tokens that carry content for comparison: words and numbers.</summary>
    public static bool IsContent(Token token) => token.Kind is TokenKind.Word or TokenKind.Number;

    private static char[] BuildTable()
    {
        var table = new char[0x250];
        for (int i = 0; i < table.Length; i++)
        {
            char c = char.ToLowerInvariant((char)i);
            string decomposed = c.ToString().Normalize(NormalizationForm.FormD);
            char folded = c;
            foreach (char part in decomposed)
            {
                if (CharUnicodeInfo.GetUnicodeCategory(part) != UnicodeCategory.NonSpacingMark)
                {
                    folded = part;
                    break;
                }
            }

            table[i] = folded;
        }

        table['\u0153'] = 'o'; // œ: "cœur" and "coeur" should be close; one char keeps lengths equal.
        table['\u00E6'] = 'a';
        table['\u00DF'] = 's';
        return table;
    }
}
