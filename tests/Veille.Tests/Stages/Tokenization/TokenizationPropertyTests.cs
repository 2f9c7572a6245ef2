using System.Collections.Immutable;
using System.Text;
using FsCheck.Xunit;
using Veille.Model;
using Veille.Stages.Tokenization;

namespace Veille.Tests.Stages.Tokenization;

public sealed class TokenizationPropertyTests
{
    // Characters the rules react to, so random strings exercise them far more often than uniform UTF-16 would.
    private const string Palette = "aZé1 0.,;:!?…'’-‐«»\"()[]@/%°\n\u00A0\u202F\tlwhtps";

    [Property(MaxTest = 500)]
    public bool Tokenization_HoldsInvariantsOnArbitraryStrings(string? text) => Check(text ?? string.Empty);

    [Property(MaxTest = 2000)]
    public bool Tokenization_HoldsInvariantsOnRuleHeavyStrings(int[]? codes) => Check(FromCodes(codes));

    [Property(MaxTest = 500)]
    public bool Tokenization_HoldsInvariantsOnArbitraryUtf16(char[]? chars) => Check(new string(chars ?? []));

    private static string FromCodes(int[]? codes)
    {
        var builder = new StringBuilder();
        foreach (int code in codes ?? [])
        {
            int value = code & 0x7FFFFFFF;
            // Mostly palette characters, sometimes any UTF-16 unit (lone surrogates included), sometimes a URL prefix.
            switch (value % 10)
            {
                case 0:
                    builder.Append((char)(value % 0x10000));
                    break;
                case 1:
                    builder.Append(value % 3 == 0 ? "https://" : value % 3 == 1 ? "www." : "M. ");
                    break;
                default:
                    builder.Append(Palette[value % Palette.Length]);
                    break;
            }
        }

        return builder.ToString();
    }

    private static bool Check(string text)
    {
        ImmutableArray<Token> tokens = TokenScanner.Scan(text);
        TokenizationInvariants.AssertTokens(text, tokens);
        Assert.Equal(text, TokenText.Rebuild(text, tokens));
        ImmutableArray<Sentence> sentences = SentenceSplitter.Split(text, tokens);
        TokenizationInvariants.AssertPartition(tokens, sentences);
        return true;
    }
}
