using System.Security.Cryptography;
using System.Text;
using Veille.Text;

namespace Veille.Model;

/// <summary>Identifies a document by the hash of its normalised content (NFC, whitespace collapsed), as 16 hex digits.</summary>
public readonly record struct DocumentId(string Value)
{
    /// <summary>Hashes the content after <see cref="TextNormalizer.ForIdentity"/>, so that re-ingesting the same article gives the same id.</summary>
    public static DocumentId FromContent(string text)
    {
        string normalized = TextNormalizer.ForIdentity(text);
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(normalized), hash);
        return new DocumentId(Convert.ToHexStringLower(hash[..8]));
    }

    public override string ToString() => Value;
}

/// <summary>Identifies a story (a cluster of documents about one event).</summary>
public readonly record struct StoryId(string Value)
{
    public override string ToString() => Value;
}

/// <summary>Identifies a corpus-level entity (a person, organisation, place or other name).</summary>
public readonly record struct EntityId(string Value)
{
    public override string ToString() => Value;
}
