using System.Collections.Immutable;
using Veille.Model;

namespace Veille.Stages.Tokenization;

/// <summary>Agreement of predicted boundaries with gold ones, counted exactly (same offsets).</summary>
/// <param name="Gold">Gold items (token spans or sentence ends).</param>
/// <param name="Predicted">Predicted items.</param>
/// <param name="Matched">Predicted items equal to a gold item.</param>
internal readonly record struct BoundaryScore(int Gold, int Predicted, int Matched)
{
    public double Precision => Predicted == 0 ? 0 : (double)Matched / Predicted;

    public double Recall => Gold == 0 ? 0 : (double)Matched / Gold;

    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);

    public static BoundaryScore operator +(BoundaryScore left, BoundaryScore right) =>
        new(left.Gold + right.Gold, left.Predicted + right.Predicted, left.Matched + right.Matched);
}

/// <summary>Scores of <see cref="TokenScanner"/> and <see cref="SentenceSplitter"/> against a treebank.</summary>
/// <param name="Sentences">Sentences whose tokens were evaluated.</param>
/// <param name="Skipped">Sentences skipped because their gold tokens could not be aligned with their text.</param>
/// <param name="Tokens">Token spans, sentence by sentence.</param>
/// <param name="SentenceEnds">Sentence ends inside chunks of consecutive gold sentences joined by a space (chunk ends excluded).</param>
internal readonly record struct TokenizationScore(int Sentences, int Skipped, BoundaryScore Tokens, BoundaryScore SentenceEnds);

/// <summary>
/// Scores <see cref="TokenScanner"/> against CoNLL-U gold ("# text =" lines and the FORM column). A multiword token
/// ("1-2 didn't") counts as its words when they spell it ("did" + "n't"), else as one token ("du" = "de" + "le").
/// Sentence ends are scored on chunks of <see cref="SentencesPerChunk"/> consecutive sentences joined by a space.
/// </summary>
internal static class TokenizationEvaluator
{
    public const int SentencesPerChunk = 20;

    public static TokenizationScore Evaluate(TextReader conllu)
    {
        ArgumentNullException.ThrowIfNull(conllu);
        var score = new TokenizationScore();
        var chunk = new System.Text.StringBuilder();
        var goldEnds = new HashSet<int>();
        string? text = null;
        var forms = new List<string>();
        var multiword = new List<string>();
        string? surface = null;
        int surfaceLastWord = 0;
        while (true)
        {
            string? line = conllu.ReadLine();
            if (line is null || line.Length == 0)
            {
                if (text is not null && forms.Count > 0)
                {
                    score = Add(score, text, forms);
                    if (chunk.Length > 0)
                    {
                        goldEnds.Add(chunk.Length);
                        chunk.Append(' ');
                    }

                    chunk.Append(text);
                    if (goldEnds.Count == SentencesPerChunk - 1)
                    {
                        score = score with { SentenceEnds = score.SentenceEnds + ScoreSentences(chunk.ToString(), goldEnds) };
                        chunk.Clear();
                        goldEnds.Clear();
                    }
                }

                if (line is null)
                {
                    return chunk.Length == 0 ? score : score with { SentenceEnds = score.SentenceEnds + ScoreSentences(chunk.ToString(), goldEnds) };
                }

                text = null;
                forms.Clear();
                continue;
            }

            if (line.StartsWith("# text = ", StringComparison.Ordinal))
            {
                text = line["# text = ".Length..];
                continue;
            }

            if (line[0] == '#')
            {
                continue;
            }

            string[] columns = line.Split('\t');
            string id = columns[0];
            int dash = id.IndexOf('-', StringComparison.Ordinal);
            if (dash > 0)
            {
                surface = columns[1];
                surfaceLastWord = int.Parse(id.AsSpan(dash + 1), System.Globalization.CultureInfo.InvariantCulture);
                multiword.Clear();
                continue;
            }

            if (id.Contains('.', StringComparison.Ordinal))
            {
                continue;
            }

            if (surface is null)
            {
                forms.Add(columns[1]);
                continue;
            }

            multiword.Add(columns[1]);
            if (int.Parse(id, System.Globalization.CultureInfo.InvariantCulture) == surfaceLastWord)
            {
                if (string.Concat(multiword) == surface)
                {
                    forms.AddRange(multiword);
                }
                else
                {
                    forms.Add(surface);
                }

                surface = null;
            }
        }
    }

    private static TokenizationScore Add(TokenizationScore score, string text, List<string> forms)
    {
        var gold = new HashSet<(int Start, int End)>();
        int offset = 0;
        foreach (string form in forms)
        {
            while (offset < text.Length && char.IsWhiteSpace(text[offset]))
            {
                offset++;
            }

            if (!text.AsSpan(offset).StartsWith(form, StringComparison.Ordinal))
            {
                return score with { Skipped = score.Skipped + 1 };
            }

            gold.Add((offset, offset + form.Length));
            offset += form.Length;
        }

        int matched = 0;
        var predicted = TokenScanner.Scan(text);
        foreach (Token token in predicted)
        {
            if (gold.Contains((token.Span.Start, token.Span.End)))
            {
                matched++;
            }
        }

        return score with { Sentences = score.Sentences + 1, Tokens = score.Tokens + new BoundaryScore(gold.Count, predicted.Length, matched) };
    }

    private static BoundaryScore ScoreSentences(string text, HashSet<int> goldEnds)
    {
        ImmutableArray<Sentence> sentences = SentenceSplitter.Split(text, TokenScanner.Scan(text));
        int matched = 0;
        for (int i = 0; i < sentences.Length - 1; i++)
        {
            if (goldEnds.Contains(sentences[i].Span.End))
            {
                matched++;
            }
        }

        return new BoundaryScore(goldEnds.Count, Math.Max(0, sentences.Length - 1), matched);
    }
}
