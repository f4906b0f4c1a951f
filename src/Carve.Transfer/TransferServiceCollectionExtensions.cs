using Carve.Contracts.Guests;
using Carve.Contracts.Transfer;
using Carve.Core.Exports;
using Carve.Core.Guests;
using Microsoft.Extensions.DependencyInjection;

namespace Carve.Transfer;

public static class TransferServiceCollectionExtensions
{
    /// <summary>Import and export of VMs (OVA, OVF, disk images) and containers (tarballs); needs AddCarveQemu and AddCarveLxc.</summary>
    public static IServiceCollection AddCarveTransfer(this IServiceCollection services)
    {
        services.AddSingleton<VmImportDisks>();
        services.AddSingleton<IGuestFactory<ImportVmRequest>, VmImportFactory>();
        services.AddSingleton<IGuestFactory<ImportCtRequest>, CtImportFactory>();
        services.AddKeyedSingleton<IGuestExporter, VmExporter>(GuestKind.Vm);
        services.AddKeyedSingleton<IGuestExporter, CtExporter>(GuestKind.Ct);
        return services;
    }
}
