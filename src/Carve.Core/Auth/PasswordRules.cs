using Carve.Core.Errors;

namespace Carve.Core.Auth;

/// <summary>What a new password must be. Length is what counts (NIST SP 800-63B); no rules about character classes.</summary>
public static class PasswordRules
{
    public const int MinLength = 12;
    /// <summary>Long enough for any passphrase; short enough that hashing one costs nothing extra.</summary>
    public const int MaxLength = 1024;

    public static string Check(string? password)
    {
        if (string.IsNullOrEmpty(password) || password.Length < MinLength)
            throw new BadRequestException($"The password is too short: use at least {MinLength} characters.");
        if (password.Length > MaxLength)
            throw new BadRequestException($"The password is too long: use at most {MaxLength} characters.");
        if (password.Any(char.IsControl))
            throw new BadRequestException("The password must not contain control characters such as newlines.");
        return password;
    }
}
