using System.CommandLine;

namespace Veille.Cli.Commands.Eval;

/// <summary><c>veille train langid --data DIR --out FILE</c>: rebuilds the language-identification model from sentence files.</summary>
internal static class TrainLanguageIdCommand
{
    private static readonly Option<string> Data = new("--data") { Description = "Folder of sentence files, one per language (e.g. ../shared/data/langid)", Required = true };
    private static readonly Option<string> Out = new("--out") { Description = "Model file to write (the shipped one is src/Veille/Resources/langid/)", Required = true };

    public static Command Create()
    {
        var command = new Command("langid", "Train the language-identification model (n-gram statistics only; no sentence is stored)") { Data, Out };
        command.SetAction(parse => CommonOptions.Guard(parse, () =>
        {
            string data = parse.GetValue(Data)!;
            if (!Directory.Exists(data))
            {
                throw new CliException(Pipeline.ErrorCodes.InputNotFound, $"data folder '{data}' not found.");
            }

            long bytes = Stages.LanguageId.LanguageModelTrainer.TrainFolder(data, parse.GetValue(Out)!);
            Console.Error.WriteLine($"wrote {parse.GetValue(Out)} ({bytes / 1048576.0:N2} MB)");
            return VeilleCli.Ok;
        }));
        return command;
    }
}
