using Veille.Model;

namespace Veille.Stages.Entities.Recognition;

/// <summary>An entity span decoded from BIO tags: token indices, half-open, and a type label ("PER", "ORG", "LOC", "MISC").</summary>
/// <param name="Start">First token index.</param>
/// <param name="End">Token index after the last token.</param>
/// <param name="Type">Type label without the B-/I- prefix.</param>
public readonly record struct TaggedSpan(int Start, int End, string Type);

/// <summary>
/// The nine BIO tags of the tagger (O, then B-/I- for PER, ORG, LOC, MISC) and seqeval-style span decoding:
/// an I- tag that does not continue an entity of its type starts a new one.
/// </summary>
public static class NerTagSet
{
    /// <summary>Number of tags: O plus B- and I- for four types.</summary>
    public const int Count = 9;

    internal const int Outside = 0;

    private static readonly string[] Types = ["PER", "ORG", "LOC", "MISC"];
    private static readonly string[] Names = ["O", "B-PER", "I-PER", "B-ORG", "I-ORG", "B-LOC", "I-LOC", "B-MISC", "I-MISC"];

    /// <summary>The tag name at <paramref name="index"/> in [0, <see cref="Count"/>).</summary>
    public static string NameOf(int index) => Names[index];

    /// <summary>The tag index of <paramref name="tag"/>, mapping foreign types (GPE, HumanProd…) onto the four kept ones; unknown types map to O.</summary>
    public static int IndexOf(string tag)
    {
        ArgumentNullException.ThrowIfNull(tag);
        if (tag.Length < 3 || tag[1] != '-' || (tag[0] != 'B' && tag[0] != 'I'))
        {
            return Outside;
        }

        int type = TypeIndex(tag.AsSpan(2));
        return type < 0 ? Outside : 1 + (2 * type) + (tag[0] == 'I' ? 1 : 0);
    }

    /// <summary>The entity kind of a type label, or null for labels outside the four kinds.</summary>
    public static EntityKind? KindOf(string type) => TypeIndex(type) switch
    {
        0 => EntityKind.Person,
        1 => EntityKind.Organization,
        2 => EntityKind.Location,
        3 => EntityKind.Miscellaneous,
        _ => null,
    };

    internal static bool IsInside(int tag) => tag != Outside && (tag & 1) == 0;

    internal static int TypeOf(int tag) => (tag - 1) / 2;

    internal static string TypeName(int type) => Types[type];

    /// <summary>True when <paramref name="next"/> may follow <paramref name="previous"/> (-1 = sentence start) in well-formed BIO.</summary>
    internal static bool IsAllowed(int previous, int next) =>
        !IsInside(next) || (previous > 0 && TypeOf(previous) == TypeOf(next));

    /// <summary>Entity spans of a BIO sequence, seqeval style: B- starts, I- continues the same type or else starts a new entity.</summary>
    public static List<TaggedSpan> Decode(IReadOnlyList<string> tags)
    {
        ArgumentNullException.ThrowIfNull(tags);
        var spans = new List<TaggedSpan>();
        int start = -1;
        string? type = null;
        for (int i = 0; i < tags.Count; i++)
        {
            string tag = tags[i];
            bool isBegin = tag.StartsWith("B-", StringComparison.Ordinal) || tag.StartsWith("S-", StringComparison.Ordinal);
            bool isInside = tag.StartsWith("I-", StringComparison.Ordinal) || tag.StartsWith("E-", StringComparison.Ordinal);
            string? tagType = isBegin || isInside ? tag[2..] : null;
            bool continues = isInside && type is not null && string.Equals(type, tagType, StringComparison.Ordinal);
            if (!continues)
            {
                if (type is not null)
                {
                    spans.Add(new TaggedSpan(start, i, type));
                }

                start = tagType is null ? -1 : i;
                type = tagType;
            }
        }

        if (type is not null)
        {
            spans.Add(new TaggedSpan(start, tags.Count, type));
        }

        return spans;
    }

    private static int TypeIndex(ReadOnlySpan<char> type) => type switch
    {
        "PER" or "PERS" or "PERSON" or "pers" or "person" => 0,
        "ORG" or "org" or "organization" or "ORGANIZATION" => 1,
        "LOC" or "loc" or "GPE" or "place" or "LOCATION" => 2,
        "MISC" or "misc" or "prod" or "HumanProd" or "humanprod" => 3,
        _ => -1,
    };
}
