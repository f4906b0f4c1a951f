using Carve.Contracts;

namespace Carve.Client.Errors;

/// <summary>carved answered with an error status; <see cref="Detail"/> is the problem's one sentence.</summary>
public sealed class CarveApiException : CarveException
{
    public CarveApiException(int status, string detail, ProblemView? problem = null)
        : base(detail)
    {
        Status = status;
        Detail = detail;
        Problem = problem;
    }

    /// <summary>The HTTP status code.</summary>
    public int Status { get; }

    public string Detail { get; }

    /// <summary>The problem+json body, when carved sent one.</summary>
    public ProblemView? Problem { get; }
}
