using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Carve.Core.Auth;

/// <summary>
/// Random secrets and their stored forms. Passwords use .NET's own PBKDF2-HMAC-SHA256: it needs no native library
/// beyond the OpenSSL the runtime already loads, works under Native AOT and is FIPS-approved, where Argon2 or scrypt
/// would add a package with native code. The cost is OWASP's figure for PBKDF2-HMAC-SHA256 (600,000 iterations);
/// the count is stored in each hash, so hashes made with an older count (210,000) still verify, and a login upgrades them.
/// </summary>
public static class Secrets
{
    public const int PasswordIterations = 600_000;
    private const string Scheme = "pbkdf2-sha256";

    /// <summary>A hash to check unknown users against, so their answer costs as much as a known user's.</summary>
    private static readonly Lazy<string> DummyHash = new(() => HashPassword("not a password"));

    public static string NewToken(string prefix) =>
        prefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>Tokens are long and random, so a plain SHA-256 is enough to store them safely.</summary>
    public static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    /// <summary>Passwords are chosen by people: a slow salted hash.</summary>
    public static string HashPassword(string password) => HashPassword(password, PasswordIterations);

    public static string HashPassword(string password, int iterations)
    {
        var salt = RandomNumberGenerator.GetBytes(16);
        var hash = Rfc2898DeriveBytes.Pbkdf2(password, salt, iterations, HashAlgorithmName.SHA256, 32);
        return $"{Scheme}${iterations.ToString(CultureInfo.InvariantCulture)}${Convert.ToBase64String(salt)}${Convert.ToBase64String(hash)}";
    }

    public static bool VerifyPassword(string password, string stored)
    {
        var parts = stored.Split('$');
        if (parts.Length != 4 || parts[0] != Scheme || !int.TryParse(parts[1], CultureInfo.InvariantCulture, out var iterations))
            return false;
        var salt = Convert.FromBase64String(parts[2]);
        var expected = Convert.FromBase64String(parts[3]);
        var actual = Rfc2898DeriveBytes.Pbkdf2(password, salt, iterations, HashAlgorithmName.SHA256, expected.Length);
        return CryptographicOperations.FixedTimeEquals(actual, expected);
    }

    /// <summary>Spends the time of one password check, for a user that does not exist.</summary>
    public static void VerifyNothing(string password) => VerifyPassword(password, DummyHash.Value);

    /// <summary>True for a hash made with fewer iterations than today's: worth redoing once the password is known.</summary>
    public static bool IsWeakerThanCurrent(string stored)
    {
        var parts = stored.Split('$');
        return parts.Length != 4 || !int.TryParse(parts[1], CultureInfo.InvariantCulture, out var iterations) || iterations < PasswordIterations;
    }
}
