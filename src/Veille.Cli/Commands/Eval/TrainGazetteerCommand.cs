using System.CommandLine;
using Veille.Stages.Entities.Geo;

namespace Veille.Cli.Commands.Eval;

/// <summary><c>veille train gazetteer --data SHARED_DATA_DIR --out FILE</c>: rebuilds the embedded gazetteer (see docs/entities.md).</summary>
internal static class TrainGazetteerCommand
{
    private static readonly Option<string> Out = new("--out")
    {
        Description = "Gzip TSV to write (the committed copy is src/Veille/Resources/gazetteer/places.tsv.gz)",
        Required = true,
    };

    public static Command Create()
    {
        var command = new Command("gazetteer", "Build the place gazetteer (countries, cities, demonyms) from GeoNames and country tables") { Out };
        command.SetAction(parse => CommonOptions.Guard(parse, () => Run(parse)));
        return command;
    }

    private static int Run(ParseResult parse)
    {
        // --data is the recursive option of the root command; here it names the shared data folder.
        string data = parse.GetValue(CommonOptions.Data)
            ?? throw new CliException(Pipeline.ErrorCodes.InvalidOptions, "--data SHARED_DATA_DIR is required (the folder holding gazetteer-geonames-cities1000, gazetteer-countries-i18n and gazetteer-world-countries).");
        string output = parse.GetValue(Out)!;
        if (!Directory.Exists(data))
        {
            throw new CliException(Pipeline.ErrorCodes.InputNotFound, $"shared data folder '{data}' not found.");
        }

        GazetteerBuildResult result;
        try
        {
            result = GazetteerBuilder.Build(data, output);
        }
        catch (FileNotFoundException exception)
        {
            throw new CliException(Pipeline.ErrorCodes.InputNotFound, exception.Message);
        }

        if (parse.GetValue(CommonOptions.Json))
        {
            CommonOptions.WriteJson(new { output, countries = result.Countries, cities = result.Cities, names = result.Names, demonyms = result.Demonyms, bytes = result.Bytes });
        }
        else
        {
            Console.Out.WriteLine($"{output}: {result.Countries} countries, {result.Cities} cities, {result.Names} names, {result.Demonyms} demonyms, {result.Bytes / 1024.0:N0} KiB");
        }

        return VeilleCli.Ok;
    }
}
