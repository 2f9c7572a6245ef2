using System.Text;

namespace Veille.Text;

/// <summary>Turns the bytes of a text input into a string: UTF-8 (with or without BOM), UTF-16 with BOM, else Windows-1252.</summary>
public static class TextDecoder
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    static TextDecoder() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>Decodes <paramref name="bytes"/>; fails with a reason when they are not text (NUL bytes or many control characters).</summary>
    public static DecodeResult Decode(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith([(byte)0xEF, (byte)0xBB, (byte)0xBF]))
        {
            return Check(Lenient(Encoding.UTF8, bytes[3..]), "utf-8-bom", guessed: false);
        }

        if (bytes.StartsWith([(byte)0xFF, (byte)0xFE]))
        {
            return Check(Encoding.Unicode.GetString(bytes[2..]), "utf-16le", guessed: false);
        }

        if (bytes.StartsWith([(byte)0xFE, (byte)0xFF]))
        {
            return Check(Encoding.BigEndianUnicode.GetString(bytes[2..]), "utf-16be", guessed: false);
        }

        if (LooksBinary(bytes))
        {
            return DecodeResult.NotText("binary content (NUL or control bytes)");
        }

        try
        {
            return Check(StrictUtf8.GetString(bytes), "utf-8", guessed: false);
        }
        catch (DecoderFallbackException)
        {
            return Check(Encoding.GetEncoding(1252).GetString(bytes), "windows-1252", guessed: true);
        }
    }

    private static string Lenient(Encoding encoding, ReadOnlySpan<byte> bytes) => encoding.GetString(bytes);

    private static DecodeResult Check(string text, string encoding, bool guessed)
    {
        int controls = 0;
        int sample = Math.Min(text.Length, 65536);
        for (int i = 0; i < sample; i++)
        {
            char c = text[i];
            if (char.IsControl(c) && c is not '\n' and not '\r' and not '\t' and not '\f')
            {
                controls++;
            }
        }

        return controls > Math.Max(8, sample / 100)
            ? DecodeResult.NotText($"binary content ({controls} control characters in the first {sample} characters)")
            : new DecodeResult(text, encoding, guessed, null);
    }

    private static bool LooksBinary(ReadOnlySpan<byte> bytes)
    {
        ReadOnlySpan<byte> head = bytes[..Math.Min(bytes.Length, 8192)];
        return head.IndexOf((byte)0) >= 0;
    }
}

/// <summary>The decoded text and the encoding used, or the reason the bytes are not text.</summary>
/// <param name="Text">The text, null when <paramref name="Error"/> is set.</param>
/// <param name="Encoding">"utf-8", "utf-8-bom", "utf-16le", "utf-16be" or "windows-1252".</param>
/// <param name="Guessed">True when the encoding was guessed (Windows-1252 fallback): the caller should warn.</param>
/// <param name="Error">Why the bytes are not text.</param>
public sealed record DecodeResult(string? Text, string? Encoding, bool Guessed, string? Error)
{
    internal static DecodeResult NotText(string reason) => new(null, null, false, reason);
}
