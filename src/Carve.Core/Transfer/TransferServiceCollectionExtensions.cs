using Microsoft.Extensions.DependencyInjection;

namespace Carve.Core.Transfer;

public static class TransferServiceCollectionExtensions
{
    /// <summary>Import and export of VMs (OVA, OVF, disk images); needs AddCarveCore's services.</summary>
    public static IServiceCollection AddCarveTransfer(this IServiceCollection services)
    {
        services.AddSingleton<ExportStore>();
        services.AddSingleton<ImportService>();
        services.AddSingleton<ExportService>();
        // Resolved on first use only: it needs the LXC driver's ICtArchiver and ITemplateStore.
        services.AddSingleton<CtTransferService>();
        return services;
    }
}
