using System.CommandLine;
using Spectre.Console;
using Veille.Hosting;
using Veille.Hosting.Ingest;
using Veille.Model;
using Veille.Storage;

namespace Veille.Cli.Commands;

/// <summary><c>veille demo [PATH...]</c>: the main job on a corpus: ingest, print the documents, run a search.</summary>
internal static class DemoCommand
{
    private static readonly Argument<string[]> Paths = new("paths") { Description = "Files or folders to ingest", DefaultValueFactory = _ => ["samples"] };
    private static readonly Option<string> Query = new("--query") { Description = "The search to run after ingest", DefaultValueFactory = _ => "Niamey" };

    public static Command Create()
    {
        var command = new Command("demo", "Ingest a corpus (default: samples/), print its documents and run a search") { Paths, Query };
        command.SetAction(parse => CommonOptions.Guard(parse, () => Run(parse)));
        return command;
    }

    private static int Run(ParseResult parse)
    {
        using VeilleHost host = CommonOptions.OpenHost(parse, forWriting: true);
        string[] paths = parse.GetValue(Paths)!;
        bool json = parse.GetValue(CommonOptions.Json);
        IngestReport report = IngestCommand.RunWithProgress(host.CreateIngestService(), paths, IngestOptions.Default, !json && AnsiConsole.Profile.Capabilities.Interactive);
        string query = parse.GetValue(Query)!;
        if (json)
        {
            SearchResult found = host.Index.Search(new SearchQuery(query, Limit: 10));
            Console.Out.WriteLine("{\"documents\": [");
            Console.Out.WriteLine(string.Join(",\n", host.Store.All().Select(stored => Hosting.Export.DocumentJson.Serialize(stored.Document))));
            Console.Out.WriteLine("],");
            Console.Out.WriteLine($"\"search\": {System.Text.Json.JsonSerializer.Serialize(new { query, total = found.Total, hits = found.Hits.Select(hit => new { id = hit.Id.Value, title = hit.Title, snippet = hit.Snippet }) }, CommonOptions.JsonOptions)}}}");
            return VeilleCli.Ok;
        }

        AnsiConsole.MarkupLine($"[bold]Ingested[/] {CommonOptions.Safe(string.Join(", ", paths))} into {CommonOptions.Safe(host.DataFolder)}: {report.Stored} new, {report.Duplicates} already stored, {report.Skipped.Count} skipped.");
        foreach ((string input, string reason) in report.Skipped)
        {
            AnsiConsole.MarkupLine($"[yellow]skipped[/] {CommonOptions.Safe(input)}: {CommonOptions.Safe(reason)}");
        }

        foreach (StoredDocument stored in host.Store.All())
        {
            Document document = stored.Document;
            AnsiConsole.Write(new Rule($"[bold]{CommonOptions.Safe(document.Title ?? "(no title)")}[/]").LeftJustified());
            AnsiConsole.MarkupLine($"[grey]{document.Id} · {CommonOptions.Safe(document.Source.Path ?? document.Source.Url ?? "")} · language {CommonOptions.Safe(document.Language.Tag)} ({document.Language.Confidence:P0}) · {document.Sentences.Length} sentences · {document.Tokens.Length} tokens[/]");
            string text = document.Text.Length > 600 ? document.Text[..600] + " …" : document.Text;
            AnsiConsole.WriteLine(text);
            foreach (RemovedLine line in document.RemovedLines)
            {
                AnsiConsole.MarkupLine($"  [grey]removed ({CommonOptions.Safe(line.Reason)}):[/] {CommonOptions.Safe(line.Text)}");
            }
        }

        SearchResult result = host.Index.Search(new SearchQuery(query, Limit: 10));
        AnsiConsole.Write(new Rule($"[bold]search[/] {CommonOptions.Safe(query)}").LeftJustified());
        AnsiConsole.MarkupLine($"{result.Total} documents match.");
        foreach (SearchHit hit in result.Hits)
        {
            AnsiConsole.MarkupLine($"[bold]{CommonOptions.Safe(hit.Title ?? "(no title)")}[/] [grey]{hit.Id} · score {hit.Score:0.00}[/]");
            AnsiConsole.MarkupLine("  " + SearchCommand.Highlight(hit.Snippet, hit.Highlights));
        }

        AnsiConsole.Write(new Rule("[bold]stories[/]").LeftJustified());
        foreach (StoryListing listing in host.Stories.Stories(limit: 5))
        {
            if (StoryService.Summarize(host, listing.Id) is { } story)
            {
                AnsiConsole.MarkupLine($"[bold]{CommonOptions.Safe(story.Headline)}[/] [grey]{CommonOptions.Safe(listing.Id.Value)} · {listing.Members} articles · {string.Join(" ", listing.Languages)}[/]");
                foreach (Corpus.Clustering.SummarySentence sentence in story.Summary)
                {
                    AnsiConsole.MarkupLine($"  {CommonOptions.Safe(sentence.Text)}");
                }

                AnsiConsole.MarkupLine("  [grey]timeline:[/] " + CommonOptions.Safe(string.Join(" · ", story.Timeline.Where(entry => char.IsAsciiDigit(entry.Value[0])).Select(entry => entry.Value))));
                AnsiConsole.MarkupLine("  [grey]people:[/] " + CommonOptions.Safe(string.Join(", ", story.TopEntities.Where(entity => entity.Kind == EntityKind.Person).Select(entity => entity.Name))));
            }
        }

        AnsiConsole.MarkupLine("\nNext: [bold]veille stories[/], [bold]veille story ID[/], [bold]veille entities[/], [bold]veille quotes[/], [bold]veille search \"retrait des troupes\"[/], [bold]veille show ID[/], [bold]veille stats[/] (add --data DIR to use another data folder).");
        return VeilleCli.Ok;
    }
}
