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
        List<NerSentence> sentences = ConllReader.Read(inputFile, out List<int> documentStarts);
        using var writer = new StreamWriter(outputFile, false, new UTF8Encoding(false));
        writer.NewLine = "\n";
        // Documents are tagged whole, as the evaluator does.
        var predicted = new List<string[]>(sentences.Count);
        documentStarts.Add(sentences.Count);
        for (int d = 0; d + 1 < documentStarts.Count; d++)
        {
            int first = documentStarts[d], end = documentStarts[d + 1];
            if (end > first)
            {
                predicted.AddRange(tagger.TagDocument(sentences.GetRange(first, end - first).ConvertAll(s => (IReadOnlyList<string>)s.Tokens), language));
            }
        }

        for (int s = 0; s < sentences.Count; s++)
        {
            NerSentence sentence = sentences[s];
            string[] tags = predicted[s];
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
