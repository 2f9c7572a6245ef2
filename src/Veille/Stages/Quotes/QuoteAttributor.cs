using System.Buffers;
using System.Collections.Immutable;
using Veille.Model;

namespace Veille.Stages.Quotes;

/// <summary>A quotation found by <see cref="QuoteAttributor"/>, with token ranges still unresolved to mentions.</summary>
/// <param name="Content">The quoted or reported words.</param>
/// <param name="Kind">Direct, indirect or scare.</param>
/// <param name="Cue">Tokens of the reporting cue, or null.</param>
/// <param name="Speaker">Tokens of the speaker phrase, or null.</param>
/// <param name="Conduit">Tokens of the outlet or channel, or null.</param>
/// <param name="InheritsFrom">Index of the attribution whose speaker this one takes (a quote without its own cue), or -1.</param>
/// <param name="Position">Token index where the attribution sits in the text (its first token), for ordering and recency.</param>
internal readonly record struct Attribution(
    TextSpan Content,
    QuoteKind Kind,
    TokenRange? Cue,
    TokenRange? Speaker,
    TokenRange? Conduit,
    int InheritsFrom,
    int Position);

/// <summary>
/// Finds the cue, speaker phrase and conduit of each marked quote (cue after, before or inverted around it) and the
/// reported speech around the remaining cues ("X a déclaré que …", "…, said X", "selon X, …"). Token rules only;
/// mentions are not read here (see <see cref="SpeakerResolver"/>).
/// </summary>
internal sealed class QuoteAttributor : IDisposable
{
    private const int MaxPhraseTokens = 14;
    private const int MaxScareWords = 3;
    private const int MinReportedTokens = 3;

    private readonly Document document;
    private readonly QuoteLexicon lexicon;
    private readonly ImmutableArray<Token> tokens;
    private readonly string text;
    private readonly CueHit[] cueAt;
    private readonly bool[] quoted;
    private readonly bool[] consumed;
    private readonly int[] sentenceOf;
    private readonly int[] paragraphOf;

    private QuoteAttributor(Document document, QuoteLexicon lexicon)
    {
        this.document = document;
        this.lexicon = lexicon;
        tokens = document.Tokens;
        text = document.Text;
        int length = tokens.Length;
        cueAt = RentCleared(ArrayPool<CueHit>.Shared, length);
        quoted = RentCleared(ArrayPool<bool>.Shared, length);
        consumed = RentCleared(ArrayPool<bool>.Shared, length);
        sentenceOf = RentCleared(ArrayPool<int>.Shared, length);
        paragraphOf = RentCleared(ArrayPool<int>.Shared, length);
    }

    public static List<Attribution> Attribute(Document document, QuoteLexicon lexicon, List<MarkedQuote> marked)
    {
        using var attributor = new QuoteAttributor(document, lexicon);
        return attributor.Run(marked);
    }

    /// <summary>Returns the per-document scratch arrays to their pools.</summary>
    public void Dispose()
    {
        ArrayPool<CueHit>.Shared.Return(cueAt);
        ArrayPool<bool>.Shared.Return(quoted);
        ArrayPool<bool>.Shared.Return(consumed);
        ArrayPool<int>.Shared.Return(sentenceOf);
        ArrayPool<int>.Shared.Return(paragraphOf);
    }

    private static T[] RentCleared<T>(ArrayPool<T> pool, int length)
    {
        T[] array = pool.Rent(Math.Max(1, length));
        Array.Clear(array, 0, length);
        return array;
    }

    private List<Attribution> Run(List<MarkedQuote> marked)
    {
        IndexSentencesAndParagraphs();
        foreach (MarkedQuote quote in marked)
        {
            for (int i = quote.ContentTokens.Start; i < quote.ContentTokens.End; i++)
            {
                quoted[i] = true;
            }
        }

        FindCues();
        var result = new List<Attribution>();
        var direct = new int[marked.Count];
        for (int q = 0; q < marked.Count; q++)
        {
            direct[q] = -1;
            MarkedQuote quote = marked[q];
            Attribution? attribution = AttributeMarked(quote);
            if (attribution is { } found)
            {
                direct[q] = result.Count;
                result.Add(found);
            }
        }

        AddReportedSpeech(result);
        RemoveMarkedInsideReported(result, marked, direct);
        InheritSpeakers(result, marked, direct);
        return InTextOrder(result);
    }

    /// <summary>Sorts by content position and renumbers <see cref="Attribution.InheritsFrom"/> accordingly.</summary>
    private static List<Attribution> InTextOrder(List<Attribution> result)
    {
        int[] order = new int[result.Count];
        for (int i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }

        Array.Sort(order, (left, right) =>
        {
            int byStart = result[left].Content.Start.CompareTo(result[right].Content.Start);
            if (byStart != 0)
            {
                return byStart;
            }

            int byEnd = result[left].Content.End.CompareTo(result[right].Content.End);
            return byEnd != 0 ? byEnd : left.CompareTo(right);
        });
        int[] position = new int[order.Length];
        for (int i = 0; i < order.Length; i++)
        {
            position[order[i]] = i;
        }

        var sorted = new List<Attribution>(result.Count);
        foreach (int index in order)
        {
            Attribution attribution = result[index];
            sorted.Add(attribution.InheritsFrom >= 0 ? attribution with { InheritsFrom = position[attribution.InheritsFrom] } : attribution);
        }

        return sorted;
    }

    // ---- Marked quotes ----

    private Attribution? AttributeMarked(MarkedQuote quote)
    {
        // A scare quote or title is a few words (« illégale », "American Pie"), unless a question or exclamation.
        int words = CountWords(quote.ContentTokens);
        bool spoken = quote.ContentTokens.Length > 0 && (IsPunctuation(quote.ContentTokens.End - 1, '?') || IsPunctuation(quote.ContentTokens.End - 1, '!'));
        bool isShort = words <= MaxScareWords && !spoken && !quote.ContinuesPrevious && !quote.ContinuesNext;
        if (TryCueAfter(quote, isShort) is { } after)
        {
            return after;
        }

        if (TryCueBefore(quote, isShort) is { } before)
        {
            return before;
        }

        if (!isShort && TryIncise(quote) is { } incise)
        {
            return incise;
        }

        if (ColonHeadline(quote) is { } headline)
        {
            // "Bernie Sanders: ‘It Is Not A Radical Idea’", "Macron : « … »": a name then a colon opens the clause.
            return new Attribution(quote.Content, QuoteKind.Direct, null, headline, null, -1, quote.Open);
        }

        if (isShort)
        {
            return new Attribution(quote.Content, QuoteKind.Scare, null, null, null, -1, quote.Open);
        }

        return new Attribution(quote.Content, QuoteKind.Direct, null, null, null, -1, quote.Open);
    }

