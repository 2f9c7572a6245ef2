using System.CommandLine;
using Spectre.Console;
using Veille.Hosting;
using Veille.Hosting.Export;
using Veille.Model;
using Veille.Pipeline;
using Veille.Storage;

namespace Veille.Cli.Commands;

/// <summary><c>veille show ID</c>: one document with its layers.</summary>
internal static class ShowCommand
{
    private static readonly Argument<string> Id = new("id") { Description = "Document id, or the external id given at ingest" };

    public static Command Create()
    {
        var command = new Command("show", "Show a document: title, language, cleaned text, removed lines and layers") { Id };
        command.SetAction(parse => CommonOptions.Guard(parse, () => Run(parse)));
        return command;
    }

    internal static StoredDocument Find(VeilleHost host, string id) =>
        host.Store.Load(new DocumentId(id))
        ?? (host.Store.FindByExternalId(id) is { } found ? host.Store.Load(found) : null)
        ?? throw new CliException(ErrorCodes.DocumentNotFound, $"no document with id or external id '{id}'; list ids with 'veille export documents' or find one with 'veille search'.", VeilleCli.Failed);

    private static int Run(ParseResult parse)
    {
        using VeilleHost host = CommonOptions.OpenHost(parse);
        StoredDocument stored = Find(host, parse.GetValue(Id)!);
        Document document = stored.Document;
        if (parse.GetValue(CommonOptions.Json))
        {
            Console.Out.WriteLine(DocumentJson.Serialize(document, indented: true, host.Stories.StoryOf(document.Id)));
            return VeilleCli.Ok;
        }

        var table = new Table().HideHeaders().AddColumn("").AddColumn("");
        table.AddRow("id", document.Id.Value);
        table.AddRow("external id", CommonOptions.Safe(document.Source.ExternalId ?? "-"));
        table.AddRow("title", CommonOptions.Safe(document.Title ?? "(none)"));
        table.AddRow("language", $"{CommonOptions.Safe(document.Language.Tag)} ({document.Language.Confidence:P0})");
        table.AddRow("source", CommonOptions.Safe(document.Source.Source ?? document.Source.Path ?? "-"));
        table.AddRow("published", document.Source.Published?.ToString("yyyy-MM-dd HH:mm 'UTC'", System.Globalization.CultureInfo.InvariantCulture) ?? "unknown");
        table.AddRow("size", $"{document.RawText.Length:N0} raw chars, {document.Text.Length:N0} clean chars, {document.Tokens.Length:N0} tokens, {document.Sentences.Length:N0} sentences");
        table.AddRow("layers", string.Join(", ", stored.Layers.Select(layer => $"{layer.Layer} ({layer.Stage} v{layer.Version})")));
        AnsiConsole.Write(table);
        AnsiConsole.WriteLine();
        AnsiConsole.WriteLine(document.Text);
        if (document.RemovedLines.Length > 0)
        {
            AnsiConsole.MarkupLine("\n[grey]removed lines:[/]");
            foreach (RemovedLine line in document.RemovedLines)
            {
                AnsiConsole.MarkupLine($"  [grey]{CommonOptions.Safe(line.Reason)}[/]  {CommonOptions.Safe(line.Text)}");
            }
        }

        return VeilleCli.Ok;
    }
}
