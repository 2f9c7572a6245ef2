using System.Buffers;
using System.Collections.Immutable;
using Veille.Model;
using Veille.Stages.Entities.Geo;

namespace Veille.Stages.Entities.Linking;

/// <summary>
/// Links recognised mentions into document entities: adds the mentions the recogniser missed (bare surnames of known
/// persons, acronyms defined in parentheses), merges name variants under one canonical key, reads roles from titles
/// and appositions and geocodes places. Pure and thread-safe: one instance serves every document (rules in docs/entities.md).
/// </summary>
public sealed class EntityLinker
{
    /// <summary>Version of the linking output; bump it when linking results change.</summary>
    public const int Version = 1;

    /// <summary>Confidence of an added mention relative to the mention it was learned from.</summary>
    public const float AddedConfidenceFactor = 0.9f;

    /// <summary>A city in a country the document names beats a bigger namesake unless that one is this many times more populous.</summary>
    public const int ContextPopulationRatio = 30;

    private const int MaxSlugLength = 80;

    private readonly Gazetteer gazetteer;
    private readonly LinkingLexicon lexicon;
    private readonly RoleFinder roleFinder;

    /// <summary>Creates a linker over the embedded gazetteer and word lists (loading them on first use).</summary>
    public EntityLinker()
        : this(Gazetteer.Default)
    {
    }

    /// <summary>Creates a linker over <paramref name="gazetteer"/> and the embedded word lists.</summary>
    public EntityLinker(Gazetteer gazetteer)
    {
        ArgumentNullException.ThrowIfNull(gazetteer);
        this.gazetteer = gazetteer;
        lexicon = LinkingLexicon.Default;
        roleFinder = new RoleFinder(lexicon);
    }

    /// <summary>
    /// Links <paramref name="recognized"/> (any order; overlapping or out-of-range mentions are dropped) over the
    /// text, tokens and sentences of <paramref name="document"/>; returns mentions in text order, each indexing into the
    /// entities (ordered by first mention), or -1 when a bare surname is ambiguous.
    /// </summary>
    public (ImmutableArray<Mention> Mentions, ImmutableArray<DocumentEntity> Entities) Link(Document document, IReadOnlyList<RecognizedMention> recognized)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(recognized);
        ImmutableArray<Token> tokens = document.Tokens;
        if (recognized.Count == 0 || tokens.IsDefaultOrEmpty)
        {
            return ([], []);
        }

