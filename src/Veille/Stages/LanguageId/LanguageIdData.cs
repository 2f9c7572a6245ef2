namespace Veille.Stages.LanguageId;

/// <summary>Reads the language-identification data folder: one UTF-8 file per language named "&lt;tag&gt;.txt", one sentence per line.</summary>
public static class LanguageIdData
{
    /// <summary>All non-empty lines of <paramref name="directory"/>/sentences/*.txt (or <paramref name="directory"/>/*.txt), files in ordinal name order.</summary>
    public static IReadOnlyList<LanguageSample> ReadFolder(string directory)
    {
        string sentences = Path.Combine(directory, "sentences");
        string folder = Directory.Exists(sentences) ? sentences : directory;
        string[] files = Directory.GetFiles(folder, "*.txt");
        if (files.Length == 0)
        {
            throw new DirectoryNotFoundException($"No <language>.txt files in '{folder}'.");
        }

        Array.Sort(files, StringComparer.Ordinal);
        var samples = new List<LanguageSample>();
        foreach (string file in files)
        {
            string language = Path.GetFileNameWithoutExtension(file);
            foreach (string line in File.ReadLines(file))
            {
                string text = line.Trim();
                if (text.Length > 0)
                {
                    samples.Add(new LanguageSample(language, text));
                }
            }
        }

        return samples;
    }
}
