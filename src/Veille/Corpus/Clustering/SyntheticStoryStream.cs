using System.Text;
using Veille.Model;
using Veille.Pipeline;
using Veille.Stages.Tokenization;

namespace Veille.Corpus.Clustering;

/// <summary>
/// A seeded synthetic news stream for scaling measurements: stories of about 20 documents over about 3 days, 1,000 documents a day,
/// each document 150 words drawn from a Zipf background vocabulary (60%) and its story's own words (40%), with publication dates.
/// </summary>
internal sealed class SyntheticStoryStream
{
    private const int Vocabulary = 20_000;
    private const int WordsPerDocument = 150;
    private readonly Random random;
    private readonly double[] cumulative;
    private readonly TokenizationStage tokenization = new();
    private readonly DateTimeOffset start = new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private readonly List<(int Story, string[] Words, int Remaining)> live = [];
    private int nextStory;

    public SyntheticStoryStream(int seed)
    {
        random = new Random(seed);
        cumulative = new double[Vocabulary];
        double total = 0;
        for (int i = 0; i < Vocabulary; i++)
        {
            total += 1.0 / (i + 1);
            cumulative[i] = total;
        }

        for (int i = 0; i < Vocabulary; i++)
        {
            cumulative[i] /= total;
        }
    }

    /// <summary>The next document (annotated with text, language, tokens and sentences) and its true story.</summary>
    public (Document Document, int Story) Next(int index)
    {
        // About 150 stories are live at once; a new one starts when a story runs out or by chance.
        if (live.Count < 150 || random.NextDouble() < 0.05)
        {
            var words = new string[30];
            Span<char> letters = stackalloc char[7];
            for (int i = 0; i < words.Length; i++)
            {
                // Random letters: distinct within the first five characters (the stem length) with high probability.
                for (int j = 0; j < letters.Length; j++)
                {
                    letters[j] = (char)('a' + random.Next(26));
                }

                words[i] = new string(letters);
            }

            live.Add((nextStory++, words, 10 + random.Next(20)));
        }

        int pick = random.Next(live.Count);
        (int story, string[] storyWords, int remaining) = live[pick];
        if (remaining <= 1)
        {
            live.RemoveAt(pick);
        }
        else
        {
            live[pick] = (story, storyWords, remaining - 1);
        }

        var text = new StringBuilder(WordsPerDocument * 8);
        for (int i = 0; i < WordsPerDocument; i++)
        {
            text.Append(random.NextDouble() < 0.4 ? storyWords[random.Next(storyWords.Length)] : Word(Zipf()));
            text.Append(i % 20 == 19 ? ". " : " ");
        }

        string content = text.ToString();
        var document = new Document(new DocumentId("d" + index.ToString(System.Globalization.CultureInfo.InvariantCulture)), content, new SourceInfo(Published: start.AddSeconds(index * 86.4)));
        document.SetText(content, OffsetMap.Identity(content.Length), null, []);
        document.SetLanguage(new Language("en", 1));
        tokenization.Process(document, StageContext.Default);
        return (document, story);
    }

    private int Zipf()
    {
        int index = Array.BinarySearch(cumulative, random.NextDouble());
        return Math.Min(Vocabulary - 1, index < 0 ? ~index : index);
    }

    private static string Word(int rank)
    {
        Span<char> buffer = stackalloc char[8];
        int length = 0;
        do
        {
            buffer[length++] = (char)('a' + (rank % 26));
            rank /= 26;
        }
        while (rank > 0);

        return "w" + new string(buffer[..length]);
    }
}
