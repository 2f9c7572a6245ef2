using Veille.Corpus.Clustering;

namespace Veille.Tests.Corpus.Dedup;

/// <summary>One generated copy of a development article.</summary>
/// <param name="Item">The copy (its id is the original's id plus "~copy").</param>
/// <param name="OriginalId">The article it was made from.</param>
/// <param name="Edits">What was changed: "boilerplate", "title", "truncated", comma-separated.</param>
internal sealed record GeneratedCopy(ClusteringItem Item, string OriginalId, string Edits);

/// <summary>
/// Builds a near-duplicate test set from development articles: each article gets one copy with changed boilerplate (a header and a
/// footer line of the kind cleaning may miss), a different title, a cut last paragraph, or all three (in turn), seeded.
/// </summary>
internal static class NearDuplicateSetGenerator
{
    private static readonly string[] Headers =
    [
        "Published 10:42 AM EDT, updated 11:15 AM",
        "Advertisement",
        "Par la rédaction avec AFP",
        "Publié le 12/07/2008 à 08h15 - Mis à jour à 09h02",
        "By Staff Writer | Wire services",
    ];

    private static readonly string[] Footers =
    [
        "Copyright 2013 The Associated Press. All rights reserved. This material may not be published, broadcast, rewritten or redistributed.",
        "Follow us on Twitter and Facebook for the latest updates and breaking news alerts.",
        "Tous droits de reproduction et de représentation réservés. © 2008 Agence France-Presse.",
        "Lire aussi : toutes nos informations et nos analyses sur ce sujet dans notre dossier spécial.",
        "Share this article: email, print, comment. Related stories below.",
    ];

    private static readonly string[] TitlePrefixes = ["UPDATE: ", "Breaking: ", "Actualité : ", "Exclusive - ", "Info : "];

    /// <summary>One copy per article; an article of one line cannot lose its last paragraph and gets boilerplate instead.</summary>
    public static IReadOnlyList<GeneratedCopy> Generate(IReadOnlyList<ClusteringItem> originals, int seed)
    {
        var random = new Random(seed);
        var copies = new List<GeneratedCopy>(originals.Count);
        for (int i = 0; i < originals.Count; i++)
        {
            ClusteringItem original = originals[i];
            List<string> lines = [.. original.Text.Split('\n').Where(line => line.Trim().Length > 0)];
            string? title = original.Title;
            var edits = new List<string>();
            int kind = i % 4;
            if (kind is 1 or 3)
            {
                string prefix = TitlePrefixes[random.Next(TitlePrefixes.Length)];
                if (title is not null)
                {
                    title = prefix + title;
                }
                else if (lines.Count > 2 && lines[0].Split(' ').Length <= 20)
                {
                    // The first line of a title-less record is usually its headline: rewrite it.
                    lines[0] = prefix + string.Join(' ', lines[0].Split(' ').Reverse().Take(6).Reverse());
                }
                else
                {
                    lines.Insert(0, prefix + string.Join(' ', lines[0].Split(' ').Take(8)));
                }

                edits.Add("title");
            }

            if (kind is 2 or 3 && lines.Count >= 3)
            {
                lines.RemoveAt(lines.Count - 1);
                edits.Add("truncated");
            }

            if (kind is 0 or 3 || edits.Count == 0)
            {
                lines.Insert(0, Headers[random.Next(Headers.Length)]);
                lines.Add(Footers[random.Next(Footers.Length)]);
                edits.Add("boilerplate");
            }

            copies.Add(new GeneratedCopy(original with { Id = original.Id + "~copy", Text = string.Join('\n', lines), Title = title }, original.Id, string.Join(',', edits)));
        }

        return copies;
    }
}
