using BenchmarkDotNet.Attributes;
using Veille.Model;
using Veille.Pipeline;
using Veille.Stages.Cleaning;

namespace Veille.Benchmarks.Stages;

/// <summary>The cleaning stage over the articles of samples/ (5,993 UTF-8 bytes per operation).</summary>
[MemoryDiagnoser]
public class CleaningBench
{
    private readonly CleaningStage stage = new();
    private string[] texts = [];

    [GlobalSetup]
    public void Setup() => texts = BenchInputs.SampleTexts();

    [Benchmark]
    public int Clean()
    {
        int length = 0;
        foreach (string text in texts)
        {
            var document = new Document(text);
            stage.Process(document, StageContext.Default);
            length += document.Text.Length;
        }

        return length;
    }
}