    /// <summary>« … », a déclaré X / “…,” X said / “…,” said X / « … », a-t-il ajouté / “…,” according to X.</summary>
    private Attribution? TryCueAfter(MarkedQuote quote, bool isShort)
    {
        if (quote.Close < 0)
        {
            return null;
        }

        int k = quote.AfterClose;
        if (k >= tokens.Length || SameParagraphBreak(k - 1, k))
        {
            return null;
        }

        bool commaInside = quote.ContentTokens.Length > 0 && IsPunctuation(quote.ContentTokens.End - 1, ',');
        if (IsPunctuation(k, ',') || IsDash(k))
        {
            k++;
        }
        else if (IsClauseEnd(k) || (isShort && !commaInside))
        {
            return null;
        }

        if (!isShort && IsDash(k - 1) && k - 1 == quote.AfterClose && DashSignature(k) is { } signed)
        {
            // “…” ― Name: a signature after a dash, alone up to the end of the paragraph.
            return new Attribution(quote.Content, QuoteKind.Direct, null, signed, null, -1, quote.Open);
        }

        int limit = Math.Min(tokens.Length, k + 2 * MaxPhraseTokens);
        for (int i = k; i < limit; i++)
        {
            if (IsClauseEnd(i) || IsQuoteMark(i) || (i > k && SameParagraphBreak(i - 1, i)))
            {
                return null;
            }

            CueHit cue = cueAt[i];
            if (!cue.Exists || cue.Class == CueClass.That || consumed[i])
            {
                // The words before a cue after the quote are its subject, appositions included ("X, the attorney general of Y, said").
                if (i == k && !StartsPhrase(i))
                {
                    return null;
                }

                continue;
            }

            if (isShort && cue.Start > k + 4)
            {
                return null;
            }

            // The words before the cue must be a phrase, not a clause ("…» le rapport veut faire connaître la loi qu'il …").
            if (cue.Start > k && LooksLikeClause(k, cue.Start) && !HasRelative(k, cue.Start))
            {
                return null;
            }

            int subjectStart = k;
            TokenRange? speaker;
            int afterSpeaker;
            if (cue.Class == CueClass.Source)
            {
                speaker = ForwardPhrase(cue.End, out afterSpeaker, afterSource: true);
            }
            else if (cue.Pronoun >= 0)
            {
                speaker = new TokenRange(cue.Pronoun, cue.Pronoun + 1);
                afterSpeaker = cue.End;
            }
            else if (cue.Start > subjectStart)
            {
                speaker = TrimPhrase(subjectStart, cue.Start);
                afterSpeaker = cue.End;
            }
            else
            {
                speaker = ForwardPhrase(cue.End, out afterSpeaker);
            }

            Consume(cue);
            TokenRange? conduit = FindConduit(afterSpeaker, cue);
            return new Attribution(quote.Content, QuoteKind.Direct, new TokenRange(cue.Start, cue.End), speaker, conduit, -1, quote.Open);
        }

        return null;
    }

    /// <summary>X a déclaré : « … » / X said “…” / X a indiqué que « … » / Selon X, « … ».</summary>
    private Attribution? TryCueBefore(MarkedQuote quote, bool isShort)
    {
        int j = quote.Open - 1;
        int gap = 0;
        int maxGap = isShort ? 1 : 4;
        while (j >= 0 && gap <= maxGap && (!SameParagraphBreak(j, j + 1) || IsPunctuation(j, ':')))
        {
            CueHit cue = cueAt[j];
            if (cue.Exists && !consumed[j])
            {
                if (isShort && !(IsPunctuation(quote.Open - 1, ':') || (cue.End == quote.Open && cue.Class != CueClass.Source)))
                {
                    return null;
                }

                TokenRange? speaker;
                int afterSpeaker;
                if (cue.Class == CueClass.Source)
                {
                    speaker = ForwardPhrase(cue.End, out afterSpeaker);
                    if (speaker is null || afterSpeaker > quote.Open)
                    {
                        return null;
                    }
                }
                else
                {
                    speaker = cue.Pronoun >= 0 ? new TokenRange(cue.Pronoun, cue.Pronoun + 1) : BackwardSubject(cue.ExtendedStart);
                    afterSpeaker = cue.End;
                    if (speaker is null)
                    {
                        speaker = ForwardPhrase(cue.End, out int end);
                        afterSpeaker = speaker is null ? cue.End : end;
                    }
                }

                Consume(cue);
                TokenRange? conduit = FindConduit(afterSpeaker, cue, quote.Open);
                return new Attribution(quote.Content, QuoteKind.Direct, new TokenRange(cue.Start, cue.End), speaker, conduit, -1, quote.Open);
            }

            if (cue.Exists)
            {
                return null;
            }

            bool allowed = IsPunctuation(j, ':') || IsPunctuation(j, ',') || lexicon.Is(document, j, WordClass.Complementizer | WordClass.Adverb | WordClass.Time)
                || IsDash(j) || IsConduitWord(j);
            if (!allowed)
            {
                return null;
            }

            j--;
            gap++;
        }

        return null;
    }

    /// <summary>« Nous étions levés tôt, a-t-elle indiqué. Ils … », « …, raconte son amie X. … »: a cue set off by commas inside the quote.</summary>
    private Attribution? TryIncise(MarkedQuote quote)
    {
        TokenRange content = quote.ContentTokens;
        for (int j = content.Start + 2; j < content.End - 1; j++)
        {
            CueHit cue = cueAt[j];
            if (!cue.Exists || cue.Start != j || cue.Class != CueClass.Verb || !IsPunctuation(j - 1, ',') || consumed[j])
            {
                continue;
            }

            TokenRange? speaker;
            int after;
            if (cue.Pronoun >= 0)
            {
                speaker = new TokenRange(cue.Pronoun, cue.Pronoun + 1);
                after = cue.End;
            }
            else
            {
                speaker = ForwardPhrase(cue.End, out after);
            }

            if (speaker is null || IsDateLike(speaker.Value))
            {
                continue;
            }

            if (after >= content.End || IsPunctuation(after, ',') || IsClauseEnd(after) || IsPunctuation(after, '.'))
            {
                Consume(cue);
                return new Attribution(quote.Content, QuoteKind.Direct, new TokenRange(cue.Start, cue.End), speaker, null, -1, quote.Open);
            }
        }

        return null;
    }

