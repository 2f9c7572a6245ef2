using FsCheck.Xunit;
using Veille.Stages.Entities.Recognition;

namespace Veille.Tests.Stages.Entities.Recognition;

public sealed class BioViterbiTests
{
    private const int T = NerTagSet.Count;

    [Property(MaxTest = 500)]
    public bool Decode_AlwaysReturnsWellFormedBio(float[]? values, int seed)
    {
        int n = ((values?.Length ?? 0) / T) + 1;
        var random = new Random(seed);
        var emissions = new float[n * T];
        for (int i = 0; i < emissions.Length; i++)
        {
            emissions[i] = values is { Length: > 0 } && i < values.Length && float.IsFinite(values[i]) ? values[i] % 1000 : (float)(random.NextDouble() * 10) - 5;
        }

        var transitions = new float[(T + 1) * T];
        for (int i = 0; i < transitions.Length; i++)
        {
            transitions[i] = (float)(random.NextDouble() * 4) - 2;
        }

        var tags = new int[n];
        BioViterbi.Decode(emissions, transitions, n, tags, new float[n * T], new int[n * T]);
        for (int i = 0; i < n; i++)
        {
            if (!NerTagSet.IsAllowed(i == 0 ? -1 : tags[i - 1], tags[i]))
            {
                return false;
            }
        }

        return true;
    }

    [Fact]
    public void Decode_PrefersBeginWhenInsideIsForbidden()
    {
        var emissions = new float[T];
        emissions[NerTagSet.IndexOf("I-PER")] = 10;
        emissions[NerTagSet.IndexOf("B-PER")] = 5;
        var tags = new int[1];

        BioViterbi.Decode(emissions, new float[(T + 1) * T], 1, tags, new float[T], new int[T]);

        Assert.Equal(NerTagSet.IndexOf("B-PER"), tags[0]);
    }
}
