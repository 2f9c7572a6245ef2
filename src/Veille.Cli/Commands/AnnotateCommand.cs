using System.CommandLine;
using System.Diagnostics;
using Veille.Hosting;
using Veille.Hosting.Ingest;
using Veille.Pipeline;

namespace Veille.Cli.Commands;

/// <summary><c>veille annotate --in FILE_OR_DIR --out FILE.jsonl</c>: runs the pipeline without storing.</summary>
internal static class AnnotateCommand
{
    private static readonly Option<string[]> In = new("--in") { Description = "Input files or folders", Required = true, AllowMultipleArgumentsPerToken = true };
    private static readonly Option<string?> Out = new("--out") { Description = "Output JSONL file (default: standard output)" };
    private static readonly Option<bool> NerConll = new("--ner-conll") { Description = "Read CoNLL tokens (index<TAB>token<TAB>tag or 'token TAG') and write them with predicted BIO entity tags" };
    private static readonly Option<string> ConllLanguage = new("--lang") { Description = "Language of the CoNLL input (with --ner-conll)", DefaultValueFactory = _ => "en" };
    private static readonly Option<bool> LanguageOnly = new("--lang-only") { Description = "Only clean and identify the language (fast)" };

    public static Command Create()
    {
        var command = new Command("annotate", "Run the pipeline on inputs and write one JSON object a document, storing nothing") { In, Out, LanguageOnly, NerConll, ConllLanguage };
        command.SetAction(parse => CommonOptions.Guard(parse, () => Run(parse)));
        return command;
    }

    private static int Run(ParseResult parse)
    {
        if (parse.GetValue(NerConll))
        {
            string[] inputs = parse.GetValue(In)!;
            string output = parse.GetValue(Out) ?? throw new CliException(ErrorCodes.InvalidOptions, "--ner-conll needs --out FILE.");
            if (inputs.Length != 1 || !File.Exists(inputs[0]))
            {
                throw new CliException(ErrorCodes.InputNotFound, "--ner-conll needs one existing CoNLL file as --in.");
            }

            Stages.Entities.Recognition.ConllTagging.Annotate(inputs[0], output, parse.GetValue(ConllLanguage)!);
            Console.Error.WriteLine($"tagged {inputs[0]} into {output}");
            return VeilleCli.Ok;
        }

        NewsPipeline pipeline = parse.GetValue(LanguageOnly) ? Annotator.LanguageOnlyPipeline() : StageCatalog.CreateDefault();
        string? path = parse.GetValue(Out);
        var options = IngestOptions.Default;
        var stopwatch = Stopwatch.StartNew();
        AnnotateReport report;
        using (Stream output = path is null ? Console.OpenStandardOutput() : File.Create(path))
        {
            report = Annotator.Annotate(InputReader.Read(parse.GetValue(In)!, options), pipeline, output, options);
        }

        foreach ((string input, string reason) in report.Skipped)
        {
            Console.Error.WriteLine($"skipped {input}: {reason}");
        }

        double seconds = stopwatch.Elapsed.TotalSeconds;
        Console.Error.WriteLine($"annotated {report.Documents:N0} documents ({report.Characters / 1048576.0:N2} MB) in {seconds:N2} s: {report.Documents / seconds:N0} docs/s, {report.Characters / 1048576.0 / seconds:N2} MB/s; {report.Skipped.Count} skipped");
        return report.Documents == 0 && report.Skipped.Count > 0 ? VeilleCli.BadInput : VeilleCli.Ok;
    }
}
