using System.Diagnostics;
using System.Text;

namespace Veille.EndToEnd.Tests;

/// <summary>Runs the built <c>veille</c> command as a child process, as a user would.</summary>
internal static class VeilleProcess
{
    public static string RepositoryRoot { get; } = FindRoot();

    public static CommandResult Run(params string[] args) => RunIn(RepositoryRoot, args);

    public static CommandResult RunIn(string workingDirectory, params string[] args)
    {
        string cli = Path.Combine(AppContext.BaseDirectory, "veille.dll");
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        start.ArgumentList.Add(cli);
        foreach (string arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["NO_COLOR"] = "1";
        start.Environment["COLUMNS"] = "200";
        using Process process = Process.Start(start)!;
        Task<string> output = process.StandardOutput.ReadToEndAsync();
        Task<string> error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"veille {string.Join(' ', args)} did not finish in 2 minutes");
        }

        return new CommandResult(process.ExitCode, output.Result, error.Result);
    }

    private static string FindRoot()
    {
        for (DirectoryInfo? directory = new(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Veille.slnx")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("Repository root not found.");
    }
}

internal sealed record CommandResult(int ExitCode, string Output, string Error)
{
    public override string ToString() => $"exit {ExitCode}\nstdout:\n{Output}\nstderr:\n{Error}";
}
