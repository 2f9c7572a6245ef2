using System.Text;

namespace Veille.Stages.Entities.Recognition;

/// <summary>Re-tags CoNLL files: same tokens and sentence breaks, predicted BIO tags.</summary>
public static class ConllTagging
{
    /// <summary>Reads <paramref name="inputFile"/> (any format <see cref="ConllReader.Read(string)"/> accepts) and writes <c>index TAB token TAB tag</c> lines to <paramref name="outputFile"/>.</summary>
    public static void Annotate(string inputFile, string outputFile, string language) =>
        Annotate(inputFile, outputFile, language, NamedEntityTagger.Default);

    /// <summary>Like <see cref="Annotate(string, string, string)"/> with a given tagger.</summary>
    public static void Annotate(string inputFile, string outputFile, string language, NamedEntityTagger tagger)
    {
        ArgumentNullException.ThrowIfNull(tagger);
        List<NerSentence> sentences = ConllReader.Read(inputFile);
        using var writer = new StreamWriter(outputFile, false, new UTF8Encoding(false));
        writer.NewLine = "\n";
        foreach (NerSentence sentence in sentences)
        {
            string[] tags = tagger.TagTokens(sentence.Tokens, language);
            for (int i = 0; i < tags.Length; i++)
            {
                writer.Write(i.ToString(System.Globalization.CultureInfo.InvariantCulture));
                writer.Write('\t');
                writer.Write(sentence.Tokens[i]);
                writer.Write('\t');
                writer.WriteLine(tags[i]);
            }

            writer.WriteLine();
        }
    }
}
