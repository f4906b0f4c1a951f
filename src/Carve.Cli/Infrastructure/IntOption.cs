using System.CommandLine;
using System.Globalization;

namespace Carve.Cli.Infrastructure;

/// <summary>An optional whole-number option whose parse error is a sentence, not a CLR type name.</summary>
internal static class IntOption
{
    public static Option<int?> Create(string name, string description, string helpName) => new(name)
    {
        Description = description,
        HelpName = helpName,
        CustomParser = result =>
        {
            if (result.Tokens.Count == 0)
                return null;
            var text = result.Tokens[^1].Value;
            if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value))
                return value;
            result.AddError($"{name} needs a whole number, not '{text}'.");
            return null;
        },
    };
}
