using System.Text;

namespace Veille.Text;

/// <summary>Unicode normalisation shared by ids and cleaning.</summary>
public static class TextNormalizer
{
    /// <summary>The form hashed for document ids: NFC, line endings unified, runs of whitespace collapsed to one space, trimmed.</summary>
    public static string ForIdentity(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        string composed = text.IsNormalized(NormalizationForm.FormC) ? text : text.Normalize(NormalizationForm.FormC);
        var builder = new StringBuilder(composed.Length);
        bool pendingSpace = false;
        foreach (char c in composed)
        {
            if (char.IsWhiteSpace(c))
            {
                pendingSpace = builder.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }

            builder.Append(c);
        }

        return builder.ToString();
    }

    /// <summary>True for characters that are horizontal whitespace (space, tab, no-break spaces), not line breaks.</summary>
    public static bool IsHorizontalSpace(char c) => c is ' ' or '\t' or '\u00A0' or '\u202F' or '\u2007' or '\u2009' or '\u200A' or '\u2002' or '\u2003' or '\u3000' or '\f' or '\v';
}
