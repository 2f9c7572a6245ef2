namespace Veille.Pipeline;

/// <summary>Stable codes of user-facing errors; documented in docs/errors.md.</summary>
public static class ErrorCodes
{
    public const string MissingLayer = "VE0101";
    public const string LayerProducedTwice = "VE0102";
    public const string DuplicateStage = "VE0103";
    public const string UnknownStage = "VE0104";
    public const string InvalidOptions = "VE0105";

    public const string InputNotFound = "VE0201";
    public const string InputNotText = "VE0202";
    public const string InputEmpty = "VE0203";
    public const string InputTooLarge = "VE0204";
    public const string InputMalformed = "VE0205";
    public const string InputEncodingGuessed = "VE0206";
    public const string InputUnsupported = "VE0207";

    public const string DocumentNotFound = "VE0301";
    public const string StoreFailure = "VE0302";
    public const string InvalidQuery = "VE0303";
}
