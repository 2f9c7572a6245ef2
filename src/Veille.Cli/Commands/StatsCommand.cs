using System.CommandLine;
using Spectre.Console;
using Veille.Hosting;
using Veille.Storage;

namespace Veille.Cli.Commands;

/// <summary><c>veille stats</c>: what the data folder holds.</summary>
internal static class StatsCommand
{
    public static Command Create()
    {
        var command = new Command("stats", "Corpus statistics: documents by language and source, sizes, index");
        command.SetAction(parse => CommonOptions.Guard(parse, () => Run(parse)));
        return command;
    }

    private static int Run(ParseResult parse)
    {
        using VeilleHost host = CommonOptions.OpenHost(parse);
        StoreStatistics statistics = host.Store.Statistics();
        long indexed = host.Index.Count();
        if (parse.GetValue(CommonOptions.Json))
        {
            CommonOptions.WriteJson(new
            {
                data = host.DataFolder,
                documents = statistics.Documents,
                indexed_documents = indexed,
                by_language = statistics.ByLanguage,
                by_source = statistics.BySource,
                raw_characters = statistics.RawCharacters,
                text_characters = statistics.TextCharacters,
                store_bytes = statistics.StoreBytes,
            });
            return VeilleCli.Ok;
        }

        var table = new Table().Title("Veille data folder").AddColumn("").AddColumn(new TableColumn("").RightAligned());
        table.AddRow("folder", CommonOptions.Safe(host.DataFolder));
        table.AddRow("documents", $"{statistics.Documents:N0}");
        table.AddRow("in search index", $"{indexed:N0}");
        table.AddRow("raw text", $"{statistics.RawCharacters:N0} chars");
        table.AddRow("cleaned text", $"{statistics.TextCharacters:N0} chars");
        table.AddRow("store size", $"{statistics.StoreBytes / 1048576.0:N2} MB");
        AnsiConsole.Write(table);
        AnsiConsole.Write(Breakdown("language", statistics.ByLanguage));
        AnsiConsole.Write(Breakdown("source", statistics.BySource));
        return VeilleCli.Ok;
    }

    private static Table Breakdown(string title, IReadOnlyDictionary<string, long> counts)
    {
        var table = new Table().AddColumn(title).AddColumn(new TableColumn("documents").RightAligned());
        foreach ((string key, long count) in counts.OrderByDescending(pair => pair.Value).ThenBy(pair => pair.Key, StringComparer.Ordinal).Take(20))
        {
            table.AddRow(CommonOptions.Safe(key), $"{count:N0}");
        }

        return table;
    }
}
