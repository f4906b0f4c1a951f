using Carve.Core.Boot;
using Carve.Core.Configuration;
using Carve.Core.Errors;
using Carve.Core.Tasks;
using Carve.Daemon;
using Carve.Daemon.Options;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

var parse = DaemonArguments.Parse(args);
if (DaemonArguments.Error(parse) is { } usage)
{
    await Console.Error.WriteLineAsync(usage);
    return 2;
}
// --help (and --version) print and stop; without them there is no action and the daemon runs.
if (parse.Action is not null)
    return await parse.InvokeAsync();

CarveOptions options;
try
{
    options = CarveOptionsServiceCollectionExtensions.Validated(DaemonArguments.ToOptions(parse));
}
catch (InvalidDataException e)
{
    await Console.Error.WriteLineAsync(e.Message);
    return 2;
}
catch (OptionsValidationException e)
{
    await Console.Error.WriteLineAsync(string.Join(Environment.NewLine, e.Failures));
    return 2;
}

if (Environment.UserName != "root" && Environment.GetEnvironmentVariable("CARVE_ALLOW_NON_ROOT") != "1")
{
    await Console.Error.WriteLineAsync("carved must run as root: it starts VMs, owns /var/lib/carve and manages host devices.");
    return 1;
}

Microsoft.AspNetCore.Builder.WebApplication app;
try
{
    app = await CarveDaemon.StartAsync(options, Console.WriteLine);
}
catch (Exception e) when (e is IOException or CarveException)
{
    // Most often: the port or socket is taken by another daemon; or a pool the config names cannot be used.
    await Console.Error.WriteLineAsync($"carved cannot start: {e.Message}");
    return 1;
}
await using var _ = app;
Console.WriteLine($"carved is ready: unix socket {options.SocketPath}" + (options.Listen == "none" ? "" : $", https://{options.Listen}/"));
await app.WaitForShutdownAsync();
// Guests keep running: they are not our children. Unless the host itself goes down: then they shut down in order.
await app.Services.GetRequiredService<GuestsOnExit>().RunAsync(CancellationToken.None);
// Only our own tasks stop.
app.Services.GetRequiredService<TaskRunner>().CancelAll();
return 0;
