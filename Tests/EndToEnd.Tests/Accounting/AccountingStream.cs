using System.Diagnostics;
using StackExchange.Redis;

namespace Orleans.Radius.EndToEnd.Tests.Accounting;

/// <summary>The Valkey stream the silos export accounting records to, read the way a billing consumer would (XRANGE).</summary>
internal sealed class AccountingStream(IDatabase database, string key = "radius:accounting")
{
    /// <summary>Every entry, oldest first, as field → value.</summary>
    public async Task<IReadOnlyList<IReadOnlyDictionary<string, string>>> ReadAllAsync()
    {
        var entries = await database.StreamRangeAsync(key);
        return [.. entries.Select(entry => (IReadOnlyDictionary<string, string>)entry.Values.ToDictionary(field => field.Name.ToString(), field => field.Value.ToString()))];
    }

    /// <summary>The entries of one Acct-Session-Id, oldest first.</summary>
    public async Task<IReadOnlyList<IReadOnlyDictionary<string, string>>> SessionAsync(string sessionId) =>
        [.. (await ReadAllAsync()).Where(entry => entry["session_id"] == sessionId)];

    /// <summary>Polls until the session's entries satisfy <paramref name="done"/>; returns them, or fails naming what was there.</summary>
    public async Task<IReadOnlyList<IReadOnlyDictionary<string, string>>> WaitForSessionAsync(
        string sessionId, Func<IReadOnlyList<IReadOnlyDictionary<string, string>>, bool> done, TimeSpan timeout)
    {
        var stopwatch = Stopwatch.StartNew();
        while (true)
        {
            var entries = await SessionAsync(sessionId);
            if (done(entries))
            {
                return entries;
            }

            Assert.True(stopwatch.Elapsed < timeout, $"session {sessionId} not as expected after {timeout}; stream has:\n{Describe(entries)}");
            await Task.Delay(100);
        }
    }

    public static string Describe(IEnumerable<IReadOnlyDictionary<string, string>> entries) =>
        string.Join("\n", entries.Select(entry => string.Join(" ", entry.Select(field => $"{field.Key}={field.Value}"))));
}
