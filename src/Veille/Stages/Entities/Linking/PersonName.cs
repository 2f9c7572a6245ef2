using Veille.Model;
using Veille.Stages.Entities.Geo;

namespace Veille.Stages.Entities.Linking;

/// <summary>
/// A person's name reduced to its identifying words: courtesy titles and role words up to the last one before the final
/// word dropped, middle initials
/// dropped ("Kurt M. Campbell" → "Kurt Campbell"), split particles joined ("Fitz Gibbon" → "FitzGibbon").
/// </summary>
/// <param name="Words">The kept words as written (after joining).</param>
/// <param name="Key">Folded words joined by '-' ("kurt-campbell"): equal for variants in any document.</param>
/// <param name="SurnameKey">Compact folded last word ("campbell", "fitzgibbon").</param>
/// <param name="FirstKey">Compact folded first word.</param>
/// <param name="IsSurnameOnly">True when the name is one word, or lowercase particles then one word ("de Gaulle").</param>
internal sealed record PersonName(string[] Words, string Key, string SurnameKey, string FirstKey, bool IsSurnameOnly)
{
    /// <summary>The canonical display form: the kept words joined by spaces.</summary>
    public string Canonical => string.Join(' ', Words);

    /// <summary>Parses the words of <paramref name="tokens"/>; null when no name word is left.</summary>
    public static PersonName? Parse(string text, IReadOnlyList<Token> tokens, TokenRange range, LinkingLexicon lexicon)
    {
        var words = new List<string>(range.Length);
        for (int i = range.Start; i < range.End; i++)
        {
            Token token = tokens[i];
            if (token.Kind is TokenKind.Word)
            {
                words.Add(text.Substring(token.Span.Start, token.Span.Length));
            }
        }

        return Parse(words, lexicon);
    }

    /// <summary>Parses already split words (see the other overload).</summary>
    public static PersonName? Parse(List<string> words, LinkingLexicon lexicon)
    {
        // Trailing possessives ("Ryder's" is split by the tokenizer into "Ryder" + "'s").
        while (words.Count > 0 && words[^1] is "'s" or "\u2019s" or "'" or "\u2019")
        {
            words.RemoveAt(words.Count - 1);
        }

        // A title the recogniser swallowed ends at its last title word before the final word: "AM President Barack
        // Obama" → "Barack Obama"; "John Major" keeps its last word.
        // Courtesy titles only count in front: "M." in "Kurt M. Campbell" is an initial, not "Monsieur".
        int start = 0;
        for (int i = words.Count - 2; i >= 0; i--)
        {
            if (lexicon.IsTrigger(words[i]) && !IsInitial(words[i]))
            {
                start = i + 1;
                break;
            }
        }

        while (start < words.Count - 1 && (lexicon.IsHonorific(words[start])
            || (!NameFolding.IsCapitalized(words[start]) && !lexicon.IsParticle(words[start]))))
        {
            start++;
        }

        var kept = new List<string>(words.Count - start);
        for (int i = start; i < words.Count; i++)
        {
            bool middle = i > start && i < words.Count - 1;
            if (middle && IsInitial(words[i]))
            {
                continue;
            }

            if (i < words.Count - 1 && lexicon.IsJoinParticle(words[i]) && NameFolding.IsCapitalized(words[i + 1]))
            {
                kept.Add(words[i] + words[i + 1]);
                i++;
                continue;
            }

            kept.Add(words[i]);
        }

        if (kept.Count == 0)
        {
            return null;
        }

        var slugs = new string[kept.Count];
        for (int i = 0; i < kept.Count; i++)
        {
            slugs[i] = NameFolding.Slug(kept[i]);
        }

        string key = string.Join('-', slugs.Where(slug => slug.Length > 0));
        if (key.Length == 0)
        {
            return null;
        }

        bool surnameOnly = true;
        for (int i = 0; i < kept.Count - 1; i++)
        {
            surnameOnly &= lexicon.IsParticle(kept[i]);
        }

        return new PersonName([.. kept], key, NameFolding.Compact(kept[^1]), NameFolding.Compact(kept[0]), surnameOnly);
    }

    /// <summary>True for "M.", "M", "J.-P." : one or two letters each followed by a dot, or a lone capital.</summary>
    internal static bool IsInitial(ReadOnlySpan<char> word)
    {
        if (word.Length == 1)
        {
            return char.IsUpper(word[0]);
        }

        int letters = 0;
        foreach (char c in word)
        {
            if (char.IsLetter(c))
            {
                letters++;
            }
            else if (c is not '.' and not '-')
            {
                return false;
            }
        }

        return word[^1] == '.' && letters <= 2 && char.IsUpper(word[0]);
    }
}
