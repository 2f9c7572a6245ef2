using Veille.Model;

namespace Veille.Stages.Tokenization;

/// <summary>Token-boundary agreement with a gold treebank: counts of exactly matching token spans.</summary>
/// <param name="Sentences">Sentences evaluated.</param>
/// <param name="Skipped">Sentences skipped because their gold tokens could not be aligned with their text.</param>
/// <param name="Gold">Gold tokens in the evaluated sentences.</param>
/// <param name="Predicted">Tokens produced by <see cref="TokenScanner"/>.</param>
/// <param name="Matched">Predicted tokens whose span equals a gold token's span.</param>
internal readonly record struct TokenizationScore(int Sentences, int Skipped, int Gold, int Predicted, int Matched)
{
    public double Precision => Predicted == 0 ? 0 : (double)Matched / Predicted;

    public double Recall => Gold == 0 ? 0 : (double)Matched / Gold;

    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);
}

/// <summary>
/// Scores <see cref="TokenScanner"/> against CoNLL-U gold ("# text =" lines and the FORM column). A multiword token
/// ("1-2 didn't") counts as its words when they spell it ("did" + "n't"), else as one token ("du" = "de" + "le").
/// </summary>
internal static class TokenizationEvaluator
{
    public static TokenizationScore Evaluate(TextReader conllu)
    {
        ArgumentNullException.ThrowIfNull(conllu);
        var score = new TokenizationScore();
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
                }

                if (line is null)
                {
                    return score;
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

        return new TokenizationScore(score.Sentences + 1, score.Skipped, score.Gold + gold.Count, score.Predicted + predicted.Length, score.Matched + matched);
    }
}
