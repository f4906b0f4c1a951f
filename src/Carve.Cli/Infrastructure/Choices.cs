using System.CommandLine;

namespace Carve.Cli.Infrastructure;

/// <summary>Restricts an option to a few words, with a one-line error (the built-in one spans several lines); shells complete them.</summary>
internal static class Choices
{
    public static Option<string> Restrict(Option<string> option, params string[] allowed)
    {
        option.CompletionSources.Add(allowed);
        option.Validators.Add(result =>
        {
            var value = result.GetValueOrDefault<string>();
            if (value is not null && !allowed.Contains(value))
                result.AddError($"{option.Name} must be one of {string.Join(", ", allowed)}, not '{value}'.");
        });
        return option;
    }
}
