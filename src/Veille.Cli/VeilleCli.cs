using System.CommandLine;
using Veille.Cli.Commands;

namespace Veille.Cli;

/// <summary>The <c>veille</c> command line: parses arguments and calls Hosting services; holds no analysis logic.</summary>
public static class VeilleCli
{
    /// <summary>Exit code for success.</summary>
    public const int Ok = 0;

    /// <summary>Exit code for a failure (store, IO).</summary>
    public const int Failed = 1;

    /// <summary>Exit code for bad usage or bad input named on the command line.</summary>
    public const int BadInput = 2;

    public static int Run(string[] args)
    {
        RootCommand root = Build();
        ParseResult parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (System.CommandLine.Parsing.ParseError error in parse.Errors)
            {
                Commands.CommonOptions.ReportError(parse, Pipeline.ErrorCodes.InvalidOptions, error.Message);
            }

            Console.Error.WriteLine("Run 'veille --help' (or 'veille COMMAND --help') for usage.");
            return BadInput;
        }

        return parse.Invoke();
    }

    public static RootCommand Build()
    {
        var root = new RootCommand("Veille: turns piles and streams of news articles into searchable, browsable stories.");
        root.Options.Add(CommonOptions.Data);
        root.Options.Add(CommonOptions.Json);
        root.Subcommands.Add(IngestCommand.Create());
        root.Subcommands.Add(SearchCommand.Create());
        root.Subcommands.Add(ShowCommand.Create());
        root.Subcommands.Add(StatsCommand.Create());
        root.Subcommands.Add(EntitiesCommand.CreateList());
        root.Subcommands.Add(EntitiesCommand.CreateShow());
        root.Subcommands.Add(EntitiesCommand.CreateQuotes());
        root.Subcommands.Add(TimelineCommand.Create());
        root.Subcommands.Add(StoriesCommand.CreateList());
        root.Subcommands.Add(StoriesCommand.CreateShow());
        root.Subcommands.Add(ClusterCommand.Create());
        root.Subcommands.Add(ExportCommand.Create());
        root.Subcommands.Add(AnnotateCommand.Create());
        root.Subcommands.Add(BenchCommand.Create());
        root.Subcommands.Add(DemoCommand.Create());
        root.Subcommands.Add(EvalCommand.Create());
        root.Subcommands.Add(EvalCommand.CreateTrain());
        return root;
    }
}
