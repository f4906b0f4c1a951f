using Carve.Core.Configuration;
using Carve.Core.Errors;
using Carve.Core.Tasks;
using Carve.Daemon;
using Carve.Daemon.Options;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

CarveOptions options;
try
{
    options = CarveOptionsServiceCollectionExtensions.Validated(DaemonArguments.Parse(args));
}
catch (Exception e) when (e is ArgumentException or InvalidDataException)
{
    Console.Error.WriteLine(e.Message);
    return 2;
}
catch (OptionsValidationException e)
{
    Console.Error.WriteLine(string.Join(Environment.NewLine, e.Failures));
    return 2;
}

if (Environment.UserName != "root" && Environment.GetEnvironmentVariable("CARVE_ALLOW_NON_ROOT") != "1")
{
    Console.Error.WriteLine("carved must run as root: it starts VMs, owns /var/lib/carve and manages host devices.");
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
    Console.Error.WriteLine($"carved cannot start: {e.Message}");
    return 1;
}
await using var _ = app;
Console.WriteLine($"carved is ready: unix socket {options.SocketPath}" + (options.Listen == "none" ? "" : $", https://{options.Listen}/"));
await app.WaitForShutdownAsync();
// Guests keep running: they are not our children. Only our own tasks stop.
app.Services.GetRequiredService<TaskRunner>().CancelAll();
return 0;