    /// <summary>The phrase between the start of the clause and a colon right before the quote, when it is a name or noun phrase.</summary>
    private TokenRange? ColonHeadline(MarkedQuote quote)
    {
        int colon = quote.Open - 1;
        if (colon < 1 || !IsPunctuation(colon, ':'))
        {
            return null;
        }

        (int clauseStart, _) = ClauseBounds(colon);
        int start = clauseStart;
        for (int i = colon - 1; i >= clauseStart; i--)
        {
            if (SameParagraphBreak(i, i + 1))
            {
                start = i + 1;
                break;
            }
        }

        if (colon - start is < 1 or > 8 || !StartsPhrase(start) || !IsCapitalised(start) || HasCue(start, colon) || LooksLikeClause(start, colon))
        {
            return null;
        }

        for (int i = start; i < colon; i++)
        {
            if (!InPhrase(i, backward: false) && !IsCapitalised(i))
            {
                return null;
            }
        }

        return TrimPhrase(start, colon);
    }

    /// <summary>A capitalised phrase running from <paramref name="start"/> to the end of its paragraph, or null.</summary>
    private TokenRange? DashSignature(int start)
    {
        int end = start;
        while (end < tokens.Length && !(end > start && SameParagraphBreak(end - 1, end)) && end - start <= MaxPhraseTokens)
        {
            end++;
        }

        bool atParagraphEnd = end >= tokens.Length || SameParagraphBreak(end - 1, end);
        return atParagraphEnd && IsCapitalised(start) && !cueAt[start].Exists ? TrimPhrase(start, end) : null;
    }

    private bool IsConduitWord(int index) =>
        lexicon.Is(document, index, WordClass.ConduitTo | WordClass.Outlet | WordClass.Interview | WordClass.ConduitIn | WordClass.Definite | WordClass.Indefinite)
        || IsCapitalised(index);

    // ---- Reported speech ----

    private void AddReportedSpeech(List<Attribution> result)
    {
        // Verb cues first, so that "selon X" in the same sentence becomes their conduit rather than a second quote.
        for (int pass = 0; pass < 2; pass++)
        {
            for (int i = 0; i < tokens.Length; i++)
            {
                CueHit cue = cueAt[i];
                if (!cue.Exists || consumed[i] || quoted[i] || (cue.Class == CueClass.Source) != (pass == 1))
                {
                    continue;
                }

                Attribution? reported = cue.Class == CueClass.Source ? ReportedBySource(cue, result) : ReportedByVerb(cue);
                if (reported is { } found)
                {
                    Consume(cue);
                    result.Add(found);
                }
            }
        }
    }

    private Attribution? ReportedByVerb(CueHit cue)
    {
        (int sentenceStart, int sentenceEnd) = ClauseBounds(cue.Start);

        // Forward: X a déclaré (à Y) que … / X said (on Monday) that … / X said the …
        int k = cue.End;
        int gapEnd = Math.Min(sentenceEnd, k + 12);
        for (int j = k; j < gapEnd; j++)
        {
            if (lexicon.Is(document, j, WordClass.Complementizer))
            {
                int contentStart = j + 1;
                while (contentStart < sentenceEnd && (IsPunctuation(contentStart, ',') || IsPunctuation(contentStart, ':')))
                {
                    contentStart++;
                }

                if (contentStart < sentenceEnd && IsQuoteMark(contentStart))
                {
                    return null;
                }

                if (sentenceEnd - contentStart < MinReportedTokens)
                {
                    return null;
                }

                TokenRange? speaker = cue.Pronoun >= 0 ? new TokenRange(cue.Pronoun, cue.Pronoun + 1) : BackwardSubject(cue.ExtendedStart);
                if (speaker is null && cue.End < j)
                {
                    speaker = ForwardPhrase(cue.End, out _);
                }

                if (speaker is null)
                {
                    return null;
                }

                TokenRange? told = FindConduit(cue.End, cue, j);
                return new Attribution(Span(contentStart, sentenceEnd), QuoteKind.Indirect, new TokenRange(cue.Start, cue.End), speaker, told, -1, cue.Start);
            }

            if (IsPunctuation(j, '.') || IsQuoteMark(j) || cueAt[j].Exists)
            {
                break;
            }
        }

        if (lexicon.AllowsBareComplement && cue.Pronoun < 0 && BareComplement(cue, sentenceEnd) is { } bare)
        {
            return bare;
        }

        if (cue.Class == CueClass.That)
        {
            return null;
        }

        // Trailing or parenthetical: …, a déclaré X. / …, X said. / …, said X, …
        TokenRange? subject = null;
        int clauseStart = cue.ExtendedStart;
        if (cue.Pronoun < 0)
        {
            int j = cue.ExtendedStart - 1;
            int limit = Math.Max(sentenceStart, cue.ExtendedStart - 6);
            while (j >= limit && IsWord(j) && !lexicon.Is(document, j, WordClass.Boundary | WordClass.Complementizer))
            {
                j--;
            }

            if (j >= sentenceStart && IsPunctuation(j, ',') && j + 1 < cue.ExtendedStart && StartsPhrase(j + 1) && !LooksLikeClause(j + 1, cue.ExtendedStart) && !HasCue(j + 1, cue.ExtendedStart))
            {
                subject = TrimPhrase(j + 1, cue.ExtendedStart);
                clauseStart = j + 1;
            }
        }

        TokenRange? inverted = null;
        int afterSpeaker = cue.End;
        if (cue.Pronoun >= 0)
        {
            inverted = new TokenRange(cue.Pronoun, cue.Pronoun + 1);
        }
        else if (subject is null)
        {
            inverted = ForwardPhrase(cue.End, out afterSpeaker);
        }

        TokenRange? speakerRange = subject ?? inverted;
        if (speakerRange is null)
        {
            return null;
        }

        int before = clauseStart - 1;
        int leftEnd = clauseStart;

        // "…, comme l'ont confirmé X", "…, as X said": a subordinator between the comma and the cue clause.
        while (before > sentenceStart && IsWord(before) && lexicon.Is(document, before, WordClass.Boundary) && !IsCapitalised(before))
        {
            before--;
        }

        bool commaBefore = before >= sentenceStart && (IsPunctuation(before, ',') || IsDash(before));
        if (commaBefore)
        {
            leftEnd = before;
        }

        TokenRange? conduit = FindConduit(afterSpeaker, cue);
        int clauseEnd = Math.Max(afterSpeaker, conduit?.End ?? 0);
        int rightStart = clauseEnd;
        bool commaAfter = false;
        while (rightStart < sentenceEnd && (IsPunctuation(rightStart, ',') || IsDash(rightStart)))
        {
            rightStart++;
            commaAfter = true;
        }

        bool rightWords = sentenceEnd - rightStart >= MinReportedTokens && commaAfter;
        bool leftWords = leftEnd - sentenceStart >= MinReportedTokens;
        if (!commaBefore)
        {
            // Inverted without a comma before ("Dans un avenir proche a dit X, le ministère …"): the reported clause follows.
            if (inverted is null || subject is not null || !rightWords || before < sentenceStart || IsDateLike(inverted.Value))
            {
                return null;
            }

            leftWords = false;
        }

        if (!leftWords && !rightWords)
        {
            return null;
        }

        TextSpan content = leftWords && rightWords ? Span(sentenceStart, sentenceEnd)
            : leftWords ? Span(sentenceStart, leftEnd)
            : Span(rightStart, sentenceEnd);
        if (ContainsQuoteMark(content))
        {
            return null;
        }

        return new Attribution(content, QuoteKind.Indirect, new TokenRange(cue.Start, cue.End), speakerRange, conduit, -1, sentenceStart);
    }

