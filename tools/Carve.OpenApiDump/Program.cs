using Carve.Core.Configuration;
using Carve.Daemon;
using Carve.OpenApiDump;

// Starts the real daemon code in-process on throwaway dirs (no TCP listener, no KVM probe, nothing outside them)
// and writes the OpenAPI document it serves: `write FILE` replaces FILE, `check FILE` fails when FILE differs.
if (args is not [("write" or "check") and var mode, var file])
{
    await Console.Error.WriteLineAsync("usage: Carve.OpenApiDump write|check FILE");
    return 2;
}

// The daemon's start-up lines would only be noise in the build's output.
Environment.SetEnvironmentVariable("Logging__LogLevel__Default", "Warning");
var root = Directory.CreateTempSubdirectory("carve-openapi-");
string served;
try
{
    var options = new CarveOptions
    {
        DataDir = Path.Combine(root.FullName, "data"),
        RunDir = Path.Combine(root.FullName, "run"),
        Listen = "none",
        KvmDevice = Path.Combine(root.FullName, "no-kvm"),
    };
    var app = await CarveDaemon.StartAsync(options);
    await using (app)
    {
        served = await OpenApiText.FetchAsync(options.SocketPath);
        await app.StopAsync();
    }
}
finally
{
    root.Delete(recursive: true);
}

if (mode == "write")
{
    await File.WriteAllTextAsync(file, served);
    Console.WriteLine($"Wrote {file}.");
    return 0;
}
if (File.Exists(file) && await File.ReadAllTextAsync(file) == served)
    return 0;
await Console.Error.WriteLineAsync($"{file} is not the OpenAPI document the daemon serves; regenerate it with {OpenApiText.RegenerateHint}");
return 1;
