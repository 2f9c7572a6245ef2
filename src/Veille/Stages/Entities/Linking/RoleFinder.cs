using System.Text;
using Veille.Model;

namespace Veille.Stages.Entities.Linking;

/// <summary>
/// Finds the role the text gives a person at one mention: a title before the name ("le Premier ministre nigérien Ali
/// Lamine Zeine"), a comma apposition before it ("le secrétaire de presse du Pentagone, le général … Pat Ryder") or
/// after it ("Kenneth Ekman, directeur de la stratégie, de l'engagement …,"). Word lists come from <see cref="LinkingLexicon"/>.
/// </summary>
internal sealed class RoleFinder(LinkingLexicon lexicon)
{
    private const int MaxPhraseTokens = 24;
    private const int MaxAppositions = 2;

    /// <summary>
    /// The role at <paramref name="mention"/>, phrases joined by ", " in text order, or null.
    /// <paramref name="personAt"/> marks tokens inside other person mentions; a role never crosses one.
    /// </summary>
    public string? Find(string text, IReadOnlyList<Token> tokens, Sentence sentence, TokenRange mention, ReadOnlySpan<bool> personAt)
    {
        var phrases = new List<TokenRange>(3);

        // Leftwards: the title touching the name, then up to two comma appositions before it.
        int end = mention.Start;
        for (int apposition = 0; apposition <= MaxAppositions; apposition++)
        {
            // "le premier fils de Fabrice Delloye", "ministre de l'Economie": a name right after a linking word or
            // determiner is a complement of the phrase, not the holder of its title.
            if (end > sentence.Tokens.Start && (lexicon.IsLinking(Word(text, tokens[end - 1])) || lexicon.IsDeterminer(Word(text, tokens[end - 1]))))
            {
                break;
            }

            int start = ScanLeft(text, tokens, sentence.Tokens.Start, end, personAt);
            TokenRange? phrase = Trim(text, tokens, new TokenRange(start, end));
            if (phrase is not { } found || !HasTrigger(text, tokens, found))
            {
                if (apposition == 0 && end > sentence.Tokens.Start && IsComma(text, tokens[end - 1]))
                {
                    // "…, Christopher Maier": no title touches the name; try the phrase before the comma.
                    end--;
                    continue;
                }

                break;
            }

            phrases.Insert(0, found);
            int before = start - 1;
            while (before >= sentence.Tokens.Start && lexicon.IsDeterminer(Word(text, tokens[before])))
            {
                before--;
            }

            if (before < sentence.Tokens.Start || !IsComma(text, tokens[before]))
            {
                break;
            }

            end = before;
        }

        // Rightwards: ", [determiner] TRIGGER …" up to the clause end.
        int after = mention.End;
        if (after < sentence.Tokens.End && IsComma(text, tokens[after]))
        {
            int first = after + 1;
            while (first < sentence.Tokens.End && lexicon.IsDeterminer(Word(text, tokens[first])))
            {
                first++;
            }

            // ", et le lieutenant-général X" opens a new person, not an apposition.
            if (first < sentence.Tokens.End && !personAt[first] && !lexicon.IsLinking(Word(text, tokens[first])) && TriggerWithin(text, tokens, first, Math.Min(first + 3, sentence.Tokens.End), personAt))
            {
                int last = ScanRight(text, tokens, first, sentence.Tokens.End, personAt);
                if (last > first)
                {
                    phrases.Add(new TokenRange(first, last));
                }
            }
        }

        if (phrases.Count == 0)
        {
            return null;
        }

        var builder = new StringBuilder();
        foreach (TokenRange phrase in phrases)
        {
            if (builder.Length > 0)
            {
                builder.Append(", ");
            }

            AppendCollapsed(builder, text, tokens[phrase.Start].Span.Start, tokens[phrase.End - 1].Span.End);
        }

        return builder.ToString();
    }

    // Returns the first token of the phrase ending before `end`: stops at punctuation, another person, the sentence
    // start, a boundary word ("que", "said"), or a determiner not preceded by a linking word ("le" in ", le général" stops; "la" in "de la Défense" does not).
    private int ScanLeft(string text, IReadOnlyList<Token> tokens, int sentenceStart, int end, ReadOnlySpan<bool> personAt)
    {
        int i = end - 1;
        while (i >= sentenceStart && end - i <= MaxPhraseTokens)
        {
            Token token = tokens[i];
            if (personAt[i] || token.Kind is TokenKind.Punctuation or TokenKind.Symbol or TokenKind.Url or TokenKind.Email)
            {
                return i + 1;
            }

            ReadOnlySpan<char> word = Word(text, token);
            if (lexicon.IsBoundary(word))
            {
                return i + 1;
            }

            if (lexicon.IsDeterminer(word) && !lexicon.IsLinking(word))
            {
                bool linked = i - 1 >= sentenceStart && lexicon.IsLinking(Word(text, tokens[i - 1]));
                if (!linked)
                {
                    return i + 1;
                }
            }

            i--;
        }

        return end - i > MaxPhraseTokens ? end : i + 1;
    }

