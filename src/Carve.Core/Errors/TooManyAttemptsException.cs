namespace Carve.Core.Errors;

/// <summary>Too many failed logins: 429, with how long the caller must wait (the answer's Retry-After).</summary>
public sealed class TooManyAttemptsException(string message, TimeSpan retryAfter) : CarveException(429, message)
{
    public TimeSpan RetryAfter { get; } = retryAfter;
}
