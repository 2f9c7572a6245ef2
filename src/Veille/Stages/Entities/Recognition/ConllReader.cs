using System.Globalization;
using System.IO.Compression;
using System.Text;

namespace Veille.Stages.Entities.Recognition;

/// <summary>
/// Reads tagged sentences: CoNLL (<c>index TAB token TAB tag …</c>, <c>token TAG</c>), HIPE TSV, CoNLL-U with
/// GUM <c>Entity=</c> annotations, and plain CoNLL-U surface tokens. Files ending in ".gz" are decompressed.
/// </summary>
public static class ConllReader
{
    /// <summary>Reads CoNLL with one token per line (<c>index TAB token TAB tag [TAB …]</c> or <c>token TAG</c>); blank lines end sentences, "-DOCSTART-" and "#" comment lines are skipped.</summary>
    public static List<NerSentence> Read(string path)
    {
        using TextReader reader = Open(path);
        return Read(reader);
    }

    /// <summary>Reads CoNLL from <paramref name="reader"/> (see <see cref="Read(string)"/>).</summary>
    public static List<NerSentence> Read(TextReader reader) => Read(reader, null);

    /// <summary>
    /// Reads CoNLL like <see cref="Read(string)"/> and returns the index of each document's first sentence: a
    /// "-DOCSTART-" line starts a document; a file without any such line is one document per sentence.
    /// </summary>
    public static List<NerSentence> Read(string path, out List<int> documentStarts)
    {
        using TextReader reader = Open(path);
        documentStarts = [];
        List<NerSentence> sentences = Read(reader, null, documentStarts);
        if (documentStarts.Count == 0)
        {
            documentStarts.AddRange(Enumerable.Range(0, sentences.Count));
        }
        else if (documentStarts[0] != 0)
        {
            documentStarts.Insert(0, 0);
        }

        return sentences;
    }

    /// <summary>Reads CoNLL and, when <paramref name="texts"/> is given, the "# text = " comment of each sentence ("" when absent).</summary>
    internal static List<NerSentence> Read(TextReader reader, List<string>? texts, List<int>? documentStarts = null)
    {
        ArgumentNullException.ThrowIfNull(reader);
        string text = "";
        var sentences = new List<NerSentence>();
        var tokens = new List<string>();
        var tags = new List<string>();
        while (reader.ReadLine() is { } line)
        {
            if (string.IsNullOrWhiteSpace(line))
            {
                if (tokens.Count > 0)
                {
                    texts?.Add(text);
                }

                Flush(sentences, tokens, tags);
                text = "";
                continue;
            }

            string[] fields = line.Contains('\t', StringComparison.Ordinal) ? line.Split('\t') : line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (line.StartsWith('#') && !(fields.Length == 2 && IsTag(fields[1])))
            {
                if (line.StartsWith("# text = ", StringComparison.Ordinal))
                {
                    text = line[9..];
                }

                continue;
            }

            if (fields[0] == "-DOCSTART-" || (fields.Length > 1 && fields[1] == "-DOCSTART-"))
            {
                if (tokens.Count > 0)
                {
                    texts?.Add(text);
                }

                Flush(sentences, tokens, tags);
                if (documentStarts is not null && (documentStarts.Count == 0 || documentStarts[^1] != sentences.Count))
                {
                    documentStarts.Add(sentences.Count);
                }

                continue;
            }

            if (fields.Length >= 3 && int.TryParse(fields[0], NumberStyles.None, CultureInfo.InvariantCulture, out _))
            {
                tokens.Add(fields[1]);
                tags.Add(fields[2]);
            }
            else if (fields.Length >= 2)
            {
                tokens.Add(fields[0]);
                tags.Add(fields[1]);
            }
            else
            {
                tokens.Add(fields[0]);
                tags.Add("O");
            }
        }

        if (tokens.Count > 0)
        {
            texts?.Add(text);
        }

        Flush(sentences, tokens, tags);
        return sentences;
    }

