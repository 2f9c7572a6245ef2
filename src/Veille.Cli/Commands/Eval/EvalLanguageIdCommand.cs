using System.CommandLine;
using System.Diagnostics;
using Spectre.Console;
using Veille.Stages.LanguageId;

namespace Veille.Cli.Commands.Eval;

/// <summary><c>veille eval langid --data DIR [--folds K]</c>: cross-validated sentence accuracy of the language identifier.</summary>
internal static class EvalLanguageIdCommand
{
    private static readonly string[] Focus = ["fr", "en", "de", "es", "it", "pt", "nl"];
    private static readonly Option<string> Data = new("--data") { Description = "Folder of sentence files, one per language (e.g. ../shared/data/langid)", Required = true };
    private static readonly Option<int> Folds = new("--folds") { Description = "Cross-validation folds (the model is retrained on the other folds each time)", DefaultValueFactory = _ => 5 };

    public static Command Create()
    {
        var command = new Command("langid", "Cross-validated language-identification accuracy: overall mean, main languages, worst languages") { Data, Folds };
        command.SetAction(parse => CommonOptions.Guard(parse, () => Run(parse)));
        return command;
    }

    private static int Run(ParseResult parse)
    {
        string data = parse.GetValue(Data)!;
        if (!Directory.Exists(data))
        {
            throw new CliException(Pipeline.ErrorCodes.InputNotFound, $"data folder '{data}' not found.");
        }

        var stopwatch = Stopwatch.StartNew();
        LanguageIdEvaluation evaluation = LanguageIdEvaluator.CrossValidateFolder(data, parse.GetValue(Folds));
        var main = evaluation.Languages.Where(language => Focus.Contains(language.Language)).OrderBy(language => Array.IndexOf(Focus, language.Language)).ToList();
        var worst = evaluation.Languages.OrderBy(language => language.Accuracy).ThenBy(language => language.Language, StringComparer.Ordinal).Take(10).ToList();
        if (parse.GetValue(CommonOptions.Json))
        {
            CommonOptions.WriteJson(new
            {
                folds = evaluation.Folds,
                languages = evaluation.Languages.Count,
                mean_accuracy = Math.Round(evaluation.MeanAccuracy, 4),
                per_language = evaluation.Languages.Select(language => new { language = language.Language, accuracy = Math.Round(language.Accuracy, 4), correct = language.Correct, total = language.Total, most_confused_with = language.MostConfusedWith }),
                seconds = Math.Round(stopwatch.Elapsed.TotalSeconds, 1),
            });
            return VeilleCli.Ok;
        }

        AnsiConsole.MarkupLine($"[bold]{evaluation.Folds}-fold cross-validation, {evaluation.Languages.Count} languages: mean sentence accuracy {evaluation.MeanAccuracy:P2}[/] ({stopwatch.Elapsed.TotalSeconds:N0} s)");
        AnsiConsole.Write(Table("main languages", main));
        AnsiConsole.Write(Table("worst languages", worst));
        return VeilleCli.Ok;
    }

    private static Table Table(string title, IEnumerable<LanguageAccuracy> languages)
    {
        var table = new Table().Title(title).AddColumn("language").AddColumn(new TableColumn("accuracy").RightAligned()).AddColumn(new TableColumn("sentences").RightAligned()).AddColumn("most confused with");
        foreach (LanguageAccuracy language in languages)
        {
            table.AddRow(language.Language, $"{language.Accuracy:P2}", $"{language.Total}", language.MostConfusedWith ?? "-");
        }

        return table;
    }
}
