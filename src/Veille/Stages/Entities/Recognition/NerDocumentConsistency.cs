namespace Veille.Stages.Entities.Recognition;

/// <summary>
/// Corrections applied to the tags of a whole document after sentence-by-sentence Viterbi, in this order:
/// <list type="number">
/// <item>a lowercase generic place noun right before a name (<c>Resources/ner/place-heads.txt</c>: "mer",
/// "lac", "île"…, with "de", "du", "des", "d'" between them) joins it in one LOC span ("la mer Noire", "l'île de Ré");</item>
/// <item>a capitalised compass point after a place and "du", "de l'" joins it ("Afrique de l'Ouest",
/// "Corée du Sud");</item>
/// <item>a capitalised article inside a sentence, right before a name, belongs to it ("de The Beatles",
/// "dans La Reine des neiges");</item>
/// <item>a middle initial ("M.", "J", ".") between a person's name and another capitalised word joins both into
/// one PER span ("Kurt M. Campbell"), instead of the initial being read as a title;</item>
/// <item>identical spans take the type most often given to that text in the document (ties keep their own);
/// a single word that ends a longer PER span elsewhere ("Ryder" after "Pat Ryder") counts as a PER vote;</item>
/// <item>capitalised words left outside any entity take the type the document gives their text elsewhere
/// (a whole span repeated, or the surname of a person named in full), and a span that is the start of a longer
/// span found elsewhere, followed by the rest of it, becomes that span ("au Washington Post").</item>
/// </list>
/// Spans never cross sentences. The tags stay well-formed BIO.
/// </summary>
internal static class NerDocumentConsistency
{
    private const int TypeCount = 4;
    private const int Person = 0;
    private const int Location = 2;

    /// <summary>Corrects <paramref name="tags"/> (tag indices, one per token of the document) in place.</summary>
    /// <param name="text">Text the token offsets point into.</param>
    /// <param name="starts">Token start offsets.</param>
    /// <param name="ends">Token end offsets (exclusive).</param>
    /// <param name="tags">Tag indices, well-formed BIO within each sentence.</param>
    /// <param name="sentenceEnds">For each token, the index one past the last token of its sentence.</param>
    public static void Apply(ReadOnlySpan<char> text, ReadOnlySpan<int> starts, ReadOnlySpan<int> ends, Span<int> tags, ReadOnlySpan<int> sentenceEnds)
    {
        JoinPlaceHeads(text, starts, ends, tags, sentenceEnds);
        JoinCompassPoints(text, starts, ends, tags, sentenceEnds);
        JoinCapitalisedArticles(text, starts, ends, tags, sentenceEnds);
        JoinMiddleInitials(text, starts, ends, tags, sentenceEnds);

        var votes = new Dictionary<string, int[]>(StringComparer.OrdinalIgnoreCase);
        var surnames = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var spans = new List<(int Start, int End, int Type, string Key)>();
        for (int i = 0; i < tags.Length;)
        {
            if (tags[i] == NerTagSet.Outside)
            {
                i++;
                continue;
            }

            int start = i, type = NerTagSet.TypeOf(tags[i]);
            i++;
            while (i < sentenceEnds[start] && NerTagSet.IsInside(tags[i]))
            {
                i++;
            }

            string key = text[starts[start]..ends[i - 1]].ToString();
            spans.Add((start, i, type, key));
            if (!votes.TryGetValue(key, out int[]? count))
            {
                votes[key] = count = new int[TypeCount];
            }

            count[type]++;
            if (type == Person && i - start > 1 && IsName(text[starts[i - 1]..ends[i - 1]]))
            {
                string last = text[starts[i - 1]..ends[i - 1]].ToString();
                surnames[last] = surnames.GetValueOrDefault(last) + 1;
            }
        }

        if (spans.Count == 0)
        {
            return;
        }

        // Majority type of identical spans.
        foreach (var (start, end, type, key) in spans)
        {
            int[] count = (int[])votes[key].Clone();
            if (end - start == 1)
            {
                count[Person] += surnames.GetValueOrDefault(key);
            }

            int best = Best(count);
            if (best != type && count[best] > count[type])
            {
                Retype(tags, start, end, best);
            }
        }

        // Unlabelled repeats, longest known span first.
        var byFirstWord = new Dictionary<string, List<(int Length, string Key, int Type)>>(StringComparer.OrdinalIgnoreCase);
        foreach (var (start, end, _, key) in spans)
        {
            string first = text[starts[start]..ends[start]].ToString();
            if (!byFirstWord.TryGetValue(first, out var list))
            {
                byFirstWord[first] = list = [];
            }

            int[] count = (int[])votes[key].Clone();
            if (end - start == 1)
            {
                count[Person] += surnames.GetValueOrDefault(key);
            }

            if (!list.Exists(candidate => string.Equals(candidate.Key, key, StringComparison.OrdinalIgnoreCase)))
            {
                list.Add((end - start, key, Best(count)));
            }
        }

        foreach (var (last, count) in surnames)
        {
            if (!byFirstWord.TryGetValue(last, out var list))
            {
                byFirstWord[last] = list = [];
            }

            if (!list.Exists(candidate => string.Equals(candidate.Key, last, StringComparison.OrdinalIgnoreCase)))
            {
                list.Add((1, last, Person));
            }
        }

        var lookup = byFirstWord.GetAlternateLookup<ReadOnlySpan<char>>();
        for (int i = 0; i < tags.Length; i++)
        {
            ReadOnlySpan<char> word = text[starts[i]..ends[i]];
            if (NerTagSet.IsInside(tags[i]) || !IsName(word) || !lookup.TryGetValue(word, out var candidates))
            {
                continue;
            }

            // A tagged span is replaced only by a longer known span that starts like it ("Washington" → "Washington Post").
            int tagged = i;
            if (tags[i] != NerTagSet.Outside)
            {
                tagged++;
                while (tagged < sentenceEnds[i] && NerTagSet.IsInside(tags[tagged]))
                {
                    tagged++;
                }
            }

            int bestLength = tagged - i, bestType = 0;
            foreach (var (length, key, type) in candidates)
            {
                int end = i + length;
                if (length <= bestLength || end > sentenceEnds[i] || (end < sentenceEnds[i] && NerTagSet.IsInside(tags[end])))
                {
                    continue;
                }

                bool free = true;
                for (int k = tagged; k < end && free; k++)
                {
                    free = tags[k] == NerTagSet.Outside;
                }

                if (free && text[starts[i]..ends[end - 1]].Equals(key, StringComparison.OrdinalIgnoreCase))
                {
                    bestLength = length;
                    bestType = type;
                }
            }

            if (bestLength > tagged - i)
            {
                tags[i] = 1 + (2 * bestType);
                for (int k = i + 1; k < i + bestLength; k++)
                {
                    tags[k] = 2 + (2 * bestType);
                }

                i += bestLength - 1;
            }
        }
    }

