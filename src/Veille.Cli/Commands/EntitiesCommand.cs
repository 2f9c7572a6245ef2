using System.CommandLine;
using Spectre.Console;
using Veille.Corpus.Entities;
using Veille.Hosting;
using Veille.Hosting.Export;
using Veille.Model;
using Veille.Pipeline;
using Veille.Storage;

namespace Veille.Cli.Commands;

/// <summary><c>veille entities</c>, <c>veille entity NAME</c> and <c>veille quotes</c>: the corpus's people, organisations, places and quotes.</summary>
internal static class EntitiesCommand
{
    private static readonly Option<string?> Type = new("--type") { Description = "person, org, place or misc" };
    private static readonly Option<string?> LanguageFilter = new("--lang") { Description = "Count only documents in this language" };
    private static readonly Option<int> Limit = new("--limit") { Description = "How many to list", DefaultValueFactory = _ => 20 };
    private static readonly Argument<string> Name = new("name") { Description = "Name, alias or id of the entity" };
    private static readonly Option<string?> Speaker = new("--speaker") { Description = "Only quotes by this person (name, alias or id)" };

    public static Command CreateList()
    {
        var command = new Command("entities", "The corpus's most mentioned people, organisations and places") { Type, LanguageFilter, Limit };
        command.SetAction(parse => CommonOptions.Guard(parse, () => List(parse)));
        return command;
    }

    public static Command CreateShow()
    {
        var command = new Command("entity", "One entity: aliases, roles, documents, co-mentioned entities, quotes") { Name };
        command.SetAction(parse => CommonOptions.Guard(parse, () => Show(parse)));
        return command;
    }

    public static Command CreateQuotes()
    {
        var command = new Command("quotes", "Quotes with their speakers and conduits, newest first") { Speaker, Limit };
        command.SetAction(parse => CommonOptions.Guard(parse, () => Quotes(parse)));
        return command;
    }

    private static EntityKind? ParseKind(string? type) => type?.ToLowerInvariant() switch
    {
        null => null,
        "person" or "per" => EntityKind.Person,
        "org" or "organisation" or "organization" => EntityKind.Organization,
        "place" or "loc" or "location" => EntityKind.Location,
        "misc" => EntityKind.Miscellaneous,
        _ => throw new CliException(ErrorCodes.InvalidOptions, $"--type '{type}': use person, org, place or misc."),
    };

    private static int List(ParseResult parse)
    {
        using VeilleHost host = CommonOptions.OpenHost(parse);
        IReadOnlyList<EntitySummary> entities = host.Entities.TopEntities(ParseKind(parse.GetValue(Type)), parse.GetValue(LanguageFilter), parse.GetValue(Limit));
        if (parse.GetValue(CommonOptions.Json))
        {
            CommonOptions.WriteJson(entities.Select(Json));
            return VeilleCli.Ok;
        }

        var table = new Table().AddColumn("entity").AddColumn("type").AddColumn(new TableColumn("mentions").RightAligned()).AddColumn(new TableColumn("documents").RightAligned()).AddColumn("role / place").AddColumn("id");
        foreach (EntitySummary summary in entities)
        {
            DocumentEntity entity = summary.Entity;
            table.AddRow(CommonOptions.Safe(entity.Canonical), DocumentJson.KindName(entity.Kind), $"{summary.Mentions:N0}", $"{summary.Documents:N0}", CommonOptions.Safe(Describe(entity)), CommonOptions.Safe(entity.Id.Value));
        }

        AnsiConsole.Write(table);
        return VeilleCli.Ok;
    }

