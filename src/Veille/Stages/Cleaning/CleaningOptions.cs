namespace Veille.Stages.Cleaning;

/// <summary>Options of <see cref="CleaningStage"/>.</summary>
/// <param name="MaxTitleLength">A first line longer than this (characters) is never a title.</param>
/// <param name="MaxTitleWords">A first line with more words than this is never a title.</param>
/// <param name="MaxDebrisLength">Lines of at most this many characters without letters are debris when at the start or end.</param>
/// <param name="RemoveBoilerplate">Removes lines matching the boilerplate patterns of Resources/cleaning.</param>
public sealed record CleaningOptions(
    int MaxTitleLength = 200,
    int MaxTitleWords = 30,
    int MaxDebrisLength = 12,
    bool RemoveBoilerplate = true)
{
    public static CleaningOptions Default { get; } = new();

    internal void Validate()
    {
        if (MaxTitleLength < 1 || MaxTitleWords < 1 || MaxDebrisLength < 0)
        {
            throw new Pipeline.PipelineException(Pipeline.ErrorCodes.InvalidOptions, "cleaning: max-title-length and max-title-words must be positive, max-debris-length not negative.");
        }
    }
}
