using System.Text;
using Carve.Cli.Infrastructure;

namespace Carve.Cli.Terminal;

/// <summary>
/// A new password: asked twice on a terminal without echo, or read whole from stdin with --password-stdin (one final
/// newline dropped), as `docker login --password-stdin` does. Never from an argument, which `ps` would show.
/// </summary>
internal static class PasswordInput
{
    public static async Task<string> ReadNewAsync(bool fromStdin, TextWriter prompts, CancellationToken ct)
    {
        if (fromStdin)
            return FromPipe(await Console.In.ReadToEndAsync(ct));
        if (Console.IsInputRedirected)
            throw new UsageException("stdin is not a terminal: pipe the password in with --password-stdin.");
        var first = Ask(prompts, "New password: ");
        var second = Ask(prompts, "Again: ");
        return first == second ? first : throw new UsageException("The two passwords differ; nothing was changed.");
    }

    /// <summary>What a pipe gave, without the newline that `echo` or a file's last line ends with.</summary>
    public static string FromPipe(string text)
    {
        if (text.EndsWith("\r\n", StringComparison.Ordinal))
            return text[..^2];
        return text.EndsWith('\n') ? text[..^1] : text;
    }

    private static string Ask(TextWriter prompts, string prompt)
    {
        prompts.Write(prompt);
        var typed = new StringBuilder();
        while (true)
        {
            var key = Console.ReadKey(intercept: true);
            if (key.Key == ConsoleKey.Enter)
                break;
            if (key.Key == ConsoleKey.Backspace)
            {
                if (typed.Length > 0)
                    typed.Length--;
            }
            else if (!char.IsControl(key.KeyChar))
            {
                typed.Append(key.KeyChar);
            }
        }
        prompts.WriteLine();
        return typed.ToString();
    }
}
