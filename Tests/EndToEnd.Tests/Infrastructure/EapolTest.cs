using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Orleans.Radius.Tests.Support;

namespace Orleans.Radius.EndToEnd.Tests.Infrastructure;

/// <summary>One <c>network={…}</c> block of an eapol_test peer configuration (wpa_supplicant syntax).</summary>
/// <param name="Eap">Method: MD5, MSCHAPV2, TLS, PEAP, TTLS.</param>
/// <param name="Identity">The (outer) identity.</param>
/// <param name="Password">Password of password methods and of the inner method of PEAP/TTLS.</param>
/// <param name="AnonymousIdentity">Outer identity of PEAP/TTLS, when it differs from the inner one.</param>
/// <param name="CaCert">PEM file of the CA that signed the server certificate (TLS-based methods).</param>
/// <param name="ClientCert">PEM client certificate (EAP-TLS).</param>
/// <param name="PrivateKey">PEM key of <paramref name="ClientCert"/>.</param>
/// <param name="Phase1">e.g. <c>tls_disable_tlsv1_3=0</c>.</param>
/// <param name="Phase2">e.g. <c>auth=MSCHAPV2</c>.</param>
internal sealed record EapolNetwork(
    string Eap,
    string Identity,
    string? Password = null,
    string? AnonymousIdentity = null,
    string? CaCert = null,
    string? ClientCert = null,
    string? PrivateKey = null,
    string? Phase1 = null,
    string? Phase2 = null);

/// <summary>What eapol_test reported: its verdict, the MSK it derived, and the MS-MPPE keys the server sent.</summary>
/// <param name="ExitCode">0 = authenticated and keys matched.</param>
/// <param name="Output">Everything it printed (for failure messages).</param>
/// <param name="Succeeded">It printed SUCCESS.</param>
/// <param name="ReceivedEapFailure">The server ended with EAP-Failure (an Access-Reject), not silence.</param>
/// <param name="Msk">The peer's derived key ("Derived key" / MSK), or null for methods without keys.</param>
/// <param name="MppeRecvKey">MS-MPPE-Recv-Key from the Access-Accept, decrypted by eapol_test.</param>
/// <param name="MppeSendKey">MS-MPPE-Send-Key from the Access-Accept, decrypted by eapol_test.</param>
internal sealed record EapolResult(
    int ExitCode, string Output, bool Succeeded, bool ReceivedEapFailure, byte[]? Msk, byte[]? MppeRecvKey, byte[]? MppeSendKey)
{
    /// <summary>The server's keys as the NAS sees the MSK: MS-MPPE-Recv-Key ‖ MS-MPPE-Send-Key.</summary>
    public byte[]? ServerMsk => MppeRecvKey is { } recv && MppeSendKey is { } send ? [.. recv, .. send] : null;
}

/// <summary>
/// Debian's eapol_test (package eapoltest) as a real EAP peer: writes its configuration, runs it against a
/// gateway and parses the derived MSK and the MS-MPPE keys it received, so a test can compare the full keys.
/// </summary>
internal static partial class EapolTest
{
    private const string Package = "eapoltest";

    /// <summary>Writes <paramref name="network"/> to a file in <paramref name="directory"/> and returns its path.</summary>
    public static string WriteConfig(string directory, EapolNetwork network)
    {
        var lines = new List<string> { "network={", "  key_mgmt=WPA-EAP", $"  eap={network.Eap}", $"  identity={Quote(network.Identity)}" };
        Add(lines, "password", network.Password);
        Add(lines, "anonymous_identity", network.AnonymousIdentity);
        Add(lines, "ca_cert", network.CaCert);
        Add(lines, "client_cert", network.ClientCert);
        Add(lines, "private_key", network.PrivateKey);
        Add(lines, "phase1", network.Phase1);
        Add(lines, "phase2", network.Phase2);
        lines.Add("}");
        var path = Path.Combine(directory, $"eapol-{Guid.NewGuid():N}.conf");
        File.WriteAllLines(path, lines);
        return path;
    }

    /// <summary>
    /// <c>eapol_test -c config -a address -p port -s secret -t timeout</c> (with <c>-n</c> when no keys are expected,
    /// <c>-A</c> to send from another local address, i.e. another NAS client entry).
    /// </summary>
    public static async Task<EapolResult> RunAsync(
        string configPath, IPEndPoint server, string secret = ClusterConfigFile.Secret, bool expectKeys = true, IPAddress? clientAddress = null, int timeoutSeconds = 15)
    {
        var arguments = new List<string>
        {
            "-c", configPath, "-a", server.Address.ToString(), "-p", server.Port.ToString(CultureInfo.InvariantCulture),
            "-s", secret, "-t", timeoutSeconds.ToString(CultureInfo.InvariantCulture),
        };
        if (!expectKeys)
        {
            arguments.Add("-n");
        }

        if (clientAddress is not null)
        {
            arguments.Add("-A" + clientAddress);
        }

        var result = await ToolRunner.RunAsync(ToolRunner.Require("eapol_test", Package), arguments, timeout: TimeSpan.FromSeconds(timeoutSeconds + 15));
        return Parse(result.ExitCode, result.Output);
    }

    /// <summary>Reads eapol_test's output.</summary>
    public static EapolResult Parse(int exitCode, string output) => new(
        exitCode,
        output,
        output.Split('\n').Any(line => line.Trim() == "SUCCESS"),
        output.Contains("EAP: Received EAP-Failure", StringComparison.Ordinal),
        Hexdump(output, "Derived key") ?? Hexdump(output, "EAP: MSK"),
        Hexdump(output, "MS-MPPE-Recv-Key (crypt)"),
        Hexdump(output, "MS-MPPE-Send-Key (sign)"));

    // "<label> - hexdump(len=32): 3b ba …"; the last occurrence is the one of the finished authentication.
    private static byte[]? Hexdump(string output, string label)
    {
        byte[]? found = null;
        foreach (Match match in HexdumpLine().Matches(output))
        {
            if (match.Groups["label"].Value.EndsWith(label, StringComparison.Ordinal))
            {
                found = Convert.FromHexString(match.Groups["hex"].Value.Replace(" ", "", StringComparison.Ordinal));
            }
        }

        return found;
    }

    private static void Add(List<string> lines, string key, string? value)
    {
        if (value is not null)
        {
            lines.Add($"  {key}={Quote(value)}");
        }
    }

    private static string Quote(string value) => "\"" + value.Replace("\"", "", StringComparison.Ordinal) + "\"";

    [GeneratedRegex(@"^(?<label>[^\r\n]*?) - hexdump\(len=\d+\): (?<hex>[0-9a-f ]+)\r?$", RegexOptions.Multiline)]
    private static partial Regex HexdumpLine();

    /// <summary>For messages: the lines that tell what happened.</summary>
    public static string Summary(EapolResult result) =>
        string.Join('\n', result.Output.Split('\n').Where(line =>
            line.Contains("CTRL-EVENT", StringComparison.Ordinal) || line.Contains("RADIUS message", StringComparison.Ordinal)
            || line.Contains("MPPE", StringComparison.Ordinal) || line.Trim() is "SUCCESS" or "FAILURE"));
}
