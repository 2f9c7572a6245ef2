using System.CommandLine;

namespace Veille.Cli.Commands.Eval;

/// <summary>Placeholder until its issue lands; replaced by the owner of the stage.</summary>
internal static class TrainNerCommand
{
    public static Command Create()
    {
        var command = new Command("ner", "(not available yet)") { Hidden = true };
        command.SetAction(parse => CommonOptions.Guard(parse, () => throw new CliException(Pipeline.ErrorCodes.InvalidOptions, "this command is not available yet")));
        return command;
    }
}
