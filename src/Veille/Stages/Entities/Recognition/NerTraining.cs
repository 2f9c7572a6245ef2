using System.Globalization;
using System.Text.Json;

namespace Veille.Stages.Entities.Recognition;

/// <summary>
/// Builds the training corpus and lexicon of one language from the shared data folder (only sets whose licence
/// allows training and shipping; see docs/ner.md) and trains a model file reproducibly (fixed seed).
/// </summary>
public static class NerTraining
{
    /// <summary>Epochs of the shipped models.</summary>
    public const int Epochs = 8;

    /// <summary>Seed of the sentence shuffling.</summary>
    public const int Seed = 20261123;

    /// <summary>Trains the model of <paramref name="language"/> ("fr" or "en") and writes it gzip-compressed to <paramref name="outputFile"/>.</summary>
    public static void Train(string sharedDataDirectory, string language, string outputFile, TextWriter log)
    {
        ArgumentNullException.ThrowIfNull(sharedDataDirectory);
        ArgumentNullException.ThrowIfNull(outputFile);
        ArgumentNullException.ThrowIfNull(log);
        NerLexicon lexicon = BuildLexicon(sharedDataDirectory);
        log.WriteLine($"lexicon: {lexicon.Count} entries");
        List<NerSentence> corpus = BuildCorpus(sharedDataDirectory, language, lexicon, log);
        NerModel model = NerTrainer.Train(language, corpus, lexicon, Epochs, Seed, log);
        model.Save(outputFile);
        log.WriteLine($"model written to {outputFile} ({new FileInfo(outputFile).Length / 1024} KiB)");
    }

    internal static List<NerSentence> BuildCorpus(string root, string language, NerLexicon lexicon, TextWriter log)
    {
        var corpus = new List<NerSentence>();
        void AddSet(string name, IEnumerable<NerSentence> sentences)
        {
            int before = corpus.Count, entities = 0, tokens = 0;
            foreach (NerSentence sentence in sentences)
            {
                NerSentence normal = Normalize(sentence, lexicon);
                corpus.Add(normal);
                tokens += normal.Tokens.Length;
                entities += NerTagSet.Decode(normal.Tags).Count;
            }

            log.WriteLine($"{name}: {corpus.Count - before} sentences, {tokens} tokens, {entities} entities");
        }

        switch (language)
        {
            case "fr":
                AddSet("ner-europeana-fr", SplitLong(ConllReader.Read(Path.Combine(root, "ner-europeana-fr", "enp_FR.bnf.bio"))));
                foreach (string split in new[] { "dev", "dev2", "test" })
                {
                    AddSet($"ner-newseye-fr {split}", ConllReader.ReadHipe(Path.Combine(root, "ner-newseye-fr", $"HIPE-2022-v2.1-newseye-{split}-fr.tsv")));
                }

                AddSet("ud-fr-pud (projected from ner-uner-en)", ProjectPud(root, log));
                break;
            case "en":
                foreach (string file in new[] { "en_ewt-ud-dev.iob2", "en_ewt-ud-test.iob2", "en_pud-ud-test.iob2" })
                {
                    AddSet($"ner-uner-en {file}", ConllReader.Read(Path.Combine(root, "ner-uner-en", file)));
                }

                foreach (string file in new[] { "en_gum-commercial-ok-train.conllu.gz", "en_gum-commercial-ok-dev.conllu", "en_gum-commercial-ok-test.conllu" })
                {
                    AddSet($"ud-en-gum-cc {file}", ConllReader.ReadGum(Path.Combine(root, "ud-en-gum-cc", file)));
                }

                break;
            default:
                throw new ArgumentException($"No training data for language '{language}' (expected fr or en).", nameof(language));
        }

        return corpus;
    }

    /// <summary>
    /// Re-encodes tags as BIO over the four types and labels capitalised demonyms ("German", "Français") MISC, the
    /// CoNLL convention the training sets do not follow.
    /// </summary>
    internal static NerSentence Normalize(NerSentence sentence, NerLexicon lexicon)
    {
        string[] tags = new string[sentence.Tokens.Length];
        Array.Fill(tags, "O");
        foreach (TaggedSpan span in NerTagSet.Decode(sentence.Tags))
        {
            if (NerTagSet.KindOf(span.Type) is null)
            {
                continue;
            }

            int index = NerTagSet.IndexOf("B-" + span.Type);
            string type = NerTagSet.TypeName(NerTagSet.TypeOf(index));
            tags[span.Start] = "B-" + type;
            for (int i = span.Start + 1; i < span.End; i++)
            {
                tags[i] = "I-" + type;
            }
        }

        for (int i = 0; i < tags.Length; i++)
        {
            string token = sentence.Tokens[i];
            if (tags[i] == "O" && token.Length > 2 && char.IsUpper(token[0])
                && (lexicon.Lookup(NerLexicon.HashToken(token)) & LexiconCategory.Demonym) != 0)
            {
                tags[i] = "B-MISC";
            }
        }

        return new NerSentence(sentence.Tokens, tags);
    }

