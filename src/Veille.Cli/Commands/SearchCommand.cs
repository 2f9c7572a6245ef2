using System.CommandLine;
using System.Globalization;
using System.Text;
using Spectre.Console;
using Veille.Hosting;
using Veille.Model;
using Veille.Pipeline;
using Veille.Storage;

namespace Veille.Cli.Commands;

/// <summary><c>veille search QUERY</c>: full-text search with filters.</summary>
internal static class SearchCommand
{
    private static readonly Argument<string> Query = new("query") { Description = "Terms, \"phrases\", AND/OR/NOT, -term" };
    private static readonly Option<string?> LanguageFilter = new("--lang") { Description = "Only documents in this language (fr, en…)" };
    private static readonly Option<string?> SourceFilter = new("--source") { Description = "Only documents from this source" };
    private static readonly Option<string?> From = new("--from") { Description = "Published on or after this date (YYYY-MM-DD)" };
    private static readonly Option<string?> To = new("--to") { Description = "Published on or before this date (YYYY-MM-DD)" };
    private static readonly Option<string?> Person = new("--person") { Description = "Only documents mentioning this person (name, alias or id)" };
    private static readonly Option<string?> Organization = new("--org") { Description = "Only documents mentioning this organisation" };
    private static readonly Option<string?> Place = new("--place") { Description = "Only documents mentioning this place" };
    private static readonly Option<string?> Speaker = new("--speaker") { Description = "Only documents quoting this person" };
    private static readonly Option<int> Limit = new("--limit") { Description = "Maximum hits (1-1000)", DefaultValueFactory = _ => 10 };

    public static Command Create()
    {
        var command = new Command("search", "Search the documents") { Query, LanguageFilter, SourceFilter, From, To, Person, Organization, Place, Speaker, Limit };
        command.SetAction(parse => CommonOptions.Guard(parse, () => Run(parse)));
        return command;
    }

    private static int Run(ParseResult parse)
    {
        int limit = parse.GetValue(Limit);
        if (limit is < 1 or > 1000)
        {
            throw new CliException(ErrorCodes.InvalidQuery, "--limit must be between 1 and 1000.");
        }

        DateTimeOffset? to = CommonOptions.ParseDay(parse.GetValue(To), "--to")?.AddDays(1);
        using VeilleHost host = CommonOptions.OpenHost(parse);
        var entities = new List<EntityId>();
        foreach ((Option<string?> option, EntityKind kind) in (ReadOnlySpan<(Option<string?>, EntityKind)>)[(Person, EntityKind.Person), (Organization, EntityKind.Organization), (Place, EntityKind.Location)])
        {
            if (parse.GetValue(option) is { } name)
            {
                entities.Add(Resolve(host, name, kind, option.Name));
            }
        }

        EntityId? speaker = parse.GetValue(Speaker) is { } speakerName ? Resolve(host, speakerName, EntityKind.Person, "--speaker") : null;
        var query = new SearchQuery(parse.GetValue(Query) ?? "", parse.GetValue(LanguageFilter), parse.GetValue(SourceFilter), CommonOptions.ParseDay(parse.GetValue(From), "--from"), to, limit, entities, speaker);
        SearchResult result = host.Index.Search(query);

        if (parse.GetValue(CommonOptions.Json))
        {
            CommonOptions.WriteJson(new
            {
                query = query.Text,
                total = result.Total,
                hits = result.Hits.Select(hit => new
                {
                    id = hit.Id.Value,
                    external_id = host.Store.Load(hit.Id)?.Document.Source.ExternalId,
                    score = Math.Round(hit.Score, 4),
                    title = hit.Title,
                    snippet = hit.Snippet,
                    highlights = hit.Highlights.Select(span => new { start = span.Start, end = span.End }),
                }),
            });
            return VeilleCli.Ok;
        }

        AnsiConsole.MarkupLine($"[bold]{result.Total:N0}[/] documents match [italic]{CommonOptions.Safe(query.Text)}[/]");
        foreach (SearchHit hit in result.Hits)
        {
            AnsiConsole.MarkupLine($"\n[bold]{CommonOptions.Safe(hit.Title ?? "(no title)")}[/]  [grey]{hit.Id} · score {hit.Score:0.00}[/]");
            AnsiConsole.MarkupLine("  " + Highlight(hit.Snippet, hit.Highlights));
        }

        return VeilleCli.Ok;
    }

    /// <summary>Resolves an entity name given on the command line, or fails naming the option.</summary>
    internal static EntityId Resolve(VeilleHost host, string name, EntityKind? kind, string option) =>
        host.FindEntity(name, kind)?.Summary.Entity.Id
        ?? throw new CliException(ErrorCodes.InvalidQuery, $"{option} '{name}': no such {(kind is null ? "entity" : DocumentJsonNames.Kind(kind.Value))} in the corpus; list them with 'veille entities'.");

    /// <summary>Marks the highlighted spans of a snippet in Spectre markup, escaping the rest.</summary>
    internal static string Highlight(string snippet, IReadOnlyList<TextSpan> highlights)
    {
        var builder = new StringBuilder();
        int position = 0;
        foreach (TextSpan span in highlights.OrderBy(span => span.Start))
        {
            if (span.Start < position || span.End > snippet.Length)
            {
                continue;
            }

            builder.Append(CommonOptions.Safe(snippet[position..span.Start]));
            builder.Append("[black on yellow]").Append(CommonOptions.Safe(snippet[span.Start..span.End])).Append("[/]");
            position = span.End;
        }

        builder.Append(CommonOptions.Safe(snippet[position..]));
        return builder.ToString();
    }
}
