using Carve.Core.Auth;
using Carve.Core.Configuration;
using Carve.Core.Consoles;
using Carve.Core.Drivers;
using Carve.Core.Guests;
using Carve.Core.Hardware;
using Carve.Core.HostInfo;
using Carve.Core.Networks;
using Carve.Core.Images;
using Carve.Core.State;
using Carve.Core.Storage;
using Carve.Core.Tasks;
using Carve.Core.Validation;
using Carve.Host.Proc;
using Carve.Host.Processes;
using Microsoft.Extensions.DependencyInjection;

namespace Carve.Core;

public static class CoreServiceCollectionExtensions
{
    /// <summary>
    /// The kind-agnostic core. Each kind of guest comes from its driver module (AddCarveQemu, AddCarveLxc), which
    /// registers its drivers, definition, factory, editor and views keyed by its kind.
    /// </summary>
    public static IServiceCollection AddCarveCore(this IServiceCollection services, CarveOptions options)
    {
        services.AddSingleton(options);
        services.AddSingleton(new Database(options.DatabasePath));
        services.AddSingleton<IProcessRunner, ProcessRunner>();
        services.AddSingleton(new ProcFs());
        services.AddSingleton(new PathGuard(options.EffectiveImageRoots));
        services.AddSingleton<GuestStore>();
        services.AddSingleton<TaskStore>();
        services.AddSingleton<TaskRunner>();
        services.AddSingleton<GuestDrivers>();
        services.AddSingleton<StoragePools>();
        services.AddSingleton<GuestLifecycle>();
        services.AddSingleton<GuestCreation>();
        services.AddSingleton<GuestEditing>();
        services.AddSingleton<Boot.HostBootId>();
        services.AddSingleton<Boot.HostPower>();
        services.AddSingleton<Boot.BootStart>();
        services.AddSingleton<Boot.GuestsOnExit>();
        services.AddSingleton<Boot.CrashWatch>();
        services.AddHostedService(sp => sp.GetRequiredService<Boot.CrashWatch>());
        services.AddSingleton<GuestQueries>();
        services.AddSingleton<GuestConsoles>();
        services.AddSingleton<HostInspector>();
        services.AddSingleton<TokenService>();
        services.AddSingleton<SessionService>();
        services.AddSingleton<UserService>();
        services.AddSingleton<TotpService>();
        services.AddSingleton<Tasks.TaskEndings>();
        services.AddSingleton<Metrics.MetricsSampler>();
        services.AddSingleton<AccountService>();
        services.AddSingleton<Audit.AuditLog>();
        services.AddSingleton<LoginThrottle>();
        services.AddSingleton<Tls.TlsCertificates>();
        services.AddSingleton<StartupRecovery>();
        services.AddCarveHardware(options);
        services.AddCarveNetworks();
        Snapshots.SnapshotServiceCollectionExtensions.AddCarveSnapshots(services);
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<ConsoleTicketService>();
        services.AddSingleton<Templates.TemplateBuilds>();
        services.AddSingleton<Exports.ExportStore>();
        services.AddSingleton<Exports.GuestExports>();
        services.AddSingleton<ImageCatalog>();
        return services;
    }
}
