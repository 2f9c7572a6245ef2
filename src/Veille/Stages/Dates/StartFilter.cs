using System.Collections.Frozen;

namespace Veille.Stages.Dates;

/// <summary>
/// A cheap test of whether a phrase of a word list may start at a word, so recognisers skip most words. A "strong"
/// word is itself a phrase ("avril", "deux"); a "weak" one only opens longer phrases ("le", "dans", "il") and passes
/// only when one of the next three words belongs to some phrase or is a number. Immutable and thread-safe.
/// </summary>
internal sealed class StartFilter
{
    private const int Lookahead = 3;
    private readonly FrozenSet<string> strong;
    private readonly FrozenSet<string> weak;
    private readonly FrozenSet<string> inner;

    public StartFilter(IEnumerable<PhraseLexicon.Phrase> phrases)
    {
        var strongKeys = new HashSet<string>(StringComparer.Ordinal);
        var firstKeys = new HashSet<string>(StringComparer.Ordinal);
        var innerKeys = new HashSet<string>(StringComparer.Ordinal);
        foreach (PhraseLexicon.Phrase phrase in phrases)
        {
            firstKeys.Add(phrase.Keys[0]);
            if (phrase.Keys.Length == 1 && phrase.Kind is not ("article" or "this" or "vague-unit" or "publication-cue" or "decade" or "ago" or "in" or "set-cue" or "number-article" or "range-start"))
            {
                strongKeys.Add(phrase.Keys[0]);
            }

            for (int k = 1; k < phrase.Keys.Length; k++)
            {
                innerKeys.Add(phrase.Keys[k]);
            }
        }

        firstKeys.ExceptWith(strongKeys);
        innerKeys.UnionWith(strongKeys);
        strong = strongKeys.ToFrozenSet(StringComparer.Ordinal);
        weak = firstKeys.ToFrozenSet(StringComparer.Ordinal);
        inner = innerKeys.ToFrozenSet(StringComparer.Ordinal);
    }

    /// <summary>True when a phrase or a number may start at word <paramref name="index"/>.</summary>
    public bool MayStart(WordSequence words, int index)
    {
        string key = words.Keys[index];
        if (key.Length == 0 || char.IsAsciiDigit(key[0]) || strong.Contains(key))
        {
            return true;
        }

        if (weak.Contains(key))
        {
            int end = Math.Min(words.Count, index + 1 + Lookahead);
            for (int next = index + 1; next < end; next++)
            {
                string nextKey = words.Keys[next];
                if (nextKey.Length > 0 && (char.IsAsciiDigit(nextKey[0]) || inner.Contains(nextKey) || IsHyphenated(nextKey)))
                {
                    return true;
                }
            }

            return false;
        }

        return IsHyphenated(key);

        bool IsHyphenated(string text)
        {
            int hyphen = text.IndexOf('-', StringComparison.Ordinal);
            return hyphen > 0 && strong.Contains(text[..hyphen]);
        }
    }
}
