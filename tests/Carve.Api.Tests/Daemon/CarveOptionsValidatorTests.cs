using Carve.Core.Configuration;
using Carve.Daemon.Options;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Carve.Api.Tests.Daemon;

/// <summary>What carved checks in its options at start, and that the options system runs those checks.</summary>
public sealed class CarveOptionsValidatorTests
{
    private static readonly HostCapacity Host = new(Cpus: 4, MemoryBytes: 16L << 30);

    private static readonly CarveOptions Good = new() { DataDir = "/var/lib/carve", RunDir = "/run/carve" };

    private static IReadOnlyList<string> Failures(CarveOptions options)
    {
        var result = new CarveOptionsValidator(Host).Validate(Microsoft.Extensions.Options.Options.DefaultName, options);
        return result.Failed ? result.Failures.ToList() : [];
    }

    [Fact]
    public void The_embedded_defaults_are_valid() => Assert.Empty(Failures(new CarveOptions()));

    public static TheoryData<CarveOptions, string> BadOptions() => new()
    {
        { Good with { Listen = "8006" }, "--listen takes HOST:PORT" },
        { Good with { Listen = "localhost:8006" }, "not 'localhost:8006'" },
        { Good with { Listen = "0.0.0.0:70000" }, "--listen takes HOST:PORT" },
        { Good with { DataDir = "data" }, "data dir must be an absolute path" },
        { Good with { RunDir = "run" }, "run dir must be an absolute path" },
        { Good with { RunDir = "/tmp/" + new string('r', 100) }, "longer than the 107 bytes a unix socket allows" },
        { Good with { ImageRoots = ["isos"] }, "imageRoots must be absolute paths, not 'isos'" },
        { Good with { Reserved = new ReservedOptions { Memory = "16GiB" } }, "nothing would be left for guests" },
        { Good with { Reserved = new ReservedOptions { Memory = "lots" } }, "reserved.memory is not valid" },
        { Good with { Reserved = new ReservedOptions { Cpus = [4] } }, "reserves CPU 4, but the host's CPUs are 0-3" },
        { Good with { Reserved = new ReservedOptions { Cpus = [0, 1, 2, 3] } }, "reserves every CPU" },
        { Good with { Overcommit = 0.5 }, "overcommit must be between 1.0" },
        { Good with { ShutdownTimeoutSeconds = 0 }, "shutdownTimeoutSeconds must be a positive number of seconds, not 0" },
        { Good with { ConsoleLogMaxBytes = -1 }, "consoleLogMaxBytes must be a positive number of bytes, not -1" },
        { Good with { QemuBinary = " " }, "qemuBinary must name the QEMU program" },
        { Good with { QemuImg = "" }, "qemuImg must name the qemu-img program" },
        { Good with { Login = new LoginOptions { LockAfter = 0 } }, "login.lockAfter must be a positive number, not 0" },
        { Good with { Login = new LoginOptions { DelayStepMilliseconds = -5 } }, "login.delayStepMilliseconds must be a positive number, not -5" },
        { Good with { Login = new LoginOptions { SlowAfter = 20, LockAfter = 10 } }, "login.slowAfter (20) must not be more than login.lockAfter (10)" },
        { Good with { Pools = [new PoolOptions { Name = "", Path = "/p" }] }, "Pool 1 in the config has no name" },
        { Good with { Pools = [new PoolOptions { Name = "a", Type = "", Path = "/p" }] }, "Pool 'a' in the config has no type" },
        { Good with { Pools = [new PoolOptions { Name = "a", Path = "pools/a" }] }, "Pool 'a' in the config needs an absolute path, not 'pools/a'" },
        {
            Good with { Pools = [new PoolOptions { Name = "a", Path = "/a" }, new PoolOptions { Name = "a", Path = "/b" }] },
            "names the pool 'a' more than once"
        },
    };

    [Theory]
    [MemberData(nameof(BadOptions))]
    public void A_bad_setting_is_named_in_one_sentence(CarveOptions options, string expected)
    {
        var failure = Assert.Single(Failures(options));
        Assert.Contains(expected, failure, StringComparison.Ordinal);
        Assert.EndsWith(".", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_problem_is_reported_at_once()
    {
        var failures = Failures(Good with { Listen = "x", ShutdownTimeoutSeconds = -5, Reserved = new ReservedOptions { Cpus = [9] } });
        Assert.Equal(3, failures.Count);
    }

    [Fact]
    public void The_options_system_refuses_bad_options_with_the_sentences()
    {
        var e = Assert.Throws<OptionsValidationException>(() => CarveOptionsServiceCollectionExtensions.Validated(Good with { ShutdownTimeoutSeconds = 0 }));
        Assert.Contains("shutdownTimeoutSeconds", Assert.Single(e.Failures), StringComparison.Ordinal);
    }

    [Fact]
    public void Validation_runs_at_start_and_the_plain_options_forward_the_validated_ones()
    {
        using var bad = new ServiceCollection().AddCarveOptions(Good with { Listen = "nowhere" }).BuildServiceProvider();
        Assert.Throws<OptionsValidationException>(() => bad.GetRequiredService<IStartupValidator>().Validate());

        var good = Good with { ShutdownTimeoutSeconds = 5 };
        using var provider = new ServiceCollection().AddSingleton(new CarveOptions()).AddCarveOptions(good).BuildServiceProvider();
        provider.GetRequiredService<IStartupValidator>().Validate();
        Assert.Same(good, provider.GetRequiredService<IOptions<CarveOptions>>().Value);
        Assert.Same(good, provider.GetRequiredService<CarveOptions>());
    }
}
