using System.Runtime.CompilerServices;

namespace Veille.Stages.LanguageId;

/// <summary>Where a feature's weights are: a dense row of per-language weights, or a run of sparse postings.</summary>
/// <param name="Start">Offset of the dense row, or of the first posting.</param>
/// <param name="Count">Number of postings; 0 for a dense row.</param>
/// <param name="Order">Feature order (1-5 for n-grams, 6 for words).</param>
internal readonly record struct FeatureSlot(int Start, ushort Count, byte Order);

/// <summary>
/// Open-addressing hash table from a feature hash (see <see cref="NgramScanner.Hash"/>) to its <see cref="FeatureSlot"/>,
/// with linear probing and a load factor of at most one half; key and slot share one 16-byte entry so a lookup touches one cache line.
/// </summary>
internal sealed class NgramTable
{
    private readonly Entry[] entries;
    private readonly int shift;

    public NgramTable(ReadOnlySpan<ulong> hashes, ReadOnlySpan<FeatureSlot> slots)
    {
        int bits = 4;
        while ((1 << bits) < hashes.Length * 2)
        {
            bits++;
        }

        entries = new Entry[1 << bits];
        shift = 64 - bits;
        for (int i = 0; i < hashes.Length; i++)
        {
            ulong key = KeyOf(hashes[i]);
            int index = IndexOf(key);
            while (entries[index].Key != 0 && entries[index].Key != key)
            {
                index = (index + 1) & (entries.Length - 1);
            }

            // A 64-bit collision between two kept features is astronomically unlikely; the first one wins.
            if (entries[index].Key == 0)
            {
                entries[index] = new Entry(key, slots[i]);
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool TryGet(ulong hash, out FeatureSlot slot)
    {
        ulong key = KeyOf(hash);
        int mask = entries.Length - 1;
        int index = IndexOf(key);
        while (true)
        {
            ref readonly Entry entry = ref entries[index];
            if (entry.Key == key)
            {
                slot = entry.Slot;
                return true;
            }

            if (entry.Key == 0)
            {
                slot = default;
                return false;
            }

            index = (index + 1) & mask;
        }
    }

    // Key 0 marks an empty entry, so a hash of 0 is stored as 1.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong KeyOf(ulong hash) => hash == 0 ? 1 : hash;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int IndexOf(ulong key) => (int)((key * 0x9E3779B97F4A7C15UL) >> shift);

    private readonly record struct Entry(ulong Key, FeatureSlot Slot);
}
