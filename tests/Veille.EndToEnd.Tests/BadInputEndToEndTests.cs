using System.Text.Json;

namespace Veille.EndToEnd.Tests;

public sealed class BadInputEndToEndTests : IDisposable
{
    private readonly string root = Directory.CreateTempSubdirectory("veille-bad-").FullName;

    public void Dispose() => Directory.Delete(root, recursive: true);

    [Fact]
    public void Ingest_FolderWithBinaryEmptyAndHugeFiles_SkipsThemWithReasonsAndIngestsTheRest()
    {
        string input = Path.Combine(root, "input");
        Directory.CreateDirectory(input);
        foreach (string sample in Directory.EnumerateFiles(Path.Combine(VeilleProcess.RepositoryRoot, "samples")))
        {
            File.Copy(sample, Path.Combine(input, Path.GetFileName(sample)));
        }

        byte[] binary = new byte[10_000];
        new Random(3).NextBytes(binary);
        binary[0] = 0;
        File.WriteAllBytes(Path.Combine(input, "photo.txt"), binary);
        File.WriteAllBytes(Path.Combine(input, "empty.txt"), []);
        using (FileStream huge = File.Create(Path.Combine(input, "huge.txt")))
        {
            huge.SetLength(50L * 1024 * 1024);
        }

        string data = Path.Combine(root, "data");
        CommandResult result = VeilleProcess.Run("ingest", input, "--data", data, "--json");
        Assert.True(result.ExitCode == 0, result.ToString());
        using JsonDocument json = JsonDocument.Parse(result.Output);
        Assert.Equal(2, json.RootElement.GetProperty("stored").GetInt32());
        var skipped = json.RootElement.GetProperty("skipped").EnumerateArray()
            .ToDictionary(item => Path.GetFileName(item.GetProperty("input").GetString()!), item => item.GetProperty("reason").GetString()!);
        Assert.StartsWith("VE0202: not text", skipped["photo.txt"], StringComparison.Ordinal);
        Assert.StartsWith("VE0203: empty", skipped["empty.txt"], StringComparison.Ordinal);
        Assert.StartsWith("VE0204: too large", skipped["huge.txt"], StringComparison.Ordinal);
    }

    [Fact]
    public void Ingest_MissingPath_ExitsWithCode2AndNamesThePath()
    {
        CommandResult result = VeilleProcess.Run("ingest", Path.Combine(root, "missing"), "--data", Path.Combine(root, "data"));
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("missing", result.Output + result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("search")]
    [InlineData("search", "x", "--limit", "abc")]
    [InlineData("stats", "unexpected-argument")]
    public void UsageErrors_ExitWithCode2AndAnErrorCode(params string[] args)
    {
        CommandResult result = VeilleProcess.Run([.. args, "--data", Path.Combine(root, "data")]);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("VE0105", result.Error, StringComparison.Ordinal);
    }
}
