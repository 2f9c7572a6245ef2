using System.Collections.Immutable;
using Veille.Model;

namespace Veille.Corpus.Clustering;

/// <summary>Where the clusterer put one document when it arrived.</summary>
/// <param name="Document">The document.</param>
/// <param name="Story">Its story at arrival (a later merge may fold it into another: ask <see cref="StoryClusterer.StoryOf"/>).</param>
/// <param name="Similarity">Cosine similarity to the story centroid it joined (1 for a duplicate, 0 for a new story).</param>
/// <param name="IsNewStory">True when the document started the story.</param>
/// <param name="Duplicate">The duplicate link that decided the story, or null.</param>
/// <param name="Merged">Stories folded into <paramref name="Story"/> because of this document.</param>
public sealed record StoryAssignment(DocumentId Document, StoryId Story, double Similarity, bool IsNewStory, Dedup.DuplicateLink? Duplicate, ImmutableArray<StoryId> Merged);

/// <summary>A story as the clusterer knows it: members in arrival order and the time range they cover.</summary>
/// <param name="Id">The story id (that of the story's first document).</param>
/// <param name="Members">Member documents in arrival order, duplicates included.</param>
/// <param name="FirstSeen">Earliest known publication date of a member, or null.</param>
/// <param name="LastSeen">Latest known publication date of a member, or null.</param>
public sealed record StoryRecord(StoryId Id, ImmutableArray<DocumentId> Members, DateTimeOffset? FirstSeen, DateTimeOffset? LastSeen);
