using System.Diagnostics;
using System.Runtime.CompilerServices;

namespace Veille.Stages.Entities.Recognition;

/// <summary>
/// Turns the tokens of one sentence into hashed feature buckets, <see cref="FeaturesPerToken"/> per token: words and
/// shapes in a ±2 window, prefixes and suffixes, lexicon matches, sentence case. Not thread-safe: one instance per
/// thread (it owns scratch arrays that grow to the longest sentence seen).
/// </summary>
internal sealed class NerFeatureExtractor
{
    public const int FeaturesPerToken = 39;

    private const ulong Golden = 0x9E3779B97F4A7C15;
    private const ulong Padding = 0x1234_5678_9ABC_DEF1;

    private readonly NerLexicon lexicon;
    private readonly int shift;
    private ulong[] word = new ulong[64];
    private ulong[] cased = new ulong[64];
    private ulong[] shape = new ulong[64];
    private ulong[] affix = new ulong[64 * 8];
    private ulong[] lexiconCode = new ulong[64];
    private ulong[] run = new ulong[64];
    private ulong[] tokenKey = new ulong[64];
    private bool[] capital = new bool[64];
    private int[] begin = new int[64];
    private int[] inside = new int[64];

    public NerFeatureExtractor(NerLexicon lexicon, int bits)
    {
        this.lexicon = lexicon;
        shift = 64 - bits;
    }

