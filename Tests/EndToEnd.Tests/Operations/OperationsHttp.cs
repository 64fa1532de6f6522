using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Orleans.Radius.EndToEnd.Tests.Infrastructure;

namespace Orleans.Radius.EndToEnd.Tests.Operations;

/// <summary>GETs against a node's operations endpoints, and waiting for one of them to reach a state.</summary>
internal static class OperationsHttp
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(5) };

    public static async Task<(HttpStatusCode Status, string Body)> GetAsync(RadiusNode node, string path, string? bearer = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(node.BaseAddress, path));
        if (bearer is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        }

        using var response = await Http.SendAsync(request);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    /// <summary>The <c>status</c> field of <c>/health</c>.</summary>
    public static async Task<(HttpStatusCode Status, string Health, string Body)> HealthAsync(RadiusNode node, string? bearer = null)
    {
        var (status, body) = await GetAsync(node, "/health", bearer);
        using var document = JsonDocument.Parse(body);
        return (status, document.RootElement.GetProperty("status").GetString()!, body);
    }

    /// <summary>Polls <paramref name="path"/> until it answers <paramref name="expected"/>; fails with the last answer.</summary>
    public static async Task WaitForStatusAsync(RadiusNode node, string path, HttpStatusCode expected, TimeSpan timeout)
    {
        var stopwatch = Stopwatch.StartNew();
        var last = "no answer";
        while (stopwatch.Elapsed < timeout)
        {
            try
            {
                var (status, body) = await GetAsync(node, path);
                if (status == expected)
                {
                    return;
                }

                last = $"{(int)status} {body}";
            }
            catch (HttpRequestException exception)
            {
                last = exception.Message;
            }
            catch (TaskCanceledException)
            {
                last = "timed out";
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"{node.Name} {path} did not answer {(int)expected} within {timeout}; last: {last}");
    }

    /// <summary>Polls <c>/health</c> until its status is <paramref name="expected"/> (healthy, degraded, unhealthy).</summary>
    public static async Task WaitForHealthAsync(RadiusNode node, string expected, TimeSpan timeout)
    {
        var stopwatch = Stopwatch.StartNew();
        var last = "no answer";
        while (stopwatch.Elapsed < timeout)
        {
            try
            {
                var (_, health, body) = await HealthAsync(node, OperationsFixture.HealthToken);
                if (health == expected)
                {
                    return;
                }

                last = body;
            }
            catch (HttpRequestException exception)
            {
                last = exception.Message;
            }
            catch (TaskCanceledException)
            {
                last = "timed out";
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"{node.Name} /health did not say {expected} within {timeout}; last: {last}");
    }
}
