using Veille.Model;
using Veille.Pipeline;

namespace Veille.Tests.Corpus;

/// <summary>Annotated documents for the dedup and clustering tests: the samples, an English article on the same event, unrelated ones.</summary>
internal static class StoryTestDocuments
{
    private static readonly Lazy<NewsPipeline> Pipeline = new(StageCatalog.CreateDefault);

    /// <summary>Written for these tests: the event of the two French samples, reported in English.</summary>
    public const string EnglishNiger = """
        US agrees to withdraw troops from Niger

        The United States has agreed to withdraw its troops from Niger, the Washington Post reported on Friday, after the Nigerien military junta denounced the military agreement between the two countries.
        Deputy Secretary of State Kurt Campbell met Prime Minister Ali Lamine Zeine in Niamey, and the United States accepted to pull out more than 1,000 soldiers, leaving the future of a 110 million dollar American air base uncertain.
        Officials will soon begin planning an orderly and responsible withdrawal, which will require coordination with the Department of Defense, the newspaper said.
        The junta, which took power in a coup in 2023, had declared the American military presence illegal. A delegation of the Africa Command is expected in Niamey to discuss the withdrawal of American forces.
        """;

    /// <summary>Written for these tests: an unrelated English story.</summary>
    public const string EnglishFootball = """
        Late goal sends Liverpool into the cup final

        Liverpool reached the cup final on Sunday after a late goal by their captain beat Arsenal 2-1 in a tense semi-final at Wembley.
        The striker scored in the 89th minute from a corner, ending a match in which Arsenal had dominated possession for long spells.
        The manager praised the resilience of his young squad and said the players had earned a chance to lift the trophy in front of their supporters.
        Arsenal, who had won the competition last season, will now focus on the league, where they trail the leaders by four points.
        """;

    /// <summary>Written for these tests: an unrelated French story.</summary>
    public const string FrenchWeather = """
        Orages violents attendus dans le sud-ouest

        Météo-France a placé six départements du sud-ouest en vigilance orange aux orages pour la soirée de mardi, avec des risques de grêle et de fortes rafales de vent.
        Les cumuls de pluie pourraient atteindre quarante millimètres en quelques heures, notamment dans les Landes et en Gironde, selon le prévisionniste.
        Les pompiers ont été mis en alerte et les habitants sont invités à limiter leurs déplacements pendant l'épisode orageux.
        Une baisse sensible des températures est attendue dès mercredi sur l'ensemble de la région.
        """;

    /// <summary>Runs the default pipeline on a text.</summary>
    public static Document Annotate(string text, SourceInfo? source = null)
    {
        var document = new Document(text, source);
        Pipeline.Value.Process(document);
        return document;
    }

    public static Document Sample1 => Annotate(TestDocuments.Sample1);

    public static Document Sample2 => Annotate(TestDocuments.Sample2);
}
