using System.Net;
using System.Net.Http.Headers;

namespace Orleans.Radius.EndToEnd.Tests.Admin;

/// <summary>With <c>Admin:Token</c> set, every admin endpoint and the OpenAPI document need it, loopback included.</summary>
[Collection(AdminCollection.Name)]
public sealed class AdminAccessTests(AdminFixture fixture)
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(10) };

    [Theory]
    [InlineData("/api/users")]
    [InlineData("/api/clients")]
    [InlineData("/api/sessions?user=x")]
    [InlineData("/api/openapi/admin.json")]
    public async Task Requests_without_the_right_token_are_refused_with_401(string path)
    {
        using var none = await Http.GetAsync(new Uri(fixture.Silo.BaseAddress, path));
        using var wrong = new HttpRequestMessage(HttpMethod.Get, new Uri(fixture.Silo.BaseAddress, path));
        wrong.Headers.Authorization = new AuthenticationHeaderValue("Bearer", AdminFixture.Token + "x");
        using var wrongAnswer = await Http.SendAsync(wrong);

        Assert.Equal(HttpStatusCode.Unauthorized, none.StatusCode);
        Assert.Equal("Bearer", Assert.Single(none.Headers.WwwAuthenticate).Scheme);
        Assert.Equal(HttpStatusCode.Unauthorized, wrongAnswer.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await fixture.Api.GetAsync(path)).Status);
    }

    [Fact]
    public async Task The_dashboard_is_not_hosted_unless_enabled()
    {
        // The token is valid: a 404, not a 401, shows the route does not exist at all.
        var (status, _) = await fixture.Api.GetAsync("/dashboard/DashboardCounters");

        Assert.Equal(HttpStatusCode.NotFound, status);
    }

    [Fact]
    public async Task The_api_is_described_by_openapi()
    {
        var (status, document) = await fixture.Api.GetAsync("/api/openapi/admin.json");

        Assert.Equal(HttpStatusCode.OK, status);
        var paths = document!["paths"]!.AsObject();
        Assert.Contains("/api/users/{userName}", paths.Select(path => path.Key));
        Assert.Contains("/api/clients/{name}", paths.Select(path => path.Key));
        Assert.Contains("/api/sessions/{nas}/{sessionId}/disconnect", paths.Select(path => path.Key));
        Assert.DoesNotContain(paths, path => path.Key.StartsWith("/health", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Health_stays_open_for_probes() =>
        Assert.Equal(HttpStatusCode.OK, (await Http.GetAsync(new Uri(fixture.Silo.BaseAddress, "/health/ready"))).StatusCode);
}
