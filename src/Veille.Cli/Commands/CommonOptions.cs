using System.CommandLine;
using System.Text.Encodings.Web;
using System.Text.Json;
using Spectre.Console;
using Veille.Hosting;
using Veille.Storage;

namespace Veille.Cli.Commands;

/// <summary>Options shared by every command, and the error and JSON helpers of the hosts.</summary>
internal static class CommonOptions
{
    public static readonly Option<string?> Data = new("--data")
    {
        Description = $"Data folder (default: ${VeilleHost.DataFolderVariable}, else ./{VeilleHost.DefaultDataFolder})",
        Recursive = true,
    };

    public static readonly Option<bool> Json = new("--json")
    {
        Description = "Machine-readable JSON output on stdout",
        Recursive = true,
    };

    public static readonly JsonSerializerOptions JsonOptions = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
    };

    /// <summary>Runs a command body, turning known failures into a clear message and an exit code.</summary>
    public static int Guard(ParseResult parse, Func<int> body)
    {
        try
        {
            return body();
        }
        catch (CliException exception)
        {
            ReportError(parse, exception.Code, exception.Message);
            return exception.ExitCode;
        }
        catch (StoreException exception)
        {
            ReportError(parse, exception.Code, WithoutCode(exception.Message, exception.Code));
            return VeilleCli.Failed;
        }
        catch (InvalidSearchQueryException exception)
        {
            ReportError(parse, Pipeline.ErrorCodes.InvalidQuery, WithoutCode(exception.Message, Pipeline.ErrorCodes.InvalidQuery));
            return VeilleCli.BadInput;
        }
        catch (Pipeline.PipelineException exception)
        {
            ReportError(parse, exception.Code, WithoutCode(exception.Message, exception.Code));
            return VeilleCli.BadInput;
        }
        catch (FormatException exception)
        {
            ReportError(parse, Pipeline.ErrorCodes.StoreFailure, $"stored data is unreadable: {exception.Message}");
            return VeilleCli.Failed;
        }
        catch (ArgumentException exception)
        {
            ReportError(parse, Pipeline.ErrorCodes.InvalidOptions, exception.Message);
            return VeilleCli.BadInput;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or InvalidOperationException)
        {
            ReportError(parse, Pipeline.ErrorCodes.StoreFailure, exception.Message);
            return VeilleCli.Failed;
        }
    }

    private static string WithoutCode(string message, string code) =>
        message.StartsWith(code + ": ", StringComparison.Ordinal) ? message[(code.Length + 2)..] : message;

    public static void ReportError(ParseResult parse, string code, string message)
    {
        if (parse.GetValue(Json))
        {
            Console.Out.WriteLine(JsonSerializer.Serialize(new { error = new { code, message } }, JsonOptions));
        }

        Console.Error.WriteLine($"error {code}: {message}");
    }

    public static void WriteJson(object value) => Console.Out.WriteLine(JsonSerializer.Serialize(value, JsonOptions));

    public static VeilleHost OpenHost(ParseResult parse, bool forWriting = false) => VeilleHost.Open(parse.GetValue(Data), forWriting: forWriting);

    /// <summary>Parses a YYYY-MM-DD option value as midnight UTC; null when absent; a bad value fails naming the option.</summary>
    public static DateTimeOffset? ParseDay(string? text, string option)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        return DateTimeOffset.TryParseExact(text, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal | System.Globalization.DateTimeStyles.AdjustToUniversal, out DateTimeOffset date)
            ? date
            : throw new CliException(Pipeline.ErrorCodes.InvalidQuery, $"{option} '{text}' is not a date; use YYYY-MM-DD.");
    }

    /// <summary>Escapes untrusted text for Spectre markup.</summary>
    public static string Safe(string? text) => Markup.Escape(text ?? "");
}

/// <summary>A user-facing failure with a stable code and exit code.</summary>
internal sealed class CliException(string code, string message, int exitCode = VeilleCli.BadInput) : Exception(message)
{
    public string Code { get; } = code;

    public int ExitCode { get; } = exitCode;
}

/// <summary>Plain-language names of entity kinds for messages.</summary>
internal static class DocumentJsonNames
{
    public static string Kind(Model.EntityKind kind) => kind switch
    {
        Model.EntityKind.Person => "person",
        Model.EntityKind.Organization => "organisation",
        Model.EntityKind.Location => "place",
        _ => "name",
    };
}