    /// <summary>English reported clause without "that": "X said (Monday) (in a statement) the plan …", "X told reporters he …".</summary>
    private Attribution? BareComplement(CueHit cue, int sentenceEnd)
    {
        int i = cue.End;
        if (IsToldCue(cue))
        {
            if (ForwardPhrase(i, out int afterObject) is null)
            {
                return null;
            }

            i = afterObject;
        }

        for (int guard = 0; guard < 4 && i < sentenceEnd; guard++)
        {
            WordClass word = lexicon.ClassOf(document, i);
            if ((word & (WordClass.Time | WordClass.Adverb)) != 0 && (word & (WordClass.Definite | WordClass.Pronoun)) == 0)
            {
                i++;
                continue;
            }

            if ((word & (WordClass.ConduitIn | WordClass.ConduitOn)) != 0)
            {
                int j = i + 1;
                while (j < sentenceEnd && lexicon.Is(document, j, WordClass.Definite | WordClass.Indefinite) && !IsCapitalised(j))
                {
                    j++;
                }

                if (j < sentenceEnd && lexicon.Is(document, j, WordClass.Interview | WordClass.Time))
                {
                    i = j + 1;
                    continue;
                }
            }

            if ((word & WordClass.ConduitTo) != 0 && ForwardPhrase(i + 1, out int afterAddressee) is not null)
            {
                i = afterAddressee;
                continue;
            }

            break;
        }

        if (i >= sentenceEnd || sentenceEnd - i < MinReportedTokens + 1 || IsQuoteMark(i) || IsPunctuation(i - 1, ','))
        {
            return null;
        }

        WordClass first = lexicon.ClassOf(document, i);
        // Any word but a preposition, conjunction or auxiliary may open the clause ("said local officials should …").
        bool opener = (first & (WordClass.Pronoun | WordClass.PluralPronoun | WordClass.Definite | WordClass.Indefinite | WordClass.ClauseStart)) != 0;
        bool excluded = (first & (WordClass.Boundary | WordClass.Link | WordClass.Auxiliary | WordClass.Complementizer | WordClass.ConduitTo | WordClass.ConduitIn | WordClass.ConduitOn)) != 0;
        bool clauseStart = IsWord(i) && (opener || !excluded || IsCapitalised(i)) && !cueAt[i].Exists;
        if (!clauseStart)
        {
            return null;
        }

        TokenRange? speaker = BackwardSubject(cue.ExtendedStart);
        if (speaker is null)
        {
            return null;
        }

        TokenRange? conduit = FindConduit(cue.End, cue, i);
        return new Attribution(Span(i, sentenceEnd), QuoteKind.Indirect, new TokenRange(cue.Start, cue.End), speaker, conduit, -1, cue.Start);
    }

    private Attribution? ReportedBySource(CueHit cue, List<Attribution> result)
    {
        TokenRange? source = ForwardPhrase(cue.End, out int afterSource, afterSource: true);
        if (source is null)
        {
            return null;
        }

        (int sentenceStart, int sentenceEnd) = ClauseBounds(cue.Start);
        var sentenceSpan = Span(sentenceStart, sentenceEnd);

        // A quote of the same sentence that already has a speaker takes "selon X" as its conduit.
        for (int a = result.Count - 1; a >= 0; a--)
        {
            Attribution other = result[a];
            if (other.Kind == QuoteKind.Scare || other.Speaker is null || other.Cue is null)
            {
                continue;
            }

            int otherSentence = sentenceOf[other.Cue.Value.Start];
            if (otherSentence == sentenceOf[cue.Start] || (other.Content.Overlaps(sentenceSpan) && other.Kind == QuoteKind.Direct))
            {
                if (other.Conduit is null)
                {
                    result[a] = other with { Conduit = source };
                }

                return null;
            }
        }

        int before = cue.Start - 1;
        int rightStart = afterSource;
        while (rightStart < sentenceEnd && (IsPunctuation(rightStart, ',') || IsDash(rightStart)))
        {
            rightStart++;
        }

        bool leftWords = before - sentenceStart >= MinReportedTokens && (IsPunctuation(before, ',') || IsDash(before));
        bool rightWords = sentenceEnd - rightStart >= MinReportedTokens && (rightStart > afterSource || cue.Start == sentenceStart);
        if (!leftWords && !rightWords)
        {
            return null;
        }

        TextSpan content = leftWords && rightWords ? sentenceSpan : leftWords ? Span(sentenceStart, before) : Span(rightStart, sentenceEnd);
        if (ContainsQuoteMark(content))
        {
            return null;
        }

        return new Attribution(content, QuoteKind.Indirect, new TokenRange(cue.Start, cue.End), source, null, -1, sentenceStart);
    }

    /// <summary>A marked quote inside reported speech is part of it ("X said the plan was “a disaster”"): dropped unless it has its own cue.</summary>
    private static void RemoveMarkedInsideReported(List<Attribution> result, List<MarkedQuote> marked, int[] direct)
    {
        for (int q = 0; q < marked.Count; q++)
        {
            int index = direct[q];
            if (index < 0 || result[index].Cue is not null)
            {
                continue;
            }

            foreach (Attribution other in result)
            {
                if (other.Kind == QuoteKind.Indirect && other.Content.Start < marked[q].Content.Start && other.Content.End >= marked[q].Content.End - 1)
                {
                    result[index] = result[index] with { Kind = QuoteKind.Scare, Speaker = null, Conduit = null };
                    break;
                }
            }
        }
    }

