namespace Veille.Model;

/// <summary>Where a document came from; every field may be unknown (null).</summary>
/// <param name="ExternalId">The id given by the input (JSONL <c>id</c>), kept in every output.</param>
/// <param name="Source">Outlet or site name, or the input file's folder for plain files.</param>
/// <param name="Url">The article's URL.</param>
/// <param name="Path">The input file (and line, for JSONL) the document was read from.</param>
/// <param name="Title">A title given by the input metadata, preferred over one detected in the text.</param>
/// <param name="Published">Publication time (UTC) given by the input metadata.</param>
/// <param name="LanguageHint">A language given by the input metadata.</param>
/// <param name="Author">Author given by the input metadata.</param>
public sealed record SourceInfo(
    string? ExternalId = null,
    string? Source = null,
    string? Url = null,
    string? Path = null,
    string? Title = null,
    DateTimeOffset? Published = null,
    string? LanguageHint = null,
    string? Author = null)
{
    public static SourceInfo Empty { get; } = new();

    /// <summary>What groups documents of one outlet for boilerplate detection: the source, else the URL's host, else the input folder.</summary>
    public string? GroupKey =>
        Source
        ?? (Url is not null && Uri.TryCreate(Url, UriKind.Absolute, out Uri? uri) ? uri.Host : null)
        ?? (Path is not null ? System.IO.Path.GetDirectoryName(Path) : null);
}
