using Carve.Core.Tasks;
using Carve.Daemon;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

Carve.Core.Configuration.CarveOptions options;
try
{
    options = DaemonArguments.Parse(args);
    ListenAddress.Parse(options.Listen);
    Carve.Core.Resources.HostReservation.From(options, Environment.ProcessorCount, new Carve.Host.Proc.ProcFs().ReadMemory().Total);
}
catch (Exception e) when (e is ArgumentException or InvalidDataException)
{
    Console.Error.WriteLine(e.Message);
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
catch (IOException e)
{
    // Most often: the port or socket is taken by another daemon.
    Console.Error.WriteLine($"carved cannot start: {e.Message}");
    return 1;
}
await using var _ = app;
Console.WriteLine($"carved is ready: unix socket {options.SocketPath}" + (options.Listen == "none" ? "" : $", https://{options.Listen}/"));
await app.WaitForShutdownAsync();
// Guests keep running: they are not our children. Only our own tasks stop.
app.Services.GetRequiredService<TaskRunner>().CancelAll();
return 0;