    /// <summary>A direct quote without a cue takes the speaker of its other paragraphs, else of the attribution just before it.</summary>
    private void InheritSpeakers(List<Attribution> result, List<MarkedQuote> marked, int[] direct)
    {
        // Pieces of one quote running over several paragraphs share the attribution of any of them.
        int chainStart = 0;
        for (int q = 0; q <= marked.Count; q++)
        {
            if (q == marked.Count || !marked[q].ContinuesPrevious)
            {
                if (q - chainStart > 1)
                {
                    int source = -1;
                    for (int p = chainStart; p < q && source < 0; p++)
                    {
                        source = direct[p] >= 0 && result[direct[p]].Speaker is not null ? direct[p] : -1;
                    }

                    for (int p = chainStart; p < q; p++)
                    {
                        if (source >= 0 && direct[p] >= 0 && direct[p] != source && result[direct[p]].Speaker is null)
                        {
                            result[direct[p]] = result[direct[p]] with { Kind = QuoteKind.Direct, InheritsFrom = source };
                        }
                    }
                }

                chainStart = q;
            }
        }

        for (int q = 1; q < marked.Count; q++)
        {
            // "“I would,” she said. “I would, Donald.”": a short quote right after the cue clause of the previous quote continues it.
            int index = direct[q];
            int previous = direct[q - 1];
            if (index >= 0 && previous >= 0 && result[index].Kind == QuoteKind.Scare && result[index].Cue is null
                && result[previous].Kind == QuoteKind.Direct && result[previous].Cue is { } cue && marked[q - 1].AfterClose >= 0
                && cue.Start >= marked[q - 1].AfterClose && marked[q].Open - Math.Max(cue.End, result[previous].Speaker?.End ?? 0) is >= 0 and <= 2)
            {
                result[index] = result[index] with { Kind = QuoteKind.Direct, InheritsFrom = previous };
            }
        }

        for (int q = 0; q < marked.Count; q++)
        {
            int index = direct[q];
            if (index < 0 || result[index].Kind != QuoteKind.Direct || result[index].Speaker is not null || result[index].InheritsFrom >= 0)
            {
                continue;
            }

            int open = marked[q].Open;
            int best = -1;
            for (int a = 0; a < result.Count; a++)
            {
                Attribution other = result[a];
                if (a == index || other.Kind == QuoteKind.Scare || (other.Speaker is null && other.InheritsFrom < 0) || other.Content.Start >= marked[q].Content.Start)
                {
                    continue;
                }

                int anchor = other.Cue?.End ?? other.Position;
                if (anchor > open)
                {
                    continue;
                }

                bool near = paragraphOf[anchor] == paragraphOf[open] || sentenceOf[open] - sentenceOf[anchor] <= 1;
                if (near && (best < 0 || other.Content.Start > result[best].Content.Start))
                {
                    best = a;
                }
            }

            if (best >= 0)
            {
                result[index] = result[index] with { InheritsFrom = best };
            }
        }
    }

    // ---- Phrases ----

    /// <summary>The subject before a cue: a name, pronoun or noun phrase, skipping one apposition between commas.</summary>
    private TokenRange? BackwardSubject(int cueStart)
    {
        (int clauseStart, _) = ClauseBounds(cueStart);
        int j = cueStart - 1;
        while (j >= clauseStart && IsWord(j) && ((lexicon.Is(document, j, WordClass.Adverb) && !IsCapitalised(j)) || lexicon.Is(document, j, WordClass.Time)))
        {
            // "Sanders on Tuesday said", "X last week told": time words between the subject and the cue.
            j--;
            if (j >= clauseStart && lexicon.Is(document, j + 1, WordClass.Time) && lexicon.Is(document, j, WordClass.ConduitOn | WordClass.ConduitIn) && !IsCapitalised(j))
            {
                j--;
            }
        }

        if (j < clauseStart)
        {
            return null;
        }

        if (IsPunctuation(j, ',') || IsDash(j))
        {
            int segmentEnd = j;
            int segmentStart = SegmentStart(segmentEnd, clauseStart);
            if (segmentStart < segmentEnd && StartsPhrase(segmentStart) && !LooksLikeClause(segmentStart, segmentEnd))
            {
                int previousEnd = segmentStart - 1;
                if (previousEnd > clauseStart && (IsPunctuation(previousEnd, ',') || IsDash(previousEnd)) && lexicon.Is(document, segmentStart, WordClass.Definite | WordClass.Indefinite))
                {
                    int previousStart = SegmentStart(previousEnd, clauseStart);
                    if (previousStart < previousEnd && previousEnd - previousStart <= 8 && StartsPhrase(previousStart)
                        && TrimPhrase(previousStart, segmentEnd) is { } withApposition)
                    {
                        return withApposition;
                    }
                }

                return TrimPhrase(segmentStart, segmentEnd);
            }

            // "X, who spoke on condition of anonymity, said": the phrase before the relative clause.
            if (segmentStart > clauseStart && (IsPunctuation(segmentStart - 1, ',') || IsDash(segmentStart - 1)))
            {
                int previousStart = SegmentStart(segmentStart - 1, clauseStart);
                if (previousStart < segmentStart - 1 && StartsPhrase(previousStart))
                {
                    return TrimPhrase(previousStart, segmentStart - 1);
                }
            }

            return null;
        }

        int end = j + 1;
        int start = end;
        while (start - 1 >= clauseStart && end - start < MaxPhraseTokens && InPhrase(start - 1, backward: true))
        {
            start--;
        }

        TokenRange? phrase = TrimPhrase(start, end);
        if (phrase is not null && !IsDateLike(phrase.Value))
        {
            return phrase;
        }

        // "X did Y and said Z": the subject opening the sentence.
        if (TrimPhrase(start, end) is null && lexicon.Is(document, j, WordClass.Coordination) && !IsCapitalised(j))
        {
            int first = clauseStart;
            int last = first;
            while (last < j && last - first < MaxPhraseTokens && InPhrase(last, backward: false))
            {
                last++;
            }

            if (last > first && StartsPhrase(first) && TrimPhrase(first, last) is { } opening)
            {
                return opening;
            }
        }

        // "He went on to say …": the nearest pronoun or name of the clause.
        for (int i = j; i >= clauseStart; i--)
        {
            if (lexicon.Is(document, i, WordClass.Pronoun | WordClass.PluralPronoun) && !IsHyphenated(i))
            {
                return new TokenRange(i, i + 1);
            }
        }

        return null;
    }

