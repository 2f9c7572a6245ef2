using BenchmarkDotNet.Attributes;
using Veille.Model;
using Veille.Pipeline;
using Veille.Stages.Entities.Recognition;
using Veille.Stages.Tokenization;

namespace Veille.Benchmarks.Stages;

/// <summary>Named-entity tagging of the tokenised articles of samples/ (French; tokens per operation in <see cref="TokenCount"/>; model loaded in setup).</summary>
[MemoryDiagnoser]
public class NerBench
{
    private Document[] documents = [];

    /// <summary>Tokens tagged per operation, to turn the mean time into tokens per second.</summary>
    public int TokenCount { get; private set; }

    [GlobalSetup]
    public void Setup()
    {
        string samples = BenchInputs.SamplesFolder;
        documents = Directory.GetFiles(samples, "*.txt").Order(StringComparer.Ordinal).Select(path =>
        {
            string text = File.ReadAllText(path);
            var document = new Document(text);
            document.SetText(text, OffsetMap.Identity(text.Length), null, []);
            document.SetLanguage(new Language("fr", 1));
            new TokenizationStage().Process(document, StageContext.Default);
            return document;
        }).ToArray();
        TokenCount = documents.Sum(document => document.Tokens.Length);
        Console.WriteLine($"// NerBench: {TokenCount} tokens per operation");
        Tag();
    }

    [Benchmark]
    public int Tag()
    {
        int count = 0;
        foreach (Document document in documents)
        {
            count += NamedEntityTagger.Default.Tag(document).Count;
        }

        return count;
    }
}
