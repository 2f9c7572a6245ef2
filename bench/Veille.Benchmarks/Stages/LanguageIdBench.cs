using System.Text;
using BenchmarkDotNet.Attributes;
using Veille.Model;
using Veille.Stages.LanguageId;

namespace Veille.Benchmarks.Stages;

/// <summary>Language identification over the sample articles, whole and split into lines; throughput = SampleBytes / mean time.</summary>
[MemoryDiagnoser]
public class LanguageIdBench
{
    private string[] articles = [];
    private string[] lines = [];

    /// <summary>UTF-8 size of the articles, for MB/s.</summary>
    public static long ArticleBytes { get; private set; }

    [GlobalSetup]
    public void Setup()
    {
        string samples = BenchInputs.SamplesFolder;
        articles = [.. Directory.GetFiles(samples, "*.txt").Order(StringComparer.Ordinal).Select(File.ReadAllText)];
        lines = [.. articles.SelectMany(article => article.Split('\n')).Where(line => line.Trim().Length >= 20)];
        ArticleBytes = articles.Sum(article => (long)Encoding.UTF8.GetByteCount(article));
        Console.WriteLine($"// articles: {articles.Length}, {ArticleBytes} UTF-8 bytes; lines: {lines.Length}, {lines.Sum(line => Encoding.UTF8.GetByteCount(line))} bytes");
        _ = LanguageIdentifier.Default.Identify("warm up the embedded model");
    }

    [Benchmark(Description = "articles (per call: all sample articles)")]
    public int Articles()
    {
        int determined = 0;
        foreach (string article in articles)
        {
            Language language = LanguageIdentifier.Default.Identify(article);
            determined += language.IsDetermined ? 1 : 0;
        }

        return determined;
    }

    [Benchmark(Description = "lines (per call: every sample line of 20+ chars)")]
    public int Lines()
    {
        int determined = 0;
        foreach (string line in lines)
        {
            Language language = LanguageIdentifier.Default.Identify(line);
            determined += language.IsDetermined ? 1 : 0;
        }

        return determined;
    }
}
