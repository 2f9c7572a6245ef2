using System.Text;
using FsCheck.Xunit;
using Veille.Model;
using Veille.Stages.Entities;
using Veille.Stages.Entities.Linking;

namespace Veille.Tests.Stages.Entities.Linking;

public sealed class EntityLinkerPropertyTests
{
    private static readonly EntityLinker Linker = new();

    // Words the linker reacts to: names, particles, titles, determiners, acronyms in parentheses, places.
    private static readonly string[] Palette =
    [
        "Pat", "Ryder", "Kurt", "M.", "Campbell", "Fitz", "Gibbon", "FitzGibbon", "le", "la", "l'", "de", "et", "the", "of",
        "général", "secrétaire", "Secretary", "ministre", "Premier", ",", ".", "(", ")", "CNSP", "Conseil", "national",
        "États-Unis", "Etats", "Unis", "USA", "Niamey", "London", "Sahel", "que", "said", "«", "»", "\n", "Clinton", "Bill",
    ];

    [Property(MaxTest = 500)]
    public bool Linker_HoldsInvariantsOnRandomTextAndMentions(int[]? words, int[]? mentions)
    {
        var builder = new StringBuilder();
        foreach (int code in words ?? [])
        {
            builder.Append(Palette[(code & 0x7FFFFFFF) % Palette.Length]).Append(code % 3 == 0 ? "" : " ");
        }

        Document document = LinkingTestDocuments.Make(builder.ToString());
        int count = document.Tokens.Length;
        var recognized = new List<RecognizedMention>();
        foreach (int code in mentions ?? [])
        {
            if (count == 0)
            {
                break;
            }

            int value = code & 0x7FFFFFFF;
            int start = value % count;
            int length = 1 + (value / 7 % 4);
            recognized.Add(new RecognizedMention(new TokenRange(start, Math.Min(count + (value % 5 == 0 ? 3 : 0), start + length)), (EntityKind)(value / 3 % 4), 0.8f));
        }

        var (linked, entities) = Linker.Link(document, recognized);
        for (int i = 0; i < linked.Length; i++)
        {
            Mention mention = linked[i];
            Assert.True(mention.Tokens.Length > 0 && mention.Tokens.End <= count);
            Assert.Equal(document.Tokens[mention.Tokens.Start].Span.Start, mention.Span.Start);
            Assert.Equal(document.Tokens[mention.Tokens.End - 1].Span.End, mention.Span.End);
            Assert.InRange(mention.Entity, -1, entities.Length - 1);
            Assert.InRange(mention.Confidence, 0f, 1f);
            Assert.True(i == 0 || linked[i - 1].Tokens.End <= mention.Tokens.Start);
            if (mention.Entity >= 0)
            {
                Assert.Equal(mention.Kind == EntityKind.Person, entities[mention.Entity].Kind == EntityKind.Person);
            }
        }

        Assert.Equal(entities.Length, entities.Select(e => e.Id).Distinct().Count());
        Assert.All(entities, entity => Assert.Contains(linked, m => m.Entity >= 0 && entities[m.Entity] == entity));
        return true;
    }
}
