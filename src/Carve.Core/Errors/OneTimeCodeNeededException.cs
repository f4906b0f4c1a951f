namespace Carve.Core.Errors;

/// <summary>
/// The password was right, and the user also needs a one-time code: 401 with its own problem type, so that a login
/// form can ask for the code instead of saying the password was wrong.
/// </summary>
public sealed class OneTimeCodeNeededException() : CarveException(401, "This user also needs the one-time code from its authenticator app.")
{
    public const string TypeUri = "urn:carve:problem:totp-needed";

    public override string? ProblemType => TypeUri;
}