    /// <summary>The phrase after a cue or "selon": "un haut responsable du Département d'État", "the spokesman", "Ryder".</summary>
    private TokenRange? ForwardPhrase(int start, out int end, bool afterSource = false)
    {
        end = start;
        int i = start;
        while (i < tokens.Length && IsWord(i) && lexicon.Is(document, i, WordClass.Time | WordClass.Adverb) && !IsCapitalised(i))
        {
            i++;
        }

        if (i >= tokens.Length || !IsWord(i) || SameParagraphBreak(Math.Max(0, i - 1), i))
        {
            return null;
        }

        WordClass first = lexicon.ClassOf(document, i);
        if ((first & (WordClass.Pronoun | WordClass.PluralPronoun)) != 0 && (first & WordClass.Definite) == 0)
        {
            end = i + 1;
            return new TokenRange(i, i + 1);
        }

        // After "selon"/"according to" a phrase always follows, whatever its first word ("according to show insiders").
        if (!StartsPhrase(i) && !(afterSource && !lexicon.Is(document, i, WordClass.Boundary | WordClass.Complementizer)))
        {
            return null;
        }

        int sentence = sentenceOf[i];
        int j = i;
        while (j < tokens.Length && j - i < MaxPhraseTokens && sentenceOf[j] == sentence && InPhrase(j, backward: false))
        {
            // Stop before "au Washington Post", "to Reuters": a conduit, not part of the speaker.
            if (j > i && lexicon.Is(document, j, WordClass.ConduitTo) && !lexicon.Is(document, j, WordClass.Link))
            {
                break;
            }

            j++;
        }

        TokenRange? phrase = TrimPhrase(i, j);
        end = phrase?.End ?? start;
        return phrase;
    }

    /// <summary>A conduit after the speaker: "au Washington Post", "told Reuters", "in an interview with CNN", "selon le Washington Post".</summary>
    private TokenRange? FindConduit(int start, CueHit cue, int limit = int.MaxValue)
    {
        limit = Math.Min(limit, Math.Min(tokens.Length, start + 12));
        TokenRange? found = null;
        int i = start;
        bool told = IsToldCue(cue);
        while (i < limit)
        {
            if (SameParagraphBreak(Math.Max(0, i - 1), i) && i > start)
            {
                break;
            }

            if (IsPunctuation(i, ','))
            {
                i++;
                continue;
            }

            if (IsClauseEnd(i) || IsQuoteMark(i))
            {
                break;
            }

            if (cueAt[i].Exists && cueAt[i].Class == CueClass.Source && !consumed[i])
            {
                TokenRange? outlet = ForwardPhrase(cueAt[i].End, out int after);
                if (outlet is not null)
                {
                    Consume(cueAt[i]);
                    return found ?? outlet;
                }

                break;
            }

            WordClass word = lexicon.ClassOf(document, i);
            if ((word & WordClass.ConduitTo) != 0 || (told && i == start))
            {
                int phraseStart = (word & WordClass.ConduitTo) != 0 ? i + 1 : i;
                TokenRange? outlet = OutletPhrase(phraseStart, out int after);
                if (outlet is not null)
                {
                    found ??= outlet;
                    i = after;
                    continue;
                }
            }

            if ((word & (WordClass.ConduitIn | WordClass.ConduitOn)) != 0)
            {
                // "dans une interview au Monde", "in an interview with CNN", "on Fox News".
                int j = i + 1;
                while (j < limit && lexicon.Is(document, j, WordClass.Definite | WordClass.Indefinite) && !IsCapitalised(j))
                {
                    j++;
                }

                if (j < limit && lexicon.Is(document, j, WordClass.Interview))
                {
                    j++;
                    while (j < limit && IsWord(j) && !lexicon.Is(document, j, WordClass.ConduitWith) && !IsCapitalised(j) && j - i < 6)
                    {
                        j++;
                    }

                    if (j < limit && lexicon.Is(document, j, WordClass.ConduitWith))
                    {
                        TokenRange? outlet = OutletPhrase(j + 1, out int after);
                        if (outlet is not null)
                        {
                            found ??= outlet;
                            i = after;
                            continue;
                        }
                    }

                    i = j;
                    continue;
                }

                if ((word & WordClass.ConduitOn) != 0)
                {
                    TokenRange? outlet = OutletPhrase(j, out int after);
                    if (outlet is not null && ContainsOutletWord(outlet.Value))
                    {
                        found ??= outlet;
                        i = after;
                        continue;
                    }
                }
            }

            if (!IsWord(i) || !(lexicon.Is(document, i, WordClass.Time | WordClass.Adverb | WordClass.Definite | WordClass.Indefinite) || IsDigitWord(i)))
            {
                break;
            }

            i++;
        }

        return found;
    }

    /// <summary>An outlet phrase: capitalised words ("Washington Post", "Fox News") or a phrase with an outlet noun ("le média").</summary>
    private TokenRange? OutletPhrase(int start, out int end)
    {
        end = start;
        int i = start;
        while (i < tokens.Length && lexicon.Is(document, i, WordClass.Definite) && !IsCapitalised(i))
        {
            i++;
        }

        int j = i;
        while (j < tokens.Length && j - i < 8 && IsWord(j) && (IsCapitalised(j) || (j > i && lexicon.Is(document, j, WordClass.Link) && j + 1 < tokens.Length && IsCapitalised(j + 1))))
        {
            j++;
        }

        if (j == i && i < tokens.Length && lexicon.Is(document, i, WordClass.Outlet))
        {
            j = i + 1;
        }

        if (j == i)
        {
            return null;
        }

        end = j;
        return new TokenRange(start < i && ContainsOutletWord(new TokenRange(i, j)) && !IsCapitalised(i) ? start : i, j);
    }

    /// <summary>"le 16 mars dernier", "the 2016 election": a determiner then a number, a date rather than a speaker.</summary>
    private bool IsDateLike(TokenRange range)
    {
        int i = range.Start;
        while (i < range.End && lexicon.Is(document, i, WordClass.Definite | WordClass.Indefinite) && !IsCapitalised(i))
        {
            i++;
        }

        return i < range.End && tokens[i].Kind == TokenKind.Number;
    }

    private bool ContainsOutletWord(TokenRange range)
    {
        for (int i = range.Start; i < range.End; i++)
        {
            if (lexicon.Is(document, i, WordClass.Outlet))
            {
                return true;
            }
        }

        return false;
    }

