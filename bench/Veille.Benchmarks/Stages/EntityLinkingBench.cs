using System.Collections.Immutable;
using BenchmarkDotNet.Attributes;
using Veille.Model;
using Veille.Stages.Entities;
using Veille.Stages.Entities.Geo;
using Veille.Stages.Entities.Linking;
using Veille.Stages.Tokenization;

namespace Veille.Benchmarks.Stages;

/// <summary>
/// Entity linking over the articles of samples/ with recogniser-like input: every run of capitalised words not opening a
/// sentence, typed LOC when the gazetteer knows it and PER otherwise (1,024 tokens per operation; linking only, not recognition).
/// </summary>
[MemoryDiagnoser]
public class EntityLinkingBench
{
    private readonly EntityLinker linker = new(Gazetteer.Default);
    private Document[] documents = [];
    private List<RecognizedMention>[] recognized = [];

    /// <summary>Tokens linked per operation, for tokens-per-second figures.</summary>
    public int TokenCount { get; private set; }

    [GlobalSetup]
    public void Setup()
    {
        string samples = BenchInputs.SamplesFolder;
        string[] texts = Directory.GetFiles(samples, "*.txt").Order(StringComparer.Ordinal).Select(File.ReadAllText).ToArray();
        documents = new Document[texts.Length];
        recognized = new List<RecognizedMention>[texts.Length];
        for (int i = 0; i < texts.Length; i++)
        {
            documents[i] = Prepare(texts[i]);
            recognized[i] = Recognize(documents[i]);
            TokenCount += documents[i].Tokens.Length;
        }
    }

    [Benchmark]
    public int Link()
    {
        int count = 0;
        for (int i = 0; i < documents.Length; i++)
        {
            count += linker.Link(documents[i], recognized[i]).Mentions.Length;
        }

        return count;
    }

    internal static Document Prepare(string text)
    {
        var document = new Document(text);
        document.SetText(text, OffsetMap.Identity(text.Length), null, []);
        document.SetLanguage(new Language("fr", 1));
        ImmutableArray<Token> tokens = TokenScanner.Scan(text);
        document.SetTokens(tokens);
        document.SetSentences(SentenceSplitter.Split(text, tokens));
        return document;
    }

    internal static List<RecognizedMention> Recognize(Document document)
    {
        var mentions = new List<RecognizedMention>();
        var sentenceStarts = new HashSet<int>(document.Sentences.Select(s => s.Tokens.Start));
        int i = 0;
        while (i < document.Tokens.Length)
        {
            if (!IsCapitalized(document, i) || sentenceStarts.Contains(i))
            {
                i++;
                continue;
            }

            int end = i + 1;
            while (end < document.Tokens.Length && IsCapitalized(document, end))
            {
                end++;
            }

            var range = new TokenRange(i, end);
            ReadOnlySpan<char> surface = document.Text.AsSpan(document.Tokens[i].Span.Start, document.Tokens[end - 1].Span.End - document.Tokens[i].Span.Start);
            EntityKind kind = Gazetteer.Default.Find(surface).IsEmpty ? EntityKind.Person : EntityKind.Location;
            mentions.Add(new RecognizedMention(range, kind, 0.9f));
            i = end;
        }

        return mentions;
    }

    private static bool IsCapitalized(Document document, int index) =>
        document.Tokens[index].Kind == TokenKind.Word && char.IsUpper(document.Text[document.Tokens[index].Span.Start]);
}
