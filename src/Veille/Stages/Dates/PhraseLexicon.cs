using System.Collections.Frozen;
using System.Reflection;
using Veille.Model;
using Veille.Stages.Tokenization;

namespace Veille.Stages.Dates;

/// <summary>
/// A word list of one language loaded from an embedded data file (lines "kind TAB phrase TAB value"); phrases are
/// tokenised like documents and folded (<see cref="WordSequence.Fold"/>), then matched token by token, longest first.
/// Immutable and thread-safe.
/// </summary>
internal sealed class PhraseLexicon
{
    private static readonly Phrase[] NoPhrases = [];
    private readonly FrozenDictionary<string, Phrase[]> byFirstKey;

    private PhraseLexicon(FrozenDictionary<string, Phrase[]> byFirstKey, string language)
    {
        this.byFirstKey = byFirstKey;
        Language = language;
    }

    /// <summary>The folded first word of every phrase.</summary>
    public IEnumerable<string> FirstKeys => byFirstKey.Keys;

    /// <summary>The phrases of the given kinds (all kinds when empty).</summary>
    public IEnumerable<Phrase> Phrases(params string[] kinds)
    {
        foreach (Phrase[] phrases in byFirstKey.Values)
        {
            foreach (Phrase phrase in phrases)
            {
                if (kinds.Length == 0 || kinds.Contains(phrase.Kind, StringComparer.Ordinal))
                {
                    yield return phrase;
                }
            }
        }
    }

    /// <summary>The language tag of the list ("fr", "en").</summary>
    public string Language { get; }

    /// <summary>One entry: the folded keys of its tokens, its kind and value.</summary>
    internal sealed record Phrase(string[] Keys, string Kind, string Value);

    /// <summary>Loads "Veille.Resources.{directory}/{language}.txt".</summary>
    public static PhraseLexicon Load(string directory, string language)
    {
        Assembly assembly = typeof(PhraseLexicon).Assembly;
        string name = $"Veille.Resources.{directory}/{language}.txt";
        using Stream stream = assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"Embedded resource {name} is missing.");
        using var reader = new StreamReader(stream);
        return Parse(reader.ReadToEnd(), name, language);
    }

    internal static PhraseLexicon Parse(string content, string source, string language)
    {
        var lists = new Dictionary<string, List<Phrase>>(StringComparer.Ordinal);
        int lineNumber = 0;
        foreach (string raw in content.Split('\n'))
        {
            lineNumber++;
            string line = raw.TrimEnd('\r');
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            string[] fields = line.Split('\t');
            if (fields.Length < 2 || fields[0].Length == 0 || fields[1].Length == 0)
            {
                throw new FormatException($"{source}:{lineNumber}: expected 'kind<TAB>phrase<TAB>value'.");
            }

            string[] keys = Keys(fields[1]);
            if (keys.Length == 0)
            {
                throw new FormatException($"{source}:{lineNumber}: empty phrase.");
            }

            var phrase = new Phrase(keys, fields[0], fields.Length > 2 ? fields[2] : "");
            if (!lists.TryGetValue(keys[0], out List<Phrase>? list))
            {
                lists[keys[0]] = list = [];
            }

            list.Add(phrase);
        }

        return new PhraseLexicon(
            lists.ToFrozenDictionary(pair => pair.Key, pair => pair.Value.OrderByDescending(phrase => phrase.Keys.Length).ToArray(), StringComparer.Ordinal),
            language);
    }

    /// <summary>The folded token keys of a phrase, tokenised as documents are.</summary>
    internal static string[] Keys(string phrase)
    {
        // An elided article ("d'", "l'") is a token of its own only before a word, as in documents.
        bool elided = phrase.EndsWith('\'') || phrase.EndsWith('\u2019');
        string scanned = elided ? phrase + "x" : phrase;
        var tokens = TokenScanner.Scan(scanned);
        int count = elided ? tokens.Length - 1 : tokens.Length;
        var keys = new string[count];
        for (int i = 0; i < count; i++)
        {
            keys[i] = WordSequence.Fold(scanned.AsSpan(tokens[i].Span.Start, tokens[i].Span.Length));
        }

        return keys;
    }

    /// <summary>The longest phrase of <paramref name="kind"/> starting at word <paramref name="index"/>: its length in words (0 when none) and value.</summary>
    public int Match(WordSequence words, int index, string kind, out string value)
    {
        value = "";
        if ((uint)index >= (uint)words.Count)
        {
            return 0;
        }

        foreach (Phrase phrase in byFirstKey.GetValueOrDefault(words.Keys[index], NoPhrases))
        {
            if (!string.Equals(phrase.Kind, kind, StringComparison.Ordinal) || index + phrase.Keys.Length > words.Count)
            {
                continue;
            }

            bool equal = true;
            for (int k = 1; k < phrase.Keys.Length && equal; k++)
            {
                equal = string.Equals(words.Keys[index + k], phrase.Keys[k], StringComparison.Ordinal);
            }

            if (equal)
            {
                value = phrase.Value;
                return phrase.Keys.Length;
            }
        }

        return 0;
    }

    /// <summary>True when a phrase of <paramref name="kind"/> starts at <paramref name="index"/>.</summary>
    public bool Is(WordSequence words, int index, string kind) => Match(words, index, kind, out _) > 0;

    /// <summary>The length of a phrase of <paramref name="kind"/> ending just before word <paramref name="end"/>, or 0.</summary>
    public int MatchEndingAt(WordSequence words, int end, string kind)
    {
        for (int length = Math.Min(4, end); length >= 1; length--)
        {
            if (Match(words, end - length, kind, out _) == length)
            {
                return length;
            }
        }

        return 0;
    }

    /// <summary>The value of a single-word phrase of <paramref name="kind"/>, or null.</summary>
    public string? ValueOf(string key, string kind)
    {
        foreach (Phrase phrase in byFirstKey.GetValueOrDefault(key, NoPhrases))
        {
            if (phrase.Keys.Length == 1 && string.Equals(phrase.Kind, kind, StringComparison.Ordinal))
            {
                return phrase.Value;
            }
        }

        return null;
    }
}

