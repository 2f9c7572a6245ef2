using System.CommandLine;
using Veille.Stages.Entities.Recognition;

namespace Veille.Cli.Commands.Eval;

/// <summary><c>veille train ner --data SHARED_DATA_DIR [--lang fr|en|multi] --out FILE</c>: trains a model reproducibly (fixed seed) from the train-and-ship sets.</summary>
internal static class TrainNerCommand
{
    private static readonly Option<string> Language = new("--lang") { Description = "Language of the model (fr, en, or multi for the shared model)", DefaultValueFactory = _ => "multi" };
    private static readonly Option<string> Out = new("--out") { Description = "Model file to write (gzip; ship as src/Veille/Resources/ner/ner.model.gz, or ner-LANG.model.gz for a language-specific one)", Required = true };

    public static Command Create()
    {
        var command = new Command("ner", "Train the named-entity tagger of one language from the shared data folder (--data DIR)")
        {
            Language,
            Out,
        };
        command.SetAction(parse => CommonOptions.Guard(parse, () =>
        {
            string directory = parse.GetValue(CommonOptions.Data)
                ?? throw new CliException(Pipeline.ErrorCodes.InvalidOptions, "--data DIR (the shared data folder) is required");
            string language = parse.GetValue(Language)!;
            if (language is not ("fr" or "en" or "multi"))
            {
                throw new CliException(Pipeline.ErrorCodes.InvalidOptions, $"--lang must be fr, en or multi, not '{language}'");
            }

            if (!Directory.Exists(directory))
            {
                throw new CliException(Pipeline.ErrorCodes.InvalidOptions, $"no such folder: {directory}");
            }

            NerTraining.Train(directory, language, parse.GetValue(Out)!, Console.Error);
            return VeilleCli.Ok;
        }));
        return command;
    }
}