        int[] owner = ArrayPool<int>.Shared.Rent(tokens.Length);
        try
        {
            var work = new LinkingWork(document.Text, tokens, document.Sentences, owner);
            work.AddRecognized(recognized);
            FindAcronyms(work);
            CollectPersons(work);
            AddMissedMentions(work);
            work.SortDrafts();
            ResolvePlaces(work);
            AssignEntities(work);
            AssignRoles(work);
            return work.Build();
        }
        finally
        {
            ArrayPool<int>.Shared.Return(owner);
        }
    }

    // "Conseil national pour la sauvegarde de la patrie (CNSP)": the acronym becomes an alias of the long form, and a
    // mention when the recogniser missed it.
    private static void FindAcronyms(LinkingWork work)
    {
        int count = work.Drafts.Count;
        for (int d = 0; d < count; d++)
        {
            Draft draft = work.Drafts[d];
            int open = draft.Tokens.End;
            if (draft.Kind == EntityKind.Person || open + 2 >= work.Tokens.Length
                || !work.IsChar(open, '(') || !work.IsChar(open + 2, ')'))
            {
                continue;
            }

            int acronymToken = open + 1;
            ReadOnlySpan<char> acronym = work.TextOf(acronymToken);
            if (!IsAcronym(acronym) || !InitialsMatch(work, draft.Tokens, acronym))
            {
                continue;
            }

            string alias = acronym.ToString();
            work.Aliases.TryAdd(alias, d);
            int existing = work.Owner[acronymToken];
            if (existing < 0)
            {
                work.AddDraft(new Draft(new TokenRange(acronymToken, acronymToken + 1), draft.Kind, draft.Confidence * AddedConfidenceFactor, Added: true));
            }
        }
    }

    private void CollectPersons(LinkingWork work)
    {
        for (int d = 0; d < work.Drafts.Count; d++)
        {
            Draft draft = work.Drafts[d];
            if (draft.Kind != EntityKind.Person)
            {
                continue;
            }

            PersonName? name = PersonName.Parse(work.Text, work.Tokens, draft.Tokens, lexicon);
            work.Names[d] = name;
            if (name is null || name.IsSurnameOnly)
            {
                continue;
            }

            if (!work.Persons.TryGetValue(name.Key, out PersonRecord? record))
            {
                record = new PersonRecord(name);
                work.Persons.Add(name.Key, record);
            }

            record.Confidence = Math.Max(record.Confidence, draft.Confidence);
            work.LastWords.Add(NameFolding.Compact(work.TextOf(LastWordToken(work, draft.Tokens))));
        }

        // "Ali Zeine" and "Ali Lamine Zeine" in one document: the shorter name joins the longer one.
        foreach (PersonRecord shorter in work.Persons.Values)
        {
            foreach (PersonRecord longer in work.Persons.Values)
            {
                if (longer.Name.Words.Length > shorter.Name.Words.Length && longer.Name.FirstKey == shorter.Name.FirstKey
                    && longer.Name.SurnameKey == shorter.Name.SurnameKey
                    && (shorter.Target is null || longer.Name.Words.Length > shorter.Target.Name.Words.Length))
                {
                    shorter.Target = longer;
                }
            }
        }

        foreach (PersonRecord record in work.Persons.Values)
        {
            PersonRecord target = record.Resolve();
            if (!work.Surnames.TryGetValue(record.Name.SurnameKey, out List<PersonRecord>? list))
            {
                list = [];
                work.Surnames.Add(record.Name.SurnameKey, list);
            }

            if (!list.Contains(target))
            {
                list.Add(target);
            }

            work.LastWords.Add(record.Name.SurnameKey);
        }
    }

    // Later bare occurrences of a known person ("a déclaré Ryder") or of a defined acronym ("du CNSP"): runs of
    // capitalised words that no mention covers; the longest suffix of a run that names a known person becomes a mention,
    // so "Selon Ryder" gives "Ryder" but "Campbell Soup" gives nothing.
    private void AddMissedMentions(LinkingWork work)
    {
        if (work.Persons.Count == 0 && work.Aliases.Count == 0)
        {
            return;
        }

        ImmutableArray<Token> tokens = work.Tokens;
        Span<char> key = stackalloc char[NameFolding.MaxKeyLength];
        int i = 0;
        while (i < tokens.Length)
        {
            if (work.Owner[i] >= 0 || !IsCapitalizedWord(work, i))
            {
                i++;
                continue;
            }

            int runEnd = i + 1;
            while (runEnd < tokens.Length && work.Owner[runEnd] < 0 && IsCapitalizedWord(work, runEnd) && runEnd - i < 6)
            {
                runEnd++;
            }

            // An acronym anywhere in the run ("Le CNSP") is a mention; such a run names no person.
            bool aliasFound = false;
            for (int j = i; j < runEnd && work.Aliases.Count > 0; j++)
            {
                int aliasDraft = work.FindAlias(work.TextOf(j));
                if (aliasDraft >= 0)
                {
                    Draft source = work.Drafts[aliasDraft];
                    work.AddDraft(new Draft(new TokenRange(j, j + 1), source.Kind, source.Confidence * AddedConfidenceFactor, Added: true));
                    aliasFound = true;
                }
            }

            if (!aliasFound)
            {
                int length = NameFolding.Compact(work.TextOf(runEnd - 1), key);
                if (length > 0 && work.LastWordLookup.Contains(key[..length]))
                {
                    MatchPersonSuffix(work, i, runEnd);
                }
            }

            i = runEnd;
        }
    }

    private void MatchPersonSuffix(LinkingWork work, int runStart, int runEnd)
    {
        for (int start = runStart; start < runEnd; start++)
        {
            var range = new TokenRange(start, runEnd);
            PersonName? name = PersonName.Parse(work.Text, work.Tokens, range, lexicon);
            if (name is null)
            {
                continue;
            }

            PersonRecord? record = null;
            if (!name.IsSurnameOnly)
            {
                record = work.Persons.GetValueOrDefault(name.Key)?.Resolve();
            }
            else if (name.SurnameKey.Length >= 2 && !PersonName.IsInitial(name.Words[^1])
                && work.Surnames.TryGetValue(name.SurnameKey, out List<PersonRecord>? candidates))
            {
                record = candidates[0];
            }

            if (record is not null)
            {
                work.AddDraft(new Draft(range, EntityKind.Person, record.Confidence * AddedConfidenceFactor, Added: true));
                return;
            }
        }
    }

    // Candidates of every place mention, then the choice. Context countries are those of other place names in the
    // document (an area, or a name with a single candidate). An area (country, region, continent) wins over towns; among
    // areas of one name, one in a context country wins ("Georgia" beside "United States" is the state); among towns,
    // one in a context country (see ContextPopulationRatio), else the most populous.
    private void ResolvePlaces(LinkingWork work)
    {
        var candidates = new ImmutableArray<GazetteerEntry>[work.Drafts.Count];
        var keys = new string?[work.Drafts.Count];

        // Country → compact name of the place that put it in context, or "" when several different names did.
        var context = new Dictionary<string, string>(StringComparer.Ordinal);
        for (int d = 0; d < work.Drafts.Count; d++)
        {
            Draft draft = work.Drafts[d];
            if (draft.Kind != EntityKind.Location)
            {
                continue;
            }

            ReadOnlySpan<char> surface = work.TextOf(WithoutLeadingDeterminers(work, draft.Tokens));
            ImmutableArray<GazetteerEntry> found = gazetteer.Find(surface);
            if (IsShortCapitals(surface))
            {
                // "USA", "RDC" are countries, but "ASO" is an organisation, not Aso, Japan: short capitals name areas only.
                found = found.RemoveAll(static entry => !entry.IsArea);
            }

            candidates[d] = found;
            if (found.IsEmpty)
            {
                continue;
            }

            string key = NameFolding.Compact(surface);
            keys[d] = key;
            if (found[0].CountryCode is { } country && (found[0].IsArea || found.Length == 1))
            {
                context[country] = context.TryGetValue(country, out string? known) && known != key ? "" : key;
            }
        }

        for (int d = 0; d < work.Drafts.Count; d++)
        {
            ImmutableArray<GazetteerEntry> found = candidates[d];
            if (found.IsDefaultOrEmpty)
            {
                continue;
            }

            string key = keys[d]!;
            GazetteerEntry chosen = found[0];
            if (chosen.IsArea)
            {
                if (!InContext(context, chosen.CountryCode, key))
                {
                    foreach (GazetteerEntry candidate in found)
                    {
                        if (candidate.IsArea && InContext(context, candidate.CountryCode, key))
                        {
                            chosen = candidate;
                            break;
                        }
                    }
                }
            }
            else
            {
                foreach (GazetteerEntry candidate in found)
                {
                    // Context wins unless the town is tiny beside the best-known candidate: "London" in an article on
                    // Canada is London, Ontario, but "Pékin" in one on the United States stays Beijing, not Pekin, Illinois.
                    // Only a town's own name counts: GeoNames lists "Rome" among the old names of Washington, D.C.
                    if (InContext(context, candidate.CountryCode, key) && candidate.Population * ContextPopulationRatio >= chosen.Population
                        && (ReferenceEquals(candidate, chosen) || candidate.HasPrimaryName(key)))
                    {
                        chosen = candidate;
                        break;
                    }
                }
            }

            work.Places[d] = chosen;
        }
    }

    // A country is context for a place when another place name of the document put it there.
    private static bool InContext(Dictionary<string, string> context, string? country, string key) =>
        country is not null && context.TryGetValue(country, out string? source) && source != key;

    private void AssignEntities(LinkingWork work)
    {
        for (int d = 0; d < work.Drafts.Count; d++)
        {
            AssignEntity(work, d);
        }
    }

    private int AssignEntity(LinkingWork work, int d)
    {
        Draft draft = work.Drafts[d];
        if (draft.Entity != Draft.Unassigned)
        {
            return draft.Entity;
        }

        // Mark first so that an alias cycle cannot recurse.
        work.Drafts[d] = draft with { Entity = -1 };
        int entity;
        int aliasOf = draft.Tokens.Length == 1 && draft.Kind != EntityKind.Person ? work.FindAlias(work.TextOf(draft.Tokens.Start)) : -1;
        if (aliasOf >= 0 && aliasOf != d)
        {
            entity = AssignEntity(work, aliasOf);
        }
        else if (draft.Kind == EntityKind.Person)
        {
            entity = AssignPerson(work, d, draft);
        }
        else if (work.Places[d] is { } place)
        {
            // Towns and regions carry their country: names repeat across countries ("London", "Georgia").
            string slug = place.PlaceKind == "country" || place.CountryCode is null
                ? NameFolding.Slug(place.EnglishName)
                : $"{NameFolding.Slug(place.EnglishName)}-{place.CountryCode.ToLowerInvariant()}";
            entity = work.Entity(Prefix(draft.Kind) + Cap(slug), place.EnglishName, draft.Kind, place.ToPlace());
        }
        else
        {
            TokenRange range = WithoutLeadingDeterminers(work, draft.Tokens);
            string surface = work.Collapsed(range);
            string slug = NameFolding.Slug(surface);
            entity = slug.Length == 0 ? -1 : work.Entity(Prefix(draft.Kind) + Cap(slug), surface, draft.Kind, null);
        }

        work.Drafts[d] = work.Drafts[d] with { Entity = entity };
        return entity;
    }

    // Full names link by key; a bare surname links to the only person with that surname, or, when several share it,
    // to the one mentioned most recently before it; with none before it, the mention stays unlinked.
    private int AssignPerson(LinkingWork work, int d, Draft draft)
    {
        PersonName? name = work.Names[d] ?? PersonName.Parse(work.Text, work.Tokens, draft.Tokens, lexicon);
        if (name is null)
        {
            return -1;
        }

        PersonRecord? record = null;
        if (!name.IsSurnameOnly)
        {
            record = work.Persons.GetValueOrDefault(name.Key)?.Resolve();
        }
        else if (work.Surnames.TryGetValue(name.SurnameKey, out List<PersonRecord>? candidates))
        {
            if (candidates.Count == 1)
            {
                record = candidates[0];
            }
            else
            {
                foreach (PersonRecord candidate in candidates)
                {
                    if (candidate.LastMention >= 0 && (record is null || candidate.LastMention > record.LastMention))
                    {
                        record = candidate;
                    }
                }

                if (record is null)
                {
                    return -1;
                }
            }
        }

        int entity;
        if (record is null)
        {
            entity = work.Entity("per:" + Cap(name.Key), name.Canonical, EntityKind.Person, null);
        }
        else
        {
            entity = work.Entity("per:" + Cap(record.Name.Key), record.Name.Canonical, EntityKind.Person, null);
            record.LastMention = draft.Tokens.Start;
        }

        return entity;
    }

    private void AssignRoles(LinkingWork work)
    {
        bool[] personAt = ArrayPool<bool>.Shared.Rent(work.Tokens.Length);
        try
        {
            Array.Clear(personAt, 0, work.Tokens.Length);
            foreach (Draft draft in work.Drafts)
            {
                if (draft.Kind == EntityKind.Person)
                {
                    personAt.AsSpan(draft.Tokens.Start, draft.Tokens.Length).Fill(true);
                }
            }

            for (int d = 0; d < work.Drafts.Count; d++)
            {
                Draft draft = work.Drafts[d];
                if (draft.Kind != EntityKind.Person)
                {
                    continue;
                }

                string? role = roleFinder.Find(work.Text, work.Tokens, work.SentenceOf(draft.Tokens.Start), draft.Tokens, personAt.AsSpan(0, work.Tokens.Length));
                if (role is not null)
                {
                    work.Drafts[d] = draft with { Role = role };
                }
            }
        }
        finally
        {
            ArrayPool<bool>.Shared.Return(personAt);
        }
    }

    private TokenRange WithoutLeadingDeterminers(LinkingWork work, TokenRange range)
    {
        int start = range.Start;
        while (start < range.End - 1 && lexicon.IsDeterminer(work.TextOf(start)))
        {
            start++;
        }

        return new TokenRange(start, range.End);
    }

    private static int LastWordToken(LinkingWork work, TokenRange range)
    {
        for (int i = range.End - 1; i > range.Start; i--)
        {
            if (work.Tokens[i].Kind == TokenKind.Word && char.IsLetter(work.Text[work.Tokens[i].Span.Start]))
            {
                return i;
            }
        }

        return range.Start;
    }

    private static bool IsShortCapitals(ReadOnlySpan<char> surface)
    {
        int letters = 0;
        foreach (char c in surface)
        {
            if (char.IsLower(c))
            {
                return false;
            }

            letters += char.IsLetter(c) ? 1 : 0;
        }

        return letters <= 4;
    }

    private static bool IsCapitalizedWord(LinkingWork work, int index) =>
        work.Tokens[index].Kind == TokenKind.Word && char.IsUpper(work.Text[work.Tokens[index].Span.Start]);

    // Two to ten characters, all capitals or digits, at least two capitals ("CNSP", "G5", "UE").
    private static bool IsAcronym(ReadOnlySpan<char> word)
    {
        if (word.Length < 2 || word.Length > 10)
        {
            return false;
        }

        int capitals = 0;
        foreach (char c in word)
        {
            if (char.IsUpper(c))
            {
                capitals++;
            }
            else if (!char.IsDigit(c))
            {
                return false;
            }
        }

        return capitals >= 2;
    }

    // The acronym's letters are, in order, initials of the long form's words, starting with the first word.
    private static bool InitialsMatch(LinkingWork work, TokenRange longForm, ReadOnlySpan<char> acronym)
    {
        int next = 0;
        Span<char> folded = stackalloc char[2];
        for (int i = longForm.Start; i < longForm.End && next < acronym.Length; i++)
        {
            ReadOnlySpan<char> word = work.TextOf(i);
            if (word.Length == 0 || !char.IsLetter(word[0]))
            {
                continue;
            }

            int length = NameFolding.Compact(word[..1], folded);
            bool match = length > 0 && folded[0] == char.ToLowerInvariant(acronym[next]);
            if (match)
            {
                next++;
            }
            else if (i == longForm.Start)
            {
                return false;
            }
        }

        return next == acronym.Length;
    }

    private static string Prefix(EntityKind kind) => kind switch
    {
        EntityKind.Person => "per:",
        EntityKind.Organization => "org:",
        EntityKind.Location => "loc:",
        _ => "misc:",
    };

    private static string Cap(string slug) => slug.Length <= MaxSlugLength ? slug : slug[..MaxSlugLength].TrimEnd('-');
}