    /// <summary>Cuts sentence-less token streams (Europeana) after sentence-final punctuation, at most 80 tokens per piece.</summary>
    private static IEnumerable<NerSentence> SplitLong(List<NerSentence> sentences)
    {
        foreach (NerSentence sentence in sentences)
        {
            int start = 0;
            for (int i = 0; i < sentence.Tokens.Length; i++)
            {
                bool end = sentence.Tokens[i] is "." or "!" or "?" && sentence.Tags[i] == "O";
                if (end || i - start >= 79 || i == sentence.Tokens.Length - 1)
                {
                    yield return new NerSentence(sentence.Tokens[start..(i + 1)], sentence.Tags[start..(i + 1)]);
                    start = i + 1;
                }
            }
        }
    }

    /// <summary>
    /// Projects the English gold entities of PUD (ner-uner-en) onto the parallel French sentences (ud-fr-pud): an
    /// entity is found in French by identical tokens or by its French country name; a sentence with an entity not
    /// found is dropped, so projected sentences have no missing entities.
    /// </summary>
    private static IEnumerable<NerSentence> ProjectPud(string root, TextWriter log)
    {
        var unerTexts = new List<string>();
        List<NerSentence> uner;
        using (TextReader reader = ConllReader.Open(Path.Combine(root, "ner-uner-en", "en_pud-ud-test.iob2")))
        {
            uner = ConllReader.Read(reader, unerTexts);
        }

        var byText = new Dictionary<string, NerSentence>(StringComparer.Ordinal);
        for (int i = 0; i < uner.Count; i++)
        {
            byText.TryAdd(unerTexts[i], uner[i]);
        }

        var english = ConllReader.ReadConllu(Path.Combine(root, "ud-en-pud", "en_pud-ud-test.conllu"));
        var french = ConllReader.ReadConllu(Path.Combine(root, "ud-fr-pud", "fr_pud-ud-test.conllu"));
        Dictionary<string, string> countries = FrenchCountryNames(root);
        int kept = 0, dropped = 0;
        var result = new List<NerSentence>();
        for (int s = 0; s < Math.Min(english.Count, french.Count); s++)
        {
            if (!byText.TryGetValue(english[s].Text, out NerSentence? source))
            {
                dropped++;
                continue;
            }

            string[] frenchTokens = french[s].Sentence.Tokens;
            string[] tags = new string[frenchTokens.Length];
            Array.Fill(tags, "O");
            bool complete = true;
            foreach (TaggedSpan span in NerTagSet.Decode(source.Tags))
            {
                string name = string.Join(' ', source.Tokens[span.Start..span.End]);
                string[] wanted = countries.TryGetValue(name, out string? translated) && FindTokens(frenchTokens, tags, name.Split(' ')) < 0
                    ? translated.Split(' ')
                    : name.Split(' ');
                int at = FindTokens(frenchTokens, tags, wanted);
                if (at < 0)
                {
                    complete = false;
                    break;
                }

                tags[at] = "B-" + span.Type;
                for (int k = 1; k < wanted.Length; k++)
                {
                    tags[at + k] = "I-" + span.Type;
                }
            }

            if (complete)
            {
                kept++;
                result.Add(new NerSentence(frenchTokens, tags));
            }
            else
            {
                dropped++;
            }
        }

        log.WriteLine($"pud projection: {kept} sentences kept, {dropped} dropped");
        return result;
    }

