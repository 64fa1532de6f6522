using System.Diagnostics;
using System.Net;
using System.Text.Json;

namespace Orleans.Radius.EndToEnd.Tests.Operations;

/// <summary>The Orleans dashboard on the silo: its page and data endpoints, behind the admin token.</summary>
[Collection(OperationsCollection.Name)]
public sealed class DashboardTests(OperationsFixture fixture)
{
    [Fact]
    public async Task The_page_and_its_data_endpoints_answer_the_admin_token_holder()
    {
        var (status, page) = await OperationsHttp.GetAsync(fixture.Silo, "/dashboard/", OperationsFixture.AdminToken);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("<title>Orleans Dashboard</title>", page, StringComparison.Ordinal);

        // Silos and grains: the dashboard samples the cluster, so its first answer may be empty.
        using var counters = await PollJsonAsync("/dashboard/DashboardCounters", root => root.GetProperty("hosts").GetArrayLength() > 0);
        var host = counters.RootElement.GetProperty("hosts")[0];
        Assert.Equal("Active", host.GetProperty("status").GetString());
        Assert.True(counters.RootElement.GetProperty("simpleGrainStats").GetArrayLength() > 0);

        var (clusterStatus, _) = await OperationsHttp.GetAsync(fixture.Silo, "/dashboard/ClusterStats", OperationsFixture.AdminToken);
        Assert.Equal(HttpStatusCode.OK, clusterStatus);

        var (remindersStatus, reminders) = await OperationsHttp.GetAsync(fixture.Silo, "/dashboard/Reminders", OperationsFixture.AdminToken);
        Assert.Equal(HttpStatusCode.OK, remindersStatus);
        using var remindersJson = JsonDocument.Parse(reminders);
        Assert.Equal(JsonValueKind.Array, remindersJson.RootElement.GetProperty("reminders").ValueKind);
    }

    [Theory]
    [InlineData("/dashboard/", null)]
    [InlineData("/dashboard/DashboardCounters", null)]
    [InlineData("/dashboard/Reminders", "wrong-admin-token-0123456789")]
    public async Task Without_the_admin_token_the_dashboard_answers_401_even_on_loopback(string path, string? bearer)
    {
        var (status, _) = await OperationsHttp.GetAsync(fixture.Silo, path, bearer);
        Assert.Equal(HttpStatusCode.Unauthorized, status);
    }

    /// <summary>
    /// Polls until <paramref name="ready"/> holds. An error answer is retried until the deadline: the fail-closed
    /// test before this one can leave a membership-table read that was queued during its Valkey outage, which
    /// fails once, up to 5 s after readiness returned, and the dashboard passes that failure on as a 500.
    /// </summary>
    private async Task<JsonDocument> PollJsonAsync(string path, Func<JsonElement, bool> ready)
    {
        var stopwatch = Stopwatch.StartNew();
        while (true)
        {
            var (status, body) = await OperationsHttp.GetAsync(fixture.Silo, path, OperationsFixture.AdminToken);
            var late = stopwatch.Elapsed > TimeSpan.FromSeconds(30);
            if (status == HttpStatusCode.OK)
            {
                var document = JsonDocument.Parse(body);
                if (ready(document.RootElement) || late)
                {
                    return document;
                }

                document.Dispose();
            }
            else
            {
                Assert.False(late, $"{path} answered {(int)status}: {body}\n{fixture.Silo.Process.Output}");
            }

            await Task.Delay(500);
        }
    }
}
