using System.Text;
using Carve.Core.Auth;
using OtpNet;

namespace Carve.Core.Tests.Auth;

public sealed class TotpCodesTests
{
    /// <summary>RFC 6238 appendix B's SHA-1 secret, "12345678901234567890".</summary>
    private static readonly string RfcSecret = Base32Encoding.ToString(Encoding.ASCII.GetBytes("12345678901234567890"));

    [Theory]
    // RFC 6238 appendix B: 94287082 at 59 s, 07081804 at 1111111109 s, 14050471 at 1111111111 s (the last six digits).
    [InlineData(59, "287082", 1)]
    [InlineData(1111111109, "081804", 37037036)]
    [InlineData(1111111111, "050471", 37037037)]
    public void The_rfc_test_vectors_match_at_their_time_step(long unixSeconds, string code, long step)
    {
        Assert.Equal(step, TotpCodes.MatchingStep(RfcSecret, code, DateTimeOffset.FromUnixTimeSeconds(unixSeconds)));
    }

    [Fact]
    public void A_code_of_the_step_before_or_after_is_accepted_and_two_steps_away_is_not()
    {
        var at = DateTimeOffset.FromUnixTimeSeconds(1111111111);
        Assert.Equal(37037037, TotpCodes.MatchingStep(RfcSecret, "050471", at.AddSeconds(30)));
        Assert.Equal(37037037, TotpCodes.MatchingStep(RfcSecret, "050471", at.AddSeconds(-30)));
        Assert.Null(TotpCodes.MatchingStep(RfcSecret, "050471", at.AddSeconds(65)));
        Assert.Null(TotpCodes.MatchingStep(RfcSecret, "050471", at.AddSeconds(-65)));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("28708")]
    [InlineData("2870820")]
    [InlineData("28708a")]
    [InlineData(" 287082")]
    [InlineData("２８７０８２")]
    [InlineData("287083")]
    public void Missing_malformed_and_wrong_codes_match_no_step(string? code)
    {
        Assert.Null(TotpCodes.MatchingStep(RfcSecret, code, DateTimeOffset.FromUnixTimeSeconds(59)));
    }

    [Fact]
    public void A_new_secret_is_160_random_bits_and_its_uri_names_carve_and_the_user()
    {
        var secret = TotpCodes.NewSecret();
        Assert.Equal(20, Base32Encoding.ToBytes(secret).Length);
        Assert.NotEqual(secret, TotpCodes.NewSecret());
        var uri = new Uri(TotpCodes.Uri("alice", secret));
        Assert.Equal(("otpauth", "totp"), (uri.Scheme, uri.Host));
        Assert.Equal("/Carve:alice", Uri.UnescapeDataString(uri.AbsolutePath));
        Assert.Contains($"secret={secret}", uri.Query, StringComparison.Ordinal);
        Assert.Contains("issuer=Carve", uri.Query, StringComparison.Ordinal);
    }
}
