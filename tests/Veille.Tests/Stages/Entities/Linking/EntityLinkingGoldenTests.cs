using Veille.Stages.Entities.Linking;

namespace Veille.Tests.Stages.Entities.Linking;

/// <summary>
/// Runs every tests/golden/entities-linking/*.md: the input holds text with the recogniser's mentions in bracket
/// notation ("[Pat Ryder](PER)"), a first line "lang: en" optionally choosing the language; the expectation lists the
/// linked mentions and entities. UPDATE_GOLDEN=1 rewrites it.
/// </summary>
public sealed class EntityLinkingGoldenTests
{
    private const string Stage = "entities-linking";

    public static IEnumerable<object[]> Files() => GoldenFile.Cases(Stage);

    [Theory]
    [MemberData(nameof(Files))]
    public void Golden_MatchesExpectedLinks(string name)
    {
        GoldenFile golden = GoldenFile.Load(Stage, name);
        string input = golden.Input;
        string language = "fr";
        if (input.StartsWith("lang: ", StringComparison.Ordinal))
        {
            int newline = input.IndexOf('\n', StringComparison.Ordinal);
            language = input[6..newline].Trim();
            input = input[(newline + 1)..];
        }

        var (document, recognized) = LinkingTestDocuments.Parse(input, language);
        var (mentions, entities) = new EntityLinker().Link(document, recognized);
        golden.Verify(LinkingTestDocuments.Render(document, mentions, entities));
    }
}
