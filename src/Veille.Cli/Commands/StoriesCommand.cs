using System.CommandLine;
using System.Globalization;
using Spectre.Console;
using Veille.Corpus.Clustering;
using Veille.Corpus.Entities;
using Veille.Hosting;
using Veille.Hosting.Export;
using Veille.Model;
using Veille.Pipeline;
using Veille.Storage;

namespace Veille.Cli.Commands;

/// <summary><c>veille stories</c> and <c>veille story ID</c>: the stories the articles form.</summary>
internal static class StoriesCommand
{
    private static readonly Option<string?> LanguageFilter = new("--lang") { Description = "Only stories with a member in this language" };
    private static readonly Option<string?> Since = new("--since") { Description = "Only stories last seen on or after this date (YYYY-MM-DD)" };
    private static readonly Option<int> Limit = new("--limit") { Description = "How many stories", DefaultValueFactory = _ => 20 };
    private static readonly Argument<string> Id = new("id") { Description = "Story id, or the id of one of its documents" };

    public static Command CreateList()
    {
        var command = new Command("stories", "Stories, biggest and newest first, with size, languages and top entities") { LanguageFilter, Since, Limit };
        command.SetAction(parse => CommonOptions.Guard(parse, () => List(parse)));
        return command;
    }

    public static Command CreateShow()
    {
        var command = new Command("story", "One story: headline, summary, members, entities, timeline, quotes by speaker") { Id };
        command.SetAction(parse => CommonOptions.Guard(parse, () => Show(parse)));
        return command;
    }

    private static int List(ParseResult parse)
    {
        DateTimeOffset? since = CommonOptions.ParseDay(parse.GetValue(Since), "--since");
        using VeilleHost host = CommonOptions.OpenHost(parse);
        var stories = new List<(StoryListing Listing, StorySummary Summary)>();
        foreach (StoryListing listing in host.Stories.Stories(parse.GetValue(LanguageFilter), since is null ? parse.GetValue(Limit) : 10_000))
        {
            if (StoryService.Summarize(host, listing.Id) is { } summary && (since is null || summary.LastSeen is null || summary.LastSeen >= since))
            {
                stories.Add((listing, summary));
                if (stories.Count >= parse.GetValue(Limit))
                {
                    break;
                }
            }
        }

        if (parse.GetValue(CommonOptions.Json))
        {
            CommonOptions.WriteJson(stories.Select(story => new
            {
                id = story.Listing.Id.Value,
                headline = story.Summary.Headline,
                size = story.Listing.Members,
                languages = story.Listing.Languages,
                first_seen = story.Summary.FirstSeen,
                last_seen = story.Summary.LastSeen,
                top_entities = story.Summary.TopEntities.Take(5).Select(entity => new { id = entity.Id.Value, name = entity.Name, type = DocumentJson.KindName(entity.Kind), mentions = entity.Mentions }),
            }));
            return VeilleCli.Ok;
        }

        var table = new Table().AddColumn("story").AddColumn("headline").AddColumn(new TableColumn("articles").RightAligned()).AddColumn("languages").AddColumn("seen").AddColumn("top people and places");
        foreach ((StoryListing listing, StorySummary summary) in stories)
        {
            string seen = summary.FirstSeen is { } first ? $"{first:yyyy-MM-dd}…{summary.LastSeen:yyyy-MM-dd}" : "-";
            string entities = string.Join(", ", summary.TopEntities.Where(entity => entity.Kind is EntityKind.Person or EntityKind.Location).Take(4).Select(entity => entity.Name));
            table.AddRow(CommonOptions.Safe(listing.Id.Value), CommonOptions.Safe(summary.Headline), $"{listing.Members}", string.Join(" ", listing.Languages), seen, CommonOptions.Safe(entities));
        }

        AnsiConsole.Write(table);
        return VeilleCli.Ok;
    }

