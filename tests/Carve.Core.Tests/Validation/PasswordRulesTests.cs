using Carve.Core.Auth;
using Carve.Core.Errors;

namespace Carve.Core.Tests.Validation;

public sealed class PasswordRulesTests
{
    [Theory]
    [InlineData("twelve chars")]
    [InlineData("ünïcødé passwörd")]
    public void Twelve_or_more_printable_characters_pass(string password) => Assert.Equal(password, PasswordRules.Check(password));

    [Theory]
    [InlineData(null, "too short")]
    [InlineData("", "too short")]
    [InlineData("elevenchars", "too short")]
    [InlineData("twelve chars\t", "control characters")]
    public void Others_are_a_400_that_says_why(string? password, string why) =>
        Assert.Contains(why, Assert.Throws<BadRequestException>(() => PasswordRules.Check(password)).Message);

    [Fact]
    public void A_password_over_the_maximum_is_too_long() =>
        Assert.Contains("too long", Assert.Throws<BadRequestException>(() => PasswordRules.Check(new string('x', PasswordRules.MaxLength + 1))).Message);
}
