using System.Collections.Immutable;
using Veille.Model;

namespace Veille.Stages.Quotes;

/// <summary>
/// Resolves speaker phrases to entity mentions, in text order: a phrase that is a name takes its mention; a phrase
/// holding a person's name takes that person; a singular pronoun takes the last person speaker (else the last person
/// mentioned); a definite description takes the earlier person whose role shares its head noun or words ("le porte-parole
/// du Pentagone" → the person whose role is "secrétaire de presse du Pentagone"); indefinite descriptions stay anonymous.
/// </summary>
internal sealed class SpeakerResolver
{
    private const int PronounSentenceWindow = 4;

    private readonly Document document;
    private readonly QuoteLexicon lexicon;
    private readonly ImmutableArray<Mention> mentions;

    public SpeakerResolver(Document document, QuoteLexicon lexicon)
    {
        this.document = document;
        this.lexicon = lexicon;
        mentions = document.Mentions;
    }

    /// <summary>Builds the final quotes; speakers of inherited attributions are copied after their sources resolve.</summary>
    public ImmutableArray<Quote> Resolve(List<Attribution> attributions)
    {
        var resolved = new int[attributions.Count];
        int lastSpeaker = -1;
        int lastSpeakerToken = -1;
        for (int a = 0; a < attributions.Count; a++)
        {
            resolved[a] = -1;
            Attribution attribution = attributions[a];
            if (attribution.Speaker is not { } speaker || mentions.IsDefaultOrEmpty)
            {
                continue;
            }

            int mention = ResolvePhrase(speaker, lastSpeaker, lastSpeakerToken);
            resolved[a] = mention;
            if (mention >= 0 && mentions[mention].Kind == EntityKind.Person)
            {
                lastSpeaker = mention;
                lastSpeakerToken = speaker.Start;
            }
        }

        var builder = ImmutableArray.CreateBuilder<Quote>(attributions.Count);
        for (int a = 0; a < attributions.Count; a++)
        {
            Attribution attribution = attributions[a];
            Attribution source = attribution;
            int mention = resolved[a];
            int hops = 0;
            int from = a;
            while (source.InheritsFrom >= 0 && source.Speaker is null && hops++ < attributions.Count)
            {
                from = source.InheritsFrom;
                source = attributions[from];
                mention = resolved[from];
            }

            builder.Add(new Quote(
                attribution.Content,
                attribution.Kind,
                SpanOf(attribution.Cue),
                SpanOf(source.Speaker),
                mention,
                SpanOf(attribution.Conduit ?? (from != a ? source.Conduit : null))));
        }

        return builder.MoveToImmutable();
    }

    private int ResolvePhrase(TokenRange speaker, int lastSpeaker, int lastSpeakerToken)
    {
        TextSpan span = SpanOf(speaker)!.Value;
        int first = speaker.Start;
        WordClass firstClass = lexicon.ClassOf(document, first);
        if (speaker.Length == 1 && (firstClass & WordClass.Pronoun) != 0)
        {
            return ResolvePronoun(speaker.Start, lastSpeaker, lastSpeakerToken);
        }

        if (speaker.Length == 1 && (firstClass & WordClass.PluralPronoun) != 0)
        {
            return -1;
        }

        bool indefinite = (firstClass & WordClass.Indefinite) != 0 && (firstClass & WordClass.Definite) == 0;
        int person = -1;
        int covering = -1;
        for (int m = 0; m < mentions.Length; m++)
        {
            Mention mention = mentions[m];
            if (mention.Span.Start >= span.End)
            {
                break;
            }

            if (!span.Overlaps(mention.Span))
            {
                continue;
            }

            if (mention.Kind == EntityKind.Person)
            {
                person = m;
            }

            if (CoversPhrase(speaker, mention))
            {
                covering = m;
            }
        }

        if (covering >= 0)
        {
            return covering;
        }

        if (person >= 0 && !indefinite)
        {
            return person;
        }

        if (indefinite || (firstClass & WordClass.Definite) == 0)
        {
            return -1;
        }

        return HeadIsOutlet(speaker) ? LastOutlet(span.Start) : ResolveDescription(speaker);
    }

    /// <summary>True when the phrase is headed by the mention: it starts the phrase, after a determiner ("le Département d'État américain").</summary>
    private bool CoversPhrase(TokenRange speaker, Mention mention)
    {
        int start = speaker.Start;
        while (start < speaker.End - 1 && lexicon.Is(document, start, WordClass.Definite) && mention.Tokens.Start > start)
        {
            start++;
        }

        return mention.Tokens.Start <= start && mention.Tokens.End > start;
    }

