using Veille.Pipeline;

namespace Veille.Storage;

/// <summary>A search query cannot be parsed; the message says where and is meant to be shown to the user as is.</summary>
public sealed class InvalidSearchQueryException : Exception
{
    /// <summary>Creates the exception for <paramref name="query"/> with <see cref="ErrorCodes.InvalidQuery"/>.</summary>
    public InvalidSearchQueryException(string query, string reason, Exception? innerException = null)
        : base($"{ErrorCodes.InvalidQuery}: invalid query \"{query}\": {reason}", innerException)
    {
        Query = query;
    }

    /// <summary>The query text as given.</summary>
    public string Query { get; }

    /// <summary>The stable error code, <see cref="ErrorCodes.InvalidQuery"/>.</summary>
    public string Code { get; } = ErrorCodes.InvalidQuery;
}
