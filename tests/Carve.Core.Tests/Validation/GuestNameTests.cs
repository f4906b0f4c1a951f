using Carve.Core.Errors;
using Carve.Core.Validation;

namespace Carve.Core.Tests.Validation;

public sealed class GuestNameTests
{
    [Theory]
    [InlineData("web")]
    [InlineData("a")]
    [InlineData("9lives")]
    [InlineData("db-01")]
    [InlineData("a-")]
    public void Accepts_lowercase_letters_digits_and_dashes(string name) =>
        Assert.Equal(name, Names.Guest(name));

    [Fact]
    public void Accepts_63_characters_the_longest_allowed() =>
        Assert.Equal(63, Names.Guest(new string('a', 63)).Length);

    [Theory]
    [InlineData("A")]
    [InlineData("Web")]
    [InlineData("-web")]
    [InlineData("a,b")]
    [InlineData("x\ny")]
    [InlineData("a b")]
    [InlineData("a_b")]
    [InlineData("a.b")]
    [InlineData("")]
    public void Refuses_names_outside_the_pattern(string name)
    {
        var e = Assert.Throws<BadRequestException>(() => Names.Guest(name));
        Assert.Equal(400, e.Status);
        Assert.Contains("Invalid guest name", e.Message);
    }

    [Fact]
    public void Refuses_null() => Assert.Throws<BadRequestException>(() => Names.Guest(null));

    [Fact]
    public void Refuses_64_characters() =>
        Assert.Throws<BadRequestException>(() => Names.Guest(new string('a', 64)));

    [Theory]
    [InlineData("123")]
    [InlineData("0")]
    public void Refuses_digits_only_since_numbers_name_guests_by_id(string name)
    {
        var e = Assert.Throws<BadRequestException>(() => Names.Guest(name));
        Assert.Contains("only digits", e.Message);
    }

    // .NET's '$' also matches before a final '\n', so a pattern ending in '$' lets "web\n" through.
    [Theory]
    [InlineData("web\n")]
    [InlineData("123\n")]
    public void Refuses_a_trailing_newline(string name) =>
        Assert.Throws<BadRequestException>(() => Names.Guest(name));

    [Fact]
    public void The_error_shows_control_characters_as_question_marks()
    {
        var e = Assert.Throws<BadRequestException>(() => Names.Guest("x\ny"));
        Assert.DoesNotContain("\n", e.Message);
        Assert.Contains("x?y", e.Message);
    }

    [Fact]
    public void Token_names_refuse_a_trailing_newline() =>
        Assert.Throws<BadRequestException>(() => Names.Token("ci\n"));
}