    /// <summary>
    /// Writes the buckets of the tokens [starts[i], ends[i]) of <paramref name="text"/> into
    /// <paramref name="buckets"/> (token i at i * <see cref="FeaturesPerToken"/>).
    /// </summary>
    public void Extract(ReadOnlySpan<char> text, ReadOnlySpan<int> starts, ReadOnlySpan<int> ends, Span<int> buckets)
    {
        // Invariants: starts/ends describe ordered tokens inside text; buckets holds n * FeaturesPerToken ints.
        int n = starts.Length;
        Debug.Assert(ends.Length == n && buckets.Length >= n * FeaturesPerToken);
        Grow(n);
        int letters = 0, upper = 0;
        for (int i = 0; i < n; i++)
        {
            ReadOnlySpan<char> token = text[starts[i]..ends[i]];
            Describe(token, i, ref letters, ref upper);
        }

        bool capsSentence = letters >= 8 && upper * 10 >= letters * 8;
        MatchLexicon(n);
        MarkCapitalisedRuns(n);
        for (int i = 0; i < n; i++)
        {
            Span<int> row = buckets.Slice(i * FeaturesPerToken, FeaturesPerToken);
            ulong w0 = word[i], sh0 = shape[i];
            ulong wm1 = At(word, i - 1, n), wp1 = At(word, i + 1, n);
            ulong shm1 = At(shape, i - 1, n), shp1 = At(shape, i + 1, n);
            ulong lex0 = lexiconCode[i];
            row[0] = Bucket(0, 0);
            row[1] = Bucket(1, w0);
            row[2] = Bucket(2, wm1);
            row[3] = Bucket(3, wp1);
            row[4] = Bucket(4, At(word, i - 2, n));
            row[5] = Bucket(5, At(word, i + 2, n));
            row[6] = Bucket(6, sh0);
            row[7] = Bucket(7, shm1);
            row[8] = Bucket(8, shp1);
            row[9] = Bucket(9, Pair(shm1, sh0));
            row[10] = Bucket(10, Pair(sh0, shp1));
            for (int k = 0; k < 8; k++)
            {
                row[11 + k] = Bucket(11 + k, affix[(i * 8) + k]);
            }

            row[19] = Bucket(19, Pair(wm1, w0));
            row[20] = Bucket(20, Pair(w0, wp1));
            row[21] = Bucket(21, Pair(i == 0 ? 1UL : 2UL, sh0));
            row[22] = Bucket(22, Pair(capsSentence ? 1UL : 2UL, sh0));
            row[23] = Bucket(23, lex0);
            row[24] = Bucket(24, At(lexiconCode, i - 1, n));
            row[25] = Bucket(25, At(lexiconCode, i + 1, n));
            row[26] = Bucket(26, Pair(lex0, sh0));
            row[27] = Bucket(27, Pair(wm1, sh0));
            row[28] = Bucket(28, cased[i]);
            row[29] = Bucket(29, Pair(affix[(i * 8) + 6], sh0));
            row[30] = Bucket(30, At(lexiconCode, i - 2, n));
            row[31] = Bucket(31, At(lexiconCode, i + 2, n));
            row[32] = Bucket(32, Pair(Pair(shm1, sh0), shp1));
            row[33] = Bucket(33, Pair(run[i], sh0));
            row[34] = Bucket(34, Pair(Pair(capsSentence ? 1UL : 2UL, w0), lex0));

            // How the word is usually written (common word, known proper noun, both, unknown) decides most
            // sentence-initial and headline cases, where the capital letter says nothing.
            ulong usage = (ulong)((begin[i] & (int)(LexiconCategory.CommonWord | LexiconCategory.ProperNoun)) >> 10);
            ulong position = i == 0 ? 1UL : capsSentence ? 2UL : 3UL;
            row[35] = Bucket(35, Pair(position, usage));
            row[36] = Bucket(36, Pair(Pair(position, usage), sh0));
            row[37] = Bucket(37, Pair(Pair(position, usage), At(word, i - 1, n)));
            row[38] = Bucket(38, Pair(usage, Pair(shm1, shp1)));
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong At(ulong[] values, int index, int count) =>
        index < 0 ? Padding + (ulong)(-index) : index >= count ? Padding - (ulong)(index - count + 1) : values[index];

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Pair(ulong left, ulong right) => (left * Golden) ^ ((right << 21) | (right >> 43)) ^ right;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int Bucket(int template, ulong value)
    {
        ulong z = value + ((ulong)(template + 1) * Golden);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EB;
        z ^= z >> 31;
        return (int)(z >> shift);
    }

    private void Describe(ReadOnlySpan<char> token, int i, ref int letters, ref int upper)
    {
        const ulong Offset = 14695981039346656037;
        const ulong Prime = 1099511628211;
        ulong lowerHash = Offset, casedHash = Offset, shapeHash = Offset;
        char previousClass = '\0';
        int repeat = 0;
        int length = token.Length;
        for (int k = 0; k < length; k++)
        {
            char c = token[k];
            char lower = char.ToLowerInvariant(c);
            char normal = char.IsAsciiDigit(c) ? '0' : lower;
            lowerHash = (lowerHash ^ normal) * Prime;
            casedHash = (casedHash ^ c) * Prime;
            char cls = char.IsUpper(c) ? 'X' : char.IsLower(c) ? 'x' : char.IsDigit(c) ? 'd' : c;
            if (char.IsLetter(c))
            {
                letters++;
                if (cls == 'X')
                {
                    upper++;
                }
            }

            repeat = cls == previousClass ? repeat + 1 : 0;
            previousClass = cls;
            if (repeat < 2)
            {
                shapeHash = (shapeHash ^ cls) * Prime;
            }
        }

        word[i] = lowerHash;
        cased[i] = casedHash;
        shape[i] = shapeHash;
        tokenKey[i] = NerLexicon.HashToken(token);
        capital[i] = length > 0 && char.IsUpper(token[0]);
        int baseIndex = i * 8;
        for (int p = 1; p <= 4; p++)
        {
            ulong prefix = Offset + (ulong)p, suffix = Offset - (ulong)p;
            int take = Math.Min(p, length);
            for (int k = 0; k < take; k++)
            {
                prefix = (prefix ^ char.ToLowerInvariant(token[k])) * Prime;
                suffix = (suffix ^ char.ToLowerInvariant(token[length - take + k])) * Prime;
            }

            affix[baseIndex + p - 1] = prefix;
            affix[baseIndex + 3 + p] = suffix;
        }
    }

    private void MatchLexicon(int n)
    {
        Array.Clear(begin, 0, n);
        Array.Clear(inside, 0, n);
        for (int i = 0; i < n; i++)
        {
            ulong key = tokenKey[i];
            for (int length = 1; length <= NerLexicon.MaxTokens && i + length <= n; length++)
            {
                if (length > 1)
                {
                    key = NerLexicon.Extend(key, tokenKey[i + length - 1]);
                }

                var category = (int)lexicon.Lookup(key);
                if (category == 0)
                {
                    continue;
                }

                if (length == 1)
                {
                    begin[i] |= category;
                }
                else
                {
                    begin[i] |= category << 16;
                    for (int k = i + 1; k < i + length; k++)
                    {
                        inside[k] |= category;
                    }
                }
            }
        }

        for (int i = 0; i < n; i++)
        {
            lexiconCode[i] = (ulong)(uint)begin[i] | ((ulong)(uint)inside[i] << 32) | (1UL << 62);
        }
    }

    private void MarkCapitalisedRuns(int n)
    {
        // A run is a maximal sequence of tokens whose shape starts with an uppercase letter; the code combines the
        // token's position in the run (first, middle, last, alone) with the run's length capped at 4.
        int i = 0;
        while (i < n)
        {
            int end = i;
            while (end < n && capital[end])
            {
                end++;
            }

            if (end == i)
            {
                run[i] = 0;
                i++;
                continue;
            }

            ulong length = (ulong)Math.Min(end - i, 4);
            for (int k = i; k < end; k++)
            {
                ulong position = end - i == 1 ? 1UL : k == i ? 2UL : k == end - 1 ? 4UL : 3UL;
                run[k] = (length << 8) | position;
            }

            i = end;
        }
    }

    private void Grow(int n)
    {
        if (word.Length >= n)
        {
            return;
        }

        int size = Math.Max(n, word.Length * 2);
        word = new ulong[size];
        cased = new ulong[size];
        shape = new ulong[size];
        affix = new ulong[size * 8];
        lexiconCode = new ulong[size];
        run = new ulong[size];
        tokenKey = new ulong[size];
        capital = new bool[size];
        begin = new int[size];
        inside = new int[size];
    }
}
