namespace Orleans.Radius.Grains.Accounting;

/// <summary>What a commit did: applied, or refused because the stored version moved.</summary>
/// <param name="Applied">True when the commit was applied (and its export entry appended).</param>
/// <param name="Current">
/// When refused: what is stored now (null when nothing is), read in the same atomic step, so the caller
/// decides again without another round trip.
/// </param>
public sealed record CommitOutcome(bool Applied, StoredSession? Current)
{
    /// <summary>The commit was applied.</summary>
    public static CommitOutcome Done { get; } = new(true, null);

    /// <summary>The commit was refused; <paramref name="current"/> is what is stored now.</summary>
    public static CommitOutcome Refused(StoredSession? current) => new(false, current);
}
