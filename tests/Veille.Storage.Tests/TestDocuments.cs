using System.Collections.Immutable;
using Veille.Model;
using Veille.Pipeline;
using Veille.Storage;

namespace Veille.Storage.Tests;

/// <summary>Builds documents by hand, so storage is tested without the stages that normally annotate them.</summary>
internal static class TestDocuments
{
    public static readonly DateTimeOffset IngestedUtc = new(2026, 1, 2, 3, 4, 5, TimeSpan.Zero);

    /// <summary>A document with text (cleaning removed a first line), language, tokens and sentences.</summary>
    public static Document Annotated(string body = "Le Niger et les États-Unis. Un accord.", SourceInfo? source = null)
    {
        string header = "MENU\n";
        string raw = header + body;
        var document = new Document(raw, source ?? new SourceInfo(ExternalId: "ext-" + body.Length, Source: "rfi", Url: "https://example.org/a", Title: "Titre", Published: new DateTimeOffset(2024, 4, 19, 10, 0, 0, TimeSpan.FromHours(2)), LanguageHint: "fr", Author: "A. Auteur"));
        var offsets = new int[body.Length];
        for (int i = 0; i < offsets.Length; i++)
        {
            offsets[i] = header.Length + i;
        }

        document.SetText(body, OffsetMap.FromCharOffsets(offsets, raw.Length), "Titre détecté", [new RemovedLine(new TextSpan(0, 4), "MENU", "pattern:menu")]);
        document.SetLanguage(new Language("fr", 0.97));
        var tokens = ImmutableArray.CreateBuilder<Token>();
        int start = -1;
        for (int i = 0; i <= body.Length; i++)
        {
            bool letter = i < body.Length && (char.IsLetterOrDigit(body[i]) || body[i] == '-');
            if (letter && start < 0)
            {
                start = i;
            }
            else if (!letter && start >= 0)
            {
                tokens.Add(new Token(new TextSpan(start, i), TokenKind.Word, i < body.Length && body[i] == ' '));
                start = -1;
            }

            if (i < body.Length && body[i] == '.')
            {
                tokens.Add(new Token(new TextSpan(i, i + 1), TokenKind.Punctuation, i + 1 < body.Length));
            }
        }

        document.SetTokens(tokens.ToImmutable());
        document.SetSentences([new Sentence(new TokenRange(0, tokens.Count), new TextSpan(0, body.Length))]);
        return document;
    }

    /// <summary>A plain document with only language set (what indexing needs), like the CLI makes from a text file.</summary>
    public static Document Plain(string raw, string language = "fr", SourceInfo? source = null)
    {
        var document = new Document(raw, source ?? SourceInfo.Empty);
        document.SetText(raw, OffsetMap.Identity(raw.Length), null, []);
        document.SetLanguage(new Language(language, 1));
        return document;
    }

    public static StageInfo? ProducerOf(Layers layer) => layer switch
    {
        Layers.Text => new StageInfo("cleaning", 2, Layers.None, Layers.Text),
        Layers.Language => new StageInfo("language-id", 1, Layers.Text, Layers.Language),
        Layers.Tokens or Layers.Sentences => new StageInfo("tokenization", 3, Layers.Text, Layers.Tokens | Layers.Sentences),
        _ => null,
    };

    public static StoredDocument Stored(Document document) =>
        new(document, LayerCodec.Encode(document, ProducerOf), IngestedUtc);
}

/// <summary>A fresh temporary folder, deleted on dispose.</summary>
internal sealed class TempFolder : IDisposable
{
    public TempFolder()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "veille-tests-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A handle still closing on some platforms; the OS temp cleaner takes it.
        }
    }
}