    private bool StartsPhrase(int index)
    {
        if (!IsWord(index))
        {
            return false;
        }

        WordClass word = lexicon.ClassOf(document, index);
        if ((word & (WordClass.Definite | WordClass.Indefinite | WordClass.Pronoun | WordClass.PluralPronoun | WordClass.Person)) != 0)
        {
            return (word & WordClass.Relative) == 0;
        }

        if ((word & (WordClass.Boundary | WordClass.Complementizer | WordClass.Relative | WordClass.Auxiliary)) != 0 && !IsCapitalised(index))
        {
            return false;
        }

        return IsCapitalised(index) || tokens[index].Kind == TokenKind.Number || IsPluralNoun(index);
    }

    /// <summary>A lowercase word ending in "s" (English bare plural subjects: "officials", "sources", "polls").</summary>
    private bool IsPluralNoun(int index)
    {
        ReadOnlySpan<char> word = document.TextOf(tokens[index]);
        return word.Length > 3 && word[^1] == 's' && char.IsLower(word[0]) && !lexicon.Is(document, index, WordClass.Boundary | WordClass.Auxiliary);
    }

    private bool InPhrase(int index, bool backward)
    {
        if (IsQuoteMark(index))
        {
            return false;
        }

        if (!IsWord(index))
        {
            ReadOnlySpan<char> mark = document.TextOf(tokens[index]);
            return mark is "'" or "’" or "-" or "&" or "(" or ")" || (mark is "." && !IsClauseEnd(index));
        }

        WordClass word = lexicon.ClassOf(document, index);
        if (cueAt[index].Exists && !IsCapitalised(index))
        {
            return false;
        }

        if ((word & WordClass.Link) != 0)
        {
            return true;
        }

        if ((word & (WordClass.Boundary | WordClass.Complementizer | WordClass.Relative | WordClass.Time)) != 0 && !IsCapitalised(index))
        {
            return false;
        }

        if (backward && (word & WordClass.Auxiliary) != 0 && !IsCapitalised(index))
        {
            return false;
        }

        return !IsHyphenated(index);
    }

    /// <summary>Drops link words and punctuation at either end; null when no word is left.</summary>
    private TokenRange? TrimPhrase(int start, int end)
    {
        while (start < end && (!IsWord(start) || (lexicon.Is(document, start, WordClass.Link | WordClass.Boundary | WordClass.Complementizer) && !lexicon.Is(document, start, WordClass.Definite | WordClass.Indefinite) && !IsCapitalised(start))))
        {
            start++;
        }

        while (end > start && (!IsWord(end - 1) || (lexicon.Is(document, end - 1, WordClass.Link | WordClass.Definite | WordClass.Indefinite) && !IsCapitalised(end - 1))))
        {
            if (document.TextOf(tokens[end - 1]) is ")" && ClosesBracketWithin(start, end - 1))
            {
                break;
            }

            end--;
        }

        if (end <= start || end - start > 2 * MaxPhraseTokens)
        {
            return null;
        }

        return new TokenRange(start, end);
    }

    /// <summary>A lowercase auxiliary or complementizer inside: "Talks will resume in Geneva" is a clause, not a speaker.</summary>
    private bool LooksLikeClause(int start, int end)
    {
        for (int i = start + 1; i < end; i++)
        {
            if (IsWord(i) && !IsCapitalised(i) && lexicon.Is(document, i, WordClass.Auxiliary | WordClass.Complementizer)
                && !lexicon.Is(document, i, WordClass.Link | WordClass.Definite | WordClass.ConduitTo))
            {
                return true;
            }
        }

        return false;
    }

    private bool HasRelative(int start, int end)
    {
        for (int i = start; i < end; i++)
        {
            if (lexicon.Is(document, i, WordClass.Relative) && !IsCapitalised(i))
            {
                return true;
            }
        }

        return false;
    }

    private bool HasCue(int start, int end)
    {
        for (int i = start; i < end; i++)
        {
            if (cueAt[i].Exists && !IsCapitalised(i))
            {
                return true;
            }
        }

        return false;
    }

    private bool ClosesBracketWithin(int start, int end)
    {
        for (int i = end - 1; i >= start; i--)
        {
            if (document.TextOf(tokens[i]) is "(")
            {
                return true;
            }
        }

        return false;
    }

    private int SegmentStart(int commaIndex, int clauseStart)
    {
        int i = commaIndex - 1;
        while (i >= clauseStart && !IsPunctuation(i, ',') && !IsDash(i) && !IsQuoteMark(i) && !IsClauseEnd(i) && commaIndex - i <= MaxPhraseTokens + 4)
        {
            i--;
        }

        return i + 1;
    }

    // ---- Cues ----

    private void FindCues()
    {
        for (int i = 0; i < tokens.Length; i++)
        {
            // Cues inside quotes are found too, for incises (« …, a-t-elle indiqué. … »); reported speech skips them.
            if (tokens[i].Kind != TokenKind.Word)
            {
                continue;
            }

            int length = lexicon.MatchCue(document, i, out CueClass cueClass);
            if (length == 0 || IsCapitalised(i) && cueClass != CueClass.Source && i > 0 && !IsSentenceStart(i))
            {
                continue;
            }

            int end = i + length;
            int pronoun = -1;
            if (end < tokens.Length && IsHyphenated(end) && lexicon.Is(document, end, WordClass.Pronoun | WordClass.PluralPronoun))
            {
                pronoun = end;
                end++;
            }

            // "a-t-il déclaré", "l'ont confirmé", "has also said": auxiliaries, clitics and adverbs before the verb.
            int start = i;
            int extended = i;
            if (cueClass != CueClass.Source)
            {
                while (extended - 1 >= 0 && quoted[extended - 1] == quoted[i] && IsWord(extended - 1) && !IsCapitalised(extended - 1)
                    && (lexicon.Is(document, extended - 1, WordClass.Auxiliary | WordClass.Clitic) || IsHyphenatedPronoun(extended - 1)))
                {
                    extended--;
                    if (IsHyphenatedPronoun(extended))
                    {
                        pronoun = extended;
                    }
                }

                start = FirstAuxiliary(extended, i);
            }

            var hit = new CueHit(true, start, end, extended, pronoun, cueClass);
            for (int k = i; k < end; k++)
            {
                cueAt[k] = hit;
            }

            for (int k = start; k < i; k++)
            {
                cueAt[k] = hit;
            }

            i = end - 1;
        }
    }

    private int FirstAuxiliary(int from, int verb)
    {
        for (int k = from; k < verb; k++)
        {
            if (lexicon.Is(document, k, WordClass.Auxiliary) || IsHyphenatedPronoun(k))
            {
                return k;
            }
        }

        return verb;
    }

