using System.Collections.Immutable;
using BenchmarkDotNet.Attributes;
using Veille.Model;
using Veille.Stages.Quotes;
using Veille.Stages.Tokenization;

namespace Veille.Benchmarks.Stages;

/// <summary>
/// The quotes stage over the articles of samples/ (tokens and sentences prepared once, no mentions and with the
/// mentions of a tagger simulated from capitalised words), one operation = every sample article once.
/// </summary>
[MemoryDiagnoser]
public class QuotesBench
{
    private Document[] plain = [];
    private Document[] tagged = [];

    [GlobalSetup]
    public void Setup()
    {
        string[] texts = Directory.GetFiles(BenchInputs.SamplesFolder, "*.txt").Order(StringComparer.Ordinal).Select(File.ReadAllText).ToArray();
        plain = texts.Select(text => Prepare(text, withMentions: false)).ToArray();
        tagged = texts.Select(text => Prepare(text, withMentions: true)).ToArray();
    }

    [Benchmark(Baseline = true)]
    public int WithoutMentions()
    {
        int count = 0;
        foreach (Document document in plain)
        {
            count += QuotesStage.Find(document).Length;
        }

        return count;
    }

    [Benchmark]
    public int WithMentions()
    {
        int count = 0;
        foreach (Document document in tagged)
        {
            count += QuotesStage.Find(document).Length;
        }

        return count;
    }

    private static Document Prepare(string text, bool withMentions)
    {
        var document = new Document(text);
        document.SetText(text, OffsetMap.Identity(text.Length), null, []);
        document.SetLanguage(new Language("fr", 1));
        ImmutableArray<Token> tokens = TokenScanner.Scan(text);
        document.SetTokens(tokens);
        document.SetSentences(SentenceSplitter.Split(text, tokens));
        var mentions = ImmutableArray.CreateBuilder<Mention>();
        var entities = ImmutableArray.CreateBuilder<DocumentEntity>();
        if (withMentions)
        {
            // Runs of capitalised words not at a sentence start, as a stand-in for the recogniser's output.
            for (int i = 1; i < tokens.Length; i++)
            {
                if (!char.IsUpper(text[tokens[i].Span.Start]) || tokens[i].Kind != TokenKind.Word || char.IsUpper(text[tokens[i - 1].Span.Start]))
                {
                    continue;
                }

                int end = i + 1;
                while (end < tokens.Length && tokens[end].Kind == TokenKind.Word && char.IsUpper(text[tokens[end].Span.Start]))
                {
                    end++;
                }

                var span = new TextSpan(tokens[i].Span.Start, tokens[end - 1].Span.End);
                mentions.Add(new Mention(span, new TokenRange(i, end), end - i > 1 ? EntityKind.Person : EntityKind.Organization, 0.9f, entities.Count));
                entities.Add(new DocumentEntity(new EntityId($"e{entities.Count}"), text[span.Start..span.End], EntityKind.Person));
                i = end - 1;
            }
        }

        document.SetMentions(mentions.ToImmutable(), entities.ToImmutable());
        return document;
    }
}