/// <summary>Tokens of a text as folded keys (lower case, no diacritics, typographic apostrophes straightened) with their spans.</summary>
internal sealed class WordSequence
{
    public WordSequence(string text, IReadOnlyList<Token> tokens)
    {
        Text = text;
        Count = tokens.Count;
        Keys = new string[Count];
        Spans = new TextSpan[Count];
        Kinds = new TokenKind[Count];
        for (int i = 0; i < Count; i++)
        {
            Token token = tokens[i];
            Spans[i] = token.Span;
            Kinds[i] = token.Kind;
            Keys[i] = Fold(text.AsSpan(token.Span.Start, token.Span.Length));
        }
    }

    public string Text { get; }

    public int Count { get; }

    public string[] Keys { get; }

    public TextSpan[] Spans { get; }

    public TokenKind[] Kinds { get; }

    public ReadOnlySpan<char> TextAt(int index) => Text.AsSpan(Spans[index].Start, Spans[index].Length);

    public bool IsCapitalized(int index) => Spans[index].Length > 0 && char.IsUpper(Text[Spans[index].Start]);

    /// <summary>True when nothing but whitespace separates word <paramref name="index"/> from the next one.</summary>
    public bool Adjacent(int index) => index + 1 < Count && Spans[index].End == Spans[index + 1].Start;

    public TextSpan Span(int start, int end) => new(Spans[start].Start, Spans[end - 1].End);

    /// <summary>Lower-cases, removes Latin diacritics, straightens apostrophes and drops an abbreviation's final dot.</summary>
    public static string Fold(ReadOnlySpan<char> text)
    {
        Span<char> buffer = text.Length <= 128 ? stackalloc char[text.Length] : new char[text.Length];
        int length = 0;
        foreach (char c in text)
        {
            buffer[length++] = c switch
            {
                >= 'A' and <= 'Z' => (char)(c + 32),
                < '\u0080' => c,
                'à' or 'â' or 'ä' or 'á' or 'À' or 'Â' or 'Ä' or 'Á' => 'a',
                'é' or 'è' or 'ê' or 'ë' or 'É' or 'È' or 'Ê' or 'Ë' => 'e',
                'î' or 'ï' or 'í' or 'Î' or 'Ï' => 'i',
                'ô' or 'ö' or 'ó' or 'Ô' or 'Ö' => 'o',
                'ù' or 'û' or 'ü' or 'ú' or 'Ù' or 'Û' or 'Ü' => 'u',
                'ç' or 'Ç' => 'c',
                '\u2019' or '\u02BC' or '\u2018' => '\'',
                '\u2010' or '\u2011' or '\u2013' => '-',
                _ => char.ToLowerInvariant(c),
            };
        }

        if (length > 1 && buffer[length - 1] == '.' && char.IsLetter(buffer[length - 2]))
        {
            length--;
        }

        return new string(buffer[..length]);
    }
}
