using Orleans.Radius.Tests.Support;

namespace Orleans.Radius.EndToEnd.Tests.Infrastructure;

/// <summary>
/// FreeRADIUS's radclient and radtest against a gateway. radclient sends once and waits 2 s, so a silent
/// server costs a test 2 s, never a hang; radtest keeps radclient's default retries, so it gets a longer deadline.
/// </summary>
internal static class Radclient
{
    private const string Package = "freeradius-utils";

    /// <summary><c>radclient -x -r 1 -t 2 server command secret</c> with attribute lines on standard input.</summary>
    public static Task<ToolResult> SendAsync(string server, string command, string input, string secret = ClusterConfigFile.Secret) =>
        ToolRunner.RunAsync(
            ToolRunner.Require("radclient", Package),
            ["-x", "-r", "1", "-t", "2", server, command, secret],
            input,
            TimeSpan.FromSeconds(20));

    /// <summary><c>radtest -t type user password server 0 secret 0 127.0.0.1</c>.</summary>
    public static Task<ToolResult> RadtestAsync(string type, string user, string password, string server, string secret = ClusterConfigFile.Secret) =>
        ToolRunner.RunAsync(
            ToolRunner.Require("radtest", Package),
            ["-t", type, user, password, server, "0", secret, "0", "127.0.0.1"],
            timeout: TimeSpan.FromSeconds(40));

    /// <summary>The attribute lines radclient printed under each "Received …" header, one list per reply, header first.</summary>
    public static IReadOnlyList<IReadOnlyList<string>> Replies(string standardOutput) => RadclientReplies.Parse(standardOutput);

    /// <summary>The only reply radclient received; fails with everything radclient printed otherwise.</summary>
    public static IReadOnlyList<string> SingleReply(ToolResult result)
    {
        var replies = Replies(result.StandardOutput);
        Assert.True(replies.Count == 1, $"expected one reply, radclient printed:\n{result.Output}");
        return replies[0];
    }

    /// <summary>The printed value of <paramref name="attribute"/> ("0x…" for octets, quoted for text).</summary>
    public static string Value(IReadOnlyList<string> reply, string attribute)
    {
        var prefix = attribute + " = ";
        var line = Assert.Single(reply, l => l.StartsWith(prefix, StringComparison.Ordinal));
        return line[prefix.Length..];
    }

    /// <summary>Asserts radclient saw no reply at all (it retried once and gave up).</summary>
    public static void AssertNoReply(ToolResult result)
    {
        Assert.True(result.ExitCode != 0, result.Output);
        Assert.Empty(Replies(result.StandardOutput));
        Assert.Contains("No reply from server", result.Output, StringComparison.Ordinal);
    }
}
