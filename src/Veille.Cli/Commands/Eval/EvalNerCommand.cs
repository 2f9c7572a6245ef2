using System.CommandLine;
using System.Globalization;
using Spectre.Console;
using Veille.Stages.Entities.Recognition;

namespace Veille.Cli.Commands.Eval;

/// <summary><c>veille eval ner --data FILE [--lang fr|en] [--model FILE] [--limit N] [--out FILE]</c>: entity-level P/R/F1, overall and per type.</summary>
internal static class EvalNerCommand
{
    private static readonly Option<string> Language = new("--lang") { Description = "Language of the model to use (fr, en)", DefaultValueFactory = _ => "en" };
    private static readonly Option<string?> Model = new("--model") { Description = "Model file to evaluate instead of the embedded one" };
    private static readonly Option<string?> Out = new("--out") { Description = "Also write the predicted tags as CoNLL (index, token, tag) to this file" };
    private static readonly Option<int> Limit = new("--limit") { Description = "Evaluate only the first N sentences", DefaultValueFactory = _ => int.MaxValue };

    public static Command Create()
    {
        var command = new Command("ner", "Named-entity recognition: seqeval-style exact-match scores on a CoNLL file (--data FILE)")
        {
            Language,
            Model,
            Limit,
            Out,
        };
        command.SetAction(parse => CommonOptions.Guard(parse, () => Run(parse)));
        return command;
    }

    private static int Run(ParseResult parse)
    {
        string file = parse.GetValue(CommonOptions.Data)
            ?? throw new CliException(Pipeline.ErrorCodes.InvalidOptions, "--data FILE (a CoNLL file) is required");
        if (!File.Exists(file))
        {
            throw new CliException(Pipeline.ErrorCodes.InvalidOptions, $"no such file: {file}");
        }

        string language = parse.GetValue(Language)!;
        string? modelFile = parse.GetValue(Model);
        NamedEntityTagger tagger = modelFile is null ? NamedEntityTagger.Default : NamedEntityTagger.FromFile(modelFile);
        var watch = System.Diagnostics.Stopwatch.StartNew();
        NerScores scores = NerEvaluator.Evaluate(file, language, tagger, parse.GetValue(Limit));
        watch.Stop();
        if (parse.GetValue(Out) is { } output)
        {
            ConllTagging.Annotate(file, output, language, tagger);
        }

        if (parse.GetValue(CommonOptions.Json))
        {
            CommonOptions.WriteJson(new
            {
                file,
                language,
                sentences = scores.Sentences,
                overall = Row(scores.Overall),
                per_type = scores.PerType.Select(Row).ToArray(),
                seconds = watch.Elapsed.TotalSeconds,
            });
            return VeilleCli.Ok;
        }

        var table = new Table().Title($"NER {language}: {Markup.Escape(Path.GetFileName(file))}, {scores.Sentences} sentences")
            .AddColumn("type")
            .AddColumn(new TableColumn("gold").RightAligned())
            .AddColumn(new TableColumn("predicted").RightAligned())
            .AddColumn(new TableColumn("correct").RightAligned())
            .AddColumn(new TableColumn("P").RightAligned())
            .AddColumn(new TableColumn("R").RightAligned())
            .AddColumn(new TableColumn("F1").RightAligned());
        foreach (NerTypeScore score in scores.PerType.Append(scores.Overall))
        {
            table.AddRow(
                score.Type,
                score.Gold.ToString(CultureInfo.InvariantCulture),
                score.Predicted.ToString(CultureInfo.InvariantCulture),
                score.Correct.ToString(CultureInfo.InvariantCulture),
                score.Precision.ToString("F4", CultureInfo.InvariantCulture),
                score.Recall.ToString("F4", CultureInfo.InvariantCulture),
                score.F1.ToString("F4", CultureInfo.InvariantCulture));
        }

        AnsiConsole.Write(table);
        return VeilleCli.Ok;
    }

    private static object Row(NerTypeScore score) => new
    {
        type = score.Type,
        gold = score.Gold,
        predicted = score.Predicted,
        correct = score.Correct,
        precision = Math.Round(score.Precision, 4),
        recall = Math.Round(score.Recall, 4),
        f1 = Math.Round(score.F1, 4),
    };
}
