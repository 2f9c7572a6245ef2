using System.Collections.Immutable;
using BenchmarkDotNet.Attributes;
using Veille.Model;
using Veille.Stages.Dates;
using Veille.Stages.Figures;
using Veille.Stages.Tokenization;

namespace Veille.Benchmarks.Stages;

/// <summary>The dates and figures stages over the tokenised articles of samples/ (two French articles per operation).</summary>
[MemoryDiagnoser]
public class DatesBench
{
    private string[] texts = [];
    private ImmutableArray<Token>[] tokens = [];

    [GlobalSetup]
    public void Setup()
    {
        string samples = BenchInputs.SamplesFolder;
        texts = Directory.GetFiles(samples, "*.txt").Order(StringComparer.Ordinal).Select(File.ReadAllText).ToArray();
        tokens = texts.Select(TokenScanner.Scan).ToArray();
    }

    [Benchmark(Baseline = true)]
    public int Dates()
    {
        int count = 0;
        for (int i = 0; i < texts.Length; i++)
        {
            count += DatesStage.Analyze(texts[i], tokens[i], "fr", PublicationDate.Unknown).Dates.Length;
        }

        return count;
    }

    [Benchmark]
    public int Figures()
    {
        int count = 0;
        for (int i = 0; i < texts.Length; i++)
        {
            count += FiguresStage.Analyze(texts[i], tokens[i], "fr").Length;
        }

        return count;
    }

    [Benchmark]
    public int DatesAndFigures() => Dates() + Figures();
}
