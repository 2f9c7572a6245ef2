using System.CommandLine;

namespace Veille.Cli.Commands.Eval;

/// <summary><c>veille train langid --data DIR --out FILE</c>. Wired when the language-id evaluator lands.</summary>
internal static class TrainLanguageIdCommand
{
    public static Command Create()
    {
        var command = new Command("langid", "(not available yet)") { Hidden = true };
        command.SetAction(parse => CommonOptions.Guard(parse, () => throw new CliException(Pipeline.ErrorCodes.InvalidOptions, "this command is not available yet")));
        return command;
    }
}
