using System.CommandLine;
using Spectre.Console;
using Veille.Hosting;
using Veille.Model;
using Veille.Stages.Dates;

namespace Veille.Cli.Commands;

/// <summary><c>veille timeline ID</c>: a document's resolved dates, each with the sentence it anchors, in date order.</summary>
internal static class TimelineCommand
{
    private static readonly Argument<string> Id = new("id") { Description = "Document id, or the external id given at ingest" };

    public static Command Create()
    {
        var command = new Command("timeline", "A document's timeline: resolved dates with their sentences, sorted") { Id };
        command.SetAction(parse => CommonOptions.Guard(parse, () => Run(parse)));
        return command;
    }

    private static int Run(ParseResult parse)
    {
        using VeilleHost host = CommonOptions.OpenHost(parse);
        Document document = ShowCommand.Find(host, parse.GetValue(Id)!).Document;
        IReadOnlyList<TimelineEntry> timeline = Timeline.Of(document);
        PublicationDate publication = document.Publication;
        if (parse.GetValue(CommonOptions.Json))
        {
            CommonOptions.WriteJson(new
            {
                id = document.Id.Value,
                published = publication.Value is { } value ? Hosting.Export.DocumentJson.FormatUtc(value) : null,
                published_source = publication.Source.ToString().ToLowerInvariant(),
                events = timeline.Select(entry => new
                {
                    value = entry.Value,
                    text = document.TextOf(entry.Date).ToString(),
                    start = entry.Date.Start,
                    end = entry.Date.End,
                    sentence = document.TextOf(entry.Sentence).ToString(),
                }),
            });
            return VeilleCli.Ok;
        }

        string published = publication.Value is { } date ? $"{date:yyyy-MM-dd} ({publication.Source.ToString().ToLowerInvariant()})" : "unknown: relative dates stay unresolved";
        AnsiConsole.MarkupLine($"[bold]{CommonOptions.Safe(document.Title ?? document.Id.Value)}[/] · published {CommonOptions.Safe(published)}");
        var table = new Table().AddColumn("date").AddColumn("expression").AddColumn("sentence");
        foreach (TimelineEntry entry in timeline)
        {
            table.AddRow(CommonOptions.Safe(entry.Value), CommonOptions.Safe(document.TextOf(entry.Date).ToString()), CommonOptions.Safe(document.TextOf(entry.Sentence).ToString()));
        }

        AnsiConsole.Write(table);
        return VeilleCli.Ok;
    }
}
