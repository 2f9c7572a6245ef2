using System.Collections.Immutable;
using System.Text;
using Veille.Model;
using Veille.Stages.Entities.Geo;

namespace Veille.Stages.Entities.Linking;

/// <summary>A mention being linked: <see cref="Entity"/> is <see cref="Unassigned"/> until linking decides.</summary>
internal readonly record struct Draft(TokenRange Tokens, EntityKind Kind, float Confidence, bool Added, int Entity = Draft.Unassigned, string? Role = null)
{
    public const int Unassigned = int.MinValue;
}

/// <summary>A person known by a full name in one document; <see cref="Target"/> points to a longer name it belongs to.</summary>
internal sealed class PersonRecord(PersonName name)
{
    public PersonName Name { get; } = name;

    public PersonRecord? Target { get; set; }

    public float Confidence { get; set; }

    /// <summary>Token index of the latest mention linked so far, -1 before any.</summary>
    public int LastMention { get; set; } = -1;

    public PersonRecord Resolve()
    {
        PersonRecord record = this;
        for (int guard = 0; record.Target is not null && guard < 8; guard++)
        {
            record = record.Target;
        }

        return record;
    }
}

/// <summary>Per-document scratch of <see cref="EntityLinker"/>: drafts, token owners, persons, aliases and entities.</summary>
internal sealed class LinkingWork
{
    private readonly ImmutableArray<Sentence> sentences;
    private readonly Dictionary<string, int> entityByKey = new(StringComparer.Ordinal);
    private readonly List<EntityDraft> entities = [];
    private Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> aliasLookup;

