namespace Orleans.Radius.Silo.Admin.Coa;

/// <summary>What became of a Disconnect- or CoA-Request, as the admin API reports it.</summary>
/// <param name="Outcome"><c>ack</c>, <c>nak</c> or <c>timeout</c>.</param>
/// <param name="Code">The answer's code ("Disconnect-ACK"), null on timeout.</param>
/// <param name="Nas">Where the request was sent ("192.0.2.7:3799").</param>
/// <param name="Attempts">How many times the request was sent.</param>
/// <param name="ErrorCause">Error-Cause of the answer, when it had one.</param>
/// <param name="ErrorCauseName">The RFC 5176 §3.5 name of <paramref name="ErrorCause"/>.</param>
/// <param name="Discarded">Datagrams received that were not a valid answer (bad authenticator, wrong code or identifier).</param>
/// <param name="ElapsedMilliseconds">From the first send to the answer or the give-up.</param>
public sealed record DynamicAuthorizationResult(
    string Outcome, string? Code, string Nas, int Attempts, uint? ErrorCause, string? ErrorCauseName, int Discarded, long ElapsedMilliseconds)
{
    public const string Ack = "ack";
    public const string Nak = "nak";
    public const string Timeout = "timeout";
}
