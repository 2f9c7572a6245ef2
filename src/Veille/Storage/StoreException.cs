using Veille.Pipeline;

namespace Veille.Storage;

/// <summary>A store cannot be opened or used (for example its schema is newer than this version of Veille); <see cref="Code"/> is a stable error code.</summary>
public sealed class StoreException : Exception
{
    /// <summary>Creates the exception with <see cref="ErrorCodes.StoreFailure"/>.</summary>
    public StoreException(string message, Exception? innerException = null)
        : this(ErrorCodes.StoreFailure, message, innerException)
    {
    }

    /// <summary>Creates the exception with a specific code from <see cref="ErrorCodes"/>.</summary>
    public StoreException(string code, string message, Exception? innerException = null)
        : base($"{code}: {message}", innerException)
    {
        Code = code;
    }

    /// <summary>The stable error code, one of <see cref="ErrorCodes"/>.</summary>
    public string Code { get; }
}