    // Returns the end of an apposition starting at `first`: a comma ends it unless a linking word follows
    // ("directeur de la stratégie, de l'engagement"); other punctuation and other persons end it too.
    private int ScanRight(string text, IReadOnlyList<Token> tokens, int first, int sentenceEnd, ReadOnlySpan<bool> personAt)
    {
        int i = first;
        while (i < sentenceEnd && i - first < MaxPhraseTokens)
        {
            Token token = tokens[i];
            if (personAt[i])
            {
                // "Hu Jintao, le nouveau vice-président Xi Jinping": the title belongs to the next person.
                return first;
            }

            if (token.Kind is TokenKind.Punctuation or TokenKind.Symbol)
            {
                bool continues = IsComma(text, token) && i + 1 < sentenceEnd && lexicon.IsLinking(Word(text, tokens[i + 1]))
                    && !lexicon.IsDeterminer(Word(text, tokens[i + 1]));
                if (!continues)
                {
                    break;
                }
            }

            i++;
        }

        // Never end on a linking word or determiner ("… et le").
        while (i > first && (lexicon.IsLinking(Word(text, tokens[i - 1])) || lexicon.IsDeterminer(Word(text, tokens[i - 1]))))
        {
            i--;
        }

        return i;
    }

    // Drops leading linking words and determiners ("et le lieutenant-général" → "lieutenant-général"), and the words
    // before the first trigger when a linking word or determiner separates them from it ("voix de son porte-parole"
    // → "porte-parole"; "Pentagon press secretary" stays whole).
    private TokenRange? Trim(string text, IReadOnlyList<Token> tokens, TokenRange range)
    {
        int start = range.Start;
        while (start < range.End)
        {
            ReadOnlySpan<char> word = Word(text, tokens[start]);
            if (!lexicon.IsLinking(word) && !lexicon.IsDeterminer(word))
            {
                break;
            }

            start++;
        }

        int cut = start;
        for (int i = start; i < range.End; i++)
        {
            ReadOnlySpan<char> word = Word(text, tokens[i]);
            if (lexicon.IsTrigger(word))
            {
                start = cut;
                break;
            }

            if (lexicon.IsLinking(word) || lexicon.IsDeterminer(word))
            {
                cut = i + 1;
            }
        }

        return start < range.End ? new TokenRange(start, range.End) : null;
    }

    // A role phrase is headed by a trigger: among its first three tokens (French, "secrétaire d'État adjoint") or its
    // last token (English, "Pentagon press secretary").
    private bool HasTrigger(string text, IReadOnlyList<Token> tokens, TokenRange range)
    {
        int limit = Math.Min(range.End, range.Start + 3);
        for (int i = range.Start; i < limit; i++)
        {
            if (lexicon.IsTrigger(Word(text, tokens[i])))
            {
                return true;
            }
        }

        return lexicon.IsTrigger(Word(text, tokens[range.End - 1]));
    }

    // A trigger among tokens [from, to) before any person: "the US secretary of state" has its head third.
    private bool TriggerWithin(string text, IReadOnlyList<Token> tokens, int from, int to, ReadOnlySpan<bool> personAt)
    {
        for (int i = from; i < to && !personAt[i]; i++)
        {
            if (lexicon.IsTrigger(Word(text, tokens[i])))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsComma(string text, Token token) => token.Span.Length == 1 && text[token.Span.Start] == ',';

    private static ReadOnlySpan<char> Word(string text, Token token) => text.AsSpan(token.Span.Start, token.Span.Length);

    private static void AppendCollapsed(StringBuilder builder, string text, int start, int end)
    {
        bool space = false;
        for (int i = start; i < end; i++)
        {
            char c = text[i];
            if (char.IsWhiteSpace(c))
            {
                space = true;
                continue;
            }

            if (space)
            {
                builder.Append(' ');
                space = false;
            }

            builder.Append(c);
        }
    }
}