    public LinkingWork(string text, ImmutableArray<Token> tokens, ImmutableArray<Sentence> sentences, int[] owner)
    {
        Text = text;
        Tokens = tokens;
        this.sentences = sentences;
        Owner = owner;
        Array.Fill(owner, -1, 0, tokens.Length);
        aliasLookup = Aliases.GetAlternateLookup<ReadOnlySpan<char>>();
        LastWordLookup = LastWords.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public string Text { get; }

    public ImmutableArray<Token> Tokens { get; }

    /// <summary>Draft index owning each token, -1 for none (only valid before <see cref="SortDrafts"/>).</summary>
    public int[] Owner { get; }

    public List<Draft> Drafts { get; } = [];

    public List<PersonName?> Names { get; } = [];

    public List<GazetteerEntry?> Places { get; } = [];

    public Dictionary<string, PersonRecord> Persons { get; } = new(StringComparer.Ordinal);

    /// <summary>Persons by compact surname key.</summary>
    public Dictionary<string, List<PersonRecord>> Surnames { get; } = new(StringComparer.Ordinal);

    /// <summary>Compact keys of the last words of known persons: a cheap filter before parsing a capitalised run.</summary>
    public HashSet<string> LastWords { get; } = new(StringComparer.Ordinal);

    public HashSet<string>.AlternateLookup<ReadOnlySpan<char>> LastWordLookup { get; }

    /// <summary>Acronyms as written ("CNSP") to the draft of their long form.</summary>
    public Dictionary<string, int> Aliases { get; } = new(StringComparer.Ordinal);

    public void AddRecognized(IReadOnlyList<RecognizedMention> recognized)
    {
        var ordered = new List<RecognizedMention>(recognized.Count);
        foreach (RecognizedMention mention in recognized)
        {
            if (mention.Tokens.Length > 0 && mention.Tokens.End <= Tokens.Length)
            {
                ordered.Add(mention);
            }
        }

        // Text order, longer first at one start; a mention overlapping an earlier one is dropped.
        ordered.Sort(static (a, b) => a.Tokens.Start != b.Tokens.Start ? a.Tokens.Start.CompareTo(b.Tokens.Start) : b.Tokens.Length.CompareTo(a.Tokens.Length));
        int covered = 0;
        foreach (RecognizedMention mention in ordered)
        {
            if (mention.Tokens.Start < covered)
            {
                continue;
            }

            AddDraft(new Draft(mention.Tokens, mention.Kind, Math.Clamp(mention.Confidence, 0f, 1f), Added: false));
            covered = mention.Tokens.End;
        }
    }

    public void AddDraft(Draft draft)
    {
        int index = Drafts.Count;
        Drafts.Add(draft);
        Names.Add(null);
        Places.Add(null);
        Owner.AsSpan(draft.Tokens.Start, draft.Tokens.Length).Fill(index);
    }

    /// <summary>Orders drafts by text position (recognised and added ones interleave); aliases follow their drafts.</summary>
    public void SortDrafts()
    {
        int[] order = Enumerable.Range(0, Drafts.Count).OrderBy(i => Drafts[i].Tokens.Start).ToArray();
        var newIndex = new int[order.Length];
        for (int i = 0; i < order.Length; i++)
        {
            newIndex[order[i]] = i;
        }

        Draft[] drafts = [.. Drafts];
        PersonName?[] names = [.. Names];
        GazetteerEntry?[] places = [.. Places];
        for (int i = 0; i < order.Length; i++)
        {
            Drafts[i] = drafts[order[i]];
            Names[i] = names[order[i]];
            Places[i] = places[order[i]];
        }

        foreach (string alias in Aliases.Keys.ToArray())
        {
            Aliases[alias] = newIndex[Aliases[alias]];
        }
    }

    public int FindAlias(ReadOnlySpan<char> word) => aliasLookup.TryGetValue(word, out int draft) ? draft : -1;

    public ReadOnlySpan<char> TextOf(int token) => Text.AsSpan(Tokens[token].Span.Start, Tokens[token].Span.Length);

    public ReadOnlySpan<char> TextOf(TokenRange range) =>
        range.Length == 0 ? [] : Text.AsSpan(Tokens[range.Start].Span.Start, Tokens[range.End - 1].Span.End - Tokens[range.Start].Span.Start);

    public bool IsChar(int token, char c) => Tokens[token].Span.Length == 1 && Text[Tokens[token].Span.Start] == c;

    /// <summary>The characters of <paramref name="range"/> with whitespace runs collapsed to one space.</summary>
    public string Collapsed(TokenRange range)
    {
        var builder = new StringBuilder();
        for (int i = range.Start; i < range.End; i++)
        {
            builder.Append(TextOf(i));
            if (i + 1 < range.End && Tokens[i].SpaceAfter)
            {
                builder.Append(' ');
            }
        }

        return builder.ToString();
    }

    /// <summary>The sentence holding <paramref name="token"/>; the whole document when there are no sentences.</summary>
    public Sentence SentenceOf(int token)
    {
        if (sentences.IsDefaultOrEmpty)
        {
            return new Sentence(new TokenRange(0, Tokens.Length), new TextSpan(0, Text.Length));
        }

        int low = 0, high = sentences.Length - 1;
        while (low < high)
        {
            int middle = (low + high + 1) / 2;
            if (sentences[middle].Tokens.Start <= token)
            {
                low = middle;
            }
            else
            {
                high = middle - 1;
            }
        }

        return sentences[low];
    }

    /// <summary>The index of the entity with <paramref name="id"/>, created with this canonical name, kind and place when new.</summary>
    public int Entity(string id, string canonical, EntityKind kind, GeoPlace? place)
    {
        if (entityByKey.TryGetValue(id, out int index))
        {
            return index;
        }

        index = entities.Count;
        entities.Add(new EntityDraft(id, canonical, kind, place));
        entityByKey.Add(id, index);
        return index;
    }

    public (ImmutableArray<Mention> Mentions, ImmutableArray<DocumentEntity> Entities) Build()
    {
        var mentions = ImmutableArray.CreateBuilder<Mention>(Drafts.Count);
        var roles = new string?[entities.Count];
        foreach (Draft draft in Drafts)
        {
            var span = new TextSpan(Tokens[draft.Tokens.Start].Span.Start, Tokens[draft.Tokens.End - 1].Span.End);
            int entity = draft.Entity >= 0 ? draft.Entity : -1;
            mentions.Add(new Mention(span, draft.Tokens, draft.Kind, draft.Confidence, entity, draft.Role));

            // The most informative role is the longest one; the first wins a tie.
            if (entity >= 0 && draft.Role is { } role && (roles[entity] is null || role.Length > roles[entity]!.Length))
            {
                roles[entity] = role;
            }
        }

        var result = ImmutableArray.CreateBuilder<DocumentEntity>(entities.Count);
        for (int i = 0; i < entities.Count; i++)
        {
            EntityDraft entity = entities[i];
            result.Add(new DocumentEntity(new EntityId(entity.Id), entity.Canonical, entity.Kind, roles[i], entity.Place));
        }

        return (mentions.MoveToImmutable(), result.MoveToImmutable());
    }

    private sealed record EntityDraft(string Id, string Canonical, EntityKind Kind, GeoPlace? Place);
}
