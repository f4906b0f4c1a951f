using System.Text.RegularExpressions;
using OtpNet;

namespace Carve.Core.Auth;

/// <summary>
/// RFC 6238 one-time codes as every authenticator app reads them from an otpauth:// URI: SHA-1, 6 digits, 30 s
/// steps, a 160-bit secret. A code of the step before or after now is accepted too, for clocks a little apart.
/// </summary>
public static partial class TotpCodes
{
    public const string Issuer = "Carve";
    private const int SecretBytes = 20;

    public static string NewSecret() => Base32Encoding.ToString(KeyGeneration.GenerateRandomKey(SecretBytes));

    /// <summary>otpauth://totp/Carve:NAME?secret=...&amp;issuer=Carve: the label and issuer name this host's Carve.</summary>
    public static string Uri(string user, string secret) => new OtpUri(OtpType.Totp, secret, user, Issuer).ToString();

    /// <summary>The time step the code belongs to (now, one before or one after), or null for a wrong or malformed code.</summary>
    public static long? MatchingStep(string secret, string? code, DateTimeOffset now)
    {
        if (code is null || !SixDigits().IsMatch(code))
            return null;
        var totp = new Totp(Base32Encoding.ToBytes(secret));
        return totp.VerifyTotp(now.UtcDateTime, code, out var step, VerificationWindow.RfcSpecifiedNetworkDelay) ? step : null;
    }

    [GeneratedRegex("^[0-9]{6}$")]
    private static partial Regex SixDigits();
}