    private static int Show(ParseResult parse)
    {
        using VeilleHost host = CommonOptions.OpenHost(parse);
        string id = parse.GetValue(Id)!;
        StoryId story = StoryService.Find(host, id)
            ?? throw new CliException(ErrorCodes.DocumentNotFound, $"no story '{id}'; list them with 'veille stories'.", VeilleCli.Failed);
        StorySummary summary = StoryService.Summarize(host, story)!;
        IReadOnlyList<QuoteRecord> quotes = host.Entities.Quotes(documents: [.. summary.Members.Select(member => member.Document)], limit: 500);
        var groups = quotes.Where(quote => quote.Kind != QuoteKind.Scare)
            .GroupBy(quote => quote.SpeakerEntity?.Canonical ?? quote.Speaker ?? "(unknown speaker)")
            .OrderByDescending(group => group.Count()).ThenBy(group => group.Key, StringComparer.Ordinal).ToList();
        if (parse.GetValue(CommonOptions.Json))
        {
            CommonOptions.WriteJson(new
            {
                id = summary.Id.Value,
                headline = summary.Headline,
                headline_generated = summary.HeadlineGenerated,
                language = summary.Language,
                summary = summary.Summary.Select(sentence => new { text = sentence.Text, document = sentence.Document.Value }),
                members = summary.Members.Select(member => new { id = member.Document.Value, title = member.Title, language = member.Language, published = member.Published, duplicate_of = member.DuplicateOf?.Value }),
                first_seen = summary.FirstSeen,
                last_seen = summary.LastSeen,
                top_entities = summary.TopEntities.Select(entity => new { id = entity.Id.Value, name = entity.Name, type = DocumentJson.KindName(entity.Kind), mentions = entity.Mentions, documents = entity.Documents }),
                timeline = summary.Timeline.Select(entry => new { value = entry.Value, sentence = entry.Sentence, document = entry.Document.Value }),
                quotes = groups.Select(group => new
                {
                    speaker = group.Key,
                    speaker_entity_id = group.First().SpeakerEntity?.Id.Value,
                    quotes = group.Select(quote => new { text = quote.Text, kind = quote.Kind.ToString().ToLowerInvariant(), cue = quote.Cue, conduit = quote.Conduit, document = quote.Document.Value }),
                }),
            });
            return VeilleCli.Ok;
        }

        AnsiConsole.Write(new Rule($"[bold]{CommonOptions.Safe(summary.Headline)}[/]").LeftJustified());
        AnsiConsole.MarkupLine($"[grey]{CommonOptions.Safe(summary.Id.Value)} · {summary.Members.Length} articles · {CommonOptions.Safe(summary.Language)}[/]");
        foreach (SummarySentence sentence in summary.Summary)
        {
            AnsiConsole.MarkupLine($"  {CommonOptions.Safe(sentence.Text)}");
        }

        AnsiConsole.MarkupLine("\n[bold]articles[/]");
        foreach (StoryMember member in summary.Members)
        {
            string duplicate = member.DuplicateOf is { } canonical ? $" [grey](duplicate of {canonical})[/]" : "";
            AnsiConsole.MarkupLine($"  {member.Document} {member.Language} {member.Published:yyyy-MM-dd} {CommonOptions.Safe(member.Title ?? "(no title)")}{duplicate}");
        }

        AnsiConsole.MarkupLine("\n[bold]people, organisations, places[/]: " + CommonOptions.Safe(string.Join(", ", summary.TopEntities.Select(entity => $"{entity.Name} ({entity.Mentions})"))));
        AnsiConsole.MarkupLine("\n[bold]timeline[/]");
        foreach (Corpus.Clustering.TimelineEntry entry in summary.Timeline)
        {
            AnsiConsole.MarkupLine($"  [bold]{CommonOptions.Safe(entry.Value)}[/]  {CommonOptions.Safe(entry.Sentence)}");
        }

        AnsiConsole.MarkupLine("\n[bold]quotes[/]");
        foreach (IGrouping<string, QuoteRecord> group in groups)
        {
            AnsiConsole.MarkupLine($"  [bold]{CommonOptions.Safe(group.Key)}[/]");
            foreach (QuoteRecord quote in group)
            {
                string via = quote.Conduit is null ? "" : $" [grey](via {CommonOptions.Safe(quote.Conduit)})[/]";
                AnsiConsole.MarkupLine($"    « {CommonOptions.Safe(quote.Text)} »{via}");
            }
        }

        return VeilleCli.Ok;
    }
}