    private static readonly HashSet<string> PlaceHeads = LoadPlaceHeads();

    private static HashSet<string> LoadPlaceHeads()
    {
        using Stream stream = NerLexicon.OpenResource("place-heads.txt")
            ?? throw new InvalidOperationException("Embedded resource Veille.Resources.ner.place-heads.txt is missing.");
        using var reader = new StreamReader(stream);
        var heads = new HashSet<string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0 && line[0] != '#')
            {
                heads.Add(line.Trim());
            }
        }

        return heads;
    }

    private static void JoinPlaceHeads(ReadOnlySpan<char> text, ReadOnlySpan<int> starts, ReadOnlySpan<int> ends, Span<int> tags, ReadOnlySpan<int> sentenceEnds)
    {
        var lookup = PlaceHeads.GetAlternateLookup<ReadOnlySpan<char>>();
        for (int i = 0; i + 1 < tags.Length; i++)
        {
            int end = sentenceEnds[i];
            if (tags[i] != NerTagSet.Outside || !lookup.Contains(text[starts[i]..ends[i]]))
            {
                continue;
            }

            int name = i + 1;
            if (name + 1 < end && tags[name] == NerTagSet.Outside && text[starts[name]..ends[name]] is "de" or "du" or "des" or "d'" or "d’")
            {
                name++;
            }

            if (name >= end || NerTagSet.IsInside(tags[name]) || (tags[name] == NerTagSet.Outside && !IsName(text[starts[name]..ends[name]])))
            {
                continue;
            }

            int last = name + 1;
            while (last < end && NerTagSet.IsInside(tags[last]))
            {
                last++;
            }

            Retype(tags, i, last, Location);
            i = last - 1;
        }
    }

    private static void JoinCompassPoints(ReadOnlySpan<char> text, ReadOnlySpan<int> starts, ReadOnlySpan<int> ends, Span<int> tags, ReadOnlySpan<int> sentenceEnds)
    {
        for (int i = 1; i + 1 < tags.Length; i++)
        {
            int end = sentenceEnds[i];
            int previous = tags[i - 1];
            if (sentenceEnds[i - 1] != end || previous == NerTagSet.Outside || NerTagSet.TypeOf(previous) != Location || tags[i] != NerTagSet.Outside)
            {
                continue;
            }

            int point = text[starts[i]..ends[i]] switch
            {
                "du" => i + 1,
                "de" when i + 2 < end && text[starts[i + 1]..ends[i + 1]] is "l'" or "l’" => i + 2,
                _ => -1,
            };
            if (point < 0 || point >= end || !IsCompassPoint(text[starts[point]..ends[point]])
                || (point + 1 < end && NerTagSet.IsInside(tags[point + 1])))
            {
                continue;
            }

            for (int k = i; k <= point; k++)
            {
                tags[k] = 2 + (2 * Location);
            }

            i = point;
        }
    }

    private static bool IsCompassPoint(ReadOnlySpan<char> word) =>
        word is "Nord" or "Sud" or "Est" or "Ouest" or "Nord-Est" or "Nord-Ouest" or "Sud-Est" or "Sud-Ouest";

    private static void JoinCapitalisedArticles(ReadOnlySpan<char> text, ReadOnlySpan<int> starts, ReadOnlySpan<int> ends, Span<int> tags, ReadOnlySpan<int> sentenceEnds)
    {
        for (int i = 1; i + 1 < tags.Length; i++)
        {
            ReadOnlySpan<char> previous = text[starts[i - 1]..ends[i - 1]];
            if (sentenceEnds[i - 1] != sentenceEnds[i] || i + 1 >= sentenceEnds[i] || tags[i] != NerTagSet.Outside || tags[i + 1] == NerTagSet.Outside
                || NerTagSet.IsInside(tags[i + 1]) || !char.IsLetter(previous[^1])
                || text[starts[i]..ends[i]] is not ("The" or "La" or "Le" or "Les" or "L'" or "L’"))
            {
                continue;
            }

            tags[i] = tags[i + 1];
            tags[i + 1]++;
        }
    }

    // A middle initial: "M." or "M" followed by ".", between a PER token and a capitalised word (or the reverse).
    private static void JoinMiddleInitials(ReadOnlySpan<char> text, ReadOnlySpan<int> starts, ReadOnlySpan<int> ends, Span<int> tags, ReadOnlySpan<int> sentenceEnds)
    {
        for (int i = 1; i + 1 < tags.Length; i++)
        {
            int end = sentenceEnds[i];
            if (sentenceEnds[i - 1] != end || tags[i] != NerTagSet.Outside)
            {
                continue;
            }

            ReadOnlySpan<char> word = text[starts[i]..ends[i]];
            int after;
            if (word.Length == 2 && char.IsUpper(word[0]) && word[1] == '.')
            {
                after = i + 1;
            }
            else if (word.Length == 1 && char.IsUpper(word[0]) && i + 2 < end && text[starts[i + 1]..ends[i + 1]] is ".")
            {
                after = i + 2;
            }
            else
            {
                continue;
            }

            if (after >= end || !IsName(text[starts[after]..ends[after]]))
            {
                continue;
            }

            int left = tags[i - 1], right = tags[after];
            bool leftPerson = left != NerTagSet.Outside && NerTagSet.TypeOf(left) == Person;
            bool rightPerson = right != NerTagSet.Outside && NerTagSet.TypeOf(right) == Person && !NerTagSet.IsInside(right);
            bool leftFree = left == NerTagSet.Outside && IsName(text[starts[i - 1]..ends[i - 1]]);
            bool rightFree = right == NerTagSet.Outside;
            if (!((leftPerson && (rightPerson || rightFree)) || (leftFree && rightPerson)))
            {
                continue;
            }

            if (leftFree)
            {
                tags[i - 1] = 1 + (2 * Person);
            }

            for (int k = i; k <= after; k++)
            {
                tags[k] = 2 + (2 * Person);
            }

            i = after;
        }
    }

    private static bool IsName(ReadOnlySpan<char> word) => word.Length > 1 && char.IsUpper(word[0]) && char.IsLetter(word[^1]);

    private static int Best(int[] count)
    {
        int best = 0;
        for (int t = 1; t < TypeCount; t++)
        {
            if (count[t] > count[best])
            {
                best = t;
            }
        }

        return best;
    }

    private static void Retype(Span<int> tags, int start, int end, int type)
    {
        tags[start] = 1 + (2 * type);
        for (int k = start + 1; k < end; k++)
        {
            tags[k] = 2 + (2 * type);
        }
    }
}
