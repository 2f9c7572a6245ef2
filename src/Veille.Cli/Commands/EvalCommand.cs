using System.CommandLine;
using Veille.Cli.Commands.Eval;

namespace Veille.Cli.Commands;

/// <summary><c>veille eval …</c> and <c>veille train …</c>: measure and train the models against development data.</summary>
internal static class EvalCommand
{
    public static Command Create() => new("eval", "Measure accuracy against development data (see docs/evaluation.md)")
    {
        EvalLanguageIdCommand.Create(),
        EvalNerCommand.Create(),
        EvalQuotesCommand.Create(),
        EvalTimexCommand.Create(),
        EvalRecognizersCommand.Create(),
        EvalClusteringCommand.Create(),
        EvalExtractionCommand.Create(),
    };

    public static Command CreateTrain() => new("train", "Train models from development data; results are committed as compact files")
    {
        TrainLanguageIdCommand.Create(),
        TrainNerCommand.Create(),
        TrainGazetteerCommand.Create(),
    };
}