    /// <summary>Reads HIPE-2022 TSV (token, coarse literal tag, …, MISC with EndOfSentence markers); '#' lines are metadata.</summary>
    public static List<NerSentence> ReadHipe(string path)
    {
        using TextReader reader = Open(path);
        var sentences = new List<NerSentence>();
        var tokens = new List<string>();
        var tags = new List<string>();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line.StartsWith('#') || line.StartsWith("TOKEN\t", StringComparison.Ordinal))
            {
                if (line.StartsWith("# document_id", StringComparison.Ordinal) || line.StartsWith("# newseye:document_id", StringComparison.Ordinal))
                {
                    Flush(sentences, tokens, tags);
                }

                continue;
            }

            string[] fields = line.Split('\t');
            tokens.Add(fields[0]);
            tags.Add(fields.Length > 1 ? fields[1] : "O");
            if (fields[^1].Contains("EndOfSentence", StringComparison.Ordinal) || tokens.Count >= 120)
            {
                Flush(sentences, tokens, tags);
            }
        }

        Flush(sentences, tokens, tags);
        return sentences;
    }

    /// <summary>
    /// Reads CoNLL-U surface tokens (a multiword token "du" counts once, not as "de le"), keyed by the "# text" line;
    /// the tag column holds each token's UPOS ("_" for a multiword token).
    /// </summary>
    public static List<(string Text, NerSentence Sentence)> ReadConllu(string path)
    {
        using TextReader reader = Open(path);
        var sentences = new List<(string, NerSentence)>();
        var tokens = new List<string>();
        var tags = new List<string>();
        string text = "";
        int skipUntil = 0;
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0)
            {
                if (tokens.Count > 0)
                {
                    sentences.Add((text, new NerSentence([.. tokens], [.. tags])));
                }

                tokens.Clear();
                tags.Clear();
                skipUntil = 0;
                continue;
            }

            if (line.StartsWith('#'))
            {
                if (line.StartsWith("# text = ", StringComparison.Ordinal))
                {
                    text = line[9..];
                }

                continue;
            }

            string[] fields = line.Split('\t');
            int dash = fields[0].IndexOf('-', StringComparison.Ordinal);
            if (dash > 0)
            {
                skipUntil = int.Parse(fields[0].AsSpan(dash + 1), CultureInfo.InvariantCulture);
                tokens.Add(fields[1]);
                tags.Add("_");
                continue;
            }

            if (fields[0].Contains('.', StringComparison.Ordinal))
            {
                continue;
            }

            int id = int.Parse(fields[0], CultureInfo.InvariantCulture);
            if (id <= skipUntil)
            {
                continue;
            }

            tokens.Add(fields[1]);
            tags.Add(fields[3]);
        }

        if (tokens.Count > 0)
        {
            sentences.Add((text, new NerSentence([.. tokens], [.. tags])));
        }

        return sentences;
    }

    /// <summary>
    /// Reads GUM CoNLL-U and turns its entity mentions into flat BIO: person, place and organisation mentions keep
    /// their proper-noun core (the mention's last run of proper nouns; person names do not span "of"); events, works and other
    /// Wikipedia-linked mentions headed by proper nouns become MISC. Outer mentions win over nested ones.
    /// </summary>
    public static List<NerSentence> ReadGum(string path) => ReadGum(path, null);

    /// <summary>Reads GUM; with a lexicon, proper-noun runs outside person, place, organisation and time mentions also become MISC (see <see cref="MarkProperNouns"/>).</summary>
    internal static List<NerSentence> ReadGum(string path, NerLexicon? lexicon)
    {
        using TextReader reader = Open(path);
        var sentences = new List<NerSentence>();
        var forms = new List<string>();
        var upos = new List<string>();
        var mentions = new List<(int Start, int End, string Type, bool Linked)>();
        var open = new List<(string Id, int Start, string Type, bool Linked)>();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0)
            {
                if (forms.Count > 0)
                {
                    sentences.Add(GumSentence(forms, upos, mentions, lexicon));
                }

                forms.Clear();
                upos.Clear();
                mentions.Clear();
                continue;
            }

            if (line.StartsWith('#'))
            {
                continue;
            }

            string[] fields = line.Split('\t');
            if (fields[0].Contains('-', StringComparison.Ordinal) || fields[0].Contains('.', StringComparison.Ordinal))
            {
                continue;
            }

            int index = forms.Count;
            forms.Add(fields[1]);
            upos.Add(fields[3]);
            foreach (string part in fields[9].Split('|'))
            {
                if (part.StartsWith("Entity=", StringComparison.Ordinal))
                {
                    ParseGumEntities(part.AsSpan(7), index, open, mentions);
                }
            }
        }

        if (forms.Count > 0)
        {
            sentences.Add(GumSentence(forms, upos, mentions, lexicon));
        }

        return sentences;
    }

    /// <summary>Opens a text file as UTF-8, decompressing ".gz" files.</summary>
    internal static TextReader Open(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        Stream stream = File.OpenRead(path);
        if (path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase))
        {
            stream = new GZipStream(stream, CompressionMode.Decompress);
        }

        return new StreamReader(stream, Encoding.UTF8);
    }

    private static void ParseGumEntities(ReadOnlySpan<char> value, int index, List<(string Id, int Start, string Type, bool Linked)> open, List<(int Start, int End, string Type, bool Linked)> mentions)
    {
        int i = 0;
        while (i < value.Length)
        {
            if (value[i] == '(')
            {
                int end = i + 1;
                while (end < value.Length && value[end] != '(' && value[end] != ')')
                {
                    end++;
                }

                string[] parts = value[(i + 1)..end].ToString().Split('-');
                string id = parts[0];
                string type = parts.Length > 1 ? parts[1] : "";
                bool linked = parts.Length > 7 && parts[7].Length > 0;
                if (end < value.Length && value[end] == ')')
                {
                    mentions.Add((index, index + 1, type, linked));
                    end++;
                }
                else
                {
                    open.Add((id, index, type, linked));
                }

                i = end;
            }
            else
            {
                int end = i;
                while (end < value.Length && value[end] != ')')
                {
                    end++;
                }

                string id = value[i..end].ToString();
                for (int k = open.Count - 1; k >= 0; k--)
                {
                    if (open[k].Id == id)
                    {
                        // A mention crossing a sentence boundary is dropped (its start belongs to an earlier sentence).
                        if (open[k].Start <= index)
                        {
                            mentions.Add((open[k].Start, index + 1, open[k].Type, open[k].Linked));
                        }

                        open.RemoveAt(k);
                        break;
                    }
                }

                i = end + 1;
            }
        }
    }

    private static NerSentence GumSentence(List<string> forms, List<string> upos, List<(int Start, int End, string Type, bool Linked)> mentions, NerLexicon? lexicon)
    {
        string[] tags = new string[forms.Count];
        Array.Fill(tags, "O");
        bool[] covered = new bool[forms.Count];
        mentions.Sort((a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : b.End.CompareTo(a.End));
        foreach (var mention in mentions)
        {
            string? type = mention.Type switch
            {
                "person" => "PER",
                "place" => "LOC",
                "organization" => "ORG",
                "event" or "object" or "abstract" or "substance" when mention.Linked => "MISC",
                _ => null,
            };
            if (mention.Type is "person" or "place" or "organization" or "time")
            {
                covered.AsSpan(mention.Start, mention.End - mention.Start).Fill(true);
            }

            if (type is null)
            {
                continue;
            }

            // The mention's last run of proper nouns, allowing "of", "the", "and", "&", "-" between two of them.
            int last = -1;
            for (int k = mention.End - 1; k >= mention.Start; k--)
            {
                if (upos[k] == "PROPN")
                {
                    last = k;
                    break;
                }
            }

            if (last < 0)
            {
                continue;
            }

            int first = last;
            int k2 = last - 1;
            while (k2 >= mention.Start)
            {
                if (upos[k2] == "PROPN")
                {
                    first = k2;
                    k2--;
                }
                else if (k2 > mention.Start && upos[k2 - 1] == "PROPN" && (type == "PER" ? forms[k2] is "de" or "van" or "von" or "da" or "del" or "bin" or "-" : forms[k2] is "of" or "the" or "and" or "&" or "-" or "de" or "for"))
                {
                    k2--;
                }
                else
                {
                    break;
                }
            }

            bool free = true;
            for (int k = first; k <= last; k++)
            {
                free &= tags[k] == "O";
            }

            if (!free)
            {
                continue;
            }

            tags[first] = "B-" + type;
            for (int k = first + 1; k <= last; k++)
            {
                tags[k] = "I-" + type;
            }
        }

        MarkCapitalisedAdjectives(forms, upos, tags, lexicon);
        if (lexicon is not null)
        {
            MarkProperNouns(forms, upos, tags, covered, lexicon);
        }

        return new NerSentence([.. forms], tags);
    }

    /// <summary>
    /// Tags runs of proper nouns left untagged MISC (works, events, products: the CoNLL catch-all), unless a token is
    /// <paramref name="covered"/> (inside a mention of another kind), a title or a date word, or the run touches an entity.
    /// </summary>
    internal static void MarkProperNouns(IReadOnlyList<string> forms, IReadOnlyList<string> upos, string[] tags, bool[]? covered, NerLexicon lexicon)
    {
        int i = 0;
        while (i < forms.Count)
        {
            if (upos[i] != "PROPN" || tags[i] != "O")
            {
                i++;
                continue;
            }

            int end = i;
            bool usable = true;
            while (end < forms.Count && upos[end] == "PROPN" && tags[end] == "O")
            {
                string form = forms[end];
                usable &= (covered is null || !covered[end]) && form.Length > 0 && char.IsUpper(form[0])
                    && (lexicon.Lookup(NerLexicon.HashToken(form)) & (LexiconCategory.Title | LexiconCategory.Date)) == 0;
                end++;
            }

            usable &= (i == 0 || tags[i - 1] == "O") && (end == forms.Count || tags[end] == "O");
            if (usable)
            {
                tags[i] = "B-MISC";
                for (int k = i + 1; k < end; k++)
                {
                    tags[k] = "I-MISC";
                }
            }

            i = end;
        }
    }

    /// <summary>
    /// Tags capitalised adjectives after the first token ("German", "Islamic", "European") MISC, as CoNLL does for
    /// nationalities, religions and other group adjectives; <paramref name="upos"/> gives each token's UPOS.
    /// </summary>
    internal static void MarkCapitalisedAdjectives(IReadOnlyList<string> forms, IReadOnlyList<string> upos, string[] tags, NerLexicon? lexicon = null)
    {
        for (int i = 1; i < forms.Count; i++)
        {
            string form = forms[i];
            if (upos[i] == "ADJ" && tags[i] == "O" && form.Length > 2 && char.IsUpper(form[0]) && char.IsLower(form[^1])
                && (lexicon is null || (lexicon.Lookup(NerLexicon.HashToken(form)) & (LexiconCategory.Title | LexiconCategory.Date)) == 0))
            {
                tags[i] = "B-MISC";
            }
        }
    }

    private static bool IsTag(string field) =>
        field == "O" || (field.Length > 2 && field[1] == '-' && field[0] is 'B' or 'I' or 'E' or 'S');

    private static void Flush(List<NerSentence> sentences, List<string> tokens, List<string> tags)
    {
        if (tokens.Count > 0)
        {
            sentences.Add(new NerSentence([.. tokens], [.. tags]));
        }

        tokens.Clear();
        tags.Clear();
    }
}
