namespace Veille.Model;

/// <summary>What a token is made of.</summary>
public enum TokenKind : byte
{
    Word,
    Number,
    Punctuation,
    Symbol,
    Url,
    Email,
}

/// <summary>A token: a span of the cleaned text; it stores no string (use <see cref="Document.TextOf(Token)"/>).</summary>
/// <param name="Span">Characters of the token in <see cref="Document.Text"/>.</param>
/// <param name="Kind">The token's kind.</param>
/// <param name="SpaceAfter">True when whitespace follows the token, so the text can be rebuilt from tokens.</param>
public readonly record struct Token(TextSpan Span, TokenKind Kind, bool SpaceAfter);

/// <summary>A sentence: a range of tokens and the characters they cover.</summary>
public readonly record struct Sentence(TokenRange Tokens, TextSpan Span);
