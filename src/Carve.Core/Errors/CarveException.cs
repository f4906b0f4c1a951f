namespace Carve.Core.Errors;

/// <summary>An error meant for the user: its message is one clear sentence, its status the HTTP status to answer with.</summary>
public class CarveException(int status, string message, Exception? inner = null) : Exception(message, inner)
{
    public int Status { get; } = status;

    /// <summary>The problem's type URI, for the few errors a client acts on by kind; null is "about:blank".</summary>
    public virtual string? ProblemType => null;
}