    private static int Show(ParseResult parse)
    {
        using VeilleHost host = CommonOptions.OpenHost(parse);
        string name = parse.GetValue(Name)!;
        EntityDetail detail = host.FindEntity(name)
            ?? throw new CliException(ErrorCodes.DocumentNotFound, $"no entity named '{name}'; list them with 'veille entities'.", VeilleCli.Failed);
        IReadOnlyList<QuoteRecord> quotes = host.Entities.Quotes(detail.Summary.Entity.Id, limit: 50);
        if (parse.GetValue(CommonOptions.Json))
        {
            CommonOptions.WriteJson(new
            {
                entity = Json(detail.Summary),
                aliases = detail.Aliases.Select(alias => new { alias = alias.Alias, count = alias.Count }),
                roles = detail.Roles.Select(role => new { role = role.Role, count = role.Count }),
                documents = detail.Documents.Select(id => id.Value),
                co_mentioned = detail.CoMentioned.Select(other => new { entity = Json(other.Entity), shared_documents = other.SharedDocuments }),
                quotes = quotes.Select(QuoteJson),
            });
            return VeilleCli.Ok;
        }

        DocumentEntity entity = detail.Summary.Entity;
        AnsiConsole.MarkupLine($"[bold]{CommonOptions.Safe(entity.Canonical)}[/] ({DocumentJson.KindName(entity.Kind)}, {CommonOptions.Safe(entity.Id.Value)}): {detail.Summary.Mentions:N0} mentions in {detail.Summary.Documents:N0} documents");
        if (entity.Place is { } place)
        {
            AnsiConsole.MarkupLine($"place: {place.PlaceKind}, country {place.CountryCode ?? "-"}, {place.Latitude:0.###}, {place.Longitude:0.###}");
        }

        AnsiConsole.MarkupLine("aliases: " + CommonOptions.Safe(string.Join(", ", detail.Aliases.Select(alias => $"{alias.Alias} ({alias.Count})"))));
        if (detail.Roles.Count > 0)
        {
            AnsiConsole.MarkupLine("roles: " + CommonOptions.Safe(string.Join("; ", detail.Roles.Select(role => $"{role.Role} ({role.Count})"))));
        }

        AnsiConsole.MarkupLine("\n[bold]documents[/]");
        foreach (DocumentId id in detail.Documents)
        {
            Document? document = host.Store.Load(id)?.Document;
            AnsiConsole.MarkupLine($"  {id}  {CommonOptions.Safe(document?.Title ?? Excerpt(document?.Text))}");
        }

        if (detail.CoMentioned.Count > 0)
        {
            AnsiConsole.MarkupLine("\n[bold]mentioned with[/]: " + CommonOptions.Safe(string.Join(", ", detail.CoMentioned.Select(other => $"{other.Entity.Entity.Canonical} ({other.SharedDocuments})"))));
        }

        PrintQuotes(quotes);
        return VeilleCli.Ok;
    }

    private static int Quotes(ParseResult parse)
    {
        using VeilleHost host = CommonOptions.OpenHost(parse);
        EntityId? speaker = parse.GetValue(Speaker) is { } name ? SearchCommand.Resolve(host, name, EntityKind.Person, "--speaker") : null;
        IReadOnlyList<QuoteRecord> quotes = host.Entities.Quotes(speaker, limit: parse.GetValue(Limit));
        if (parse.GetValue(CommonOptions.Json))
        {
            CommonOptions.WriteJson(quotes.Select(QuoteJson));
            return VeilleCli.Ok;
        }

        PrintQuotes(quotes);
        return VeilleCli.Ok;
    }

    private static void PrintQuotes(IReadOnlyList<QuoteRecord> quotes)
    {
        foreach (IGrouping<string, QuoteRecord> group in quotes.Where(quote => quote.Kind != QuoteKind.Scare).GroupBy(quote => quote.SpeakerEntity?.Canonical ?? quote.Speaker ?? "(unknown speaker)"))
        {
            AnsiConsole.MarkupLine($"\n[bold]{CommonOptions.Safe(group.Key)}[/]");
            foreach (QuoteRecord quote in group)
            {
                string via = quote.Conduit is null ? "" : $" [grey](via {CommonOptions.Safe(quote.Conduit)})[/]";
                string kind = quote.Kind == QuoteKind.Indirect ? " [grey](reported)[/]" : "";
                AnsiConsole.MarkupLine($"  « {CommonOptions.Safe(quote.Text)} »{kind}{via} [grey]{quote.Document}[/]");
            }
        }
    }

    private static object Json(EntitySummary summary) => new
    {
        id = summary.Entity.Id.Value,
        canonical = summary.Entity.Canonical,
        type = DocumentJson.KindName(summary.Entity.Kind),
        role = summary.Entity.Role,
        mentions = summary.Mentions,
        documents = summary.Documents,
        lat = summary.Entity.Place?.Latitude,
        lon = summary.Entity.Place?.Longitude,
        country = summary.Entity.Place?.CountryCode,
        place_kind = summary.Entity.Place?.PlaceKind,
    };

    private static object QuoteJson(QuoteRecord quote) => new
    {
        document = quote.Document.Value,
        kind = quote.Kind.ToString().ToLowerInvariant(),
        text = quote.Text,
        speaker = quote.Speaker,
        speaker_entity_id = quote.SpeakerEntity?.Id.Value,
        speaker_canonical = quote.SpeakerEntity?.Canonical,
        cue = quote.Cue,
        conduit = quote.Conduit,
    };

    private static string Describe(DocumentEntity entity) =>
        entity.Place is { } place ? $"{place.PlaceKind}, {place.CountryCode}" : entity.Role ?? "";

    private static string Excerpt(string? text) => text is null ? "" : text.Length <= 80 ? text : text[..80] + "…";
}
