using System.Text;

namespace Veille.Stages.Entities.Geo;

/// <summary>
/// Folds names for matching: lowercase, diacritics removed (é → e, œ → oe, ß → ss), only letters and digits kept.
/// Thread-safe; the compact form ignores spaces, hyphens, dots and apostrophes, so "États-Unis", "Etats Unis" and
/// "U.S." fold to "etatsunis" and "us".
/// </summary>
internal static class NameFolding
{
    /// <summary>Longest folded key computed on the stack; longer names are not looked up.</summary>
    public const int MaxKeyLength = 128;

    // Folded lowercase base letter for U+0000..U+024F (Latin-1 and Latin Extended-A/B), '\0' for non letters/digits.
    private static readonly char[] Table = BuildTable();

    /// <summary>Writes the compact folded form of <paramref name="name"/> into <paramref name="destination"/>; returns its length, or -1 when it does not fit.</summary>
    public static int Compact(ReadOnlySpan<char> name, Span<char> destination)
    {
        // Invariant: written <= destination.Length; each input char adds 0, 1 or 2 chars.
        int written = 0;
        foreach (char c in name)
        {
            if (c < Table.Length)
            {
                char folded = Table[c];
                if (folded == '\0')
                {
                    continue;
                }

                if (written >= destination.Length)
                {
                    return -1;
                }

                destination[written++] = folded;
                char second = SecondOf(c);
                if (second != '\0')
                {
                    if (written >= destination.Length)
                    {
                        return -1;
                    }

                    destination[written++] = second;
                }
            }
            else if (char.IsLetterOrDigit(c))
            {
                if (written >= destination.Length)
                {
                    return -1;
                }

                destination[written++] = char.ToLowerInvariant(c);
            }
        }

        return written;
    }

    /// <summary>The compact folded form as a string ("" when nothing is left).</summary>
    public static string Compact(ReadOnlySpan<char> name)
    {
        char[] buffer = new char[(name.Length * 2) + 1];
        int length = Compact(name, buffer);
        return new string(buffer, 0, Math.Max(length, 0));
    }

    /// <summary>
    /// A readable id slug: folded words joined by '-' ("Département d'État" → "departement-d-etat");
    /// every run of characters that are not letters or digits becomes one hyphen.
    /// </summary>
    public static string Slug(ReadOnlySpan<char> name)
    {
        var builder = new StringBuilder(name.Length);
        bool pendingHyphen = false;
        foreach (char c in name)
        {
            char folded = c < Table.Length ? Table[c] : char.IsLetterOrDigit(c) ? char.ToLowerInvariant(c) : '\0';
            if (folded == '\0')
            {
                pendingHyphen = builder.Length > 0;
                continue;
            }

            if (pendingHyphen)
            {
                builder.Append('-');
                pendingHyphen = false;
            }

            builder.Append(folded);
            char second = c < Table.Length ? SecondOf(c) : '\0';
            if (second != '\0')
            {
                builder.Append(second);
            }
        }

        return builder.ToString();
    }

    /// <summary>True when the first letter of <paramref name="word"/> is uppercase.</summary>
    public static bool IsCapitalized(ReadOnlySpan<char> word) => word.Length > 0 && char.IsUpper(word[0]);

    private static char SecondOf(char c) => c switch
    {
        'œ' or 'Œ' or 'æ' or 'Æ' => 'e',
        'ß' => 's',
        _ => '\0',
    };

    private static char[] BuildTable()
    {
        var table = new char[0x250];
        for (int i = 0; i < table.Length; i++)
        {
            char c = (char)i;
            if (!char.IsLetterOrDigit(c))
            {
                continue;
            }

            string decomposed = c.ToString().Normalize(NormalizationForm.FormD);
            table[i] = char.ToLowerInvariant(decomposed[0]);
        }

        table['œ'] = 'o';
        table['Œ'] = 'o';
        table['æ'] = 'a';
        table['Æ'] = 'a';
        table['ß'] = 's';
        table['ø'] = 'o';
        table['Ø'] = 'o';
        table['đ'] = 'd';
        table['Đ'] = 'd';
        table['ł'] = 'l';
        table['Ł'] = 'l';
        table['ı'] = 'i';
        return table;
    }
}
