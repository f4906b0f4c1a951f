using Carve.Api;
using Carve.Api.OpenApi;
using Carve.Core.Configuration;
using Carve.Daemon;
using Carve.OpenApiDump;

// Starts the real daemon code in-process on throwaway dirs (no TCP listener, no KVM probe, nothing outside them)
// with the OpenAPI generator added, and writes the document it generates: `write FILE` replaces FILE, `check FILE` fails
// when FILE differs. carved serves that file as compiled in (Carve.Api's OpenApiDocumentEndpoint).
if (args is not [("write" or "check") and var mode, var file])
{
    await Console.Error.WriteLineAsync("usage: Carve.OpenApiDump write|check FILE");
    return 2;
}

// The daemon's start-up lines would only be noise in the build's output.
Environment.SetEnvironmentVariable("Logging__LogLevel__Default", "Warning");
var root = Directory.CreateTempSubdirectory("carve-openapi-");
string generated;
try
{
    var options = new CarveOptions
    {
        DataDir = Path.Combine(root.FullName, "data"),
        RunDir = Path.Combine(root.FullName, "run"),
        Listen = "none",
        KvmDevice = Path.Combine(root.FullName, "no-kvm"),
    };
    var app = await CarveDaemon.StartAsync(
        options,
        extraServices: services => services.AddCarveOpenApiGenerator(),
        extraEndpoints: endpoints => endpoints.MapCarveOpenApiGenerator());
    await using (app)
    {
        generated = await OpenApiText.FetchAsync(options.SocketPath, OpenApiDocumentEndpoint.GeneratedPath);
        await app.StopAsync();
    }
}
finally
{
    root.Delete(recursive: true);
}

if (mode == "write")
{
    await File.WriteAllTextAsync(file, generated);
    Console.WriteLine($"Wrote {file}.");
    return 0;
}
if (File.Exists(file) && await File.ReadAllTextAsync(file) == generated)
    return 0;
await Console.Error.WriteLineAsync($"{file} is not the OpenAPI document the daemon's code generates; regenerate it with {OpenApiText.RegenerateHint}");
return 1;
