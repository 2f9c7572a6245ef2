using System.Reflection;
using Veille.Model;
using Veille.Stages.LanguageId;

namespace Veille.Tests.Stages.LanguageId;

/// <summary>Differential tests: the optimised identifier (hash table, dense SIMD rows, chunked scan) against a plain dictionary version.</summary>
public sealed class LanguageIdReferenceTests
{
    private static readonly Lazy<LanguageModel> Model = new(LoadModel);

    [Theory]
    [InlineData("Le gouvernement a annoncé mardi une nouvelle réforme des retraites.")]
    [InlineData("Dit is een korte Nederlandse zin over het weer en de wind.")]
    [InlineData("Hello world")]
    [InlineData("Der Hund")]
    [InlineData("Правительство объявило о новой реформе.")]
    [InlineData("政府周二宣布了一项新的养老金改革。")]
    [InlineData("Ovo je rečenica na hrvatskom jeziku o vremenu.")]
    public void Identifier_MatchesReferenceScores(string text)
    {
        IReadOnlyList<Language> ranked = LanguageIdentifier.Default.Rank(text, 3);
        IReadOnlyList<Language> expected = ReferenceRank(text, 3);

        Assert.Equal(expected.Select(language => language.Tag), ranked.Select(language => language.Tag));
        for (int i = 0; i < expected.Count; i++)
        {
            Assert.Equal(expected[i].Confidence, ranked[i].Confidence, 1e-6);
        }
    }

    [Fact]
    public void Scanner_ChunksCutAtSpacesGiveTheSameFeatures()
    {
        var random = new Random(7);
        const string alphabet = "abcdeéfghij klmnoпрст 中文abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyz ";
        for (int round = 0; round < 200; round++)
        {
            char[] chars = new char[random.Next(1, 400)];
            for (int i = 0; i < chars.Length; i++)
            {
                chars[i] = alphabet[random.Next(alphabet.Length)];
            }

            char[] normalized = new char[chars.Length + 2];
            int length = NgramScanner.Normalize(chars, normalized, new int[ScriptClassifier.Count]);
            var whole = new CollectingSink([]);
            NgramScanner.Scan(normalized.AsSpan(0, length), ref whole);

            var chunked = new CollectingSink([]);
            int position = 0;
            while (position < length - 1)
            {
                int end = Math.Min(position + random.Next(1, 40), length - 1);
                while (normalized[end] != ' ')
                {
                    end++;
                }

                NgramScanner.Scan(normalized.AsSpan(position, end + 1 - position), ref chunked);
                position = end;
            }

            Assert.Equal(whole.Features, chunked.Features);
        }
    }

    private static List<Language> ReferenceRank(string text, int count)
    {
        LanguageModel model = Model.Value;
        var index = new Dictionary<(int, string), int>();
        for (int i = 0; i < model.Grams.Length; i++)
        {
            index[(model.Orders[i], model.Grams[i])] = i;
        }

        string sample = text.Length > LanguageIdentifier.MaximumSampleLength ? text[..LanguageIdentifier.MaximumSampleLength] : text;
        char[] normalized = new char[sample.Length + 2];
        int[] scripts = new int[ScriptClassifier.Count];
        int length = NgramScanner.Normalize(sample, normalized, scripts);
        int dominant = Array.IndexOf(scripts, scripts.Max());
        var sink = new CollectingSink([]);
        NgramScanner.Scan(normalized.AsSpan(0, length), ref sink);

        double[] scores = new double[model.Tags.Length];
        foreach ((int order, string gram) in sink.Features)
        {
            if (!index.TryGetValue((order, gram), out int feature))
            {
                continue;
            }

            for (int language = 0; language < scores.Length; language++)
            {
                scores[language] += model.Floors[(language * NgramScanner.OrderSlots) + order];
            }

            for (int posting = model.PostingStarts[feature]; posting < model.PostingStarts[feature + 1]; posting++)
            {
                scores[model.PostingLanguages[posting]] += model.PostingWeights[posting] / LanguageModel.WeightScale;
            }
        }

        var candidates = Enumerable.Range(0, scores.Length).Where(language => (model.ScriptMasks[language] & (1u << dominant)) != 0).ToList();
        double temperature = (double)typeof(LanguageIdentifier).GetField("Temperature", BindingFlags.NonPublic | BindingFlags.Static)!.GetValue(null)!;
        double best = candidates.Max(language => scores[language] / temperature);
        double sum = candidates.Sum(language => Math.Exp((scores[language] / temperature) - best));
        return [.. candidates
            .Select(language => new Language(model.Tags[language], Math.Exp((scores[language] / temperature) - best) / sum))
            .OrderByDescending(language => language.Confidence)
            .Take(count)];
    }

    private static LanguageModel LoadModel()
    {
        string path = Path.Combine(LanguageIdentifierTests.RepositoryRoot(), "src", "Veille", "Resources", "langid", "model.bin.gz");
        using FileStream file = File.OpenRead(path);
        return LanguageModel.Read(file);
    }

    private readonly struct CollectingSink(List<(int Order, string Gram)> features) : INgramSink
    {
        public List<(int Order, string Gram)> Features { get; } = features;

        public void Add(ReadOnlySpan<char> gram, int order, ulong hash)
        {
            Assert.Equal(NgramScanner.Hash(gram, order), hash);
            Features.Add((order, gram.ToString()));
        }
    }
}
