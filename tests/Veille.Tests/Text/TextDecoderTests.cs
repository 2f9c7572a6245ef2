using System.Text;
using Veille.Model;
using Veille.Text;

namespace Veille.Tests.Text;

public sealed class TextDecoderTests
{
    private const string French = "Les États-Unis acceptent « enfin » de partir.";

    [Fact]
    public void Decode_Utf8WithoutBom()
    {
        DecodeResult result = TextDecoder.Decode(Encoding.UTF8.GetBytes(French));
        Assert.Equal((French, "utf-8", false), (result.Text, result.Encoding, result.Guessed));
    }

    [Fact]
    public void Decode_Utf8WithBom_DropsTheBom()
    {
        DecodeResult result = TextDecoder.Decode([0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(French)]);
        Assert.Equal((French, "utf-8-bom"), (result.Text, result.Encoding));
    }

    [Fact]
    public void Decode_Utf16LittleAndBigEndianWithBom()
    {
        Assert.Equal(French, TextDecoder.Decode([0xFF, 0xFE, .. Encoding.Unicode.GetBytes(French)]).Text);
        Assert.Equal(French, TextDecoder.Decode([0xFE, 0xFF, .. Encoding.BigEndianUnicode.GetBytes(French)]).Text);
    }

    [Fact]
    public void Decode_InvalidUtf8_FallsBackToWindows1252AndSaysItGuessed()
    {
        byte[] latin = [.. "caf"u8, 0xE9, .. " cr"u8, 0xE8, .. "me "u8, 0x80];
        DecodeResult result = TextDecoder.Decode(latin);
        Assert.Equal(("café crème €", "windows-1252", true), (result.Text, result.Encoding, result.Guessed));
    }

    [Fact]
    public void Decode_BinaryBytes_AreNotText()
    {
        var random = new Random(7);
        byte[] binary = new byte[4096];
        random.NextBytes(binary);
        binary[10] = 0;
        DecodeResult result = TextDecoder.Decode(binary);
        Assert.Null(result.Text);
        Assert.Contains("binary", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void DocumentId_IgnoresWhitespaceAndNormalizationDifferences()
    {
        Assert.Equal(DocumentId.FromContent("Les États-Unis  partent.\r\n"), DocumentId.FromContent(" Les E\u0301tats-Unis partent.\n"));
        Assert.NotEqual(DocumentId.FromContent("Les États-Unis partent."), DocumentId.FromContent("Les États-Unis restent."));
    }
}
