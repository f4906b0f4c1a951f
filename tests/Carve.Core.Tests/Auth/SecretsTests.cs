using Carve.Core.Auth;

namespace Carve.Core.Tests.Auth;

public sealed class SecretsTests
{
    [Fact]
    public void New_hashes_use_the_current_iteration_count()
    {
        var hash = Secrets.HashPassword("a password");
        Assert.StartsWith($"pbkdf2-sha256${Secrets.PasswordIterations}$", hash);
        Assert.True(Secrets.VerifyPassword("a password", hash));
        Assert.False(Secrets.VerifyPassword("another", hash));
        Assert.False(Secrets.IsWeakerThanCurrent(hash));
    }

    [Fact]
    public void A_hash_of_the_older_count_still_verifies_and_is_weaker()
    {
        var old = Secrets.HashPassword("a password", 210_000);
        Assert.StartsWith("pbkdf2-sha256$210000$", old);
        Assert.True(Secrets.VerifyPassword("a password", old));
        Assert.True(Secrets.IsWeakerThanCurrent(old));
    }

    [Theory]
    [InlineData("")]
    [InlineData("plain")]
    [InlineData("bcrypt$10$x$y")]
    public void A_hash_of_another_form_never_verifies(string stored) => Assert.False(Secrets.VerifyPassword("plain", stored));
}
