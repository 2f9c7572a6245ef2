using System.Reflection;
using System.Text;

namespace Veille.Stages.Entities.Recognition;

/// <summary>Categories of lexicon entries; an entry may carry several.</summary>
[Flags]
internal enum LexiconCategory : ushort
{
    None = 0,
    FirstName = 1,
    LastName = 2,
    Country = 4,
    City = 8,
    Demonym = 16,
    Title = 32,
    OrganizationWord = 64,
    LocationWord = 128,
    MiscellaneousWord = 256,
    Date = 512,
    CommonWord = 1024,
    ProperNoun = 2048,
}

/// <summary>
/// Gazetteer and trigger words as a map from the hash of a lowercased token sequence (up to <see cref="MaxTokens"/>
/// tokens) to categories; read-only after construction, so thread-safe.
/// </summary>
internal sealed class NerLexicon
{
    public const int MaxTokens = 4;

    private const ulong Separator = 0x9E3779B97F4A7C15;

    private readonly Dictionary<ulong, LexiconCategory> entries = [];
    private readonly List<(string Text, LexiconCategory Category)> source = [];

    public int Count => source.Count;

    /// <summary>Adds <paramref name="text"/> (tokens separated by single spaces) with <paramref name="category"/>.</summary>
    public void Add(string text, LexiconCategory category)
    {
        string trimmed = text.Trim();
        if (trimmed.Length == 0 || trimmed.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length > MaxTokens)
        {
            return;
        }

        ulong key = KeyOf(trimmed);
        entries.TryGetValue(key, out LexiconCategory existing);
        if ((existing & category) == category)
        {
            return;
        }

        entries[key] = existing | category;
        source.Add((trimmed, category));
    }

    public LexiconCategory Lookup(ulong key) => entries.TryGetValue(key, out LexiconCategory category) ? category : LexiconCategory.None;

    public bool Contains(ulong key) => entries.ContainsKey(key);

    /// <summary>Hash of one token, lowercased: the start of a key.</summary>
    public static ulong HashToken(ReadOnlySpan<char> token)
    {
        ulong hash = 14695981039346656037;
        foreach (char c in token)
        {
            hash = (hash ^ char.ToLowerInvariant(c)) * 1099511628211;
        }

        return hash;
    }

    /// <summary>Extends a key by one more token.</summary>
    public static ulong Extend(ulong key, ulong tokenHash) => ((key ^ Separator) * 1099511628211) ^ (tokenHash * 0xBF58476D1CE4E5B9);

    public static ulong KeyOf(string text)
    {
        ulong key = 0;
        bool first = true;
        foreach (string token in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            ulong hash = HashToken(token);
            key = first ? hash : Extend(key, hash);
            first = false;
        }

        return key;
    }

    /// <summary>Opens Resources/ner/<paramref name="fileName"/> (manifest names use '.' or '/' depending on the build host), or null.</summary>
    public static Stream? OpenResource(string fileName)
    {
        Assembly assembly = typeof(NerLexicon).Assembly;
        string wanted = "Veille.Resources.ner." + fileName;
        foreach (string name in assembly.GetManifestResourceNames())
        {
            if (string.Equals(name.Replace('/', '.').Replace('\\', '.'), wanted, StringComparison.Ordinal))
            {
                return assembly.GetManifestResourceStream(name);
            }
        }

        return null;
    }

    public void Write(BinaryWriter writer)
    {
        writer.Write(source.Count);
        foreach (var (text, category) in source)
        {
            writer.Write(text);
            writer.Write((ushort)category);
        }
    }

    public static NerLexicon Read(BinaryReader reader)
    {
        var lexicon = new NerLexicon();
        int count = reader.ReadInt32();
        for (int i = 0; i < count; i++)
        {
            string text = reader.ReadString();
            lexicon.Add(text, (LexiconCategory)reader.ReadUInt16());
        }

        return lexicon;
    }

    /// <summary>Adds the hand-written trigger words shipped in Resources/ner/triggers.txt.</summary>
    public void AddTriggers()
    {
        using Stream stream = OpenResource("triggers.txt")
            ?? throw new InvalidOperationException("Embedded resource Veille.Resources.ner.triggers.txt is missing.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            int tab = line.IndexOf('\t', StringComparison.Ordinal);
            LexiconCategory category = line[..tab] switch
            {
                "title" => LexiconCategory.Title,
                "org" => LexiconCategory.OrganizationWord,
                "loc" => LexiconCategory.LocationWord,
                "misc" => LexiconCategory.MiscellaneousWord,
                "date" => LexiconCategory.Date,
                _ => throw new InvalidDataException($"Unknown trigger category in line '{line}'."),
            };
            Add(line[(tab + 1)..], category);
        }
    }
}
