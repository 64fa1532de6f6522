using Orleans.Radius.Tests.Support;

namespace Orleans.Radius.Protocol.Tests.Interop;

/// <summary>
/// Runs Debian's FreeRADIUS client tools against a responder. A missing tool fails the test naming the
/// package; every run has a deadline, and radclient sends once and waits 2 s, so a silent server cannot hang a test.
/// </summary>
internal static class RadClient
{
    private const string Package = "freeradius-utils";

    // radtest cannot shorten radclient's defaults (3 tries, 5 s apart), so its deadline covers them.
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    /// <summary>
    /// <c>radclient -x -r 1 -t 2 server command secret</c> with <paramref name="input"/> (attribute lines) on
    /// standard input.
    /// </summary>
    public static Task<ToolResult> SendAsync(string server, string command, string secret, string input) =>
        ToolRunner.RunAsync(
            ToolRunner.Require("radclient", Package),
            ["-x", "-r", "1", "-t", "2", server, command, secret],
            input,
            Deadline);

    /// <summary><c>radtest -t type user password server 0 secret 0 127.0.0.1</c> (NAS-Port 0, no PPP hint).</summary>
    public static Task<ToolResult> RadtestAsync(string type, string user, string password, string server, string secret) =>
        ToolRunner.RunAsync(
            ToolRunner.Require("radtest", Package),
            ["-t", type, user, password, server, "0", secret, "0", "127.0.0.1"],
            timeout: Deadline);
}