    private int ResolvePronoun(int at, int lastSpeaker, int lastSpeakerToken)
    {
        ImmutableArray<Sentence> sentences = document.Sentences;
        int sentence = SentenceIndex(sentences, at);
        if (lastSpeaker >= 0 && sentence - SentenceIndex(sentences, lastSpeakerToken) <= PronounSentenceWindow)
        {
            return lastSpeaker;
        }

        int offset = document.Tokens[at].Span.Start;
        for (int m = mentions.Length - 1; m >= 0; m--)
        {
            if (mentions[m].Kind == EntityKind.Person && mentions[m].Span.End <= offset)
            {
                return sentence - SentenceIndex(sentences, mentions[m].Tokens.Start) <= PronounSentenceWindow ? m : -1;
            }
        }

        return -1;
    }

    private bool HeadIsOutlet(TokenRange speaker)
    {
        int i = speaker.Start;
        while (i < speaker.End && lexicon.Is(document, i, WordClass.Definite))
        {
            i++;
        }

        return i < speaker.End && lexicon.Is(document, i, WordClass.Outlet);
    }

    /// <summary>"le média", "the newspaper": the latest earlier organisation mention whose name holds an outlet word.</summary>
    private int LastOutlet(int offset)
    {
        for (int m = mentions.Length - 1; m >= 0; m--)
        {
            Mention mention = mentions[m];
            if (mention.Span.End > offset || mention.Kind != EntityKind.Organization)
            {
                continue;
            }

            for (int i = mention.Tokens.Start; i < mention.Tokens.End; i++)
            {
                if (lexicon.Is(document, i, WordClass.Outlet))
                {
                    return m;
                }
            }
        }

        return -1;
    }

    /// <summary>The latest earlier person whose role shares the description's head (or a synonym) or its other content words.</summary>
    private int ResolveDescription(TokenRange speaker)
    {
        var words = new List<string>();
        string? head = null;
        for (int i = speaker.Start; i < speaker.End; i++)
        {
            WordClass wordClass = lexicon.ClassOf(document, i);
            ReadOnlySpan<char> word = document.TextOf(document.Tokens[i]);
            if ((wordClass & (WordClass.Definite | WordClass.Indefinite | WordClass.Link)) != 0 || word.Length < 3)
            {
                continue;
            }

            string lower = word.ToString().ToLowerInvariant();
            head ??= lower;
            words.Add(lower);
        }

        if (head is null)
        {
            return -1;
        }

        int offset = document.Tokens[speaker.Start].Span.Start;
        int best = -1;
        int bestScore = 0;
        for (int m = 0; m < mentions.Length && mentions[m].Span.End <= offset; m++)
        {
            Mention mention = mentions[m];
            if (mention.Kind != EntityKind.Person)
            {
                continue;
            }

            string? role = mention.Role ?? (mention.Entity >= 0 && mention.Entity < document.Entities.Length ? document.Entities[mention.Entity].Role : null);
            if (role is null)
            {
                continue;
            }

            string lowerRole = role.Replace('\u2019', '\'').ToLowerInvariant();
            int score = RoleHasHead(lowerRole, head) ? 2 : 0;
            foreach (string word in words)
            {
                if (word != head && ContainsWord(lowerRole, word))
                {
                    score++;
                }
            }

            if (score > 0 && score >= bestScore)
            {
                best = m;
                bestScore = score;
            }
        }

        return best;
    }

    private bool RoleHasHead(string role, string head)
    {
        if (ContainsWord(role, head))
        {
            return true;
        }

        foreach (ImmutableArray<string> group in lexicon.Synonyms)
        {
            if (!group.Contains(head))
            {
                continue;
            }

            foreach (string synonym in group)
            {
                if (ContainsWord(role, synonym))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static bool ContainsWord(string text, string word)
    {
        int at = text.IndexOf(word, StringComparison.Ordinal);
        while (at >= 0)
        {
            bool startOk = at == 0 || !char.IsLetter(text[at - 1]);
            int end = at + word.Length;
            bool endOk = end == text.Length || !char.IsLetter(text[end]);
            if (startOk && endOk)
            {
                return true;
            }

            at = text.IndexOf(word, at + 1, StringComparison.Ordinal);
        }

        return false;
    }

    private static int SentenceIndex(ImmutableArray<Sentence> sentences, int token)
    {
        int low = 0;
        int high = sentences.Length - 1;
        while (low <= high)
        {
            int middle = (low + high) >>> 1;
            if (sentences[middle].Tokens.End <= token)
            {
                low = middle + 1;
            }
            else if (sentences[middle].Tokens.Start > token)
            {
                high = middle - 1;
            }
            else
            {
                return middle;
            }
        }

        return low;
    }

    private TextSpan? SpanOf(TokenRange? range)
    {
        if (range is not { } value || value.Length == 0)
        {
            return null;
        }

        ImmutableArray<Token> tokens = document.Tokens;
        int start = tokens[value.Start].Span.Start;

        // "-t-il", "-il": the pronoun without its hyphen and euphonic t.
        ReadOnlySpan<char> first = document.TextOf(tokens[value.Start]);
        if (value.Length == 1 && first.Length > 1 && first[0] == '-')
        {
            start += first.StartsWith("-t-") ? 3 : 1;
        }

        return new TextSpan(start, tokens[value.End - 1].Span.End);
    }
}
