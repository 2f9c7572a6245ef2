using System.IO.Compression;
using System.Text;

namespace Veille.Stages.LanguageId;

/// <summary>
/// The n-gram statistics of a trained model, as stored in the model file: per language a tag, the scripts it is
/// written in and a log-probability floor per feature order; per kept feature its text, order and the quantised
/// log-probability gain over the floor for each language that has it.
/// </summary>
internal sealed class LanguageModel
{
    /// <summary>Quantisation steps per nat of the stored per-language weights.</summary>
    public const float WeightScale = 16f;

    private const int Magic = 0x44494C56; // "VLID"
    private const int FormatVersion = 2;

    public LanguageModel(string[] tags, uint[] scriptMasks, float[] floors, string[] grams, byte[] orders, int[] postingStarts, byte[] postingLanguages, byte[] postingWeights)
    {
        Tags = tags;
        ScriptMasks = scriptMasks;
        Floors = floors;
        Grams = grams;
        Orders = orders;
        PostingStarts = postingStarts;
        PostingLanguages = postingLanguages;
        PostingWeights = postingWeights;
    }

    /// <summary>Language tags, indexed by language number.</summary>
    public string[] Tags { get; }

    /// <summary>Per language, bit <c>1 &lt;&lt; (int)script</c> set for each script in which it is written.</summary>
    public uint[] ScriptMasks { get; }

    /// <summary>Log-probability (nats) of an unseen feature, at <c>language * OrderSlots + order</c>.</summary>
    public float[] Floors { get; }

    public string[] Grams { get; }

    public byte[] Orders { get; }

    /// <summary>Postings of feature i are at [PostingStarts[i], PostingStarts[i + 1]).</summary>
    public int[] PostingStarts { get; }

    public byte[] PostingLanguages { get; }

    /// <summary>Quantised gain over the floor: nats times <see cref="WeightScale"/>.</summary>
    public byte[] PostingWeights { get; }

    /// <summary>Writes the model as a gzip-compressed binary file.</summary>
    public void Write(Stream output)
    {
        using var gzip = new GZipStream(output, CompressionLevel.SmallestSize, leaveOpen: true);
        using var writer = new BinaryWriter(gzip, Encoding.UTF8, leaveOpen: true);
        writer.Write(Magic);
        writer.Write(FormatVersion);
        writer.Write(Tags.Length);
        for (int language = 0; language < Tags.Length; language++)
        {
            writer.Write(Tags[language]);
            writer.Write(ScriptMasks[language]);
            for (int order = 0; order < NgramScanner.OrderSlots; order++)
            {
                writer.Write(Floors[(language * NgramScanner.OrderSlots) + order]);
            }
        }

        // Column layout: each column compresses better than interleaved records.
        writer.Write(Grams.Length);
        writer.Write(Orders);
        foreach (string gram in Grams)
        {
            writer.Write(gram);
        }

        for (int i = 0; i < Grams.Length; i++)
        {
            writer.Write((byte)(PostingStarts[i + 1] - PostingStarts[i]));
        }

        writer.Write(PostingLanguages);
        writer.Write(PostingWeights);
    }

    /// <summary>Reads a model written by <see cref="Write"/>; throws <see cref="InvalidDataException"/> on another format.</summary>
    public static LanguageModel Read(Stream input)
    {
        using var gzip = new GZipStream(input, CompressionMode.Decompress, leaveOpen: true);
        using var reader = new BinaryReader(gzip, Encoding.UTF8, leaveOpen: true);
        if (reader.ReadInt32() != Magic || reader.ReadInt32() != FormatVersion)
        {
            throw new InvalidDataException($"Not a Veille language model (format version {FormatVersion}).");
        }

        int languageCount = reader.ReadInt32();
        var tags = new string[languageCount];
        var scriptMasks = new uint[languageCount];
        var floors = new float[languageCount * NgramScanner.OrderSlots];
        for (int language = 0; language < languageCount; language++)
        {
            tags[language] = reader.ReadString();
            scriptMasks[language] = reader.ReadUInt32();
            for (int order = 0; order < NgramScanner.OrderSlots; order++)
            {
                floors[(language * NgramScanner.OrderSlots) + order] = reader.ReadSingle();
            }
        }

        int gramCount = reader.ReadInt32();
        byte[] orders = ReadExactly(reader, gramCount);
        var grams = new string[gramCount];
        for (int i = 0; i < gramCount; i++)
        {
            grams[i] = reader.ReadString();
        }

        var postingStarts = new int[gramCount + 1];
        for (int i = 0; i < gramCount; i++)
        {
            postingStarts[i + 1] = postingStarts[i] + reader.ReadByte();
        }

        int postingCount = postingStarts[gramCount];
        byte[] postingLanguages = ReadExactly(reader, postingCount);
        byte[] postingWeights = ReadExactly(reader, postingCount);
        return new LanguageModel(tags, scriptMasks, floors, grams, orders, postingStarts, postingLanguages, postingWeights);
    }

    private static byte[] ReadExactly(BinaryReader reader, int count)
    {
        byte[] bytes = reader.ReadBytes(count);
        return bytes.Length == count ? bytes : throw new InvalidDataException("Truncated language model.");
    }
}