    private bool IsHyphenatedPronoun(int index) => IsHyphenated(index) && lexicon.Is(document, index, WordClass.Pronoun | WordClass.PluralPronoun);

    private bool IsToldCue(CueHit cue)
    {
        ReadOnlySpan<char> verb = document.TextOf(tokens[cue.End - 1 - (cue.Pronoun == cue.End - 1 ? 1 : 0)]);
        return verb.Equals("told", StringComparison.OrdinalIgnoreCase) || verb.Equals("tell", StringComparison.OrdinalIgnoreCase)
            || verb.Equals("tells", StringComparison.OrdinalIgnoreCase) || verb.Equals("telling", StringComparison.OrdinalIgnoreCase);
    }

    private void Consume(CueHit cue)
    {
        for (int k = cue.Start; k < cue.End; k++)
        {
            consumed[k] = true;
        }
    }

    // ---- Token helpers ----

    private void IndexSentencesAndParagraphs()
    {
        ImmutableArray<Sentence> sentences = document.Sentences;
        for (int s = 0; s < sentences.Length; s++)
        {
            for (int i = sentences[s].Tokens.Start; i < sentences[s].Tokens.End && i < tokens.Length; i++)
            {
                sentenceOf[i] = s;
            }
        }

        int paragraph = 0;
        for (int i = 0; i < tokens.Length; i++)
        {
            if (i > 0 && SameParagraphBreak(i - 1, i))
            {
                paragraph++;
            }

            paragraphOf[i] = paragraph;
        }
    }

    /// <summary>The tokens of the sentence around <paramref name="index"/>, without its final punctuation.</summary>
    private (int Start, int End) ClauseBounds(int index)
    {
        ImmutableArray<Sentence> sentences = document.Sentences;
        int start = 0;
        int end = tokens.Length;
        if (sentences.Length > 0)
        {
            Sentence sentence = sentences[sentenceOf[index]];
            start = sentence.Tokens.Start;
            end = sentence.Tokens.End;
        }

        // A closed quote in the sentence bounds the clause of a cue after it.
        for (int i = index - 1; i > start; i--)
        {
            if (IsQuoteMark(i) && !quoted[i - 1] && quoted.AsSpan(start, i - start).Contains(true) && !IsPunctuation(i + 1, ','))
            {
                start = i + 1;
                break;
            }
        }

        while (end > start && !IsWord(end - 1) && !IsQuoteMark(end - 1))
        {
            end--;
        }

        return (start, end);
    }

    private TextSpan Span(int startToken, int endToken) => new(tokens[startToken].Span.Start, tokens[Math.Max(startToken, endToken - 1)].Span.End);

    private bool ContainsQuoteMark(TextSpan span)
    {
        foreach (char c in text.AsSpan(span.Start, span.Length))
        {
            if (c is '«' or '»' or '\u201C' or '\u201D' or '\u201E' or '"' or '\u2018')
            {
                return true;
            }
        }

        return false;
    }

    private int CountWords(TokenRange range)
    {
        int words = 0;
        for (int i = range.Start; i < range.End; i++)
        {
            if (tokens[i].Kind is TokenKind.Word or TokenKind.Number)
            {
                words++;
            }
        }

        return words;
    }

    private bool IsWord(int index) => index >= 0 && index < tokens.Length && tokens[index].Kind is TokenKind.Word or TokenKind.Number;

    private bool IsDigitWord(int index) => tokens[index].Kind == TokenKind.Number;

    private bool IsCapitalised(int index)
    {
        if (!IsWord(index))
        {
            return false;
        }

        ReadOnlySpan<char> word = document.TextOf(tokens[index]);
        return char.IsUpper(word[0]) || (word.Length > 2 && word[1] == '\'' && char.IsUpper(word[2])) || (word.Length > 2 && word[1] == '\u2019' && char.IsUpper(word[2]));
    }

    private bool IsHyphenated(int index) => IsWord(index) && document.TextOf(tokens[index]) is ['-', ..];

    private bool IsPunctuation(int index, char mark) =>
        index >= 0 && index < tokens.Length && tokens[index].Span.Length == 1 && text[tokens[index].Span.Start] == mark && tokens[index].Kind != TokenKind.Word;

    /// <summary>An em or en dash, a horizontal bar, or "--" typed for a dash.</summary>
    private bool IsDash(int index) =>
        IsPunctuation(index, '—') || IsPunctuation(index, '–') || IsPunctuation(index, '\u2015')
        || (index >= 0 && index < tokens.Length && !IsWord(index) && document.TextOf(tokens[index]) is "--");

    private bool IsQuoteMark(int index) =>
        index >= 0 && index < tokens.Length && tokens[index].Span.Length == 1 && tokens[index].Kind is not (TokenKind.Word or TokenKind.Number)
        && (text[tokens[index].Span.Start] is '«' or '»' or '‹' or '›' or '\u201C' or '\u201D' or '\u201E' or '"' or '\u2018'
            || (text[tokens[index].Span.Start] == '\'' && IsDoubledApostrophe(index)));

    private bool IsDoubledApostrophe(int index) =>
        (index + 1 < tokens.Length && tokens[index + 1].Span.Start == tokens[index].Span.End && text[tokens[index + 1].Span.Start] == '\'')
        || (index > 0 && tokens[index - 1].Span.End == tokens[index].Span.Start && text[tokens[index - 1].Span.Start] == '\'');

    /// <summary>";" anywhere; ". ! ? …" only where the sentence splitter ended a sentence (not "R-Ky.," nor "U.S.").</summary>
    private bool IsClauseEnd(int index) =>
        IsPunctuation(index, ';')
        || ((IsPunctuation(index, '.') || IsPunctuation(index, '!') || IsPunctuation(index, '?') || IsPunctuation(index, '…'))
            && (index + 1 >= tokens.Length || sentenceOf[index + 1] != sentenceOf[index] || document.Sentences.IsDefaultOrEmpty));

    private bool IsSentenceStart(int index) => document.Sentences.Length > 0 && document.Sentences[sentenceOf[index]].Tokens.Start == index;

    private bool SameParagraphBreak(int previous, int next) =>
        previous >= 0 && next < tokens.Length && next > previous && text.AsSpan(tokens[previous].Span.End, tokens[next].Span.Start - tokens[previous].Span.End).Contains('\n');

    /// <summary>A reporting cue in the text: the verb with its auxiliaries, the inverted pronoun and the class.</summary>
    private readonly record struct CueHit(bool Exists, int Start, int End, int ExtendedStart, int Pronoun, CueClass Class);
}
