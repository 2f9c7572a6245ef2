namespace Veille.Stages.Entities.Recognition;

/// <summary>A tokenised sentence with one BIO tag per token ("O", "B-PER", "I-ORG"…); used for training and evaluation.</summary>
/// <param name="Tokens">Token texts.</param>
/// <param name="Tags">BIO tags, as many as tokens.</param>
public sealed record NerSentence(string[] Tokens, string[] Tags);
