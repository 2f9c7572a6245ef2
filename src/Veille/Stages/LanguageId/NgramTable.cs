using System.Diagnostics;
using System.Runtime.CompilerServices;

namespace Veille.Stages.LanguageId;

/// <summary>Where a feature's weights are: a dense row of per-language weights, or a run of sparse postings.</summary>
/// <param name="Start">Offset of the dense row, of the first posting, or with <paramref name="Count"/> 1 the posting itself (below 2^25).</param>
/// <param name="Count">Number of postings (below 16); 0 for a dense row.</param>
/// <param name="Order">Feature order (1-4 for n-grams, 5 for words).</param>
internal readonly record struct FeatureSlot(int Start, int Count, int Order)
{
    public const int MaximumCount = 15;
    public const int MaximumStart = (1 << 25) - 1;
}

/// <summary>
/// Open-addressing hash table from a feature hash (see <see cref="NgramScanner.Hash"/>) to its <see cref="FeatureSlot"/>:
/// linear probing, load factor at most one half, 8-byte entries (32-bit fingerprint, packed slot) to keep the table cache-friendly.
/// </summary>
internal sealed class NgramTable
{
    private readonly ulong[] entries;

    // One bit per entry, set when occupied: most absent features have an empty home entry, and this bitset
    // (1/64 of the table, small enough for L2) rejects them without touching the table.
    private readonly ulong[] occupied;
    private readonly int shift;

    public NgramTable(ReadOnlySpan<ulong> hashes, ReadOnlySpan<FeatureSlot> slots)
    {
        int bits = 4;
        while ((1 << bits) < hashes.Length * 2)
        {
            bits++;
        }

        entries = new ulong[1 << bits];
        occupied = new ulong[Math.Max(1, entries.Length / 64)];
        shift = 64 - bits;
        for (int i = 0; i < hashes.Length; i++)
        {
            FeatureSlot slot = slots[i];
            if (slot.Start > FeatureSlot.MaximumStart || slot.Count > FeatureSlot.MaximumCount || (uint)slot.Order > 7)
            {
                throw new InvalidDataException($"Feature slot {slot} does not fit the table.");
            }

            uint fingerprint = FingerprintOf(hashes[i]);
            int index = IndexOf(hashes[i]);
            while (entries[index] != 0 && (uint)(entries[index] >> 32) != fingerprint)
            {
                index = (index + 1) & (entries.Length - 1);
            }

            // A collision of two kept features (same fingerprint on the same probe chain) is vanishingly rare; the first one wins.
            if (entries[index] == 0)
            {
                uint packed = ((uint)slot.Start << 7) | ((uint)slot.Count << 3) | (uint)slot.Order;
                entries[index] = ((ulong)fingerprint << 32) | packed;
                occupied[index >> 6] |= 1UL << index;
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool TryGet(ulong hash, out FeatureSlot slot)
    {
        uint fingerprint = FingerprintOf(hash);
        int mask = entries.Length - 1;
        int index = IndexOf(hash);
        if ((occupied[index >> 6] & (1UL << index)) == 0)
        {
            slot = default;
            return false;
        }

        while (true)
        {
            ulong entry = entries[index];
            if ((uint)(entry >> 32) == fingerprint)
            {
                uint packed = (uint)entry;
                slot = new FeatureSlot((int)(packed >> 7), (int)((packed >> 3) & 0xF), (int)(packed & 0x7));
                Debug.Assert(slot.Order > 0, "Occupied entries have an order of 1-6.");
                return true;
            }

            if (entry == 0)
            {
                slot = default;
                return false;
            }

            index = (index + 1) & mask;
        }
    }

    // Fingerprint 0 marks an empty entry, so it is never used for a feature.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint FingerprintOf(ulong hash) => Math.Max(1u, (uint)(hash >> 32));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int IndexOf(ulong hash) => (int)((hash * 0x9E3779B97F4A7C15UL) >> shift);
}
