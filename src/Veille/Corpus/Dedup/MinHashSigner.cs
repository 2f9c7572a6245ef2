using Veille.Model;

namespace Veille.Corpus.Dedup;

/// <summary>MinHash signatures of the word shingles of a document (multiply-shift hash family, seeded). Thread-safe.</summary>
internal sealed class MinHashSigner
{
    private readonly ulong[] multipliers;
    private readonly ulong[] increments;
    private readonly int shingleLength;

    public MinHashSigner(int signatureLength, int shingleLength, int seed)
    {
        this.shingleLength = shingleLength;
        multipliers = new ulong[signatureLength];
        increments = new ulong[signatureLength];
        var random = new Random(seed);
        for (int i = 0; i < signatureLength; i++)
        {
            multipliers[i] = (ulong)random.NextInt64() | 1UL;
            increments[i] = (ulong)random.NextInt64();
        }
    }

    public int Length => multipliers.Length;

    /// <summary>Hashes of the folded content words of a document, in text order.</summary>
    public static ulong[] WordHashes(Document document)
    {
        var hashes = new List<ulong>(document.Tokens.Length);
        foreach (Token token in document.Tokens)
        {
            if (WordFolder.IsContent(token))
            {
                hashes.Add(WordFolder.Hash(document.TextOf(token)));
            }
        }

        return [.. hashes];
    }

    /// <summary>Hash of the whole word sequence (exact-copy key).</summary>
    public static ulong SequenceHash(ReadOnlySpan<ulong> words)
    {
        ulong hash = 0x9E3779B97F4A7C15UL;
        foreach (ulong word in words)
        {
            hash = Mix(hash ^ word);
        }

        return hash;
    }

    /// <summary>The signature: for each hash function, the minimum over shingles; a text shorter than a shingle is one shingle.</summary>
    public uint[] Sign(ReadOnlySpan<ulong> words)
    {
        // Invariant: signature[i] = min over shingles s of h_i(s), with h_i(x) = high 32 bits of (a_i * x + b_i), a_i odd.
        var signature = new uint[multipliers.Length];
        Array.Fill(signature, uint.MaxValue);
        int count = Math.Max(1, words.Length - shingleLength + 1);
        for (int start = 0; start < count; start++)
        {
            ulong shingle = 0;
            int end = Math.Min(words.Length, start + shingleLength);
            for (int i = start; i < end; i++)
            {
                shingle = Mix(shingle ^ words[i]);
            }

            for (int i = 0; i < signature.Length; i++)
            {
                uint value = (uint)((multipliers[i] * shingle + increments[i]) >> 32);
                if (value < signature[i])
                {
                    signature[i] = value;
                }
            }
        }

        return signature;
    }

    /// <summary>The fraction of equal positions: an unbiased estimate of the shingle sets' Jaccard similarity.</summary>
    public static double Estimate(ReadOnlySpan<uint> left, ReadOnlySpan<uint> right)
    {
        int equal = 0;
        for (int i = 0; i < left.Length; i++)
        {
            if (left[i] == right[i])
            {
                equal++;
            }
        }

        return left.Length == 0 ? 0 : (double)equal / left.Length;
    }

    /// <summary>Hash of one LSH band of a signature, salted by the band index.</summary>
    public static ulong BandKey(ReadOnlySpan<uint> signature, int band, int rows)
    {
        ulong hash = (ulong)band * 0xD6E8FEB86659FD93UL;
        for (int i = band * rows; i < (band + 1) * rows; i++)
        {
            hash = Mix(hash ^ signature[i]);
        }

        return hash;
    }

    private static ulong Mix(ulong value)
    {
        // splitmix64 finaliser.
        value += 0x9E3779B97F4A7C15UL;
        value = (value ^ (value >> 30)) * 0xBF58476D1CE4E5B9UL;
        value = (value ^ (value >> 27)) * 0x94D049BB133111EBUL;
        return value ^ (value >> 31);
    }
}
