using System.Diagnostics;
using System.Net;
using Carve.Api.Tests.Support;
using Carve.Core.Configuration;

namespace Carve.Api.Tests;

/// <summary>Repeated failed logins over HTTPS: slowed down, then refused with 429 and Retry-After; the unix socket never is.</summary>
public sealed class LoginThrottleTests : IAsyncLifetime
{
    private static readonly LoginOptions Throttle = new()
    {
        SlowAfter = 2, DelayStepMilliseconds = 300, MaxDelayMilliseconds = 300, LockAfter = 4, WindowSeconds = 600, LockoutSeconds = 120,
    };

    private CarveServer? _server;

    private CarveServer Server => _server!;

    public async Task InitializeAsync() => _server = await CarveServer.StartOnNewDirsAsync(login: Throttle);

    public async Task DisposeAsync()
    {
        if (_server is not null)
            await _server.DisposeAsync();
    }

    private async Task<HttpResponseMessage> Login(string password) =>
        await Server.Https().PostAsync("/api/v1/auth/login", Rest.Json(new { username = "admin", password }));

    [Fact]
    public async Task Failures_slow_down_then_lock_the_user_out_even_for_the_right_password_and_the_socket_still_works()
    {
        var answered = new List<TimeSpan>();
        for (var i = 0; i < Throttle.LockAfter; i++)
        {
            var clock = Stopwatch.StartNew();
            using var wrong = await Login("not-the-password");
            answered.Add(clock.Elapsed);
            await Rest.ExpectProblem(wrong, HttpStatusCode.Unauthorized);
        }
        // The first two answer at once; the third and fourth are held back by the delay.
        Assert.All(answered.Skip(Throttle.SlowAfter), t => Assert.True(t >= TimeSpan.FromMilliseconds(280), $"answered in {t}"));

        var password = File.ReadAllText(Server.Dirs.AdminPasswordFile).Trim();
        using var locked = await Login(password);
        var detail = await Rest.ExpectProblem(locked, (HttpStatusCode)429);
        Assert.Contains("Too many failed logins", detail);
        Assert.False(locked.Headers.Contains("Set-Cookie"));
        var retryAfter = locked.Headers.RetryAfter?.Delta ?? throw new Xunit.Sdk.XunitException("no Retry-After header");
        Assert.InRange(retryAfter.TotalSeconds, 100, 120);

        // The same address is locked out for token log-in too.
        using var token = await Server.Https().PostAsync("/api/v1/auth/token-login", Rest.Json(new { token = "carve_made-up" }));
        await Rest.ExpectProblem(token, (HttpStatusCode)429);

        // Root on the host is never throttled.
        using var viaSocket = await Server.Socket.GetAsync("/api/v1/auth/whoami");
        await Rest.ExpectStatus(viaSocket, HttpStatusCode.OK);
    }
}