    private static int FindTokens(string[] tokens, string[] tags, string[] wanted)
    {
        for (int i = 0; i + wanted.Length <= tokens.Length; i++)
        {
            bool match = true;
            for (int k = 0; k < wanted.Length && match; k++)
            {
                match = tags[i + k] == "O" && string.Equals(tokens[i + k], wanted[k], StringComparison.Ordinal);
            }

            if (match)
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>English country names and demonyms mapped to their French common names (world-countries).</summary>
    private static Dictionary<string, string> FrenchCountryNames(string root)
    {
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        using JsonDocument json = JsonDocument.Parse(File.ReadAllText(Path.Combine(root, "gazetteer-world-countries", "countries.json")));
        foreach (JsonElement country in json.RootElement.EnumerateArray())
        {
            if (!country.GetProperty("translations").TryGetProperty("fra", out JsonElement fra))
            {
                continue;
            }

            string frenchName = fra.GetProperty("common").GetString()!;
            names.TryAdd(country.GetProperty("name").GetProperty("common").GetString()!, frenchName);
            names.TryAdd(country.GetProperty("name").GetProperty("official").GetString()!, frenchName);
            foreach (JsonElement spelling in country.GetProperty("altSpellings").EnumerateArray())
            {
                names.TryAdd(spelling.GetString()!, frenchName);
            }
        }

        names.TryAdd("U.S.", "États-Unis");
        names.TryAdd("US", "États-Unis");
        names.TryAdd("UK", "Royaume-Uni");
        return names;
    }

    /// <summary>Builds the lexicon: trigger words, first names and surnames, country names and demonyms, and GeoNames places.</summary>
    internal static NerLexicon BuildLexicon(string root)
    {
        var lexicon = new NerLexicon();
        lexicon.AddTriggers();
        string names = Path.Combine(root, "names-first-last");
        foreach (string file in new[] { "gdn_first_names_fr.tsv", "gdn_first_names_en.tsv" })
        {
            foreach (string line in File.ReadLines(Path.Combine(names, file)).Skip(1))
            {
                lexicon.Add(line.Split('\t')[0], LexiconCategory.FirstName);
            }
        }

        foreach (string file in new[] { "stdlib_female_first_names_en.txt", "stdlib_male_first_names_en.txt" })
        {
            foreach (string line in File.ReadLines(Path.Combine(names, file)))
            {
                lexicon.Add(line, LexiconCategory.FirstName);
            }
        }

        foreach (string file in new[] { "faker_fr_person.json", "faker_en_person.json" })
        {
            using JsonDocument json = JsonDocument.Parse(File.ReadAllText(Path.Combine(names, file)));
            AddStrings(lexicon, json.RootElement.GetProperty("first_name"), LexiconCategory.FirstName);
            AddStrings(lexicon, json.RootElement.GetProperty("last_name"), LexiconCategory.LastName);
        }

        foreach (string locale in new[] { "fr", "en" })
        {
            using JsonDocument json = JsonDocument.Parse(File.ReadAllText(Path.Combine(root, "gazetteer-countries-i18n", "langs", locale + ".json")));
            AddStrings(lexicon, json.RootElement.GetProperty("countries"), LexiconCategory.Country);
        }

        using (JsonDocument json = JsonDocument.Parse(File.ReadAllText(Path.Combine(root, "gazetteer-world-countries", "countries.json"))))
        {
            foreach (JsonElement country in json.RootElement.EnumerateArray())
            {
                lexicon.Add(country.GetProperty("name").GetProperty("common").GetString()!, LexiconCategory.Country);
                if (country.GetProperty("translations").TryGetProperty("fra", out JsonElement fra))
                {
                    lexicon.Add(fra.GetProperty("common").GetString()!, LexiconCategory.Country);
                }

                foreach (JsonElement capital in country.GetProperty("capital").EnumerateArray())
                {
                    lexicon.Add(capital.GetString()!, LexiconCategory.City);
                }

                if (country.TryGetProperty("demonyms", out JsonElement demonyms))
                {
                    foreach (JsonProperty language in demonyms.EnumerateObject())
                    {
                        foreach (JsonProperty form in language.Value.EnumerateObject())
                        {
                            string demonym = form.Value.GetString()!;
                            lexicon.Add(demonym, LexiconCategory.Demonym);
                            lexicon.Add(demonym + "s", LexiconCategory.Demonym);
                        }
                    }
                }
            }
        }

        using (TextReader reader = ConllReader.Open(Path.Combine(root, "gazetteer-geonames-cities1000", "cities1000.tsv.gz")))
        {
            while (reader.ReadLine() is { } line)
            {
                string[] fields = line.Split('\t');
                long population = long.TryParse(fields[14], NumberStyles.None, CultureInfo.InvariantCulture, out long value) ? value : 0;
                if (population < 15000)
                {
                    continue;
                }

                lexicon.Add(fields[1], LexiconCategory.City);
                lexicon.Add(fields[2], LexiconCategory.City);
                if (population >= 200000)
                {
                    foreach (string alternate in fields[3].Split(',', StringSplitOptions.RemoveEmptyEntries))
                    {
                        if (alternate.Length >= 3 && IsLatin(alternate))
                        {
                            lexicon.Add(alternate, LexiconCategory.City);
                        }
                    }
                }
            }
        }

        return lexicon;
    }

    private static bool IsLatin(string text)
    {
        foreach (char c in text)
        {
            if (c > 0x24F)
            {
                return false;
            }
        }

        return true;
    }

    private static void AddStrings(NerLexicon lexicon, JsonElement element, LexiconCategory category)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.String:
                lexicon.Add(element.GetString()!, category);
                break;
            case JsonValueKind.Array:
                foreach (JsonElement item in element.EnumerateArray())
                {
                    AddStrings(lexicon, item, category);
                }

                break;
            case JsonValueKind.Object:
                foreach (JsonProperty property in element.EnumerateObject())
                {
                    AddStrings(lexicon, property.Value, category);
                }

                break;
        }
    }
}
