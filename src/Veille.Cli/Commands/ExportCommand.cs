using System.CommandLine;
using Veille.Hosting;
using Veille.Hosting.Export;
using Veille.Pipeline;

namespace Veille.Cli.Commands;

/// <summary><c>veille export documents --format jsonl|csv</c>.</summary>
internal static class ExportCommand
{
    private static readonly Option<string> Format = new("--format") { Description = "jsonl or csv", DefaultValueFactory = _ => "jsonl" };
    private static readonly Option<string?> Out = new("--out") { Description = "Output file (default: standard output)" };
    private static readonly Option<bool> Bom = new("--bom") { Description = "Start the file with a UTF-8 byte order mark (for spreadsheets)" };

    public static Command Create()
    {
        var documents = new Command("documents", "Export every document in the export schema (docs/export-schema.md)") { Format, Out, Bom };
        documents.SetAction(parse => CommonOptions.Guard(parse, () => Run(parse)));
        return new Command("export", "Export data") { documents };
    }

    private static int Run(ParseResult parse)
    {
        string format = parse.GetValue(Format)!;
        if (!DocumentExporter.Formats.Contains(format))
        {
            throw new CliException(ErrorCodes.InvalidOptions, $"unknown format '{format}'; use one of: {string.Join(", ", DocumentExporter.Formats)}.");
        }

        using VeilleHost host = CommonOptions.OpenHost(parse);
        string? path = parse.GetValue(Out);
        using Stream output = path is null ? Console.OpenStandardOutput() : File.Create(path);
        long count = DocumentExporter.Export(host.Store, format, output, parse.GetValue(Bom), host.Stories);
        if (path is not null)
        {
            Console.Error.WriteLine($"exported {count:N0} documents to {path}");
        }

        return VeilleCli.Ok;
    }
}
