using System.Globalization;
using System.Text.Json;

namespace Veille.Stages.Entities.Recognition;

/// <summary>
/// Builds the training corpus and lexicon of one language from the shared data folder (only sets whose licence
/// allows training and shipping; see docs/ner.md) and trains a model file reproducibly (fixed seed).
/// </summary>
public static class NerTraining
{
    /// <summary>Epochs of the shipped models (VEILLE_NER_EPOCHS overrides it for experiments).</summary>
    public static readonly int Epochs = int.Parse(Environment.GetEnvironmentVariable("VEILLE_NER_EPOCHS") ?? "8", CultureInfo.InvariantCulture);

    /// <summary>Seed of the sentence shuffling.</summary>
    public const int Seed = 20261123;

    /// <summary>
    /// Trains the model of <paramref name="language"/> ("fr", "en", or "multi" for the shared model; today all three
    /// use the same French and English sets, which measured better than either language alone) and writes it
    /// gzip-compressed to <paramref name="outputFile"/>.
    /// </summary>
    public static void Train(string sharedDataDirectory, string language, string outputFile, TextWriter log)
    {
        ArgumentNullException.ThrowIfNull(sharedDataDirectory);
        ArgumentNullException.ThrowIfNull(outputFile);
        ArgumentNullException.ThrowIfNull(log);
        NerLexicon lexicon = BuildLexicon(sharedDataDirectory);
        log.WriteLine($"lexicon: {lexicon.Count} entries");
        List<NerSentence> corpus = BuildCorpus(sharedDataDirectory, language, lexicon, log);
        NerModel model = NerTrainer.Train(language, corpus, lexicon, Epochs, Seed, log);
        int rounds = Environment.GetEnvironmentVariable("VEILLE_NER_NOSILVER") is null
            ? int.Parse(Environment.GetEnvironmentVariable("VEILLE_NER_ROUNDS") ?? "1", CultureInfo.InvariantCulture)
            : 0;
        int gold = corpus.Count;
        for (int round = 0; round < rounds; round++)
        {
            corpus.RemoveRange(gold, corpus.Count - gold);
            corpus.AddRange(Silver(sharedDataDirectory, model, lexicon, log));
            model = NerTrainer.Train(language, corpus, lexicon, Epochs, Seed, log);
        }

        model.Save(outputFile);
        log.WriteLine($"model written to {outputFile} ({new FileInfo(outputFile).Length / 1024} KiB)");
    }

    /// <summary>
    /// Training sets of each model: both models see both languages (names cross languages, and the English sets
    /// bring the MISC and organisation examples the French ones lack). VEILLE_NER_SETS (comma-separated) overrides
    /// the list for experiments.
    /// </summary>
    private static bool FillMisc => Environment.GetEnvironmentVariable("VEILLE_NER_NOFILL") is null;

