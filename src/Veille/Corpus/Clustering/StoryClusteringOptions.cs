namespace Veille.Corpus.Clustering;

/// <summary>Settings of <see cref="StoryClusterer"/>; validated by <see cref="Validate"/>.</summary>
/// <param name="Window">A story fades when a document's publication date is further than this from the story's first/last seen dates; documents without a date never fade a story.</param>
/// <param name="JoinThreshold">Minimum cosine similarity between a document and a story centroid for the document to join it, in (0, 1).</param>
/// <param name="MergeThreshold">Minimum cosine similarity between two story centroids for them to merge, in (0, 1].</param>
/// <param name="QueryTerms">Top-weighted features of a document kept as its vector and used as its candidate query.</param>
/// <param name="CentroidTerms">Features kept per story centroid (bounds memory and postings).</param>
/// <param name="MaxPostings">Stories kept per feature in the candidate index (the most recent win), so a query's cost stays flat.</param>
/// <param name="MaxCandidates">Stories scored by centroid cosine per document.</param>
/// <param name="CandidateQueryTerms">Top-weighted document features used to look up candidate stories.</param>
/// <param name="RerankedCandidates">Best stories by centroid cosine that also get the nearest-member vote.</param>
/// <param name="TitleWeight">Extra occurrences counted for each title word.</param>
/// <param name="NameWeight">Occurrences counted for a capitalised word inside a sentence (a likely name) when the mentions layer is absent.</param>
/// <param name="EntityWeight">Occurrences counted for each entity mention (mentions layer).</param>
/// <param name="FigureWeight">Occurrences counted for each figure or multi-digit number.</param>
/// <param name="DateWeight">Occurrences counted for each resolved day date (dates layer).</param>
/// <param name="CentroidShare">Weight of the centroid cosine in a story's similarity, the rest going to the best cosine with one of its recent members, in [0, 1].</param>
/// <param name="RecentMembers">Recent member vectors kept per story for the nearest-member cosine (bounds memory and cost).</param>
/// <param name="PriorDocuments">Background documents assumed in the inverse document frequency (none of them holds the feature).</param>
/// <param name="StemLength">Words are cut to this many characters after plural stripping (truncation stemming).</param>
public sealed record StoryClusteringOptions(
    TimeSpan Window,
    double JoinThreshold = 0.22,
    double MergeThreshold = 0.4,
    int QueryTerms = 100,
    int CentroidTerms = 300,
    int MaxPostings = 32,
    int MaxCandidates = 16,
    int CandidateQueryTerms = 30,
    int RerankedCandidates = 4,
    double TitleWeight = 2,
    double NameWeight = 2,
    double EntityWeight = 2,
    double FigureWeight = 1,
    double DateWeight = 1,
    double CentroidShare = 0.5,
    int RecentMembers = 8,
    int PriorDocuments = 100,
    int StemLength = 5)
{
    /// <summary>The defaults, with a 7-day window.</summary>
    public static StoryClusteringOptions Default { get; } = new(TimeSpan.FromDays(7));

    /// <summary>Throws when a setting is out of range.</summary>
    public StoryClusteringOptions Validate()
    {
        if (Window <= TimeSpan.Zero || JoinThreshold <= 0 || JoinThreshold >= 1 || MergeThreshold <= 0 || MergeThreshold > 1
            || QueryTerms < 1 || CentroidTerms < QueryTerms || MaxPostings < 1 || MaxCandidates < 1 || CandidateQueryTerms < 1 || RerankedCandidates < 0
            || CentroidShare < 0 || CentroidShare > 1 || RecentMembers < 1 || PriorDocuments < 0 || NameWeight < 0 || TitleWeight < 0 || EntityWeight < 0 || FigureWeight < 0 || DateWeight < 0 || StemLength < 3)
        {
            throw new ArgumentOutOfRangeException(nameof(StoryClusteringOptions), $"Invalid story clustering options: {this}.");
        }

        return this;
    }
}
