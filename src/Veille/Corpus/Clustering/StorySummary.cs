using System.Collections.Immutable;
using Veille.Model;

namespace Veille.Corpus.Clustering;

/// <summary>A story as shown to readers: headline, extractive summary, members, top entities and merged timeline.</summary>
/// <param name="Id">The story id.</param>
/// <param name="Headline">The title of the titled member closest to the centroid, else words generated from the top features.</param>
/// <param name="HeadlineGenerated">True when no member had a title and the headline was generated.</param>
/// <param name="Language">The dominant language of the members (summary sentences are in it).</param>
/// <param name="Summary">2-4 sentences from the members, in reading order of selection, without near-repeats.</param>
/// <param name="Members">The member documents with language and duplicate marks.</param>
/// <param name="FirstSeen">Earliest known publication date of a member, or null.</param>
/// <param name="LastSeen">Latest known publication date of a member, or null.</param>
/// <param name="TopEntities">Entities by number of mentions across distinct (non-duplicate) members; empty without the mentions layer.</param>
/// <param name="Timeline">Resolved dates of all members, one entry per value, earliest first; empty without the dates layer.</param>
public sealed record StorySummary(
    StoryId Id,
    string Headline,
    bool HeadlineGenerated,
    string Language,
    ImmutableArray<SummarySentence> Summary,
    ImmutableArray<StoryMember> Members,
    DateTimeOffset? FirstSeen,
    DateTimeOffset? LastSeen,
    ImmutableArray<EntityCount> TopEntities,
    ImmutableArray<TimelineEntry> Timeline);

/// <summary>One sentence of a story summary.</summary>
/// <param name="Text">The sentence text.</param>
/// <param name="Document">The member it comes from.</param>
/// <param name="Span">Its characters in that member's <see cref="Document.Text"/>.</param>
/// <param name="Score">Its centroid similarity (before redundancy penalty), in [0, 1].</param>
public sealed record SummarySentence(string Text, DocumentId Document, TextSpan Span, double Score);

/// <summary>A member of a story.</summary>
/// <param name="Document">The document.</param>
/// <param name="Title">Its title, or null.</param>
/// <param name="Language">Its language tag.</param>
/// <param name="Published">Its publication date, or null.</param>
/// <param name="DuplicateOf">The canonical document it copies, or null when it is not a duplicate.</param>
public sealed record StoryMember(DocumentId Document, string? Title, string Language, DateTimeOffset? Published, DocumentId? DuplicateOf);

/// <summary>An entity with its mention count in a story.</summary>
/// <param name="Id">The corpus-level entity id.</param>
/// <param name="Name">Its canonical name.</param>
/// <param name="Kind">Its type.</param>
/// <param name="Mentions">Mentions across distinct members.</param>
/// <param name="Documents">Distinct members mentioning it.</param>
public sealed record EntityCount(EntityId Id, string Name, EntityKind Kind, int Mentions, int Documents);

/// <summary>A resolved date of a story with the sentence that gives it.</summary>
/// <param name="Value">The normalised value ("2024-04-25", "2024-W18").</param>
/// <param name="Sentence">The sentence holding the first mention of it (earliest member first).</param>
/// <param name="Document">The member it comes from.</param>
/// <param name="Span">The date expression's characters in that member.</param>
public sealed record TimelineEntry(string Value, string Sentence, DocumentId Document, TextSpan Span);