    internal static string[] SetsOf(string language)
    {
        if (Environment.GetEnvironmentVariable("VEILLE_NER_SETS") is { Length: > 0 } sets)
        {
            return sets.Split(',');
        }

        return language switch
        {
            "fr" or "en" or "multi" => ["ner-europeana-fr", "ner-newseye-fr", "ud-fr-pud", "ner-uner-en", "ud-en-gum-cc"],
            _ => throw new ArgumentException($"No training data for language '{language}' (expected fr, en or multi).", nameof(language)),
        };
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

        foreach (string entry in SetsOf(language))
        {
            int star = entry.IndexOf('*', StringComparison.Ordinal);
            string set = star < 0 ? entry : entry[..star];
            int copies = star < 0 ? 1 : int.Parse(entry.AsSpan(star + 1), CultureInfo.InvariantCulture);
            for (int copy = 0; copy < copies; copy++)
            {
                switch (set)
                {
                    case "ner-europeana-fr":
                        AddSet(set, SplitLong(ConllReader.Read(Path.Combine(root, set, "enp_FR.bnf.bio"))));
                        break;
                    case "ner-newseye-fr":
                        foreach (string split in new[] { "dev", "dev2", "test" })
                        {
                            AddSet($"{set} {split}", ConllReader.ReadHipe(Path.Combine(root, set, $"HIPE-2022-v2.1-newseye-{split}-fr.tsv")));
                        }

                        break;
                    case "ud-fr-pud":
                        AddSet("ud-fr-pud (entities projected from ner-uner-en)", ProjectPud(root, lexicon, log));
                        break;
                    case "ner-uner-en":
                        foreach (var (file, treebank) in new[] { ("en_ewt-ud-dev.iob2", "ud-en-ewt/en_ewt-ud-dev.conllu"), ("en_ewt-ud-test.iob2", "ud-en-ewt/en_ewt-ud-test.conllu"), ("en_pud-ud-test.iob2", "ud-en-pud/en_pud-ud-test.conllu") })
                        {
                            AddSet($"{set} {file}", WithAdjectives(Path.Combine(root, set, file), Path.Combine(root, treebank), lexicon));
                        }

                        break;
                    case "ud-en-gum-cc":
                        foreach (string file in new[] { "en_gum-commercial-ok-train.conllu.gz", "en_gum-commercial-ok-dev.conllu", "en_gum-commercial-ok-test.conllu" })
                        {
                            AddSet($"{set} {file}", ConllReader.ReadGum(Path.Combine(root, set, file), FillMisc ? lexicon : null));
                        }

                        break;
                    default:
                        throw new ArgumentException($"Unknown training set '{set}'.", nameof(language));
                }
            }
        }

        // Headlines and datelines are often in capitals, which the training sets rarely are: a tenth of the
        // sentences are added again in uppercase.
        int count = corpus.Count;
        int every = int.Parse(Environment.GetEnvironmentVariable("VEILLE_NER_UPPER") ?? "10", CultureInfo.InvariantCulture);
        for (int s = 0; every > 0 && s < count; s += every)
        {
            NerSentence sentence = corpus[s];
            corpus.Add(sentence with { Tokens = Array.ConvertAll(sentence.Tokens, token => token.ToUpperInvariant()) });
        }

        log.WriteLine($"uppercase copies: {corpus.Count - count} sentences");
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
            int start = span.Start;

            // Titles stay outside person names ("President [Obama]", "Secretary of State [Antony Blinken]"), as in CoNLL.
            const LexiconCategory NotName = LexiconCategory.Title | LexiconCategory.OrganizationWord | LexiconCategory.LocationWord;
            while (type == "PER" && start < span.End - 1 && (lexicon.Lookup(NerLexicon.HashToken(sentence.Tokens[start])) & NotName) != 0)
            {
                start++;
            }

            tags[start] = "B-" + type;
            for (int i = start + 1; i < span.End; i++)
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

    /// <summary>
    /// Reads UNER sentences and tags their capitalised adjectives MISC using the UPOS of the same sentence in its
    /// treebank (joined on the text; sentences whose tokens differ are kept unchanged).
    /// </summary>
    private static List<NerSentence> WithAdjectives(string unerFile, string treebankFile, NerLexicon lexicon)
    {
        var texts = new List<string>();
        List<NerSentence> sentences;
        using (TextReader reader = ConllReader.Open(unerFile))
        {
            sentences = ConllReader.Read(reader, texts);
        }

        var treebank = new Dictionary<string, NerSentence>(StringComparer.Ordinal);
        foreach (var (text, sentence) in ConllReader.ReadConllu(treebankFile))
        {
            treebank.TryAdd(text, sentence);
        }

        for (int i = 0; i < sentences.Count; i++)
        {
            if (treebank.TryGetValue(texts[i], out NerSentence? parsed) && parsed.Tokens.AsSpan().SequenceEqual(sentences[i].Tokens))
            {
                string[] tags = (string[])sentences[i].Tags.Clone();
                ConllReader.MarkCapitalisedAdjectives(sentences[i].Tokens, parsed.Tags, tags, lexicon);
                if (FillMisc)
                {
                    ConllReader.MarkProperNouns(sentences[i].Tokens, parsed.Tags, tags, null, lexicon);
                }
                sentences[i] = sentences[i] with { Tags = tags };
            }
        }

        return sentences;
    }

    /// <summary>Cuts sentence-less token streams (Europeana) after sentence-final punctuation, at most 80 tokens per piece, dropping pieces mostly in capitals.</summary>
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
                    var piece = new NerSentence(sentence.Tokens[start..(i + 1)], sentence.Tags[start..(i + 1)]);
                    start = i + 1;
                    if (!IsMostlyCapitals(piece.Tokens))
                    {
                        yield return piece;
                    }
                }
            }
        }
    }

    /// <summary>
    /// True for mastheads, headers and OCR debris: pieces where at least a third of the words are in capitals.
    /// Their entities are rarely annotated, which would teach the tagger that acronyms are not names.
    /// </summary>
    private static bool IsMostlyCapitals(string[] tokens)
    {
        if (Environment.GetEnvironmentVariable("VEILLE_NER_KEEPCAPS") is not null)
        {
            return false;
        }

        int words = 0, capitals = 0;
        foreach (string token in tokens)
        {
            if (token.Length > 1 && char.IsLetter(token[0]))
            {
                words++;
                if (token.AsSpan().IndexOfAnyInRange('a', 'z') < 0 && !token.Any(char.IsLower))
                {
                    capitals++;
                }
            }
        }

        return words > 0 && capitals * 3 >= words;
    }

    /// <summary>
    /// Projects the English gold entities of PUD (ner-uner-en) onto the parallel French sentences (ud-fr-pud): an
    /// entity is found in French by identical tokens or by its French country name; a sentence with an entity not
    /// found is dropped, so projected sentences have no missing entities.
    /// </summary>
    private static IEnumerable<NerSentence> ProjectPud(string root, NerLexicon lexicon, TextWriter log)
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
                if (FillMisc)
                {
                    ConllReader.MarkProperNouns(frenchTokens, french[s].Sentence.Tags, tags, null, lexicon);
                }

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

        AddTreebankWords(root, lexicon);
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

    /// <summary>Treebanks without entity labels that are tagged by a first model to make silver training data.</summary>
    internal static readonly string[] SilverTreebanks =
    [
        "ud-en-ewt/en_ewt-ud-train.conllu.gz", "ud-fr-gsd/fr_gsd-ud-dev.conllu", "ud-fr-gsd/fr_gsd-ud-test.conllu",
    ];

    /// <summary>
    /// Silver data: treebank sentences tagged by <paramref name="model"/> under their PROPN tags. A proper noun
    /// (not a title or date word) must be inside an entity; a lowercase word other than a connector ("of", "de"…)
    /// must be outside; the model chooses types and the rest. Capitalised English adjectives become MISC as in the gold sets.
    /// </summary>
    private static List<NerSentence> Silver(string root, NerModel model, NerLexicon lexicon, TextWriter log)
    {
        var decoder = new NerDecoder(model);
        var silver = new List<NerSentence>();
        int entities = 0, tokens = 0;
        const int Outside = 1 << NerTagSet.Outside;
        const int All = (1 << NerTagSet.Count) - 1;
        foreach (string file in SilverTreebanks)
        {
            string path = Path.Combine(root, file);
            if (!File.Exists(path))
            {
                continue;
            }

            foreach (var (_, sentence) in ConllReader.ReadConllu(path))
            {
                int n = sentence.Tokens.Length;
                var allowed = new int[n];
                for (int i = 0; i < n; i++)
                {
                    string form = sentence.Tokens[i];
                    LexiconCategory category = lexicon.Lookup(NerLexicon.HashToken(form));
                    bool notName = (category & (LexiconCategory.Title | LexiconCategory.Date)) != 0;
                    if (sentence.Tags[i] == "PROPN" && !notName && form.Length > 0 && char.IsUpper(form[0]))
                    {
                        allowed[i] = All & ~Outside;
                    }
                    else if (form.Length > 0 && (char.IsUpper(form[0]) || form is "of" or "de" or "du" or "des" or "the" or "and" or "&" or "-" or "la" or "le" or "l'" or "d'" or "et" or "for"))
                    {
                        allowed[i] = All;
                    }
                    else
                    {
                        allowed[i] = Outside;
                    }
                }

                var (text, starts, ends) = NerTrainer.Join(sentence.Tokens);
                var tagIndices = new int[n];
                decoder.Tag(text, starts, ends, tagIndices, allowed);
                string[] tags = Array.ConvertAll(tagIndices, NerTagSet.NameOf);
                // French writes nationality adjectives in lowercase: a capitalised French adjective starts a title or a name.
                if (file.StartsWith("ud-en-", StringComparison.Ordinal))
                {
                    ConllReader.MarkCapitalisedAdjectives(sentence.Tokens, sentence.Tags, tags, lexicon);
                }

                NerSentence tagged = Normalize(new NerSentence(sentence.Tokens, tags), lexicon);
                entities += NerTagSet.Decode(tagged.Tags).Count;
                tokens += n;
                silver.Add(tagged);
            }
        }

        log.WriteLine($"silver (PROPN-constrained self-training on {string.Join(", ", SilverTreebanks)}): {silver.Count} sentences, {tokens} tokens, {entities} entities");
        return silver;
    }

    /// <summary>Treebank files whose words feed the common-word and proper-noun lexicon categories.</summary>
    internal static readonly string[] Treebanks =
    [
        "ud-en-ewt/en_ewt-ud-train.conllu.gz", "ud-en-ewt/en_ewt-ud-dev.conllu", "ud-en-ewt/en_ewt-ud-test.conllu",
        "ud-en-pud/en_pud-ud-test.conllu", "ud-en-gum-cc/en_gum-commercial-ok-train.conllu.gz",
        "ud-en-gum-cc/en_gum-commercial-ok-dev.conllu", "ud-en-gum-cc/en_gum-commercial-ok-test.conllu",
        "ud-fr-gsd/fr_gsd-ud-dev.conllu", "ud-fr-gsd/fr_gsd-ud-test.conllu", "ud-fr-pud/fr_pud-ud-test.conllu",
        "ud-fr-rhapsodie/fr_rhapsodie-ud-train.conllu", "ud-fr-rhapsodie/fr_rhapsodie-ud-dev.conllu", "ud-fr-rhapsodie/fr_rhapsodie-ud-test.conllu",
        "ud-fr-parisstories/fr_parisstories-ud-train.conllu", "ud-fr-parisstories/fr_parisstories-ud-dev.conllu", "ud-fr-parisstories/fr_parisstories-ud-test.conllu",
    ];

    /// <summary>
    /// Words written in lowercase at least twice in the treebanks become common words; words tagged PROPN at least
    /// twice and more often than written in lowercase become proper nouns. This is how the treebanks' PROPN tags
    /// reach the tagger: as evidence that a word is a name, whatever the sentence.
    /// </summary>
    private static void AddTreebankWords(string root, NerLexicon lexicon)
    {
        var lower = new Dictionary<string, int>(StringComparer.Ordinal);
        var proper = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (string file in Treebanks)
        {
            string path = Path.Combine(root, file);
            if (!File.Exists(path))
            {
                continue;
            }

            foreach (var (_, sentence) in ConllReader.ReadConllu(path))
            {
                for (int i = 0; i < sentence.Tokens.Length; i++)
                {
                    string form = sentence.Tokens[i];
                    string key = form.ToLowerInvariant();
                    if (sentence.Tags[i] == "PROPN")
                    {
                        proper[key] = proper.GetValueOrDefault(key) + 1;
                    }
                    else if (form.Length > 0 && char.IsLower(form[0]))
                    {
                        lower[key] = lower.GetValueOrDefault(key) + 1;
                    }
                }
            }
        }

        foreach (var (word, count) in lower.OrderBy(pair => pair.Key, StringComparer.Ordinal))
        {
            if (count >= 2)
            {
                lexicon.Add(word, LexiconCategory.CommonWord);
            }
        }

        foreach (var (word, count) in proper.OrderBy(pair => pair.Key, StringComparer.Ordinal))
        {
            if (count >= 2 && count > lower.GetValueOrDefault(word))
            {
                lexicon.Add(word, LexiconCategory.ProperNoun);
            }
        }
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
