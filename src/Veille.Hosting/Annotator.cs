using System.Text.Json;
using Veille.Hosting.Export;
using Veille.Hosting.Ingest;
using Veille.Model;
using Veille.Pipeline;
using Veille.Stages.Cleaning;
using Veille.Stages.LanguageId;

namespace Veille.Hosting;

/// <summary>Runs the pipeline on inputs without storing anything and writes one export-schema JSON object a document.</summary>
public static class Annotator
{
    /// <summary>The pipeline of <c>annotate --lang-only</c>: cleaning then language identification.</summary>
    public static NewsPipeline LanguageOnlyPipeline() =>
        new PipelineBuilder().Use(new CleaningStage()).Use(new LanguageIdStage()).Build();

    /// <summary>Annotates every item and writes JSONL to <paramref name="output"/>; rejected items are returned with their reasons.</summary>
    public static AnnotateReport Annotate(IEnumerable<InputItem> items, NewsPipeline pipeline, Stream output, IngestOptions options, CancellationToken cancellationToken = default)
    {
        var report = new AnnotateReport();
        var repeatedLines = new RepeatedLineCounter(options.RepeatedLineDocuments);
        var context = new StageContext { RepeatedLines = repeatedLines, CancellationToken = cancellationToken };
        foreach (InputItem[] chunk in items.Chunk(Math.Max(1, options.BatchSize)))
        {
            var documents = new Document?[chunk.Length];
            foreach ((InputItem item, int i) in chunk.Select((item, i) => (item, i)))
            {
                if (item.Rejection is not null)
                {
                    report.Skipped.Add((item.Input, item.Rejection));
                    continue;
                }

                documents[i] = new Document(item.Text!, item.Source);
                repeatedLines.Add(documents[i]!.Source.GroupKey, item.Text!);
            }

            string?[] failures = pipeline.ProcessAll(documents, context, options.EffectiveParallelism);
            for (int i = 0; i < chunk.Length; i++)
            {
                if (failures[i] is { } failure)
                {
                    report.Skipped.Add((chunk[i].Input, failure));
                    documents[i] = null;
                }
            }

            foreach (Document? document in documents)
            {
                if (document is null)
                {
                    continue;
                }

                using (var writer = new Utf8JsonWriter(output, DocumentJson.WriterOptions))
                {
                    DocumentJson.Write(writer, document);
                }

                output.WriteByte((byte)'\n');
                report.Documents++;
                report.Characters += document.RawText.Length;
            }
        }

        return report;
    }
}

/// <summary>What an annotate run did.</summary>
public sealed class AnnotateReport
{
    public long Documents { get; set; }

    public long Characters { get; set; }

    public List<(string Input, string Reason)> Skipped { get; } = [];
}
